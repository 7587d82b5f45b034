package org.elastichash.tests.properties;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.elastichash.ElasticStats;

/**
 * Drives any generated map through its own primitive API by reflection, so that one stateful
 * harness covers every shipped map and every pair the CLI generates. Arguments and results are
 * boxed; reflection unboxes them into the primitive signatures, which is exactly the API users
 * call.
 */
final class ReflectiveMap {

  private final Object map;
  private final Class<?> keyType;
  private final Class<?> valueType;

  ReflectiveMap(Object map, Class<?> keyType, Class<?> valueType) {
    this.map = map;
    this.keyType = keyType;
    this.valueType = valueType;
  }

  static ReflectiveMap create(
      Class<?> mapClass, Class<?> keyType, Class<?> valueType, int expectedSize, double delta) {
    try {
      Object map =
          mapClass.getConstructor(int.class, double.class).newInstance(expectedSize, delta);
      return new ReflectiveMap(map, keyType, valueType);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  Object target() {
    return map;
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

  Object call(String name, Class<?>[] types, Object... args) {
    try {
      Method method = map.getClass().getMethod(name, types);
      return method.invoke(map, args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new AssertionError(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
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

  boolean trimToSize() {
    return (Boolean) call("trimToSize", new Class<?>[0]);
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

  int size() {
    return (Integer) call("size", new Class<?>[0]);
  }

  boolean isEmpty() {
    return (Boolean) call("isEmpty", new Class<?>[0]);
  }

  void clear() {
    call("clear", new Class<?>[0]);
  }

  void ensureCapacity(int expectedSize) {
    call("ensureCapacity", new Class<?>[] {int.class}, expectedSize);
  }

  ElasticStats stats() {
    return (ElasticStats) call("stats", new Class<?>[0]);
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
        java.util.Arrays.stream(map.getClass().getMethods())
            .filter(m -> m.getName().equals(name) && m.getParameterCount() == 1)
            .filter(m -> !m.getParameterTypes()[0].isPrimitive())
            .filter(m -> !isDropIn() || m.getDeclaringClass() == map.getClass())
            .findFirst()
            .orElseThrow();
    Class<?> type = method.getParameterTypes()[0];
    Object function =
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (proxy, m, args) -> {
              if (m.getDeclaringClass() == Object.class) {
                return m.getName().equals("hashCode") ? 0 : null;
              }
              return body.apply(args[0], args[1]);
            });
    try {
      return method.invoke(map, function);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new AssertionError(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
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

  /** The one public method named {@code name} with {@code parameters} parameters. */
  private Method method(String name, int parameters) {
    return java.util.Arrays.stream(map.getClass().getMethods())
        .filter(m -> m.getName().equals(name) && m.getParameterCount() == parameters)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " on " + map.getClass()));
  }

  /** A proxy of a {@code java.util.function} interface whose abstract method runs {@code body}. */
  private static Object functionProxy(
      Class<?> type, java.util.function.Function<Object[], Object> body) {
    return Proxy.newProxyInstance(
        ReflectiveMap.class.getClassLoader(),
        new Class<?>[] {type},
        (proxy, m, args) -> {
          if (m.getDeclaringClass() == Object.class) {
            return m.getName().equals("hashCode") ? 0 : null;
          }
          if (m.isDefault()) {
            throw new AssertionError("the map called a default method: " + m);
          }
          return body.apply(args);
        });
  }

  private Object invoke(Method method, Object... args) {
    try {
      return method.invoke(map, args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new AssertionError(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  /**
   * {@code compute<V>IfAbsent} with its {@code java.util.function} type; {@code function} gets the
   * key as that type passes it (widened for byte, short, char and float keys).
   */
  Object computePrimitiveIfAbsent(
      Object key, java.util.function.Function<Object, Object> function) {
    Method method = method("compute" + valueLabel() + "IfAbsent", 2);
    Object proxy = functionProxy(method.getParameterTypes()[1], args -> function.apply(args[0]));
    return invoke(method, key, proxy);
  }

  /** {@code merge<V>} with its {@code java.util.function} binary operator. */
  Object mergePrimitive(
      Object key, Object value, java.util.function.BinaryOperator<Object> function) {
    Method method = method("merge" + valueLabel(), 3);
    Object proxy =
        functionProxy(method.getParameterTypes()[2], args -> function.apply(args[0], args[1]));
    return invoke(method, key, value, proxy);
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
        java.util.Arrays.stream(map.getClass().getMethods())
            .filter(m -> m.getName().equals("forEach") && m.getParameterCount() == 1)
            .filter(m -> !isDropIn() || m.getDeclaringClass() == map.getClass())
            .findFirst()
            .orElseThrow();
    Class<?> consumerType = forEach.getParameterTypes()[0];
    Object consumer =
        Proxy.newProxyInstance(
            consumerType.getClassLoader(),
            new Class<?>[] {consumerType},
            (proxy, method, args) -> {
              if (method.getDeclaringClass() == Object.class) {
                return method.getName().equals("hashCode") ? 0 : null;
              }
              Object previous = seen.put(args[0], args[1]);
              if (previous != null || seen.size() > size()) {
                throw new AssertionError("forEach visited a key twice: " + args[0]);
              }
              return null;
            });
    try {
      forEach.invoke(map, consumer);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
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
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(map);
      }
      try (ObjectInputStream in =
          new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
        return new ReflectiveMap(in.readObject(), keyType, valueType);
      }
    } catch (IOException | ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }

  @Override
  public String toString() {
    return map.toString();
  }
}
