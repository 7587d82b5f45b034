package org.elastichash.tests.properties;

import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Drives any generated map through its own primitive API by reflection, so that one stateful
 * harness covers every shipped map and every pair the CLI generates. Arguments and results are
 * boxed; reflection unboxes them into the primitive signatures, which is exactly the API users
 * call.
 */
final class ReflectiveMap extends ReflectiveCollection {

  private final Object map;
  private final Class<?> keyType;
  private final Class<?> valueType;

  ReflectiveMap(Object map, Class<?> keyType, Class<?> valueType) {
    super(map);
    this.map = map;
    this.keyType = keyType;
    this.valueType = valueType;
  }

  static ReflectiveMap create(
      Class<?> mapClass, Class<?> keyType, Class<?> valueType, int expectedSize, double delta) {
    return new ReflectiveMap(newInstance(mapClass, expectedSize, delta), keyType, valueType);
  }

  boolean isDropIn() {
    return map instanceof Map<?, ?>;
  }

  private Class<?> queryKey() {
    return keyType.isPrimitive() ? keyType : Object.class;
  }

  private Class<?> queryValue() {
    return valueType.isPrimitive() ? valueType : Object.class;
  }

  Object put(Object key, Object value) {
    return call("put", new Class<?>[] {keyType, valueType}, key, value);
  }

  Object putIfAbsent(Object key, Object value) {
    return call("putIfAbsent", new Class<?>[] {keyType, valueType}, key, value);
  }

  Object get(Object key) {
    return call("get", new Class<?>[] {queryKey()}, key);
  }

  Object getOrDefault(Object key, Object defaultValue) {
    return call("getOrDefault", new Class<?>[] {queryKey(), valueType}, key, defaultValue);
  }

  Object remove(Object key) {
    return call("remove", new Class<?>[] {queryKey()}, key);
  }

  Object replace(Object key, Object value) {
    return call("replace", new Class<?>[] {keyType, valueType}, key, value);
  }

  boolean replace(Object key, Object oldValue, Object newValue) {
    return (Boolean)
        call("replace", new Class<?>[] {keyType, valueType, valueType}, key, oldValue, newValue);
  }

  boolean remove(Object key, Object value) {
    return (Boolean) call("remove", new Class<?>[] {queryKey(), queryValue()}, key, value);
  }

  Object addTo(Object key, Object increment) {
    return call("addTo", new Class<?>[] {keyType, valueType}, key, increment);
  }

  /** {@code keys()} or {@code values()} as a list of boxed elements. */
  java.util.List<Object> array(String name) {
    Object array = call(name, new Class<?>[0]);
    java.util.List<Object> elements = new java.util.ArrayList<>();
    for (int i = 0; i < java.lang.reflect.Array.getLength(array); i++) {
      elements.add(java.lang.reflect.Array.get(array, i));
    }
    return elements;
  }

  boolean containsKey(Object key) {
    return (Boolean) call("containsKey", new Class<?>[] {queryKey()}, key);
  }

  boolean containsValue(Object value) {
    return (Boolean) call("containsValue", new Class<?>[] {queryValue()}, value);
  }

  /** The live boxed view: {@code asMap()}, or the map itself for the drop-in map. */
  @SuppressWarnings("unchecked")
  Map<Object, Object> view() {
    return isDropIn()
        ? (Map<Object, Object>) map
        : (Map<Object, Object>) call("asMap", new Class<?>[0]);
  }

  /** Calls the one-argument method {@code name} with a proxy of its functional parameter type. */
  private Object callWithFunction(
      String name, java.util.function.BiFunction<Object, Object, Object> body) {
    Method method =
        Reflection.method(
            map,
            name,
            m ->
                m.getParameterCount() == 1
                    && !m.getParameterTypes()[0].isPrimitive()
                    && (!isDropIn() || m.getDeclaringClass() == map.getClass()));
    Object function =
        Reflection.proxy(method.getParameterTypes()[0], args -> body.apply(args[0], args[1]));
    return Reflection.invoke(method, map, function);
  }

  Object compute(Object key, java.util.function.BiFunction<Object, Object, Object> function) {
    return call(
        "compute", new Class<?>[] {keyType, java.util.function.BiFunction.class}, key, function);
  }

  Object computeIfPresent(
      Object key, java.util.function.BiFunction<Object, Object, Object> function) {
    return call(
        "computeIfPresent",
        new Class<?>[] {keyType, java.util.function.BiFunction.class},
        key,
        function);
  }

