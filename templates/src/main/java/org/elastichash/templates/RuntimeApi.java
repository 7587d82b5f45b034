package org.elastichash.templates;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;

/**
 * The generator's side of the contract with the runtime: the one exported package generated code
 * may call, and the contract version every generated class checks (the runtime's side is {@code
 * org.elastichash.runtime.CodegenContract}).
 */
public final class RuntimeApi {

  /** The runtime package generated code calls; the library's module exports it. */
  public static final String PACKAGE = "org.elastichash.runtime";

  /**
   * The contract version this template writes code for. Raise it, with the runtime's {@code
   * CodegenContract.VERSION}, when generated code starts to need something the runtime did not
   * offer before or a runtime change breaks code generated earlier.
   */
  public static final int CONTRACT_VERSION = 3;

  private static final ClassName CONTRACT = ClassName.get(PACKAGE, "CodegenContract");

  private RuntimeApi() {}

  /**
   * The static initializer statement of a generated class: checks the contract it was generated for
   * against the runtime's as the class loads, and references the versioned constant so that a
   * runtime without that contract fails the compilation instead.
   *
   * @param generated the generated class
   * @return the statement
   */
  public static CodeBlock contractCheck(ClassName generated) {
    return CodeBlock.builder()
        .addStatement(
            "$T.check($T.VERSION_$L, $T.class)", CONTRACT, CONTRACT, CONTRACT_VERSION, generated)
        .build();
  }
}
