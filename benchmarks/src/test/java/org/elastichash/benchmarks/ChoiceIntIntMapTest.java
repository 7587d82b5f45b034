package org.elastichash.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The prototype's timings mean nothing unless it is a correct map: random puts, gets and removes
 * are checked against {@link HashMap}, at loads that send keys past their candidate groups.
 */
class ChoiceIntIntMapTest {

  @ParameterizedTest
  @CsvSource({
    "64, ONE", "5000, ONE", "200000, ONE",
    "64, LOCAL", "5000, LOCAL", "200000, LOCAL",
    "64, ANY", "5000, ANY", "200000, ANY"
  })
  void agreesWithHashMapUnderRandomOperations(int keyRange, ChoiceIntIntMap.Choice choice) {
    for (double maxLoad : new double[] {0.5, 0.875, 0.97}) {
      SplittableRandom random = new SplittableRandom(keyRange * 31L + (long) (maxLoad * 1000));
      ChoiceIntIntMap map = new ChoiceIntIntMap(maxLoad, choice);
      double mostPast = 0;
      Map<Integer, Integer> model = new HashMap<>();
      for (int step = 0; step < 300_000; step++) {
        int key = random.nextInt(keyRange) - keyRange / 2;
        int operation = random.nextInt(10);
        if (operation < 5) {
          int value = random.nextInt(1, Integer.MAX_VALUE);
          map.put(key, value);
          model.put(key, value);
        } else if (operation < 7) {
          map.remove(key);
          model.remove(key);
        } else {
          assertEquals(model.getOrDefault(key, 0), map.get(key), "get(" + key + ")");
        }
        assertEquals(model.size(), map.size(), "size after step " + step);
        if (step % 1000 == 0) {
          mostPast = Math.max(mostPast, map.pastCandidatesShare());
        }
      }
      if (keyRange >= 5000 && maxLoad > 0.9) {
        assertTrue(mostPast > 0, "no key ever lived past its candidates");
      }
      for (Map.Entry<Integer, Integer> entry : model.entrySet()) {
        assertEquals(entry.getValue(), map.get(entry.getKey()), "get(" + entry.getKey() + ")");
      }
    }
  }

  @ParameterizedTest
  @CsvSource({"ONE", "LOCAL", "ANY"})
  void growsFromEmptyWithoutLosingKeys(ChoiceIntIntMap.Choice choice) {
    ChoiceIntIntMap map = new ChoiceIntIntMap(0.875, choice);
    SplittableRandom random = new SplittableRandom(7);
    int[] keys = random.ints(300_000).toArray();
    Map<Integer, Integer> model = new HashMap<>();
    for (int key : keys) {
      map.put(key, key ^ 5);
      model.put(key, key ^ 5);
    }
    assertEquals(model.size(), map.size());
    for (int key : keys) {
      assertEquals(key ^ 5, map.get(key));
    }
  }
}
