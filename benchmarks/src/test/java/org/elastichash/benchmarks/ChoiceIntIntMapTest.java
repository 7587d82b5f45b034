package org.elastichash.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The prototype's timings mean nothing unless it is a correct map: random puts, gets and removes
 * are checked against {@code HashMap} ({@link RandomOperations}), at loads that send keys past
 * their candidate groups.
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
      ChoiceIntIntMap map = new ChoiceIntIntMap(maxLoad, choice);
      long seed = keyRange * 31L + (long) (maxLoad * 1000);
      double mostPast =
          RandomOperations.agreeWithHashMap(
              map, map::size, map::pastCandidatesShare, keyRange, seed, 300_000);
      if (keyRange >= 5000 && maxLoad > 0.9) {
        assertTrue(mostPast > 0, "no key ever lived past its candidates");
      }
    }
  }

  @Test
  void growsFromEmptyWithoutLosingKeysAndTwoChoicesDisplaceFewer() {
    ChoiceIntIntMap.Choice[] choices = ChoiceIntIntMap.Choice.values();
    double[] pastShares = new double[choices.length];
    int[] keys = new SplittableRandom(7).ints(300_000).distinct().toArray();
    for (ChoiceIntIntMap.Choice choice : choices) {
      ChoiceIntIntMap map = new ChoiceIntIntMap(0.875, choice);
      for (int key : keys) {
        map.put(key, key ^ 5);
      }
      assertEquals(keys.length, map.size());
      for (int key : keys) {
        assertEquals(key ^ 5, map.get(key));
      }
      pastShares[choice.ordinal()] = map.pastCandidatesShare();
    }
    // One start group: several percent of the keys probe further; two choices: a fraction of one.
    for (ChoiceIntIntMap.Choice choice :
        List.of(ChoiceIntIntMap.Choice.LOCAL, ChoiceIntIntMap.Choice.ANY)) {
      assertTrue(
          4 * pastShares[choice.ordinal()] < pastShares[ChoiceIntIntMap.Choice.ONE.ordinal()],
          choice + ": shares past the candidates " + Arrays.toString(pastShares));
    }
  }

  @Test
  void rejectsALoadOutsideTheOpenUnitInterval() {
    assertThrows(
        IllegalArgumentException.class, () -> new ChoiceIntIntMap(1.0, ChoiceIntIntMap.Choice.ANY));
    assertThrows(
        IllegalArgumentException.class, () -> new ChoiceIntIntMap(0.0, ChoiceIntIntMap.Choice.ANY));
    assertThrows(
        IllegalArgumentException.class,
        () -> new ChoiceIntIntMap(Double.NaN, ChoiceIntIntMap.Choice.ANY));
  }
}
