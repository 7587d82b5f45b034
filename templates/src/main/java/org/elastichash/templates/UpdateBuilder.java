package org.elastichash.templates;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.TypeSpec;

/**
 * Updates: {@code put}, {@code putIfAbsent} and {@code remove} (a set's {@code add}, {@code addAll}
 * and {@code remove}), {@code clear} and {@code ensureCapacity}; a map's {@code replace},
 * conditional {@code remove} and {@code addTo}.
 */
final class UpdateBuilder extends TemplateBuilder {

  UpdateBuilder(TemplateContext context) {
    super(context);
  }

  /** Insertion and removal by key, {@code clear} and {@code ensureCapacity}. */
  void addUpdates(TypeSpec.Builder map) {
    if (hasValues) {
      addPutAndRemove(map);
    } else {
      addAddAndRemove(map);
    }
    addClearAndEnsureCapacity(map);
  }

  private void addAddAndRemove(TypeSpec.Builder map) {
    if (!dropIn) {
      map.addMethod(
          publicMethod(
                  "addAll",
                  """
                  Adds every element of {@code keys} that is absent, without boxing. Expected O(1)
                  probes per element, amortized over growth.

                  @param keys the elements
                  @return whether the set changed
                  @throws NullPointerException if {@code keys} is null
                  """)
              .returns(boolean.class)
              .addParameter(ArrayTypeName.of(type("k")), "keys")
              .varargs()
              .addCode(
                  code(
                      """
                      $args:T.checkNotNull(keys, "keys");
                      boolean changed = false;
                      for ($k:T key : keys) {
                        changed |= add(key);
                      }
                      return changed;
                      """))
              .build());
    }
    map.addMethod(
        mapMethod(
                "add",
                """
                Adds {@code key} if it is absent. Expected O(1) probes, amortized over growth.

                @param key the element
                @return whether the set changed: false if {@code key} was already present
                """)
            .returns(boolean.class)
            .addParameter(param("k", "key"))
            .addCode(
                code(
                    """
                    long hash = hashOf(key);
                    long position = indexOf(key, hash);
                    if (position >= 0) {
                      return false;
                    }
                    insert(key, hash$missArgument:L);
                    return true;
                    """))
            .build());
    map.addMethod(
        mapMethod(
                "remove",
                """
                Removes {@code key} if it is present. Expected O(1) probes; other elements do not
                move.

                @param key the element
                @return whether the set changed: false if {@code key} was absent
                """)
            .returns(boolean.class)
            .addParameter(param("kQuery", "key"))
            .addCode(
                code(
                    """
                    long hash = hashOf(key);
                    long position = indexOf(key, hash);
                    if (position < 0) {
                      return false;
                    }
                    removeAt(position, hash);
                    return true;
                    """))
            .build());
  }

  private void addPutAndRemove(TypeSpec.Builder map) {
    map.addMethod(
        mapMethod(
                "put",
                """
                Maps {@code key} to {@code value}. Expected O(1) probes, amortized over growth.

                @param key the key
                @param value the value
                @return the previous value of {@code key}, or $absent:L if it was absent
                """)
            .returns(type("v"))
            .addParameter(param("k", "key"))
            .addParameter(param("v", "value"))
            .addStatement("long hash = hashOf(key)")
            .addCode(
                firstGroupLookup(
                    """
                    $v:T previous = valueInSegmentZero(slot);
                    values0[slot] = value;
                    return previous;
                    """,
                    """
                    if (position >= 0) {
                      return setValueAt(position, value);
                    }
                    insert(key, value, hash$missArgument:L);
                    return $absent:L;
                    """))
            .build());
    String putIfAbsentBody =
        value.isObject()
            ? """
              long hash = hashOf(key);
              long position = indexOf(key, hash);
              if (position >= 0) {
                $v:T current = valueAt(position);
                if (current == null) {
                  setValueAt(position, value);
                }
                return current;
              }
              insert(key, value, hash$missArgument:L);
              return $absent:L;
              """
            : """
              long hash = hashOf(key);
              long position = indexOf(key, hash);
              if (position >= 0) {
                return valueAt(position);
              }
              insert(key, value, hash$missArgument:L);
              return $absent:L;
              """;
    map.addMethod(
        mapMethod(
                "putIfAbsent",
                value.isObject()
                    ? """
                      Maps {@code key} to {@code value} if it is absent or mapped to {@code null}, as {@link
                      java.util.Map#putIfAbsent} does. Expected O(1) probes.

                      @param key the key
                      @param value the value
                      @return the current value of {@code key}, or $absent:L if it was absent
                      """
                    : """
                      Maps {@code key} to {@code value} if it is absent. Expected O(1) probes.

                      @param key the key
                      @param value the value
                      @return the current value of {@code key}, or $absent:L if it was absent
                      """)
            .returns(type("v"))
            .addParameter(param("k", "key"))
            .addParameter(param("v", "value"))
            .addCode(code(putIfAbsentBody))
            .build());
    map.addMethod(
        mapMethod(
                "remove",
                """
                Removes the entry of {@code key}. Expected O(1) probes; other entries do not move.

                @param key the key
                @return the value {@code key} had, or $absent:L if it was absent
                """)
            .returns(type("v"))
            .addParameter(param("kQuery", "key"))
            .addCode(
                code(
                    """
                    long hash = hashOf(key);
                    long position = indexOf(key, hash);
                    if (position < 0) {
                      return $absent:L;
                    }
                    $v:T previous = valueAt(position);
                    removeAt(position, hash);
                    return previous;
                    """))
            .build());
  }

