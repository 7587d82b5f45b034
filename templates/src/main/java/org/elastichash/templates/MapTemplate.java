package org.elastichash.templates;

import static org.elastichash.templates.TemplateContext.ARGUMENTS;
import static org.elastichash.templates.TemplateContext.UNCHECKED;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * The one template every map is generated from. Given a {@link MapSpec} it emits the map class and,
 * for maps with a primitive type, the entry-consumer interface the map's {@code forEach} takes.
 *
 * <p>Everything that does not depend on the key and value types (control bytes, the batch schedule,
 * probe limits, hashing, growth) lives in the hand-written core {@code org.elastichash.internal};
 * this template only writes what differs by type: the storage arrays, key equality and hashing
 * calls, the public signatures, boxing in the {@code java.util.Map} view. Method bodies are written
 * as Java text with named placeholders ({@code $k:T} is the key type, {@code $v:T} the value type,
 * and so on; see {@link TemplateContext}).
 */
public final class MapTemplate extends TemplateBuilder {

  private final StorageBuilder storage;

  private final QueryBuilder queries;

  private final UpdateBuilder updates;

  private final ComputeBuilder compute;

  private MapTemplate(TemplateContext context) {
    super(context);
    this.compute = new ComputeBuilder(context);
    this.updates = new UpdateBuilder(context);
    this.queries = new QueryBuilder(context);
    this.storage = new StorageBuilder(context);
  }

  /** Generates the map of {@code spec} and the consumer interface it needs, if any. */
  public static List<JavaFile> generate(MapSpec spec) {
    return new MapTemplate(new TemplateContext(spec)).files();
  }

  private List<JavaFile> files() {
    JavaFile map = context.javaFile(mapType());
    if (!hasValues) {
      return context.hasJdkElementInterfaces()
          ? List.of(map)
          : List.of(
              map,
              context.javaFile(
                  elementInterface(
                      spec.consumerName(),
                      "accept",
                      TypeName.VOID,
                      "An operation on one element of a set",
                      "Performs this operation on one element.\n")),
              context.javaFile(
                  elementInterface(
                      spec.predicateName(),
                      "test",
                      TypeName.BOOLEAN,
                      "A condition on one element of a set",
                      "Whether the element satisfies this condition.\n")));
    }
    if (dropIn) {
      return List.of(map);
    }
    return List.of(
        map,
        context.javaFile(
            entryInterface(
                spec.consumerName(),
                "accept",
                TypeName.VOID,
                "An operation on one entry of a map",
                "Performs this operation on one entry.\n")),
        context.javaFile(
            entryInterface(
                spec.predicateName(),
                "test",
                TypeName.BOOLEAN,
                "A condition on one entry of a map",
                "Whether the entry satisfies this condition.\n")),
        context.javaFile(
            entryInterface(
                spec.functionName(),
                "apply",
                type("v"),
                "A function from one entry of a map to a new value for it",
                "The new value for the entry.\n")));
  }

  // ---------------------------------------------------------------------------------------------
  // The map class
  // ---------------------------------------------------------------------------------------------

