package org.elastichash.templates;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import java.io.Serializable;
import java.util.AbstractMap;
import java.util.AbstractSet;
import javax.lang.model.element.Modifier;

/**
 * The declaration of the collection class: its name, modifiers, type variables, supertypes and
 * class Javadoc. The other builders add its members.
 */
final class DeclarationBuilder extends TemplateBuilder {

  DeclarationBuilder(TemplateContext context) {
    super(context);
  }

  /** A builder of the collection class with its declaration and no members yet. */
  TypeSpec.Builder declaration() {
    TypeSpec.Builder map =
        TypeSpec.classBuilder(selfRaw)
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addTypeVariables(typeVariables)
            .addSuperinterface(Serializable.class)
            .addJavadoc(code(classJavadoc()))
            .addStaticBlock(RuntimeApi.contractCheck(selfRaw));
    if (dropIn) {
      map.superclass(
          hasValues
              ? ParameterizedTypeName.get(ClassName.get(AbstractMap.class), type("k"), type("v"))
              : ParameterizedTypeName.get(ClassName.get(AbstractSet.class), type("k")));
    }
    return map;
  }

  private String classJavadoc() {
    String intro =
        !hasValues
            ? dropIn
                ? """
                  A hash set built on elastic hashing, a drop-in replacement for {@link
                  java.util.HashSet}: it honours the whole {@link java.util.Set} contract, accepts a
                  {@code null} element, and keeps its elements in arrays with no entry objects.
                  """
                : """
                  A hash set of {@code $kName:L} elements built on elastic hashing, with its elements in
                  arrays and no boxing on its own API. {@link #asSet()} gives a live, writable {@link
                  java.util.Set} view.
                  """
            : dropIn
                ? """
              A hash map built on elastic hashing, a drop-in replacement for {@link java.util.HashMap}:
              it honours the whole {@link java.util.Map} contract, accepts {@code null} keys and
              values, and keeps entries in parallel arrays with no entry objects.
              """
                : """
              A hash map from {@code $kName:L} keys to {@code $vName:L} values built on elastic hashing,
              with keys and values in parallel arrays and no boxing on its own API. A missing key reads
              as the {@linkplain #defaultReturnValue() default return value}; {@link #asMap()} gives a
              live, writable {@link java.util.Map} view.
              """;
    return intro
        + """

          <p>Elastic hashing (Farach-Colton, Krapivin and Kuszmaul, "Optimal Bounds for Open
          Addressing Without Reordering") splits the table into segments of decreasing size and
          fills them in batches, so that lookups take O(1) expected probes on average even when the
          table is {@code 1 - delta} full, and entries never move once placed. It therefore runs at a
          higher load than a linear-probing table for the same speed. Here each segment is an eighth
          of the one before, so nine in ten entries sit in the first, and a lookup usually reads one
          group word and one key. It grows by a quarter when its entries reach {@code 1 - delta} of
          its slots; removals leave no tombstones.
          HASH_CODES
          <p>Iterators and cursors are fail-fast. The $noun:L is not thread-safe.

          <p>Generated from the Elastic Collections template; do not edit.
          """
            .replace(
                "HASH_CODES\n",
                key.isObject()
                    ? """

                      <p>Each key's {@code hashCode()} is stored beside it, 4 bytes per slot, as {@link
                      java.util.HashMap} stores it in each node: a lookup calls {@code equals} only on
                      keys with the query's hash code, and growth never calls {@code hashCode()}.

                      """
                    : "\n")
        + (typeVariables.isEmpty() ? "" : typeParameterDocs());
  }
}