  Object computeIfAbsent(Object key, java.util.function.Function<Object, Object> function) {
    return call(
        "computeIfAbsent",
        new Class<?>[] {keyType, java.util.function.Function.class},
        key,
        function);
  }

  Object merge(
      Object key, Object value, java.util.function.BiFunction<Object, Object, Object> function) {
    return call(
        "merge",
        new Class<?>[] {keyType, valueType, java.util.function.BiFunction.class},
        key,
        value,
        function);
  }

  /** Whether the map has the boxing-free {@code compute<V>IfAbsent} and {@code merge<V>}. */
  boolean hasPrimitiveCompute() {
    return valueType == int.class || valueType == long.class || valueType == double.class;
  }

  private String valueLabel() {
    String name = valueType.getName();
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  /**
   * {@code compute<V>IfAbsent} with its {@code java.util.function} type; {@code function} gets the
   * key as that type passes it (widened for byte, short, char and float keys).
   */
  Object computePrimitiveIfAbsent(
      Object key, java.util.function.Function<Object, Object> function) {
    Method method =
        Reflection.method(
            map, "compute" + valueLabel() + "IfAbsent", m -> m.getParameterCount() == 2);
    Object proxy = Reflection.proxy(method.getParameterTypes()[1], args -> function.apply(args[0]));
    return Reflection.invoke(method, map, key, proxy);
  }

  /** {@code merge<V>} with its {@code java.util.function} binary operator. */
  Object mergePrimitive(
      Object key, Object value, java.util.function.BinaryOperator<Object> function) {
    Method method = Reflection.method(map, "merge" + valueLabel(), m -> m.getParameterCount() == 3);
    Object proxy =
        Reflection.proxy(method.getParameterTypes()[2], args -> function.apply(args[0], args[1]));
    return Reflection.invoke(method, map, key, value, proxy);
  }

  /** {@code removeIf} with the map's own predicate type. */
  boolean removeIf(java.util.function.BiPredicate<Object, Object> filter) {
    return (Boolean) callWithFunction("removeIf", (k, v) -> filter.test(k, v));
  }

  /** {@code replaceAll} with the map's own function type. */
  void replaceAll(java.util.function.BiFunction<Object, Object, Object> function) {
    callWithFunction("replaceAll", function);
  }

  /** Every entry, collected through {@code forEach} with the map's own consumer type. */
  Map<Object, Object> entriesByForEach() {
    Map<Object, Object> seen = new HashMap<>();
    Method forEach =
        Reflection.method(
            map,
            "forEach",
            m ->
                m.getParameterCount() == 1
                    && (!isDropIn() || m.getDeclaringClass() == map.getClass()));
    Object consumer =
        Reflection.proxy(
            forEach.getParameterTypes()[0],
            args -> {
              Object previous = seen.put(args[0], args[1]);
              if (previous != null || seen.size() > size()) {
                throw new AssertionError("forEach visited a key twice: " + args[0]);
              }
              return null;
            });
    Reflection.invoke(forEach, map, consumer);
    return seen;
  }

  /**
   * Walks the cursor, removes the entries whose key matches, and returns every entry seen. Entries
   * never move, so removing through the cursor must not hide or repeat any other entry.
   */
  Map<Object, Object> walkCursorRemoving(Predicate<Object> remove) {
    Object cursor = call("cursor", new Class<?>[0]);
    Map<Object, Object> seen = new HashMap<>();
    try {
      Method advance = cursor.getClass().getMethod("advance");
      Method key = cursor.getClass().getMethod("key");
      Method value = cursor.getClass().getMethod("value");
      Method removeMethod = cursor.getClass().getMethod("remove");
      while ((Boolean) advance.invoke(cursor)) {
        Object k = key.invoke(cursor);
        if (seen.containsKey(k)) {
          throw new AssertionError("cursor visited a key twice: " + k);
        }
        seen.put(k, value.invoke(cursor));
        if (remove.test(k)) {
          removeMethod.invoke(cursor);
        }
      }
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
    return seen;
  }

  /** A copy made by the copy constructor (or {@code Map} constructor for the drop-in map). */
  ReflectiveMap copy() {
    try {
      Class<?> parameter = isDropIn() ? Map.class : map.getClass();
      Object copy = map.getClass().getConstructor(parameter).newInstance(map);
      return new ReflectiveMap(copy, keyType, valueType);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  /** A copy made by Java serialization. */
  ReflectiveMap serialized() {
    return new ReflectiveMap(serializedTarget(), keyType, valueType);
  }
}
