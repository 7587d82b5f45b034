package org.elastichash.tests.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.elastichash.ElasticHashMap;
import org.elastichash.ElasticHashSet;
import org.elastichash.ElasticIntIntMap;
import org.elastichash.ElasticIntLongMap;
import org.elastichash.ElasticIntObjectMap;
import org.elastichash.ElasticIntSet;
import org.elastichash.ElasticLongIntMap;
import org.elastichash.ElasticLongLongMap;
import org.elastichash.ElasticLongObjectMap;
import org.elastichash.ElasticLongSet;
import org.elastichash.ElasticObjectIntMap;
import org.elastichash.ElasticObjectLongMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Invalid sizes, deltas, functions and collections get a clear exception that names the argument,
 * and leave the map exactly as it was.
 */
class BadInputTest {

  private static void assertRejected(
      Class<? extends RuntimeException> type, String argument, Executable call) {
    RuntimeException e = assertThrows(type, call);
    assertTrue(
        e.getMessage() != null && e.getMessage().contains(argument),
        "message should name " + argument + ": " + e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, -100, Integer.MIN_VALUE})
  void negativeExpectedSizeIsRejectedByEveryMap(int size) {
    String value = String.valueOf(size);
    for (Executable constructor :
        new Executable[] {
          () -> new ElasticIntIntMap(size),
          () -> new ElasticIntLongMap(size),
          () -> new ElasticIntObjectMap<String>(size),
          () -> new ElasticLongIntMap(size),
          () -> new ElasticLongLongMap(size),
          () -> new ElasticLongObjectMap<String>(size),
          () -> new ElasticObjectIntMap<String>(size),
          () -> new ElasticObjectLongMap<String>(size),
          () -> new ElasticHashMap<String, String>(size),
          () -> new ElasticIntIntMap(size, 0.1),
          () -> new ElasticIntSet(size),
          () -> new ElasticLongSet(size, 0.5),
          () -> new ElasticHashSet<String>(size),
        }) {
      assertRejected(IllegalArgumentException.class, "expectedSize", constructor);
      assertRejected(IllegalArgumentException.class, value, constructor);
    }
  }

  @ParameterizedTest
  @ValueSource(
      doubles = {
        0.0,
        1.0,
        -0.0,
        -0.5,
        1.5,
        Double.NaN,
        Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY
      })
  void deltaOutsideTheOpenUnitIntervalIsRejected(double delta) {
    for (Executable constructor :
        new Executable[] {
          () -> new ElasticIntIntMap(10, delta),
          () -> new ElasticLongObjectMap<String>(10, delta),
          () -> new ElasticHashMap<String, String>(10, delta),
          () -> new ElasticObjectLongMap<String>(0, delta),
          () -> new ElasticIntSet(10, delta),
          () -> new ElasticHashSet<String>(0, delta),
        }) {
      assertRejected(IllegalArgumentException.class, "delta", constructor);
      assertRejected(IllegalArgumentException.class, String.valueOf(delta), constructor);
    }
  }

  @Test
  void rejectedCallsLeaveTheMapUnchanged() {
    ElasticIntIntMap map = new ElasticIntIntMap();
    for (int i = 0; i < 1000; i++) {
      map.put(i, i * i);
    }
    map.remove(5);
    ElasticIntIntMap snapshot = new ElasticIntIntMap(map);

    assertRejected(IllegalArgumentException.class, "expectedSize", () -> map.ensureCapacity(-1));
    assertRejected(NullPointerException.class, "action", () -> map.forEach(null));
    assertRejected(NullPointerException.class, "key", () -> map.asMap().put(null, 1));
    assertRejected(NullPointerException.class, "value", () -> map.asMap().put(1, null));
    assertRejected(NullPointerException.class, "value", () -> map.asMap().put(2000, null));
    assertRejected(NullPointerException.class, "other", () -> new ElasticIntIntMap(null));
    assertThrows(NullPointerException.class, () -> map.asMap().putAll(null));
    assertThrows(ClassCastException.class, () -> putRaw(map.asMap(), "one", 1));

    assertEquals(snapshot, map);
    assertEquals(snapshot.stats(), map.stats());
  }

  @Test
  void dropInMapRejectsNullCollectionsAndFunctions() {
    ElasticHashMap<String, Integer> map = new ElasticHashMap<>();
    map.put("a", 1);
    map.put(null, 2);
    Map<String, Integer> snapshot = Map.copyOf(Map.of("a", 1));
    assertRejected(NullPointerException.class, "map", () -> new ElasticHashMap<>(null));
    assertRejected(NullPointerException.class, "action", () -> map.forEach(null));
    assertRejected(IllegalArgumentException.class, "expectedSize", () -> map.ensureCapacity(-5));
    assertThrows(NullPointerException.class, () -> map.putAll(null));
    assertEquals(2, map.size());
    assertEquals(snapshot.get("a"), map.get("a"));
    assertEquals(2, map.get(null));
  }

  @Test
  void rejectedCallsLeaveTheSetsUnchanged() {
    ElasticLongSet set = new ElasticLongSet();
    for (long i = 0; i < 1000; i++) {
      set.add(i * 7);
    }
    set.remove(14);
    ElasticLongSet snapshot = new ElasticLongSet(set);
    assertRejected(IllegalArgumentException.class, "expectedSize", () -> set.ensureCapacity(-1));
    assertRejected(NullPointerException.class, "action", () -> set.forEach(null));
    assertRejected(NullPointerException.class, "filter", () -> set.removeIf(null));
    assertRejected(NullPointerException.class, "key", () -> set.asSet().add(null));
    assertRejected(NullPointerException.class, "keys", () -> set.addAll((long[]) null));
    assertRejected(NullPointerException.class, "other", () -> new ElasticLongSet(null));
    assertThrows(NullPointerException.class, () -> set.asSet().addAll(null));
    assertEquals(snapshot, set);
    assertEquals(snapshot.stats(), set.stats());

    ElasticHashSet<String> strings = new ElasticHashSet<>();
    strings.add(null);
    strings.add("a");
    assertRejected(NullPointerException.class, "elements", () -> new ElasticHashSet<>(null));
    assertRejected(NullPointerException.class, "filter", () -> strings.removeIf(null));
    assertRejected(NullPointerException.class, "action", () -> strings.forEach(null));
    assertEquals(2, strings.size());
    assertTrue(strings.contains("a"));
    assertTrue(strings.contains(null));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void putRaw(Map map, Object key, Object value) {
    map.put(key, value);
  }
}