  private TypeSpec mapType() {
    TypeSpec.Builder map =
        TypeSpec.classBuilder(selfRaw)
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addTypeVariables(typeVariables)
            .addSuperinterface(Serializable.class)
            .addJavadoc(code(classJavadoc()));
    if (dropIn) {
      map.superclass(
          hasValues
              ? ParameterizedTypeName.get(ClassName.get(AbstractMap.class), type("k"), type("v"))
              : ParameterizedTypeName.get(ClassName.get(AbstractSet.class), type("k")));
    }
    storage.addFields(map);
    storage.addConstructors(map);
    storage.addLookup(map);
    queries.addQueries(map);
    updates.addUpdates(map);
    addBulkOperations(map);
    addIteration(map);
    storage.addStorage(map);
    if (hasValues) {
      updates.addConditionalUpdates(map);
      addKeyAndValueArrays(map);
      compute.addComputeAndMerge(map);
      if (dropIn) {
        addCollectionViews(map);
      } else {
        addPrimitiveObjectMethods(map);
        map.addType(mapViewType());
      }
      addViewSupport(map);
    } else {
      addElementArrayAndTrim(map);
      if (!dropIn) {
        addPrimitiveObjectMethods(map);
        map.addType(setViewType());
      }
      addKeyIteratorSupport(map);
    }
    addSerialization(map);
    return map.build();
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
          Addressing Without Reordering") splits the table into segments of halving size and fills
          them in batches, so that lookups take O(1) expected probes on average even when the table
          is {@code 1 - delta} full, and entries never move once placed. It therefore runs at a
          higher load than a linear-probing table for the same speed. It grows by doubling when live
          entries plus tombstones reach {@code 1 - delta} of its slots.

          <p>Iterators and cursors are fail-fast. The $noun:L is not thread-safe.

          <p>Generated from the Elastic Collections template; do not edit.
          """
        + (typeVariables.isEmpty() ? "" : typeParameterDocs());
  }

  /** removeIf and replaceAll: bulk operations over every entry, in place. */
  private void addBulkOperations(TypeSpec.Builder map) {
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
  private void addKeyAndValueArrays(TypeSpec.Builder map) {
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
              "The values, in the order {@link #keys()} returns the keys, in a new array.",
              "the values"));
    }
    map.addMethod(trimToSizeMethod());
  }

  private MethodSpec trimToSizeMethod() {
    return publicMethod(
            "trimToSize",
            """
                Rebuilds the $noun:L into the smallest table that holds its $items:L, dropping
                tombstones. Linear in the size.

                @return whether the $noun:L was rebuilt
                """)
        .returns(boolean.class)
        .addCode(
            code(
                """
                    $geometry:T smallest =
                        $geometry:T.forExpectedSize(table.size(), table.geometry().delta());
                    if (smallest.topGroups() >= table.geometry().topGroups() && table.tombstones() == 0) {
                      return false;
                    }
                    rebuild(new $table:T(smallest));
                    modCount++;
                    return true;
                    """))
        .build();
  }

  /** A primitive set's {@code toArray()} and every set's {@code trimToSize()}. */
  private void addElementArrayAndTrim(TypeSpec.Builder map) {
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

  private void addIteration(TypeSpec.Builder map) {
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

  /**
   * A primitive map's or set's {@code equals}, {@code hashCode}, {@code toString} and boxed view,
   * with {@code java.util.Map} or {@code java.util.Set} semantics; a map's default return value.
   */
  private void addPrimitiveObjectMethods(TypeSpec.Builder map) {
    if (hasValues) {
      queries.addDefaultReturnValue(map);
    }
    map.addMethod(
        publicMethod(
                (String) bound("viewMethod"),
                hasValues
                    ? """
                      A live {@link java.util.Map} view of this map: changes to either show in the other. The
                      view boxes keys and values, rejects {@code null} where this map has a primitive type,
                      and returns {@code null} for missing keys whatever the default return value.

                      @return the view, the same object on every call
                      """
                    : """
                      A live {@link java.util.Set} view of this set: changes to either show in the other. The
                      view boxes elements and rejects {@code null}.

                      @return the view, the same object on every call
                      """)
            .returns(type(hasValues ? "boxedMap" : "boxedSet"))
            .addCode(
                code(
                    """
                    if (view == null) {
                      view = new $viewClass:L();
                    }
                    return view;
                    """))
            .build());
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

  /** The boxed {@code java.util.Map} view of a map with a primitive key or value type. */
  private TypeSpec mapViewType() {
    TypeSpec.Builder view =
        TypeSpec.classBuilder("MapView")
            .addModifiers(Modifier.PRIVATE, Modifier.FINAL)
            .superclass(
                ParameterizedTypeName.get(
                    ClassName.get(AbstractMap.class), type("kBox"), type("vBox")))
            .addJavadoc(
                "The live, boxed {@link java.util.Map} view returned by {@link #asMap()}.\n");
    view.addMethod(override("size").returns(int.class).addStatement("return table.size()").build());
    view.addMethod(
        override("isEmpty")
            .returns(boolean.class)
            .addStatement("return table.size() == 0")
            .build());
    view.addMethod(
        override("containsKey")
            .returns(boolean.class)
            .addParameter(Object.class, "key")
            .addStatement(code("return $findBoxed:L(key) >= 0"))
            .build());
    view.addMethod(
        override("containsValue")
            .returns(boolean.class)
            .addParameter(Object.class, "value")
            .addStatement(code("return $containsBoxedValue:L(value)"))
            .build());
    view.addMethod(
        override("get")
            .returns(type("vBox"))
            .addParameter(Object.class, "key")
            .addStatement(code("long position = $findBoxed:L(key)"))
            .addStatement("return position < 0 ? null : valueAt(position)")
            .build());
    MethodSpec.Builder put =
        override("put")
            .returns(type("vBox"))
            .addParameter(param("kBox", "boxedKey"))
            .addParameter(param("vBox", "boxedValue"));
    put.addStatement(
        key.isObject()
            ? code("$k:T key = boxedKey")
            : code("$k:T key = $args:T.checkNotNull(boxedKey, \"key\")"));
    put.addStatement(
        value.isObject()
            ? code("$v:T value = boxedValue")
            : code("$v:T value = $args:T.checkNotNull(boxedValue, \"value\")"));
    put.addCode(
        code(
            """
            long hash = $hashing:T.mix(key);
            long position = indexOf(key, hash);
            if (position >= 0) {
              return setValueAt(position, value);
            }
            insert(key, value, hash);
            return null;
            """));
    view.addMethod(put.build());
    view.addMethod(
        override("remove")
            .returns(type("vBox"))
            .addParameter(Object.class, "key")
            .addCode(
                code(
                    """
                    long position = $findBoxed:L(key);
                    if (position < 0) {
                      return null;
                    }
                    $vBox:T previous = valueAt(position);
                    removeAt(position);
                    return previous;
                    """))
            .build());
    view.addMethod(override("clear").addStatement("$T.this.clear()", selfRaw).build());
    addCollectionViews(view);
    return view.build();
  }

  /** {@code entrySet()}, {@code keySet()} and {@code values()}, on the drop-in map or the view. */
  private void addCollectionViews(TypeSpec.Builder target) {
    ClassName entrySet = selfRaw.nestedClass("EntrySet");
    ClassName keySet = selfRaw.nestedClass("KeySet");
    ClassName valueCollection = selfRaw.nestedClass("Values");
    target.addMethod(
        override("entrySet")
            .returns(ParameterizedTypeName.get(ClassName.get(Set.class), type("entry")))
            .addStatement("return new $T()", entrySet)
            .build());
    target.addMethod(
        override("keySet")
            .returns(ParameterizedTypeName.get(ClassName.get(Set.class), type("kBox")))
            .addStatement("return new $T()", keySet)
            .build());
    target.addMethod(
        override("values")
            .returns(ParameterizedTypeName.get(ClassName.get(Collection.class), type("vBox")))
            .addStatement("return new $T()", valueCollection)
            .build());
  }

  /** The entry, key and value collections and their iterators, shared by both kinds of view. */
  private void addViewSupport(TypeSpec.Builder map) {
    map.addType(positionIteratorBase());
    TypeName entry = type("entry");
    ClassName mapEntry = selfRaw.nestedClass("MapEntry");
    map.addType(
        positionIterator(
            "EntryIterator", entry, CodeBlock.of("return new $T(position)", mapEntry)));
    map.addType(
        positionIterator("KeyIterator", type("kBox"), CodeBlock.of("return keyAt(position)")));
    map.addType(
        positionIterator("ValueIterator", type("vBox"), CodeBlock.of("return valueAt(position)")));
    map.addType(mapEntryType());
    map.addType(
        TypeSpec.classBuilder("EntrySet")
            .addModifiers(Modifier.PRIVATE, Modifier.FINAL)
            .superclass(ParameterizedTypeName.get(ClassName.get(AbstractSet.class), entry))
            .addMethod(
                override("iterator")
                    .returns(ParameterizedTypeName.get(ClassName.get(Iterator.class), entry))
                    .addStatement("return new EntryIterator()")
                    .build())
            .addMethod(
                override("size").returns(int.class).addStatement("return table.size()").build())
            .addMethod(
                override("contains")
                    .returns(boolean.class)
                    .addParameter(Object.class, "object")
                    .addStatement("return positionOfEntry(object) >= 0")
                    .build())
            .addMethod(
                override("remove")
                    .returns(boolean.class)
                    .addParameter(Object.class, "object")
                    .addCode(
                        code(
                            """
                            long position = positionOfEntry(object);
                            if (position < 0) {
                              return false;
                            }
                            removeAt(position);
                            return true;
                            """))
                    .build())
            .addMethod(override("clear").addStatement("$T.this.clear()", selfRaw).build())
            .addMethod(
                privateMethod("positionOfEntry")
                    .returns(long.class)
                    .addParameter(Object.class, "object")
                    .addCode(
                        code(
                            """
                            if (!(object instanceof $mapEntry:T<?, ?> entry)) {
                              return -1;
                            }
                            long position = $findBoxed:L(entry.getKey());
                            return position >= 0 && $objects:T.equals(valueAt(position), entry.getValue())
                                ? position
                                : -1;
                            """))
                    .build())
            .build());
    map.addType(keySetType("KeySet"));
    map.addType(
        TypeSpec.classBuilder("Values")
            .addModifiers(Modifier.PRIVATE, Modifier.FINAL)
            .superclass(
                ParameterizedTypeName.get(ClassName.get(AbstractCollection.class), type("vBox")))
            .addMethod(
                override("iterator")
                    .returns(ParameterizedTypeName.get(ClassName.get(Iterator.class), type("vBox")))
                    .addStatement("return new ValueIterator()")
                    .build())
            .addMethod(
                override("size").returns(int.class).addStatement("return table.size()").build())
            .addMethod(
                override("contains")
                    .returns(boolean.class)
                    .addParameter(Object.class, "value")
                    .addStatement(code("return $containsBoxedValue:L(value)"))
                    .build())
            .addMethod(override("clear").addStatement("$T.this.clear()", selfRaw).build())
            .build());
  }

  /** The base of every view iterator: a fail-fast walk over live positions. */
  private TypeSpec positionIteratorBase() {
    TypeVariableName element = TypeVariableName.get("T");
    return TypeSpec.classBuilder("PositionIterator")
        .addModifiers(Modifier.PRIVATE, Modifier.ABSTRACT)
        .addTypeVariable(element)
        .addSuperinterface(ParameterizedTypeName.get(ClassName.get(Iterator.class), element))
        .addJavadoc("A fail-fast iterator over live positions that supports {@code remove}.\n")
        .addField(
            FieldSpec.builder(long.class, "next", Modifier.PRIVATE)
                .initializer("table.nextLive(-1)")
                .build())
        .addField(FieldSpec.builder(long.class, "last", Modifier.PRIVATE).initializer("-1").build())
        .addField(
            FieldSpec.builder(int.class, "expectedModCount", Modifier.PRIVATE)
                .initializer("modCount")
                .build())
        .addMethod(
            MethodSpec.methodBuilder("at")
                .addModifiers(Modifier.ABSTRACT)
                .returns(element)
                .addParameter(long.class, "position")
                .build())
        .addMethod(
            override("hasNext").returns(boolean.class).addStatement("return next >= 0").build())
        .addMethod(
            override("next")
                .returns(element)
                .addCode(
                    code(
                        """
                            if (modCount != expectedModCount) {
                              throw new $cme:T();
                            }
                            if (next < 0) {
                              throw new $noSuchElement:T();
                            }
                            last = next;
                            next = table.nextLive(next);
                            return at(last);
                            """))
                .build())
        .addMethod(
            override("remove")
                .addCode(
                    code(
                        """
                            if (last < 0) {
                              throw new IllegalStateException("next() has not been called since the last remove()");
                            }
                            if (modCount != expectedModCount) {
                              throw new $cme:T();
                            }
                            removeAt(last);
                            last = -1;
                            expectedModCount = modCount;
                            """))
                .build())
        .build();
  }

  /** The iterator a set's views share; the drop-in set returns it from {@code iterator()}. */
  private void addKeyIteratorSupport(TypeSpec.Builder map) {
    map.addType(positionIteratorBase());
    map.addType(
        positionIterator("KeyIterator", type("kBox"), CodeBlock.of("return keyAt(position)")));
    if (dropIn) {
      map.addMethod(
          override("iterator")
              .addJavadoc(
                  "A fail-fast iterator over the elements, in no particular order, that supports\n"
                      + "{@code remove}.\n")
              .returns(type("keyIterator"))
              .addStatement("return new KeyIterator()")
              .build());
    }
  }

  /** The boxed {@code java.util.Set} view of a primitive set: its key set, plus {@code add}. */
  private TypeSpec setViewType() {
    return keySetType("SetView").toBuilder()
        .addJavadoc("The live, boxed {@link java.util.Set} view returned by {@link #asSet()}.\n")
        .addMethod(
            override("add")
                .returns(boolean.class)
                .addParameter(param("kBox", "key"))
                .addStatement(
                    "return $T.this.add($T.checkNotNull(key, $S))", selfRaw, ARGUMENTS, "key")
                .build())
        .build();
  }

  /**
   * A live {@code Set} of the keys: a map view's {@code keySet()}, and the core of a primitive
   * set's {@code asSet()}. Removal and {@code clear} write through; it cannot add.
   */
  private TypeSpec keySetType(String name) {
    return TypeSpec.classBuilder(name)
        .addModifiers(Modifier.PRIVATE, Modifier.FINAL)
        .superclass(ParameterizedTypeName.get(ClassName.get(AbstractSet.class), type("kBox")))
        .addMethod(
            override("iterator")
                .returns(ParameterizedTypeName.get(ClassName.get(Iterator.class), type("kBox")))
                .addStatement("return new KeyIterator()")
                .build())
        .addMethod(override("size").returns(int.class).addStatement("return table.size()").build())
        .addMethod(
            override("isEmpty")
                .returns(boolean.class)
                .addStatement("return table.size() == 0")
                .build())
        .addMethod(
            override("contains")
                .returns(boolean.class)
                .addParameter(Object.class, "key")
                .addStatement(code("return $findBoxed:L(key) >= 0"))
                .build())
        .addMethod(
            override("remove")
                .returns(boolean.class)
                .addParameter(Object.class, "key")
                .addCode(
                    code(
                        """
                        long position = $findBoxed:L(key);
                        if (position < 0) {
                          return false;
                        }
                        removeAt(position);
                        return true;
                        """))
                .build())
        .addMethod(override("clear").addStatement("$T.this.clear()", selfRaw).build())
        .build();
  }

  private TypeSpec positionIterator(String name, TypeName element, CodeBlock at) {
    return TypeSpec.classBuilder(name)
        .addModifiers(Modifier.PRIVATE, Modifier.FINAL)
        .superclass(ParameterizedTypeName.get(selfRaw.nestedClass("PositionIterator"), element))
        .addMethod(
            MethodSpec.methodBuilder("at")
                .addAnnotation(Override.class)
                .returns(element)
                .addParameter(long.class, "position")
                .addStatement(at)
                .build())
        .build();
  }

  /**
   * An entry of the views. It reads and writes through to the map while its key still sits at its
   * position, and keeps the last value it saw once the entry is removed, as {@code HashMap}'s
   * entries do.
   */
  private TypeSpec mapEntryType() {
    return TypeSpec.classBuilder("MapEntry")
        .addModifiers(Modifier.PRIVATE, Modifier.FINAL)
        .addSuperinterface(type("entry"))
        .addJavadoc(
            "An entry that writes through to the map while its key is still at its position.\n")
        .addField(long.class, "position", Modifier.PRIVATE, Modifier.FINAL)
        .addField(type("k"), "key", Modifier.PRIVATE, Modifier.FINAL)
        .addField(type("v"), "value", Modifier.PRIVATE)
        .addMethod(
            MethodSpec.constructorBuilder()
                .addParameter(long.class, "position")
                .addStatement("this.position = position")
                .addStatement("this.key = keyAt(position)")
                .addStatement("this.value = valueAt(position)")
                .build())
        .addMethod(
            privateMethod("isMapped")
                .returns(boolean.class)
                .addStatement(
                    code("return table.isLive(position) && " + key.equal("keyAt(position)", "key")))
                .build())
        .addMethod(override("getKey").returns(type("kBox")).addStatement("return key").build())
        .addMethod(
            override("getValue")
                .returns(type("vBox"))
                .addCode(
                    code(
                        """
                        if (isMapped()) {
                          value = valueAt(position);
                        }
                        return value;
                        """))
                .build())
        .addMethod(
            override("setValue")
                .returns(type("vBox"))
                .addParameter(param("vBox", "newValue"))
                .addCode(
                    value.isObject()
                        ? code("$v:T replacement = newValue;\n")
                        : code("$v:T replacement = $args:T.checkNotNull(newValue, \"value\");\n"))
                .addCode(
                    code(
                        """
                        $v:T previous = getValue();
                        if (isMapped()) {
                          setValueAt(position, replacement);
                        }
                        value = replacement;
                        return previous;
                        """))
                .build())
        .addMethod(
            override("equals")
                .returns(boolean.class)
                .addParameter(Object.class, "other")
                .addCode(
                    code(
                        """
                        return other instanceof $mapEntry:T<?, ?> that
                            && $objects:T.equals(getKey(), that.getKey())
                            && $objects:T.equals(getValue(), that.getValue());
                        """))
                .build())
        .addMethod(
            override("hashCode")
                .returns(int.class)
                .addStatement(code("return $entryHash:L"))
                .build())
        .addMethod(
            override("toString")
                .returns(String.class)
                .addStatement("return key + \"=\" + getValue()")
                .build())
        .build();
  }

  private void addSerialization(TypeSpec.Builder map) {
    map.addMethod(
        privateMethod("writeObject")
            .addJavadoc(
                code(
                    """
                    Writes the delta, the size and then each $serialized:L.

                    @param out the stream
                    @throws IOException if writing fails
                    @serialData the delta (double), the size (int), then each $serialized:L
                    """))
            .addParameter(ObjectOutputStream.class, "out")
            .addException(IOException.class)
            .addCode(
                code(
                    """
                    out.defaultWriteObject();
                    out.writeDouble(table.geometry().delta());
                    out.writeInt(table.size());
                    for (long position = table.nextLive(-1); position >= 0; position = table.nextLive(position)) {
                      out.$writeKey:L(keyAt(position));
                    $writeValueStatement:L}
                    """))
            .build());
    MethodSpec.Builder read =
        privateMethod("readObject")
            .addJavadoc(
                "Reads what {@link #writeObject} wrote and rebuilds the table.\n\n"
                    + "@param in the stream\n"
                    + "@throws IOException if reading fails or the stream is corrupt\n"
                    + (hasValues
                        ? "@throws ClassNotFoundException if a key or value class is missing\n"
                        : "@throws ClassNotFoundException if an element class is missing\n"))
            .addParameter(ObjectInputStream.class, "in")
            .addException(IOException.class)
            .addException(ClassNotFoundException.class);
    if (key.isObject() || (hasValues && value.isObject())) {
      read.addAnnotation(UNCHECKED);
    }
    String readKey = key.isObject() ? "($k:T) in.readObject()" : "in.$readKey:L()";
    String readEntry =
        !hasValues
            ? "  add(READ_KEY);\n"
            : "  $k:T key = READ_KEY;\n  $v:T value = READ_VALUE;\n  put(key, value);\n";
    String readValue =
        hasValues && value.isObject() ? "($v:T) in.readObject()" : "in.$readValue:L()";
    read.addCode(
        code(
            """
            in.defaultReadObject();
            double delta = in.readDouble();
            int size = in.readInt();
            if (!(delta > 0.0 && delta < 1.0) || size < 0) {
              throw new $invalid:T("corrupt stream: delta " + delta + ", size " + size);
            }
            reset(new $table:T($geometry:T.forExpectedSize(size, delta)));
            for (int i = 0; i < size; i++) {
            READ_ENTRY}
            """
                .replace("READ_ENTRY", readEntry)
                .replace("READ_KEY", readKey)
                .replace("READ_VALUE", readValue)));
    map.addMethod(read.build());
  }

  // ---------------------------------------------------------------------------------------------
  // The consumer interface
  // ---------------------------------------------------------------------------------------------

  /** A functional interface taking one element of a set, in the set's package. */
  private TypeSpec elementInterface(
      String name, String method, TypeName returns, String summary, String methodDoc) {
    return TypeSpec.interfaceBuilder(name)
        .addModifiers(Modifier.PUBLIC)
        .addAnnotation(FunctionalInterface.class)
        .addJavadoc(code(summary + " of {@code $kName:L} elements.\n"))
        .addMethod(
            MethodSpec.methodBuilder(method)
                .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
                .addJavadoc(
                    methodDoc
                        + "\n@param key the element\n"
                        + (returns.equals(TypeName.VOID)
                            ? ""
                            : "@return whether the element satisfies the condition\n"))
                .returns(returns)
                .addParameter(type("k"), "key")
                .build())
        .build();
  }

  /** A functional interface taking one entry's key and value, in the map's package. */
  private TypeSpec entryInterface(
      String name, String method, TypeName returns, String summary, String methodDoc) {
    return TypeSpec.interfaceBuilder(name)
        .addModifiers(Modifier.PUBLIC)
        .addAnnotation(FunctionalInterface.class)
        .addTypeVariables(typeVariables)
        .addJavadoc(
            code(
                summary
                    + " with {@code $kName:L} keys and {@code $vName:L} values.\n"
                    + (typeVariables.isEmpty() ? "" : typeParameterDocs())))
        .addMethod(
            MethodSpec.methodBuilder(method)
                .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
                .addJavadoc(
                    methodDoc
                        + "\n@param key the key\n@param value the value\n"
                        + (returns.equals(TypeName.VOID)
                            ? ""
                            : returns.equals(TypeName.BOOLEAN)
                                ? "@return whether the entry satisfies the condition\n"
                                : "@return the new value\n"))
                .returns(returns)
                .addParameter(type("k"), "key")
                .addParameter(type("v"), "value")
                .build())
        .build();
  }
}
