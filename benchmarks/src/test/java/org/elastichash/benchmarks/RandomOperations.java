package org.elastichash.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import java.util.function.IntSupplier;

/**
 * Random puts, gets and removes on a prototype map, checked against {@link HashMap}: the
 * prototypes' timings mean nothing unless they are correct maps.
 */
final class RandomOperations {

  private RandomOperations() {}

  /**
   * Runs {@code steps} operations on keys in {@code [-keyRange/2, keyRange/2)}: half puts of
   * non-zero values, a fifth removes, the rest gets compared with the model, and the size after
   * each. Checks every entry of the model at the end.
   *
   * @param map the prototype
   * @param size its entry count
   * @param displacedShare the share of its keys living away from their first choice, sampled every
   *     1,000 steps
   * @return the largest {@code displacedShare} sampled, to show that the run exercised that path
   */
  static double agreeWithHashMap(
      IntIntMaps.Map map,
      IntSupplier size,
      DoubleSupplier displacedShare,
      int keyRange,
      long seed,
      int steps) {
    SplittableRandom random = new SplittableRandom(seed);
    Map<Integer, Integer> model = new HashMap<>();
    double mostDisplaced = 0;
    for (int step = 0; step < steps; step++) {
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
      assertEquals(model.size(), size.getAsInt(), "size after step " + step);
      if (step % 1000 == 0) {
        mostDisplaced = Math.max(mostDisplaced, displacedShare.getAsDouble());
      }
    }
    for (Map.Entry<Integer, Integer> entry : model.entrySet()) {
      assertEquals(entry.getValue(), map.get(entry.getKey()), "get(" + entry.getKey() + ")");
    }
    return mostDisplaced;
  }
}
