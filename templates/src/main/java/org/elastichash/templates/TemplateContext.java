package org.elastichash.templates;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import com.palantir.javapoet.WildcardTypeName;
import java.io.InvalidObjectException;
import java.util.Arrays;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import javax.lang.model.element.Modifier;

/**
 * What the builders of one generated collection share: the spec and the facts derived from it, the
 * placeholder bindings every method body is written with, and the helpers that turn Java text with
 * placeholders into JavaPoet code, types and method builders. Every placeholder is bound here,
 * once, when the context is created; builders only read them.
 */
final class TemplateContext {

  private static final String CORE = RuntimeApi.PACKAGE;
  static final ClassName TABLE = ClassName.get(CORE, "ElasticTable");
  static final ClassName GEOMETRY = ClassName.get(CORE, "SegmentGeometry");
  static final ClassName HASHING = ClassName.get(CORE, "Hashing");
  static final ClassName CONTROL = ClassName.get(CORE, "ControlBytes");
  static final ClassName ARGUMENTS = ClassName.get(CORE, "Arguments");
  static final ClassName COLLISIONS = ClassName.get(CORE, "CollisionIndex");
  static final ClassName SERIAL_FORM = ClassName.get(CORE, "SerialForm");
  static final ClassName SLOT_HASHES = ClassName.get(CORE, "SlotHashes");
  static final ClassName STATS = ClassName.get(MapSpec.LIBRARY_PACKAGE, "ElasticStats");
  static final AnnotationSpec UNCHECKED =
      AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "unchecked").build();

  final MapSpec spec;
  final JavaType key;
  final JavaType value;
  final boolean hasValues;
  final boolean dropIn;
  final ClassName selfRaw;
  final List<TypeVariableName> typeVariables;
  private final Map<String, Object> names = new LinkedHashMap<>();

  /**
   * Binds the placeholders for one spec. Types: {@code k}, {@code v} (the key and value types, a
   * primitive or {@code K}/{@code V}; a set's element type is {@code E}), {@code kBox}, {@code
   * vBox} (boxed), {@code kStore}, {@code vStore} (array element types), {@code kQuery}, {@code
   * vQuery} (parameter types of queries: {@code Object} for reference types, as in {@code
   * java.util.Map}), {@code self}, {@code selfRaw}, {@code selfAny} (the collection type with its
   * type variables, raw, and wildcarded), the core classes, and {@code absent}: what a method
   * returns for a missing key. A set binds no value placeholders. The bindings are fixed once the
   * context exists: builders read them and never add their own.
   */
  TemplateContext(MapSpec spec) {
    this.spec = spec;
    this.key = spec.key();
    this.value = spec.value();
    this.hasValues = !spec.isSet();
    this.dropIn = spec.isDropIn();
    this.selfRaw = ClassName.get(spec.packageName(), spec.className());
    TypeVariableName keyVariable = TypeVariableName.get(hasValues ? "K" : "E");
    TypeVariableName valueVariable = TypeVariableName.get("V");
    this.typeVariables =
        hasValues && key.isObject() && value.isObject()
            ? List.of(keyVariable, valueVariable)
            : key.isObject()
                ? List.of(keyVariable)
                : hasValues && value.isObject() ? List.of(valueVariable) : List.of();
    TypeName k = key.isObject() ? keyVariable : key.primitive();
    TypeName kBox = key.isObject() ? keyVariable : key.boxed();
    names.put("k", k);
    names.put("kBox", kBox);
    names.put("kStore", key.primitive());
    names.put("kQuery", key.primitive());
    names.put("kName", key.isObject() ? keyVariable.name() : key.spelling());
    names.put("selfRaw", selfRaw);
    names.put("self", parameterized(selfRaw, typeVariables));
    names.put(
        "selfAny",
        parameterized(
            selfRaw,
            typeVariables.stream().map(t -> WildcardTypeName.subtypeOf(Object.class)).toList()));
    names.put("table", TABLE);
    names.put("geometry", GEOMETRY);
    names.put("hashing", HASHING);
    names.put("control", CONTROL);
    names.put("args", ARGUMENTS);
    names.put("objects", Objects.class);
    names.put("cme", ConcurrentModificationException.class);
    names.put("noSuchElement", NoSuchElementException.class);
    names.put("invalid", InvalidObjectException.class);
    names.put("arrays", Arrays.class);
    // Object keys compare the stored hash code first: a fingerprint match of an unequal key then
    // costs one int load instead of equals, which dereferences the stored key and its contents.
    names.put(
        "keyMatches",
        key.isObject()
            ? CodeBlock.of(
                "segmentHashCodes[slot] == hashCode && $L", key.equal("segmentKeys[slot]", "key"))
            : key.equal("segmentKeys[slot]", "key"));
    names.put(
        "keyMatchesInSegmentZero",
        key.isObject()
            ? CodeBlock.of("hashCodes0[slot] == hashCode && $L", key.equal("keys0[slot]", "key"))
            : key.equal("keys0[slot]", "key"));
    names.put("collisions", COLLISIONS);
    names.put("serialForm", SERIAL_FORM);
    // Object keys pass their lookup's miss to insert, which redirects keys that flood a probe run.
    names.put("missArgument", key.isObject() ? ", position" : "");
    names.put("keyHash", key.hashCodeOf("keyAt(position)"));
    names.put("findBoxed", key.isObject() ? "indexOf" : "indexOfBoxed");
    names.put("writeKey", key.writeMethod());
    names.put("readKey", key.readMethod());
    names.put("noun", hasValues ? "map" : "set");
    names.put("item", hasValues ? "entry" : "element");
    names.put("items", hasValues ? "entries" : "elements");
    names.put("filterOn", hasValues ? "key and value" : "the element");
    names.put("actionOn", hasValues ? "each key and value" : "each element");
    names.put(
        "entryArguments", hasValues ? "keyAt(position), valueAt(position)" : "keyAt(position)");
    if (hasValues) {
      bindValueNames(k, kBox, keyVariable, valueVariable);
    } else {
      bindElementNames(kBox);
    }
    bindMemberNames();
  }

  private void bindValueNames(
      TypeName k, TypeName kBox, TypeVariableName keyVariable, TypeVariableName valueVariable) {
    TypeName v = value.isObject() ? valueVariable : value.primitive();
    TypeName vBox = value.isObject() ? valueVariable : value.boxed();
    names.put("v", v);
    names.put("vBox", vBox);
    names.put("vStore", value.primitive());
    names.put("vQuery", value.primitive());
    names.put("vName", value.isObject() ? "V" : value.spelling());
    names.put("mapEntry", ClassName.get(Map.Entry.class));
    names.put("absent", dropIn ? "null" : "defaultReturnValue");
    names.put("zero", value.zero());
    names.put("consumer", consumerParameterType(keyVariable, valueVariable));
    names.put("predicate", predicateParameterType(keyVariable, valueVariable));
    names.put(
        "remapping",
        ParameterizedTypeName.get(
            ClassName.get(BiFunction.class),
            WildcardTypeName.supertypeOf(kBox),
            WildcardTypeName.supertypeOf(vBox),
            WildcardTypeName.subtypeOf(vBox)));
    names.put(
        "mapping",
        ParameterizedTypeName.get(
            ClassName.get(java.util.function.Function.class),
            WildcardTypeName.supertypeOf(kBox),
            WildcardTypeName.subtypeOf(vBox)));
    names.put(
        "merging",
        ParameterizedTypeName.get(
            ClassName.get(BiFunction.class),
            WildcardTypeName.supertypeOf(vBox),
            WildcardTypeName.supertypeOf(vBox),
            WildcardTypeName.subtypeOf(vBox)));
    names.put("function", functionParameterType(keyVariable, valueVariable));
    names.put("entry", parameterized(ClassName.get(Map.Entry.class), List.of(kBox, vBox)));
    names.put("boxedMap", parameterized(ClassName.get(Map.class), List.of(kBox, vBox)));
    names.put("valueMatches", value.equal("valueAt(position)", "value"));
    names.put("sameValue", value.equal("valueAt(position)", "that.valueAt(match)"));
    names.put("valueHash", value.hashCodeOf("valueAt(position)"));
    names.put(
        "entryHash",
        CodeBlock.of("$L ^ $L", key.hashCodeOf("key"), value.hashCodeOf("getValue()")));
    // Qualified for reference values: inside the Map view an unqualified containsValue(Object)
    // would be the view's own method.
    names.put(
        "containsBoxedValue",
        value.isObject()
            ? CodeBlock.of("$T.this.containsValue", selfRaw)
            : CodeBlock.of("containsBoxedValue"));
    names.put("writeValue", value.writeMethod());
    names.put("readValue", value.readMethod());
    names.put("currentIsOld", value.equal("valueAt(position)", "oldValue"));
    names.put("currentIsValue", value.equal("valueAt(position)", "value"));
    names.put("narrow", value.narrowing());
    names.put("absentIfNull", value.isObject() ? " || valueAt(position) == null" : "");
    names.put("applyAs", "applyAs" + value.label());
  }

  /**
   * A set's element consumer and predicate: {@code java.util.function}'s where it has one for the
   * element type ({@code IntConsumer}, {@code Consumer<? super E>}), else one generated beside the
   * set ({@code ShortConsumer}).
   */
  private void bindElementNames(TypeName kBox) {
    names.put("boxedSet", ParameterizedTypeName.get(ClassName.get(Set.class), kBox));
    names.put("keyIterator", ParameterizedTypeName.get(ClassName.get(Iterator.class), kBox));
    if (key.isObject()) {
      names.put(
          "consumer",
          ParameterizedTypeName.get(
              ClassName.get(java.util.function.Consumer.class),
              WildcardTypeName.supertypeOf(kBox)));
      names.put(
          "predicate",
          ParameterizedTypeName.get(
              ClassName.get(java.util.function.Predicate.class),
              WildcardTypeName.supertypeOf(kBox)));
    } else if (hasJdkElementInterfaces()) {
      names.put("consumer", ClassName.get("java.util.function", key.label() + "Consumer"));
      names.put("predicate", ClassName.get("java.util.function", key.label() + "Predicate"));
    } else {
      names.put("consumer", ClassName.get(spec.packageName(), spec.consumerName()));
      names.put("predicate", ClassName.get(spec.packageName(), spec.predicateName()));
    }
  }

  /**
   * The placeholders particular to one group of members: the drop-in copy constructor, the
   * value-carrying pieces of insert, rebuild and store (a set has none), the boxed view accessor,
   * {@code equals}, {@code hashCode} and {@code toString}, and serialization.
   */
  private void bindMemberNames() {
    names.put("source", hasValues ? "map" : "elements");
    names.put("wildcards", hasValues ? "<?, ?>" : "<?>");
    names.put("addAll", hasValues ? "putAll" : "addAll");
    names.put("valueParameter", hasValues ? ", value" : "");
    names.put("valuesArgument", hasValues ? ", values" : "");
    names.put("targetValuesArgument", hasValues ? ", targetValues" : "");
    names.put("valueAtPosition", hasValues ? ", valueAt(position)" : "");
    names.put("viewMethod", hasValues ? "asMap" : "asSet");
    names.put("viewClass", hasValues ? "MapView" : "SetView");
    names.put("collection", hasValues ? "java.util.Map" : "java.util.Set");
    names.put("contents", hasValues ? "mappings" : "elements");
    names.put(
        "valueDiffers",
        hasValues ? CodeBlock.of(" || !($L)", names.get("sameValue")) : CodeBlock.of(""));
    names.put(
        "itemHash",
        hasValues
            ? CodeBlock.of("$L ^ $L", names.get("keyHash"), names.get("valueHash"))
            : names.get("keyHash"));
    names.put("open", hasValues ? "{" : "[");
    names.put("close", hasValues ? '}' : ']');
    names.put(
        "itemText",
        hasValues ? "keyAt(position)).append('=').append(valueAt(position)" : "keyAt(position)");
    names.put("serialized", hasValues ? "key and value" : "element");
    names.put(
        "writeValueStatement",
        hasValues ? "  out." + value.writeMethod() + "(valueAt(position));\n" : "");
  }

  /** Whether {@code java.util.function} has a consumer and predicate for the set's elements. */
  boolean hasJdkElementInterfaces() {
    return key == JavaType.INT || key == JavaType.LONG || key == JavaType.DOUBLE || key.isObject();
  }

  static TypeName parameterized(ClassName raw, List<? extends TypeName> arguments) {
    return arguments.isEmpty()
        ? raw
        : ParameterizedTypeName.get(raw, arguments.toArray(new TypeName[0]));
  }

  private TypeName consumerParameterType(TypeVariableName k, TypeVariableName v) {
    if (dropIn) {
      return ParameterizedTypeName.get(
          ClassName.get(BiConsumer.class),
          WildcardTypeName.supertypeOf(k),
          WildcardTypeName.supertypeOf(v));
    }
    ClassName consumer = ClassName.get(spec.packageName(), spec.consumerName());
    return parameterized(
        consumer, typeVariables.stream().map(WildcardTypeName::supertypeOf).toList());
  }

  private TypeName predicateParameterType(TypeVariableName k, TypeVariableName v) {
    if (dropIn) {
      return ParameterizedTypeName.get(
          ClassName.get(BiPredicate.class),
          WildcardTypeName.supertypeOf(k),
          WildcardTypeName.supertypeOf(v));
    }
    return parameterized(
        ClassName.get(spec.packageName(), spec.predicateName()),
        typeVariables.stream().map(WildcardTypeName::supertypeOf).toList());
  }

  private TypeName functionParameterType(TypeVariableName k, TypeVariableName v) {
    if (dropIn) {
      return ParameterizedTypeName.get(
          ClassName.get(BiFunction.class),
          WildcardTypeName.supertypeOf(k),
          WildcardTypeName.supertypeOf(v),
          WildcardTypeName.subtypeOf(v));
    }
    return parameterized(ClassName.get(spec.packageName(), spec.functionName()), typeVariables);
  }

  /** A source file for {@code type} in the spec's package, formatted as every generated file is. */
  JavaFile javaFile(TypeSpec type) {
    return JavaFile.builder(spec.packageName(), type)
        .indent("  ")
        .skipJavaLangImports(true)
        .build();
  }

  /** Java text with named placeholders ({@code $k:T}, {@code $items:L}), bound to this spec. */
  CodeBlock code(String format) {
    return CodeBlock.builder().addNamed(format, names).build();
  }

  /** The type bound to a placeholder: {@code type("k")} is the key type. */
  TypeName type(String name) {
    return (TypeName) names.get(name);
  }

  /** The value bound to a placeholder, for builders that pass it as a JavaPoet argument. */
  Object bound(String name) {
    return names.get(name);
  }

  private MethodSpec.Builder method(String name, String javadoc) {
    return MethodSpec.methodBuilder(name).addJavadoc(code(javadoc));
  }

  /** A public method whose Javadoc may use placeholders. */
  MethodSpec.Builder publicMethod(String name, String javadoc) {
    return method(name, javadoc).addModifiers(Modifier.PUBLIC);
  }

  /** A public method that is also a {@code java.util.Map} method when this is the drop-in map. */
  MethodSpec.Builder mapMethod(String name, String javadoc) {
    MethodSpec.Builder builder = publicMethod(name, javadoc);
    if (dropIn) {
      builder.addAnnotation(Override.class);
    }
    return builder;
  }

  /** A private method, for helpers of the generated class. */
  MethodSpec.Builder privateMethod(String name) {
    return MethodSpec.methodBuilder(name).addModifiers(Modifier.PRIVATE);
  }

  /** A public method annotated {@code @Override}. */
  static MethodSpec.Builder override(String name) {
    return MethodSpec.methodBuilder(name)
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC);
  }

  /** A parameter whose type is bound to a placeholder. */
  ParameterSpec param(String typeName, String name) {
    return ParameterSpec.builder(type(typeName), name).build();
  }

  /** The {@code @param} tags of the collection's type variables, after a blank line. */
  String typeParameterDocs() {
    StringBuilder docs = new StringBuilder("\n");
    if (!hasValues) {
      return docs.append("@param <E> the element type\n").toString();
    }
    if (key.isObject()) {
      docs.append("@param <K> the key type\n");
    }
    if (value.isObject()) {
      docs.append("@param <V> the value type\n");
    }
    return docs.toString();
  }
}
