package org.elastichash.templates;

import static org.elastichash.templates.TemplateContext.STATS;

import com.palantir.javapoet.TypeSpec;

/**
 * Queries: {@code size}, {@code isEmpty}, {@code stats}, {@code contains} or {@code get}, {@code
 * getOrDefault}, {@code containsKey} and {@code containsValue}, and a map's default return value.
 */
final class QueryBuilder extends TemplateBuilder {

  QueryBuilder(TemplateContext context) {
    super(context);
  }

  /** The size, the statistics and the lookups by key and by value. */
  void addQueries(TypeSpec.Builder map) {
    map.addMethod(
        mapMethod(
                "size",
                "The number of $items:L. Constant time.\n\n@return the number of $items:L\n")
            .returns(int.class)
            .addStatement("return table.size()")
            .build());
    map.addMethod(
        mapMethod(
                "isEmpty",
                "Whether the $noun:L has no $items:L. Constant time.\n\n@return whether it is empty\n")
            .returns(boolean.class)
            .addStatement("return table.size() == 0")
            .build());
    map.addMethod(
        publicMethod(
                "stats",
                "A snapshot of the $noun:L's segments: capacity, live $items:L, longest probes.\n"
                    + "\n@return the statistics, per segment and in total\n")
            .returns(STATS)
            .addStatement("return table.stats()")
            .build());
    if (!hasValues) {
      map.addMethod(
          mapMethod(
                  "contains",
                  """
                  Whether the set holds {@code key}. Expected O(1) probes.

                  @param key the element
                  @return whether {@code key} is present
                  """)
              .returns(boolean.class)
              .addParameter(param("kQuery", "key"))
              .addStatement("long hash = hashOf(key)")
              .addCode(firstGroupLookup("return true;", "return position >= 0;"))
              .build());
      return;
    }
    map.addMethod(
        mapMethod(
                "get",
                dropIn
                    ? """
                      The value of {@code key}, or {@code null} if it is absent. Expected O(1) probes.

                      @param key the key, possibly null
                      @return the value, or {@code null}
                      """
                    : """
                      The value of {@code key}, or the default return value if it is absent. Expected O(1)
                      probes.

                      @param key the key
                      @return the value, or the default return value
                      """)
            .returns(type("v"))
            .addParameter(param("kQuery", "key"))
            .addStatement("long hash = hashOf(key)")
            .addCode(
                firstGroupLookup(
                    "return valueInSegmentZero(slot);",
                    "return position < 0 ? $absent:L : valueAt(position);"))
            .build());
    map.addMethod(
        mapMethod(
                "getOrDefault",
                """
                The value of {@code key}, or {@code defaultValue} if it is absent. Expected O(1) probes.

                @param key the key
                @param defaultValue what to return if {@code key} is absent
                @return the value, or {@code defaultValue}
                """)
            .returns(type("v"))
            .addParameter(param("kQuery", "key"))
            .addParameter(param("v", "defaultValue"))
            .addStatement("long hash = hashOf(key)")
            .addCode(
                firstGroupLookup(
                    "return valueInSegmentZero(slot);",
                    "return position < 0 ? defaultValue : valueAt(position);"))
            .build());
    map.addMethod(
        mapMethod(
                "containsKey",
                """
                Whether the map has an entry for {@code key}. Expected O(1) probes.

                @param key the key
                @return whether {@code key} is present
                """)
            .returns(boolean.class)
            .addParameter(param("kQuery", "key"))
            .addStatement("long hash = hashOf(key)")
            .addCode(firstGroupLookup("return true;", "return position >= 0;"))
            .build());
    map.addMethod(
        mapMethod(
                "containsValue",
                """
                Whether some key maps to {@code value}. Linear in the capacity.

                @param value the value
                @return whether {@code value} is present
                """)
            .returns(boolean.class)
            .addParameter(param("vQuery", "value"))
            .addCode(
                code(
                    """
                    for (long position = table.nextLive(-1); position >= 0; position = table.nextLive(position)) {
                      if ($valueMatches:L) {
                        return true;
                      }
                    }
                    return false;
                    """))
            .build());
  }

  /** A primitive map's {@code defaultReturnValue()} and {@code defaultReturnValue(value)}. */
  void addDefaultReturnValue(TypeSpec.Builder map) {
    map.addMethod(
        publicMethod(
                "defaultReturnValue",
                "What queries return for a missing key; initially {@code $zero:L}.\n"
                    + "\n@return the default return value\n")
            .returns(type("v"))
            .addStatement("return defaultReturnValue")
            .build());
    map.addMethod(
        publicMethod(
                "defaultReturnValue",
                """
                Sets what queries return for a missing key.

                @param value the new default return value
                """)
            .addParameter(param("v", "value"))
            .addStatement("defaultReturnValue = value")
            .build());
  }
}
