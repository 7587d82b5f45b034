package org.elastichash.templates;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
import java.util.List;

/**
 * The base of the builders that write one concern of a generated collection. It gives each builder
 * the {@link TemplateContext}'s facts and helpers under short names, so that a method body reads as
 * Java text with placeholders; the bindings themselves live only in the context. A builder adds
 * members to the {@code TypeSpec.Builder} it is given or returns whole types, and knows no other
 * builder: {@link MapTemplate} composes them.
 */
abstract class TemplateBuilder {

  final TemplateContext context;
  final MapSpec spec;
  final JavaType key;
  final JavaType value;
  final boolean hasValues;
  final boolean dropIn;
  final ClassName selfRaw;
  final List<TypeVariableName> typeVariables;

  TemplateBuilder(TemplateContext context) {
    this.context = context;
    this.spec = context.spec;
    this.key = context.key;
    this.value = context.value;
    this.hasValues = context.hasValues;
    this.dropIn = context.dropIn;
    this.selfRaw = context.selfRaw;
    this.typeVariables = context.typeVariables;
  }

  /** Java text with named placeholders, bound by the context. */
  final CodeBlock code(String format) {
    return context.code(format);
  }

  /**
   * A lookup of {@code key}, whose hash is in {@code hash}, written into the method that needs it,
   * so that a key in its first segment-0 group, where most keys are, costs no call and no position:
   * {@code found} runs with {@code slot} its slot in segment 0. Otherwise {@code after} runs with
   * {@code position} what {@code indexOf} would return, or that is returned if {@code after} is
   * null.
   *
   * @param found statements for a key found in the first group, each line one statement
   * @param after statements for any other outcome, or null
   */
  final CodeBlock firstGroupLookup(String found, String after) {
    boolean counted = key.isObject();
    return code(
        """
        long[] control = control0;
        int group = $hashing:T.startGroup(hash, 0, control.length);
        long word = control[group];
        int first = $table:T.firstSlot(group);
        long fingerprints = $control:T.broadcast($control:T.fingerprint(hash));
        DECLARE_HASH_CODE
        DECLARE_FAILED
        for (long matches = $control:T.matchFingerprint(word, fingerprints);
            matches != 0;
            matches &= matches - 1) {
          int slot = first + $control:T.lowestSlot(matches);
          if ($keyMatchesInSegmentZero:L) {
            FOUND
          }
          COUNT_FAILED
        }
        PAST_FIRST_GROUP
        """
            .replace(
                "DECLARE_HASH_CODE\n",
                counted ? "int hashCode = $hashing:T.unmix(hash, seed);\n" : "")
            .replace("DECLARE_FAILED\n", counted ? "int failed = 0;\n" : "")
            .replace("  COUNT_FAILED\n", counted ? "  failed++;\n" : "")
            .replace("FOUND", found.strip().replace("\n", "\n    "))
            .replace(
                "PAST_FIRST_GROUP",
                (after == null ? "return " : "long position = ")
                    + "indexOfPastFirstGroup(key, hash, "
                    + (counted ? "hashCode, " : "")
                    + "group, word"
                    + (counted ? ", failed" : "")
                    + ");"
                    + (after == null ? "" : "\n" + after.strip())));
  }

  /** {@code text} in an object-key collection, nothing in a primitive-key one. */
  final String forObjectKeys(String text) {
    return key.isObject() ? text : "";
  }

  /** The type bound to a placeholder: {@code type("k")} is the key type. */
  final TypeName type(String name) {
    return context.type(name);
  }

  /** The value bound to a placeholder, to pass as a positional JavaPoet argument. */
  final Object bound(String name) {
    return context.bound(name);
  }

  final MethodSpec.Builder publicMethod(String name, String javadoc) {
    return context.publicMethod(name, javadoc);
  }

  /** A public method that is also a {@code java.util.Map} method when this is the drop-in map. */
  final MethodSpec.Builder mapMethod(String name, String javadoc) {
    return context.mapMethod(name, javadoc);
  }

  final MethodSpec.Builder privateMethod(String name) {
    return context.privateMethod(name);
  }

  /** A public method annotated {@code @Override}. */
  static MethodSpec.Builder override(String name) {
    return TemplateContext.override(name);
  }

  /** A parameter whose type is bound to a placeholder. */
  final ParameterSpec param(String typeName, String name) {
    return context.param(typeName, name);
  }

  /** The {@code @param} tags of the collection's type variables, after a blank line. */
  final String typeParameterDocs() {
    return context.typeParameterDocs();
  }
}
