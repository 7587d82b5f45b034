package org.elastichash.templates;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;

/**
 * The compute family and merge of a map: {@code compute}, {@code computeIfPresent}, {@code
 * computeIfAbsent} and {@code merge} with {@code java.util.Map} semantics, and the boxing-free
 * {@code compute<V>IfAbsent} and {@code merge<V>} for int, long and double values.
 */
final class ComputeBuilder extends TemplateBuilder {

  ComputeBuilder(TemplateContext context) {
    super(context);
  }

  /** The compute family and merge, and their boxing-free variants where the value type has them. */
  void addComputeAndMerge(TypeSpec.Builder map) {
    addComputeMethods(map);
    if (hasPrimitiveComputeMethods()) {
      addPrimitiveComputeMethods(map);
    }
  }

  /**
   * The compute family and merge, with {@code java.util.Map} semantics: the functions take and
   * return boxed values so that {@code null} can say "absent" and "remove", as fastutil's do;
   * {@code addTo} is the boxing-free way to count.
   */
  private void addComputeMethods(TypeSpec.Builder map) {
    map.addMethod(
        mapMethod(
                "compute",
                """
                Maps {@code key} to what {@code remappingFunction} returns for it and its current
                value ({@code null} if absent), or removes it if that is {@code null}. Expected O(1)
                probes plus the function.

                @param key the key
                @param remappingFunction the new value from the key and the current value
                @return the new value, or $absent:L if the key ends up absent
                @throws NullPointerException if {@code remappingFunction} is null
                @throws java.util.ConcurrentModificationException if the function changes the map
                """)
            .returns(type("v"))
            .addParameter(param("k", "key"))
            .addParameter(type("remapping"), "remappingFunction")
            .addCode(
                code(
                    """
                    $args:T.checkNotNull(remappingFunction, "remappingFunction");
                    long hash = hashOf(key);
                    long position = indexOf(key, hash);
                    $vBox:T current = position < 0 ? null : valueAt(position);
                    int expectedModCount = modCount;
                    $vBox:T replacement = remappingFunction.apply(key, current);
                    if (modCount != expectedModCount) {
                      throw new $cme:T();
                    }
                    if (replacement == null) {
                      if (position >= 0) {
                        removeAt(position, hash);
                      }
                      return $absent:L;
                    }
                    if (position >= 0) {
                      setValueAt(position, replacement);
                    } else {
                      insert(key, replacement, hash$missArgument:L);
                    }
                    return replacement;
                    """))
            .build());
    map.addMethod(
        mapMethod(
                "computeIfPresent",
                """
                If {@code key} has a value, replaces it with what {@code remappingFunction} returns,
                or removes the entry if that is {@code null}. Expected O(1) probes plus the function.

                @param key the key
                @param remappingFunction the new value from the key and the current value
                @return the new value, or $absent:L if the key ends up absent
                @throws NullPointerException if {@code remappingFunction} is null
                @throws java.util.ConcurrentModificationException if the function changes the map
                """)
            .returns(type("v"))
            .addParameter(param("k", "key"))
            .addParameter(type("remapping"), "remappingFunction")
            .addCode(
                code(
                    """
                    $args:T.checkNotNull(remappingFunction, "remappingFunction");
                    long hash = hashOf(key);
                    long position = indexOf(key, hash);
                    if (position < 0$absentIfNull:L) {
                      return $absent:L;
                    }
                    int expectedModCount = modCount;
                    $vBox:T replacement = remappingFunction.apply(key, valueAt(position));
                    if (modCount != expectedModCount) {
                      throw new $cme:T();
                    }
                    if (replacement == null) {
                      removeAt(position, hash);
                      return $absent:L;
                    }
                    setValueAt(position, replacement);
                    return replacement;
                    """))
            .build());
    map.addMethod(
        mapMethod(
                "computeIfAbsent",
                """
                If {@code key} has no value, maps it to what {@code mappingFunction} returns unless
                that is {@code null}. Expected O(1) probes plus the function.

                @param key the key
                @param mappingFunction the value for an absent key
                @return the current or new value, or $absent:L if the key stays absent
                @throws NullPointerException if {@code mappingFunction} is null
                @throws java.util.ConcurrentModificationException if the function changes the map
                """)
            .returns(type("v"))
            .addParameter(param("k", "key"))
            .addParameter(type("mapping"), "mappingFunction")
            .addCode(
                code(
                    """
                    $args:T.checkNotNull(mappingFunction, "mappingFunction");
                    long hash = hashOf(key);
                    long position = indexOf(key, hash);
                    if (!(position < 0$absentIfNull:L)) {
                      return valueAt(position);
                    }
                    int expectedModCount = modCount;
                    $vBox:T created = mappingFunction.apply(key);
                    if (modCount != expectedModCount) {
                      throw new $cme:T();
                    }
                    if (created == null) {
                      return $absent:L;
                    }
                    if (position >= 0) {
                      setValueAt(position, created);
                    } else {
                      insert(key, created, hash$missArgument:L);
                    }
                    return created;
                    """))
            .build());
    map.addMethod(
        mapMethod(
                "merge",
                """
                Maps an absent {@code key} to {@code value}, or replaces its value with what {@code
                remappingFunction} returns for the old value and {@code value}, removing the entry
                if that is {@code null}. Expected O(1) probes plus the function.

                @param key the key
                @param value the value to store or merge
                @param remappingFunction the merged value from the old value and {@code value}
                @return the new value, or $absent:L if the key ends up absent
                @throws NullPointerException if {@code remappingFunction} is null
                @throws java.util.ConcurrentModificationException if the function changes the map
                """)
            .returns(type("v"))
            .addParameter(param("k", "key"))
            .addParameter(param("v", "value"))
            .addParameter(type("merging"), "remappingFunction")
            .addCode(
                code(
                    (value.isObject() ? "$args:T.checkNotNull(value, \"value\");\n" : "")
                        + """
                        $args:T.checkNotNull(remappingFunction, "remappingFunction");
                        long hash = hashOf(key);
                        long position = indexOf(key, hash);
                        if (position < 0$absentIfNull:L) {
                          if (position >= 0) {
                            setValueAt(position, value);
                          } else {
                            insert(key, value, hash$missArgument:L);
                          }
                          return value;
                        }
                        int expectedModCount = modCount;
                        $vBox:T merged = remappingFunction.apply(valueAt(position), value);
                        if (modCount != expectedModCount) {
                          throw new $cme:T();
                        }
                        if (merged == null) {
                          removeAt(position, hash);
                          return $absent:L;
                        }
                        setValueAt(position, merged);
                        return merged;
                        """))
            .build());
  }

