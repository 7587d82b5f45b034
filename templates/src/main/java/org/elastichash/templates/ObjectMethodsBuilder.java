package org.elastichash.templates;

import com.palantir.javapoet.TypeSpec;

/**
 * A primitive map's or set's {@code equals}, {@code hashCode} and {@code toString}. The drop-in
 * collections inherit theirs from {@code AbstractMap} and {@code AbstractSet}.
 */
final class ObjectMethodsBuilder extends TemplateBuilder {

  ObjectMethodsBuilder(TemplateContext context) {
    super(context);
  }

  /**
   * A primitive map's or set's {@code equals}, {@code hashCode} and {@code toString}, with {@code
   * java.util.Map} or {@code java.util.Set} semantics.
   */
  void addObjectMethods(TypeSpec.Builder map) {
    map.addMethod(
        override("equals")
            .addJavadoc(
                code(
                    """
                    Whether {@code other} is another {@code $selfRaw:T} with the same $contents:L, as {@link
                    $collection:L#equals} defines it.
                    """))
            .returns(boolean.class)
            .addParameter(Object.class, "other")
            .addCode(
                code(
                    """
                    if (other == this) {
                      return true;
                    }
                    if (!(other instanceof $selfAny:T that) || that.size() != size()) {
                      return false;
                    }
                    for (long position = table.nextLive(-1); position >= 0; position = table.nextLive(position)) {
                      long match = that.indexOf(keyAt(position));
                      if (match < 0$valueDiffers:L) {
                        return false;
                      }
                    }
                    return true;
                    """))
            .build());
    map.addMethod(
        override("hashCode")
            .addJavadoc(
                code(
                    "The hash code {@link $collection:L#hashCode} defines for these $contents:L.\n"))
            .returns(int.class)
            .addCode(
                code(
                    """
                    int hash = 0;
                    for (long position = table.nextLive(-1); position >= 0; position = table.nextLive(position)) {
                      hash += $itemHash:L;
                    }
                    return hash;
                    """))
            .build());
    map.addMethod(
        override("toString")
            .addJavadoc(
                hasValues
                    ? "The mappings as {@code {key=value, ...}}, like {@link java.util.AbstractMap#toString}.\n"
                    : "The elements as {@code [a, b, ...]}, like {@link java.util.AbstractCollection#toString}.\n")
            .returns(String.class)
            .addCode(
                code(
                    """
                    StringBuilder text = new StringBuilder("$open:L");
                    for (long position = table.nextLive(-1); position >= 0; position = table.nextLive(position)) {
                      if (text.length() > 1) {
                        text.append(", ");
                      }
                      text.append($itemText:L);
                    }
                    return text.append('$close:L').toString();
                    """))
            .build());
  }
}
