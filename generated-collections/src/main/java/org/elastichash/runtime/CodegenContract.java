package org.elastichash.runtime;

/**
 * The version of the contract between the codegen and this runtime, checked by every generated
 * class. Generated code calls the classes of this package and nothing else of the library's
 * internals; a change to what it may call, or to what those calls mean, is a new contract version.
 *
 * <p>Each generated class starts with
 *
 * <pre>{@code
 * static {
 *   CodegenContract.check(CodegenContract.VERSION_3, ElasticShortFloatMap.class);
 * }
 * }</pre>
 *
 * which catches a mismatched generator and runtime twice over:
 *
 * <ul>
 *   <li>at compile time, because a runtime that does not implement contract 3 has no {@code
 *       VERSION_3}, so code generated for it does not compile ("cannot find symbol VERSION_3");
 *   <li>at run time, when the code was compiled against one runtime and runs against another:
 *       {@link #check} throws as the class initializes, before any of its methods runs.
 * </ul>
 *
 * The cure in both cases is to regenerate with the codegen (Maven plugin or CLI) of the same
 * version as the {@code generated-collections} dependency.
 */
public final class CodegenContract {

  /**
   * The contract this runtime implements. Contract 2 added {@link Hashing#unmix}, which object-key
   * collections call to compare stored hash codes. Contract 3 replaced the group words' passed
   * counts with reaches ({@link ControlBytes#searchDepth}), so that {@link ElasticTable#release}
   * takes the map's {@link SlotHashes}; code generated for contracts 1 and 2 must be regenerated.
   */
  public static final int VERSION = 3;

  /**
   * The symbol code generated for contract 3 references; it exists exactly as long as this runtime
   * implements contract 3.
   */
  public static final int VERSION_3 = 3;

  private CodegenContract() {}

  /**
   * Checks that this runtime implements the contract a generated class was generated for.
   *
   * @param generatedFor the contract version the codegen wrote into the class
   * @param generated the generated class, for the message
   * @throws IllegalStateException naming the class and both versions if they differ
   */
  public static void check(int generatedFor, Class<?> generated) {
    if (generatedFor != VERSION) {
      throw new IllegalStateException(
          generated.getName()
              + " was generated for contract "
              + generatedFor
              + " of the org.elastichash runtime, but the runtime on the class or module path"
              + " implements contract "
              + VERSION
              + ": regenerate it with the codegen of the same version as the"
              + " generated-collections dependency");
    }
  }
}
