package org.elastichash.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The prototype's timings mean nothing unless it is a correct map: random puts, gets and removes
 * are checked against {@link HashMap}, over key ranges that keep the overflow segment busy.
 */
class SplitIntIntMapTest {

  @ParameterizedTest
  @CsvSource({
    "64, false",
    "5000, false",
    "200000, false",
    "64, true",
    "5000, true",
    "200000, true"
  })
  void agreesWithHashMapUnderRandomOperations(int keyRange, boolean secondGroups) {
    for (double maxLoad : new double[] {0.5, 0.875, 0.95}) {
      SplittableRandom random = new SplittableRandom(keyRange * 31L + (long) (maxLoad * 1000));
      SplitIntIntMap map = new SplitIntIntMap(maxLoad, secondGroups);
      double mostOverflow = 0;
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
        mostOverflow = Math.max(mostOverflow, map.overflowShare());
      }
      if (keyRange >= 5000 && maxLoad > 0.5) {
        assertTrue(mostOverflow > 0, "the overflow segment was never used");
      }
      for (Map.Entry<Integer, Integer> entry : model.entrySet()) {
        assertEquals(entry.getValue(), map.get(entry.getKey()), "get(" + entry.getKey() + ")");
      }
    }
  }

  @Test
  void growsFromEmptyToAMillionKeysWithoutLosingOne() {
    double[] overflowShares = new double[2];
    for (boolean secondGroups : new boolean[] {false, true}) {
      SplitIntIntMap map = new SplitIntIntMap(0.875, secondGroups);
      for (int key = 0; key < 1_000_000; key++) {
        map.put(key * 1024, key + 1);
      }
      for (int key = 0; key < 1_000_000; key++) {
        assertEquals(key + 1, map.get(key * 1024));
        assertEquals(0, map.get(key * 1024 + 1));
      }
      overflowShares[secondGroups ? 1 : 0] = map.overflowShare();
    }
    // Second groups take in part of what overflows from full first groups (7.0% against 4.8%).
    assertTrue(
        overflowShares[1] < overflowShares[0] * 0.8,
        "overflow shares " + Arrays.toString(overflowShares));
  }

  @Test
  void rejectsALoadOutsideTheOpenUnitInterval() {
    assertThrows(IllegalArgumentException.class, () -> new SplitIntIntMap(1.0, true));
    assertThrows(IllegalArgumentException.class, () -> new SplitIntIntMap(Double.NaN, true));
  }
}