  /**
   * The value types with a boxing-free {@code compute<V>IfAbsent} and {@code merge<V>}: those for
   * which {@code java.util.function} has the functions, as fastutil offers {@code mergeInt}.
   */
  private boolean hasPrimitiveComputeMethods() {
    return value == JavaType.INT || value == JavaType.LONG || value == JavaType.DOUBLE;
  }

  /**
   * The {@code java.util.function} type from the key to the value: {@code IntUnaryOperator}, {@code
   * LongToIntFunction}, {@code ToLongFunction<? super K>}. Byte, short and char keys widen to int
   * and float keys to double, which loses nothing.
   */
  private TypeName keyToValueFunction() {
    String to = value.label();
    if (key.isObject()) {
      return ParameterizedTypeName.get(
          ClassName.get("java.util.function", "To" + to + "Function"),
          WildcardTypeName.supertypeOf(type("k")));
    }
    String from =
        switch (key) {
          case LONG -> "Long";
          case FLOAT, DOUBLE -> "Double";
          default -> "Int";
        };
    return ClassName.get(
        "java.util.function",
        from.equals(to) ? from + "UnaryOperator" : from + "To" + to + "Function");
  }

  /** {@code compute<V>IfAbsent} and {@code merge<V>}: the compute family without boxing. */
  private void addPrimitiveComputeMethods(TypeSpec.Builder map) {
    String label = value.label();
    map.addMethod(
        publicMethod(
                "compute" + label + "IfAbsent",
                """
                If {@code key} is absent, maps it to what {@code mappingFunction} returns for it;
                either way returns its value. The boxing-free {@link #computeIfAbsent}: the function
                cannot decline, so the key is always present afterwards. Expected O(1) probes plus
                the function, amortized over growth.

                @param key the key
                @param mappingFunction the value for an absent key
                @return the current or new value
                @throws NullPointerException if {@code mappingFunction} is null
                @throws java.util.ConcurrentModificationException if the function changes the map
                """)
            .returns(type("v"))
            .addParameter(param("k", "key"))
            .addParameter(keyToValueFunction(), "mappingFunction")
            .addCode(
                code(
                    """
                    $args:T.checkNotNull(mappingFunction, "mappingFunction");
                    long hash = hashOf(key);
                    long position = indexOf(key, hash);
                    if (position >= 0) {
                      return valueAt(position);
                    }
                    int expectedModCount = modCount;
                    $v:T created = mappingFunction.$applyAs:L(key);
                    if (modCount != expectedModCount) {
                      throw new $cme:T();
                    }
                    insert(key, created, hash$missArgument:L);
                    return created;
                    """))
            .build());
    map.addMethod(
        publicMethod(
                "merge" + label,
                """
                Maps an absent {@code key} to {@code value}, or replaces its value with what {@code
                remappingFunction} returns for the old value and {@code value}. The boxing-free
                {@link #merge}, like fastutil's {@code mergeVALUE}: it never removes. Expected O(1)
                probes plus the function, amortized over growth.

                @param key the key
                @param value the value to store or merge
                @param remappingFunction the merged value from the old value and {@code value}
                @return the new value
                @throws NullPointerException if {@code remappingFunction} is null
                @throws java.util.ConcurrentModificationException if the function changes the map
                """
                    .replace("VALUE", label))
            .returns(type("v"))
            .addParameter(param("k", "key"))
            .addParameter(param("v", "value"))
            .addParameter(
                ClassName.get("java.util.function", label + "BinaryOperator"), "remappingFunction")
            .addCode(
                code(
                    """
                    $args:T.checkNotNull(remappingFunction, "remappingFunction");
                    long hash = hashOf(key);
                    long position = indexOf(key, hash);
                    if (position < 0) {
                      insert(key, value, hash$missArgument:L);
                      return value;
                    }
                    int expectedModCount = modCount;
                    $v:T merged = remappingFunction.$applyAs:L(valueAt(position), value);
                    if (modCount != expectedModCount) {
                      throw new $cme:T();
                    }
                    setValueAt(position, merged);
                    return merged;
                    """))
            .build());
  }
}
