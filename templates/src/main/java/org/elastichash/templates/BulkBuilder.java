package org.elastichash.templates;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import javax.lang.model.element.Modifier;

/**
 * Bulk operations and iteration: {@code removeIf} and {@code replaceAll}, a map's {@code keys()}
 * and {@code values()} and a set's {@code toArray()}, {@code trimToSize}, {@code forEach}, and the
 * allocation-free, fail-fast {@code Cursor}.
 */
final class BulkBuilder extends TemplateBuilder {

  BulkBuilder(TemplateContext context) {
    super(context);
  }

  /** removeIf and replaceAll: bulk operations over every entry, in place. */
  void addBulkOperations(TypeSpec.Builder map) {
    map.addMethod(
        (dropIn && !hasValues ? override("removeIf") : publicMethod("removeIf", ""))
            .addJavadoc(
                code(
                    """
                    Removes every $item:L that satisfies {@code filter}. Linear in the capacity; the
                    other $items:L do not move.

                    @param filter the condition on $filterOn:L
                    @return whether any $item:L was removed
                    @throws NullPointerException if {@code filter} is null
                    @throws java.util.ConcurrentModificationException if {@code filter} changes the
                        $noun:L
                    """))
            .returns(boolean.class)
            .addParameter(type("predicate"), "filter")
            .addCode(
                code(
                    """
                    $args:T.checkNotNull(filter, "filter");
                    int expectedModCount = modCount;
                    boolean removed = false;
                    for (long position = table.nextLive(-1); position >= 0; position = table.nextLive(position)) {
                      boolean remove = filter.test($entryArguments:L);
                      if (modCount != expectedModCount) {
                        throw new $cme:T();
                      }
                      if (remove) {
                        removeAt(position);
                        expectedModCount = modCount;
                        removed = true;
                      }
                    }
                    return removed;
                    """))
            .build());
    if (!hasValues) {
      return;
    }
    map.addMethod(
        mapMethod(
                "replaceAll",
                """
                Replaces every value with what {@code function} returns for its entry. Linear in
                the capacity.

                @param function the new value of each entry, from its key and value
                @throws NullPointerException if {@code function} is null
                @throws java.util.ConcurrentModificationException if {@code function} changes the
                    map
                """)
            .addParameter(type("function"), "function")
            .addCode(
                code(
                    """
                    $args:T.checkNotNull(function, "function");
                    int expectedModCount = modCount;
                    for (long position = table.nextLive(-1); position >= 0; position = table.nextLive(position)) {
                      $v:T replacement = function.apply(keyAt(position), valueAt(position));
                      if (modCount != expectedModCount) {
                        throw new $cme:T();
                      }
                      setValueAt(position, replacement);
                    }
                    """))
            .build());
  }

  /** A map's {@code keys()} and {@code values()} arrays and its {@code trimToSize()}. */
  void addKeyAndValueArrays(TypeSpec.Builder map) {
    if (!dropIn) {
      map.addMethod(
          arrayOf(
              "keys",
              "kStore",
              "keyAt",
              "The keys, in iteration order, in a new array.",
              "the keys"));
      map.addMethod(
          arrayOf(
              "values",
              "vStore",
              "valueAt",
              "The values, in the order {@link #keys()} returns the keys, in a new\narray.",
              "the values"));
    }
    map.addMethod(trimToSizeMethod());
  }

  private MethodSpec trimToSizeMethod() {
    return publicMethod(
            "trimToSize",
            """
                Rebuilds the $noun:L into the smallest table that holds its $items:L. Linear in the
                size.

                @return whether the $noun:L was rebuilt
                """)
        .returns(boolean.class)
        .addCode(
            code(
                """
                    $geometry:T smallest =
                        $geometry:T.forExpectedSize(table.size(), table.geometry().delta());
                    if (smallest.topGroups() >= table.geometry().topGroups()) {
                      return false;
                    }
                    rebuild(new $table:T(smallest));
                    modCount++;
                    return true;
                    """))
        .build();
  }

  /** A primitive set's {@code toArray()} and every set's {@code trimToSize()}. */
  void addElementArrayAndTrim(TypeSpec.Builder map) {
    if (!dropIn) {
      map.addMethod(
          arrayOf(
              "toArray",
              "kStore",
              "keyAt",
              "The elements, in iteration order, in a new array.",
              "the elements"));
    }
    map.addMethod(trimToSizeMethod());
  }

  private MethodSpec arrayOf(
      String name, String elementType, String reader, String summary, String returns) {
    return publicMethod(name, summary + " Linear in the capacity.\n\n@return " + returns + "\n")
        .returns(ArrayTypeName.of(type(elementType)))
        .addCode(
            code(
                """
                $ELEMENT:T[] result = new $ELEMENT:T[table.size()];
                int i = 0;
                for (long position = table.nextLive(-1); position >= 0; position = table.nextLive(position)) {
                  result[i++] = READER(position);
                }
                return result;
                """
                    .replace("ELEMENT", elementType)
                    .replace("READER", reader)))
        .build();
  }