  private void addClearAndEnsureCapacity(TypeSpec.Builder map) {
    StringBuilder clear =
        new StringBuilder(
            """
            if (table.size() == 0) {
              return;
            }
            table.clear();
            """);
    boolean objectValues = hasValues && value.isObject();
    if (key.isObject() || objectValues) {
      clear.append("for (int s = 0; s < keys.length; s++) {\n  if (keys[s] != null) {\n");
      if (key.isObject()) {
        clear.append("    $arrays:T.fill(keys[s], null);\n");
      }
      if (objectValues) {
        clear.append("    $arrays:T.fill(values[s], null);\n");
      }
      clear.append("  }\n}\n");
    }
    clear.append("modCount++;\n");
    map.addMethod(
        mapMethod("clear", "Removes all $items:L, keeping the capacity. Linear in the capacity.\n")
            .addCode(code(clear.toString()))
            .build());
    map.addMethod(
        publicMethod(
                "ensureCapacity",
                """
                Makes room for {@code expectedSize} $items:L in all, so that adding up to that many
                causes no further growth. Linear in the size if the $noun:L has to grow.

                @param expectedSize the number of $items:L the $noun:L should hold without growing
                @throws IllegalArgumentException if {@code expectedSize} is negative
                """)
            .addParameter(int.class, "expectedSize")
            .addCode(
                code(
                    """
                    $args:T.checkExpectedSize(expectedSize);
                    if (!table.admits(expectedSize)) {
                      double delta = table.geometry().delta();
                      rebuild(new $table:T($geometry:T.forExpectedSize(expectedSize, delta)));
                      modCount++;
                    }
                    """))
            .build());
  }

  /** replace, conditional remove and addTo. */
  void addConditionalUpdates(TypeSpec.Builder map) {
    map.addMethod(
        mapMethod(
                "replace",
                """
                Replaces the value of {@code key} if it is present. Expected O(1) probes.

                @param key the key
                @param value the new value
                @return the value it replaced, or $absent:L if {@code key} was absent
                """)
            .returns(type("v"))
            .addParameter(param("k", "key"))
            .addParameter(param("v", "value"))
            .addStatement("long position = indexOf(key)")
            .addStatement(code("return position < 0 ? $absent:L : setValueAt(position, value)"))
            .build());
    map.addMethod(
        mapMethod(
                "replace",
                """
                Replaces the value of {@code key} with {@code newValue} if it is currently {@code
                oldValue}. Expected O(1) probes.

                @param key the key
                @param oldValue the value expected
                @param newValue the value to store
                @return whether the value was replaced
                """)
            .returns(boolean.class)
            .addParameter(param("k", "key"))
            .addParameter(param("v", "oldValue"))
            .addParameter(param("v", "newValue"))
            .addCode(
                code(
                    """
                    long position = indexOf(key);
                    if (position < 0 || !($currentIsOld:L)) {
                      return false;
                    }
                    setValueAt(position, newValue);
                    return true;
                    """))
            .build());
    map.addMethod(
        mapMethod(
                "remove",
                """
                Removes the entry of {@code key} if its value is {@code value}. Expected O(1) probes.

                @param key the key
                @param value the value expected
                @return whether the entry was removed
                """)
            .returns(boolean.class)
            .addParameter(param("kQuery", "key"))
            .addParameter(param("vQuery", "value"))
            .addCode(
                code(
                    """
                    long hash = hashOf(key);
                    long position = indexOf(key, hash);
                    if (position < 0 || !($currentIsValue:L)) {
                      return false;
                    }
                    removeAt(position, hash);
                    return true;
                    """))
            .build());
    if (value.isNumeric()) {
      map.addMethod(
          publicMethod(
                  "addTo",
                  """
                  Adds {@code increment} to the value of {@code key}; an absent key starts from the
                  default return value. Expected O(1) probes, amortized over growth.

                  @param key the key
                  @param increment what to add
                  @return the value before the addition (the default return value if absent)
                  """)
              .returns(type("v"))
              .addParameter(param("k", "key"))
              .addParameter(param("v", "increment"))
              .addCode(
                  code(
                      """
                      long hash = hashOf(key);
                      long position = indexOf(key, hash);
                      if (position >= 0) {
                        $v:T previous = valueAt(position);
                        setValueAt(position, $narrow:L(previous + increment));
                        return previous;
                      }
                      insert(key, $narrow:L(defaultReturnValue + increment), hash$missArgument:L);
                      return defaultReturnValue;
                      """))
              .build());
    }
  }
}
