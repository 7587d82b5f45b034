package org.elastichash.tests.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.elastichash.runtime.ControlBytes;
import org.elastichash.runtime.SegmentGeometry;
import org.elastichash.tests.Deltas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SegmentGeometryTest {

  private static final double[] DELTAS = Deltas.acrossTheRange();

  @Test
  void segmentsShrinkByTheRatioFromTheFirst() {
    SegmentGeometry geometry = new SegmentGeometry(1000, 0.125);
    int expectedCapacity = 0;
    for (int s = 0; s < geometry.segmentCount(); s++) {
      int expectedGroups =
          (int) Math.max(1, Math.ceil(1000 * Math.pow(SegmentGeometry.RATIO, s) - 1e-9));
      assertEquals(expectedGroups, geometry.groups(s), "segment " + s);
      assertEquals(ControlBytes.GROUP_SLOTS * expectedGroups, geometry.slots(s));
      expectedCapacity += geometry.slots(s);
    }
    assertEquals(expectedCapacity, geometry.capacity());
    // At delta 1/8 a second segment an eighth the size of the first already reaches the limit.
    assertEquals(2, geometry.segmentCount());
    assertEquals(7 * (1000 + 125), geometry.capacity());
    SegmentGeometry finer = new SegmentGeometry(1000, 1.0 / 32);
    assertEquals(3, finer.segmentCount());
    assertEquals(7 * (1000 + 125 + 16), finer.capacity());
  }

  /**
   * The schedule must reach the load limit within the segments a geometry has: with every segment
   * before the last at {@code 1 - delta/2} and the last at 3/4, the table holds {@code 1 - delta}
   * of its capacity, unless the segments ran down to one group.
   */
  @Test
  void segmentsSufficeForTheScheduleToReachTheLoadLimit() {
    for (double delta : DELTAS) {
      for (int topGroups : new int[] {1, 2, 3, 10, 100, 1000, 100_000, 1 << 24}) {
        SegmentGeometry geometry = new SegmentGeometry(topGroups, delta);
        int last = geometry.segmentCount() - 1;
        double scheduled = 0.75 * geometry.slots(last);
        for (int s = 0; s < last; s++) {
          scheduled += (1 - geometry.effectiveDelta() / 2) * geometry.slots(s);
        }
        boolean ranDown = geometry.groups(last) == 1 || last == SegmentGeometry.MAX_SEGMENTS - 1;
        double limit = 1 - geometry.effectiveDelta();
        assertTrue(
            ranDown || scheduled >= limit * geometry.capacity() - 1e-6 * geometry.capacity(),
            "delta " + delta + ", top groups " + topGroups);
        assertTrue(geometry.segmentCount() >= 2 && geometry.segmentCount() <= 32);
      }
    }
  }

  @Test
  void smallerDeltasNeedMoreSegments() {
    assertEquals(2, new SegmentGeometry(1 << 20, 0.5).segmentCount());
    assertTrue(
        new SegmentGeometry(1 << 20, 1.0 / 1024).segmentCount()
            > new SegmentGeometry(1 << 20, 1.0 / 8).segmentCount());
  }

  @Test
  void smallTablesStopAtOneGroupSegments() {
    SegmentGeometry tiny = new SegmentGeometry(1, 0.01);
    assertEquals(2, tiny.segmentCount());
    assertEquals(14, tiny.capacity());
    SegmentGeometry small = new SegmentGeometry(9, 0.01);
    assertEquals(1, small.groups(small.segmentCount() - 1));
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.5, 0.25, 0.125, 0.1, 0.01, 1.0 / 1024})
  void loadLimitIsOneMinusDeltaOfTheCapacity(double delta) {
    for (int topGroups = 1; topGroups <= 1 << 16; topGroups = topGroups * 3 + 1) {
      SegmentGeometry geometry = new SegmentGeometry(topGroups, delta);
      long floor = (long) Math.floor((1 - delta) * geometry.capacity());
      assertEquals(Math.min(geometry.capacity() - 1L, floor), geometry.maxUsedSlots());
      assertTrue(geometry.maxUsedSlots() < geometry.capacity());
    }
  }

  @Test
  void batchThresholdsFollowThePaper() {
    SegmentGeometry geometry = new SegmentGeometry(256, 0.1);
    for (int s = 0; s < geometry.segmentCount(); s++) {
      int slots = geometry.slots(s);
      assertEquals((int) Math.ceil(0.75 * slots), geometry.threeQuarterSlots(s));
      assertEquals((int) Math.floor(0.05 * slots), geometry.lowWaterEmptySlots(s));
    }
    assertEquals(1344, geometry.threeQuarterSlots(0));
    assertEquals(89, geometry.lowWaterEmptySlots(0));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 7, 8, 100, 1000, 12345, 1 << 20})
  void forExpectedSizeIsTheSmallestThatFits(int expectedSize) {
    for (double delta : DELTAS) {
      SegmentGeometry geometry = SegmentGeometry.forExpectedSize(expectedSize, delta);
      assertTrue(geometry.maxUsedSlots() >= expectedSize);
      if (geometry.topGroups() > 1) {
        assertTrue(
            new SegmentGeometry(geometry.topGroups() - 1, delta).maxUsedSlots() < expectedSize,
            "delta " + delta);
      }
    }
  }

  /** The last result is reused only for the same arguments, whatever the order of the calls. */
  @Test
  void forExpectedSizeAnswersTheSameWhenAskedAgain() {
    int[] sizes = {0, 16, 16, 17, 1000, 16, 1000, 1 << 20};
    double[] deltas = {0.125, 0.125, 0.5, 0.125, 0x1.fffffffffffffp-1, 0.125, 1e-300, 0.125};
    int[] first = new int[sizes.length];
    for (int i = 0; i < sizes.length; i++) {
      first[i] = SegmentGeometry.forExpectedSize(sizes[i], deltas[i]).topGroups();
    }
    for (int i = sizes.length - 1; i >= 0; i--) {
      SegmentGeometry again = SegmentGeometry.forExpectedSize(sizes[i], deltas[i]);
      assertEquals(first[i], again.topGroups(), "size " + sizes[i] + ", delta " + deltas[i]);
      assertEquals(deltas[i], again.delta());
      assertTrue(again.maxUsedSlots() >= sizes[i]);
      if (first[i] > 1) {
        assertTrue(new SegmentGeometry(first[i] - 1, deltas[i]).maxUsedSlots() < sizes[i]);
      }
    }
  }

  @Test
  void growthStepsAreAQuarterPastSmallTablesAndAlwaysMakeRoom() {
    SegmentGeometry geometry = new SegmentGeometry(4000, 0.125);
    SegmentGeometry grown = geometry.grownFor(geometry.maxUsedSlots() + 1);
    assertEquals(5000, grown.topGroups());
    assertEquals(
        128, new SegmentGeometry(64, 0.125).grownFor(1).topGroups(), "small tables double");
    assertEquals(0.125, grown.delta());
    assertEquals(2, new SegmentGeometry(1, 0.125).grownFor(1).topGroups());
    for (double delta : DELTAS) {
      SegmentGeometry small = new SegmentGeometry(1, delta);
      SegmentGeometry next = small.grownFor(small.maxUsedSlots() + 1);
      assertTrue(next.maxUsedSlots() > small.maxUsedSlots(), "delta " + delta);
    }
    assertThrows(
        IllegalStateException.class,
        () -> new SegmentGeometry(SegmentGeometry.MAX_TOP_GROUPS, 0.125).grownFor(1));
  }

  @Test
  void rejectsBadArgumentsNamingThem() {
    IllegalArgumentException size =
        assertThrows(
            IllegalArgumentException.class, () -> SegmentGeometry.forExpectedSize(-1, 0.1));
    assertTrue(size.getMessage().contains("expectedSize"), size.getMessage());
    assertTrue(size.getMessage().contains("-1"), size.getMessage());
    for (double delta : new double[] {0.0, 1.0, -0.5, 2.0, Double.NaN}) {
      IllegalArgumentException bad =
          assertThrows(IllegalArgumentException.class, () -> new SegmentGeometry(8, delta));
      assertTrue(bad.getMessage().contains("delta"), bad.getMessage());
      assertTrue(bad.getMessage().contains(String.valueOf(delta)), bad.getMessage());
    }
    assertThrows(IllegalArgumentException.class, () -> new SegmentGeometry(0, 0.1));
    assertThrows(
        IllegalArgumentException.class,
        () -> new SegmentGeometry(SegmentGeometry.MAX_TOP_GROUPS + 1, 0.1));
    assertThrows(
        IllegalArgumentException.class,
        () -> SegmentGeometry.forExpectedSize(Integer.MAX_VALUE, 0.1));
  }

  @ParameterizedTest
  @ValueSource(doubles = {Double.MIN_VALUE, 1e-310, 1e-300, 1e-20})
  void deltasBelowOneSlotFillTheTableToOneShortOfFull(double delta) {
    for (int topGroups = 1; topGroups <= 1 << 12; topGroups <<= 3) {
      SegmentGeometry geometry = new SegmentGeometry(topGroups, delta);
      assertEquals(delta, geometry.delta());
      assertTrue(geometry.effectiveDelta() >= 1.0 / (16.0 * topGroups), "effective delta");
      assertEquals(
          1, geometry.groups(geometry.segmentCount() - 1), "segments run down to one group");
      assertEquals(geometry.capacity() - 1, geometry.maxUsedSlots());
    }
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.999, 0.999999, 1.0 - 1e-12, 0x1.fffffffffffffp-1})
  void deltasNearOneStillAdmitOneEntryInAThousand(double delta) {
    for (int topGroups = 1; topGroups <= 1 << 20; topGroups <<= 4) {
      SegmentGeometry geometry = new SegmentGeometry(topGroups, delta);
      assertEquals(delta, geometry.delta());
      assertTrue(geometry.effectiveDelta() <= SegmentGeometry.MAX_EFFECTIVE_DELTA);
      assertTrue(geometry.maxUsedSlots() >= Math.max(1, geometry.capacity() / 1024), "room");
    }
    assertTrue(
        SegmentGeometry.forExpectedSize(1 << 20, Math.nextDown(1.0)).maxUsedSlots() >= 1 << 20);
  }
}
