package org.elastichash.tests.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.Map;
import org.elastichash.ElasticHashMap;
import org.elastichash.ElasticHashSet;
import org.elastichash.ElasticIntIntMap;
import org.elastichash.ElasticIntSet;
import org.elastichash.ElasticLongObjectMap;
import org.elastichash.ElasticStats;
import org.junit.jupiter.api.Test;

class FailFastAndCopyTest {

  private static ElasticIntIntMap filled(int size) {
    ElasticIntIntMap map = new ElasticIntIntMap();
    for (int i = 0; i < size; i++) {
      map.put(i * 31, i);
    }
    return map;
  }

  @Test
  void cursorFailsFastOnOutsideStructuralChange() {
    ElasticIntIntMap map = filled(100);
    ElasticIntIntMap.Cursor cursor = map.cursor();
    assertTrue(cursor.advance());
    map.put(-1, -1);
    assertThrows(ConcurrentModificationException.class, cursor::advance);
    assertThrows(ConcurrentModificationException.class, cursor::key);
  }

  @Test
  void cursorToleratesItsOwnRemovalsAndValueChanges() {
    ElasticIntIntMap map = filled(1000);
    int seen = 0;
    for (ElasticIntIntMap.Cursor cursor = map.cursor(); cursor.advance(); seen++) {
      if (cursor.key() % 2 == 0) {
        cursor.remove();
        assertThrows(IllegalStateException.class, cursor::value);
      } else {
        cursor.setValue(-cursor.value());
      }
    }
    assertEquals(1000, seen);
    assertEquals(500, map.size());
    map.forEach((key, value) -> assertEquals(-key / 31, value));
  }

  @Test
  void setCursorsAndFunctionsFailFast() {
    ElasticIntSet set = new ElasticIntSet();
    for (int i = 0; i < 100; i++) {
      set.add(i * 7);
    }
    ElasticIntSet.Cursor cursor = set.cursor();
    assertThrows(IllegalStateException.class, cursor::key);
    assertTrue(cursor.advance());
    set.add(-1);
    assertThrows(ConcurrentModificationException.class, cursor::advance);
    assertThrows(ConcurrentModificationException.class, () -> set.forEach(x -> set.add(x + 1)));
    assertThrows(ConcurrentModificationException.class, () -> set.removeIf(x -> set.remove(x)));

    int removed = 0;
    for (ElasticIntSet.Cursor walk = set.cursor(); walk.advance(); ) {
      if (walk.key() % 2 == 0) {
        walk.remove();
        removed++;
        assertThrows(IllegalStateException.class, walk::key);
      }
    }
    assertTrue(removed > 0);
    set.forEach(x -> assertNotEquals(0, x % 2));

    ElasticHashSet<String> strings = new ElasticHashSet<>();
    strings.add("a");
    strings.add(null);
    ElasticHashSet<String>.Cursor objects = strings.cursor();
    assertTrue(objects.advance());
    strings.remove("a");
    assertThrows(ConcurrentModificationException.class, objects::advance);
  }

  @Test
  void cursorRejectsAccessBeforeAdvance() {
    ElasticIntIntMap.Cursor cursor = filled(3).cursor();
    assertThrows(IllegalStateException.class, cursor::key);
    assertThrows(IllegalStateException.class, cursor::remove);
  }

  @Test
  void viewIteratorsAndForEachFailFast() {
    ElasticIntIntMap map = filled(100);
    Iterator<Map.Entry<Integer, Integer>> entries = map.asMap().entrySet().iterator();
    entries.next();
    map.remove(31);
    assertThrows(ConcurrentModificationException.class, entries::next);
    assertThrows(
        ConcurrentModificationException.class, () -> map.forEach((k, v) -> map.put(k + 1, v)));

    ElasticHashMap<String, String> hashMap = new ElasticHashMap<>();
    hashMap.put("a", "1");
    hashMap.put("b", "2");
    Iterator<String> keys = hashMap.keySet().iterator();
    keys.next();
    hashMap.put("c", "3");
    assertThrows(ConcurrentModificationException.class, keys::next);
  }

  @Test
  void copiesAfterRemovalsWithSeveralSegmentsShareNoState() {
    ElasticIntIntMap map = new ElasticIntIntMap(0, 0.01);
    for (int i = 0; i < 50_000; i++) {
      map.put(i * 7, i);
    }
    for (int i = 0; i < 50_000; i += 3) {
      map.remove(i * 7);
    }
    ElasticStats stats = map.stats();
    assertEquals(50_000 - 16_667, stats.size(), stats.toString());
    assertTrue(stats.segments().stream().filter(s -> s.live() > 0).count() >= 2, stats.toString());

    ElasticIntIntMap copy = new ElasticIntIntMap(map);
    assertEquals(map, copy);
    assertEquals(map.hashCode(), copy.hashCode());
    copy.put(7, 12345);
    copy.remove(14);
    copy.put(-1, 1);
    assertNotEquals(map, copy);
    assertEquals(1, map.get(7));
    assertEquals(2, map.get(14));
    assertEquals(0, map.get(-1));
    assertEquals(stats, map.stats());
  }

  @Test
  void serializationRoundTripsKeepEntriesDeltaAndDefault() throws Exception {
    ElasticLongObjectMap<String> map = new ElasticLongObjectMap<>(0, 0.05);
    map.defaultReturnValue("none");
    for (long i = 0; i < 20_000; i++) {
      map.put(i << 33, i % 5 == 0 ? null : "v" + i);
    }
    for (long i = 0; i < 20_000; i += 4) {
      map.remove(i << 33);
    }
    ElasticLongObjectMap<String> copy = roundTrip(map);
    assertEquals(map, copy);
    assertEquals(map.size(), copy.size());
    assertEquals("none", copy.get(12345));
    assertEquals(0.05, copy.stats().delta());
    assertEquals(copy.size(), copy.stats().size());

    ElasticHashMap<String, Integer> hashMap = new ElasticHashMap<>();
    hashMap.put(null, 1);
    hashMap.put("x", null);
    assertEquals(hashMap, roundTrip(hashMap));
  }

  @SuppressWarnings("unchecked")
  private static <T> T roundTrip(T object) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(object);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (T) in.readObject();
    }
  }
}
