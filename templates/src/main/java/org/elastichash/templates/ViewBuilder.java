package org.elastichash.templates;

import static org.elastichash.templates.TemplateContext.ARGUMENTS;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.Iterator;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * The boxed views: a primitive collection's {@code asMap()} or {@code asSet()} and the view class
 * behind it, {@code entrySet()}, {@code keySet()} and {@code values()} (on the drop-in map or the
 * view), their entries, and the fail-fast iterators they share.
 */
final class ViewBuilder extends TemplateBuilder {

  ViewBuilder(TemplateContext context) {
    super(context);
  }

  /** A primitive map's {@code asMap()} or a primitive set's {@code asSet()}. */
  void addViewAccessor(TypeSpec.Builder map) {
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
  }

  /** The boxed {@code java.util.Map} view of a map with a primitive key or value type. */
  TypeSpec mapViewType() {
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
            long hash = hashOf(key);
            long position = indexOf(key, hash);
            if (position >= 0) {
              return setValueAt(position, value);
            }
            insert(key, value, hash$missArgument:L);
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
  void addCollectionViews(TypeSpec.Builder target) {
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
  void addViewSupport(TypeSpec.Builder map) {
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
  void addKeyIteratorSupport(TypeSpec.Builder map) {
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
  TypeSpec setViewType() {
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
}