  /** {@code forEach}, {@code cursor()} and the {@code Cursor} class. */
  void addIteration(TypeSpec.Builder map) {
    map.addMethod(
        mapMethod(
                "forEach",
                """
                Performs {@code action} on every $item:L, in no particular order.

                @param action what to do with $actionOn:L
                @throws NullPointerException if {@code action} is null
                @throws java.util.ConcurrentModificationException if {@code action} adds or removes
                    $items:L
                """)
            .addParameter(type("consumer"), "action")
            .addCode(
                code(
                    """
                    $args:T.checkNotNull(action, "action");
                    int expectedModCount = modCount;
                    for (long position = table.nextLive(-1); position >= 0; position = table.nextLive(position)) {
                      action.accept($entryArguments:L);
                      if (modCount != expectedModCount) {
                        throw new $cme:T();
                      }
                    }
                    """))
            .build());
    map.addMethod(
        publicMethod(
                "cursor",
                """
                A cursor over the $items:L: {@code while (cursor.advance()) { cursor.key(); ... }}. It
                allocates nothing per $item:L and fails fast.

                @return a cursor before the first $item:L
                """)
            .returns(selfRaw.nestedClass("Cursor"))
            .addStatement("return new Cursor()")
            .build());
    map.addType(cursorType());
  }

  private TypeSpec cursorType() {
    TypeSpec.Builder cursor =
        TypeSpec.classBuilder("Cursor")
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addJavadoc(
                code(
                    """
                A fail-fast cursor over the $items:L of the $noun:L, in no particular order. {@link
                #advance()} moves to the next $item:L; {@link #remove()} removes the current one, which
                moves no other $item:L. Any other structural change to the $noun:L makes the cursor
                throw {@link java.util.ConcurrentModificationException}.
                """))
            .addField(
                FieldSpec.builder(long.class, "position", Modifier.PRIVATE)
                    .initializer("-1")
                    .build())
            .addField(boolean.class, "onEntry", Modifier.PRIVATE)
            .addField(boolean.class, "exhausted", Modifier.PRIVATE)
            .addField(
                FieldSpec.builder(int.class, "expectedModCount", Modifier.PRIVATE)
                    .initializer("modCount")
                    .build())
            .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
            .addMethod(
                publicMethod(
                        "advance",
                        "Moves to the next $item:L.\n\n@return whether there was one; false at the end\n")
                    .returns(boolean.class)
                    .addCode(
                        code(
                            """
                        checkForComodification();
                        if (exhausted) {
                          return false;
                        }
                        long next = table.nextLive(position);
                        if (next < 0) {
                          exhausted = true;
                          onEntry = false;
                          return false;
                        }
                        position = next;
                        onEntry = true;
                        return true;
                        """))
                    .build())
            .addMethod(
                publicMethod(
                        "key",
                        hasValues
                            ? "The current entry's key.\n\n@return the key\n"
                                + "@throws IllegalStateException if there is no current entry\n"
                            : "The current element.\n\n@return the element\n"
                                + "@throws IllegalStateException if there is no current element\n")
                    .returns(type("k"))
                    .addStatement("checkOnEntry()")
                    .addStatement("return keyAt(position)")
                    .build());
    if (hasValues) {
      addCursorValueMethods(cursor);
    }
    return cursor
        .addMethod(
            publicMethod(
                    "remove",
                    """
                    Removes the current $item:L; the cursor stays between it and the next one.

                    @throws IllegalStateException if there is no current $item:L
                    """)
                .addStatement("checkOnEntry()")
                .addStatement("removeAt(position)")
                .addStatement("onEntry = false")
                .addStatement("expectedModCount = modCount")
                .build())
        .addMethod(
            privateMethod("checkOnEntry")
                .addCode(
                    code(
                        """
                        checkForComodification();
                        if (!onEntry) {
                          throw new IllegalStateException("no current $item:L: call advance() first");
                        }
                        """))
                .build())
        .addMethod(
            privateMethod("checkForComodification")
                .addCode(
                    code(
                        """
                        if (modCount != expectedModCount) {
                          throw new $cme:T();
                        }
                        """))
                .build())
        .build();
  }

  private void addCursorValueMethods(TypeSpec.Builder cursor) {
    cursor
        .addMethod(
            publicMethod(
                    "value",
                    "The current entry's value.\n\n@return the value\n"
                        + "@throws IllegalStateException if there is no current entry\n")
                .returns(type("v"))
                .addStatement("checkOnEntry()")
                .addStatement("return valueAt(position)")
                .build())
        .addMethod(
            publicMethod(
                    "setValue",
                    """
                    Replaces the current entry's value.

                    @param value the new value
                    @return the value it replaced
                    @throws IllegalStateException if there is no current entry
                    """)
                .returns(type("v"))
                .addParameter(param("v", "value"))
                .addStatement("checkOnEntry()")
                .addStatement("return setValueAt(position, value)")
                .build());
  }
}
