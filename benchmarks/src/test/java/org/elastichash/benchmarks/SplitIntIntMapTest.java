package org.elastichash.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The prototype's timings mean nothing unless it is a correct map: random puts, gets and removes
 * are checked against {@link HashMap}, over key ranges that keep the overflow segment busy.
 */
class SplitIntIntMapTest {

  @ParameterizedTest
  @ValueSource(ints = {64, 5_000, 200_000})
  void agreesWithHashMapUnderRandomOperations(int keyRange) {
    for (double maxLoad : new double[] {0.5, 0.875, 0.95}) {
      SplittableRandom random = new SplittableRandom(keyRange * 31L + (long) (maxLoad * 1000));
      SplitIntIntMap map = new SplitIntIntMap(maxLoad);
      Map<Integer, Integer> model = new HashMap<>();
      for (int step = 0; step < 400_000; step++) {
        int key = random.nextInt(keyRange) - keyRange / 2;
        int choice = random.nextInt(10);
        if (choice < 5) {
          int value = random.nextInt(1, Integer.MAX_VALUE);
          map.put(key, value);
          model.put(key, value);
        } else if (choice < 7) {
          map.remove(key);
          model.remove(key);
        } else {
          assertEquals(model.getOrDefault(key, 0), map.get(key), "get(" + key + ")");
        }
        assertEquals(model.size(), map.size(), "size after step " + step);
      }
      for (Map.Entry<Integer, Integer> entry : model.entrySet()) {
        assertEquals(entry.getValue(), map.get(entry.getKey()), "get(" + entry.getKey() + ")");
      }
    }
  }

  @Test
  void growsFromEmptyToAMillionKeysWithoutLosingOne() {
    SplitIntIntMap map = new SplitIntIntMap(0.875);
    for (int key = 0; key < 1_000_000; key++) {
      map.put(key * 1024, key + 1);
    }
    for (int key = 0; key < 1_000_000; key++) {
      assertEquals(key + 1, map.get(key * 1024));
      assertEquals(0, map.get(key * 1024 + 1));
    }
    assertTrue(map.overflowShare() < 0.5, "overflow share " + map.overflowShare());
  }

  @Test
  void rejectsALoadOutsideTheOpenUnitInterval() {
    assertThrows(IllegalArgumentException.class, () -> new SplitIntIntMap(1.0));
    assertThrows(IllegalArgumentException.class, () -> new SplitIntIntMap(Double.NaN));
  }
}
