package org.elastichash.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The prototype's timings mean nothing unless it is a correct map: random puts, gets and removes
 * are checked against {@code HashMap} ({@link RandomOperations}), over key ranges that keep the
 * overflow segment busy.
 */
class SplitIntIntMapTest {

  @ParameterizedTest
  @CsvSource({
    "64, FIRST_ONLY",
    "5000, FIRST_ONLY",
    "200000, FIRST_ONLY",
    "64, PARTNER",
    "5000, PARTNER",
    "200000, PARTNER",
    "64, NEXT_GROUP",
    "5000, NEXT_GROUP",
    "200000, NEXT_GROUP"
  })
  void agreesWithHashMapUnderRandomOperations(int keyRange, SplitIntIntMap.Placement placement) {
    for (double maxLoad : new double[] {0.5, 0.875, 0.95}) {
      SplitIntIntMap map = new SplitIntIntMap(maxLoad, placement);
      long seed = keyRange * 31L + (long) (maxLoad * 1000);
      double mostOverflow =
          RandomOperations.agreeWithHashMap(
              map, map::size, map::overflowShare, keyRange, seed, 400_000);
      if (keyRange >= 5000 && maxLoad > 0.5) {
        assertTrue(mostOverflow > 0, "the overflow segment was never used");
      }
    }
  }

  @Test
  void growsFromEmptyToAMillionKeysWithoutLosingOne() {
    SplitIntIntMap.Placement[] placements = SplitIntIntMap.Placement.values();
    double[] overflowShares = new double[placements.length];
    for (SplitIntIntMap.Placement placement : placements) {
      SplitIntIntMap map = new SplitIntIntMap(0.875, placement);
      for (int key = 0; key < 1_000_000; key++) {
        map.put(key * 1024, key + 1);
      }
      for (int key = 0; key < 1_000_000; key++) {
        assertEquals(key + 1, map.get(key * 1024));
        assertEquals(0, map.get(key * 1024 + 1));
      }
      overflowShares[placement.ordinal()] = map.overflowShare();
      if (placement == SplitIntIntMap.Placement.FIRST_ONLY) {
        assertEquals(0, map.secondGroupShare(), "first group only");
      } else {
        assertTrue(map.secondGroupShare() > 0, placement + " never used a second group");
      }
    }
    // A second group takes in part of what overflows from full first groups: 7.0% of these keys
    // overflow with the first group only, 4.8% with a partner group, 6.2% with the next group.
    for (int i = 1; i < placements.length; i++) {
      assertTrue(
          overflowShares[i] < overflowShares[0],
          placements[i] + ": overflow shares " + Arrays.toString(overflowShares));
    }
  }

  @Test
  void rejectsALoadOutsideTheOpenUnitInterval() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new SplitIntIntMap(1.0, SplitIntIntMap.Placement.PARTNER));
    assertThrows(
        IllegalArgumentException.class,
        () -> new SplitIntIntMap(Double.NaN, SplitIntIntMap.Placement.PARTNER));
  }
}
