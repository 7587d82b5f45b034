package org.elastichash.tests.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.elastichash.internal.SegmentGeometry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SegmentGeometryTest {

  @Test
  void segmentsHalveFromTheFirst() {
    SegmentGeometry geometry = new SegmentGeometry(1 << 10, 0.125);
    assertEquals(5, geometry.segmentCount()); // ceil(log2 8) + 2
    int expectedCapacity = 0;
    for (int s = 0; s < geometry.segmentCount(); s++) {
      assertEquals((1 << 10) >> s, geometry.groups(s));
      assertEquals(8 * ((1 << 10) >> s), geometry.slots(s));
      expectedCapacity += geometry.slots(s);
    }
    assertEquals(expectedCapacity, geometry.capacity());
    assertEquals(8192 + 4096 + 2048 + 1024 + 512, geometry.capacity());
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.5, 0.25, 0.1, 0.125, 1.0 / 16, 0.01, 1.0 / 1024, 1e-6})
  void idealSegmentCountIsLogInverseDeltaPlusTwo(double delta) {
    int expected = (int) Math.ceil(Math.log(1 / delta) / Math.log(2) - 1e-9) + 2;
    assertEquals(expected, SegmentGeometry.idealSegmentCount(delta));
  }

  @Test
  void idealSegmentCountAtPowersOfTwo() {
    assertEquals(3, SegmentGeometry.idealSegmentCount(0.5));
    assertEquals(4, SegmentGeometry.idealSegmentCount(0.25));
    assertEquals(6, SegmentGeometry.idealSegmentCount(0.1));
    assertEquals(12, SegmentGeometry.idealSegmentCount(1.0 / 1024));
  }

  @Test
  void smallTablesStopAtOneGroupSegments() {
    assertEquals(1, new SegmentGeometry(1, 0.01).segmentCount());
    assertEquals(2, new SegmentGeometry(2, 0.01).segmentCount());
    assertEquals(8, new SegmentGeometry(1, 0.01).capacity());
    assertEquals(24, new SegmentGeometry(2, 0.01).capacity());
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.5, 0.25, 0.125, 0.1, 0.01, 1.0 / 1024})
  void loadLimitIsOneMinusDeltaOfTheCapacity(double delta) {
    for (int topGroups = 1; topGroups <= 1 << 16; topGroups <<= 1) {
      SegmentGeometry geometry = new SegmentGeometry(topGroups, delta);
      long floor = (long) Math.floor((1 - delta) * geometry.capacity());
      assertEquals(Math.min(geometry.capacity() - 1L, floor), geometry.maxUsedSlots());
      assertTrue(geometry.maxUsedSlots() < geometry.capacity());
    }
  }

  @Test
  void batchThresholdsFollowThePaper() {
    SegmentGeometry geometry = new SegmentGeometry(1 << 8, 0.1);
    for (int s = 0; s < geometry.segmentCount(); s++) {
      int slots = geometry.slots(s);
      assertEquals((int) Math.ceil(0.75 * slots), geometry.threeQuarterSlots(s));
      assertEquals((int) Math.floor(0.05 * slots), geometry.lowWaterEmptySlots(s));
    }
    assertEquals(1536, geometry.threeQuarterSlots(0));
    assertEquals(102, geometry.lowWaterEmptySlots(0));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 7, 8, 100, 1000, 12345, 1 << 20})
  void forExpectedSizeIsTheSmallestThatFits(int expectedSize) {
    SegmentGeometry geometry = SegmentGeometry.forExpectedSize(expectedSize, 0.125);
    assertTrue(geometry.maxUsedSlots() >= expectedSize);
    if (geometry.topGroups() > 1) {
      assertTrue(
          new SegmentGeometry(geometry.topGroups() / 2, 0.125).maxUsedSlots() < expectedSize);
    }
  }

  @Test
  void doubledHasTwiceTheFirstSegment() {
    SegmentGeometry geometry = new SegmentGeometry(64, 0.125);
    SegmentGeometry doubled = geometry.doubled();
    assertEquals(128, doubled.topGroups());
    assertEquals(0.125, doubled.delta());
    assertThrows(
        IllegalStateException.class,
        () -> new SegmentGeometry(SegmentGeometry.MAX_TOP_GROUPS, 0.125).doubled());
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
    assertThrows(IllegalArgumentException.class, () -> new SegmentGeometry(3, 0.1));
    assertThrows(IllegalArgumentException.class, () -> new SegmentGeometry(0, 0.1));
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
      assertEquals(Integer.numberOfTrailingZeros(topGroups) + 1, geometry.segmentCount());
      assertEquals(geometry.capacity() - 1, geometry.maxUsedSlots());
    }
    assertEquals(62, SegmentGeometry.idealSegmentCount(delta));
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
