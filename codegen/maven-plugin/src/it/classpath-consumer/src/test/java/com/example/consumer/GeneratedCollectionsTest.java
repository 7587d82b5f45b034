package com.example.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.consumer.collections.ElasticCharSet;
import com.example.consumer.collections.ElasticShortFloatMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Uses the pair this build generated as a user would, against java.util models. */
class GeneratedCollectionsTest {

  @Test
  void shortFloatMapPutsGetsAndRemoves() {
    ElasticShortFloatMap map = new ElasticShortFloatMap();
    Map<Short, Float> model = new HashMap<>();
    for (int i = 0; i < 5_000; i++) {
      short key = (short) (i * 31);
      map.put(key, i / 4.0f);
      model.put(key, i / 4.0f);
    }
    for (short key = -3000; key < 3000; key += 3) {
      if (model.containsKey(key)) {
        assertEquals(model.remove(key), map.remove(key));
      } else {
        assertFalse(map.containsKey(key));
      }
    }
    assertEquals(model.size(), map.size());
    for (Map.Entry<Short, Float> entry : model.entrySet()) {
      assertTrue(map.containsKey(entry.getKey()));
      assertEquals(entry.getValue(), map.get(entry.getKey()));
    }
    assertEquals(0.0f, map.get((short) 1), "absent keys read as the default return value");
    assertEquals(model, map.asMap());
  }

  @Test
  void shortFloatMapIteratesOverEveryEntryOnce() {
    ElasticShortFloatMap map = new ElasticShortFloatMap(16);
    Map<Short, Float> model = new HashMap<>();
    for (short key = 1; key <= 1000; key++) {
      map.put(key, -key);
      model.put(key, (float) -key);
    }
    Map<Short, Float> seen = new HashMap<>();
    map.forEach((key, value) -> assertEquals(null, seen.put(key, value)));
    assertEquals(model, seen);
    Map<Short, Float> viaCursor = new HashMap<>();
    for (var cursor = map.cursor(); cursor.advance(); ) {
      viaCursor.put(cursor.key(), cursor.value());
      if (cursor.key() % 2 == 0) {
        cursor.remove();
      }
    }
    assertEquals(model, viaCursor);
    assertEquals(500, map.size());
    assertFalse(map.containsKey((short) 2));
    assertTrue(map.containsKey((short) 3));
  }

  @Test
  void charSetAddsAndContains() {
    ElasticCharSet set = new ElasticCharSet();
    Set<Character> model = new HashSet<>();
    for (char c : "the quick brown fox jumps over the lazy dog".toCharArray()) {
      assertEquals(model.add(c), set.add(c), "add reports whether " + c + " was new");
    }
    assertEquals(model.size(), set.size());
    for (char c = 0; c < 256; c++) {
      assertEquals(model.contains(c), set.contains(c), "contains " + (int) c);
    }
    assertTrue(set.remove('q'));
    assertFalse(set.contains('q'));
    assertFalse(set.remove('q'));
  }

  @Test
  void charSetIteratesOverEveryElementOnce() {
    ElasticCharSet set = new ElasticCharSet();
    for (char c = 'a'; c <= 'z'; c++) {
      set.add(c);
    }
    Set<Character> seen = new HashSet<>();
    set.forEach(c -> assertTrue(seen.add(c)));
    assertEquals(26, seen.size());
    assertEquals(seen, set.asSet());
  }
}
