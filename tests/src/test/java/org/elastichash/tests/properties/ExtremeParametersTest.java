package org.elastichash.tests.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.elastichash.ElasticIntIntMap;
import org.elastichash.ElasticStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every map and set at the ends of its parameter space: each delta the constructors accept, from
 * {@link Double#MIN_VALUE} to {@code Math.nextDown(1.0)}, with expected sizes from 0 up, after
 * {@code clear()} and {@code trimToSize()} shrink the table to its smallest. Each must take every
 * put, keep it, and stay consistent; none may throw.
 */
class ExtremeParametersTest {

  /** Deltas at and near both ends of (0, 1), and around 1/2 where tiny tables hold 3 or fewer. */
  static final double[] EXTREME_DELTAS = {
    Double.MIN_VALUE,
    1e-310,
    1e-300,
    1e-20,
    0.5,
    Math.nextUp(0.5),
    0.6,
    0.75,
    0.9,
    0.99,
    0.999999,
    Math.nextDown(1.0)
  };

  static Stream<Arguments> mapsAndDeltas() {
    return Fixture.all().stream()
        .flatMap(fixture -> Stream.of(boxed(EXTREME_DELTAS)).map(d -> Arguments.of(fixture, d)));
  }

  static Stream<Arguments> setsAndDeltas() {
    return StatefulSetPropertiesTest.fixtures().stream()
        .flatMap(fixture -> Stream.of(boxed(EXTREME_DELTAS)).map(d -> Arguments.of(fixture, d)));
  }

  private static Double[] boxed(double[] values) {
    return java.util.Arrays.stream(values).boxed().toArray(Double[]::new);
  }

  @ParameterizedTest(name = "{0}, delta {1}")
  @MethodSource("mapsAndDeltas")
  void everyMapTakesEveryPutAtEveryDelta(Fixture fixture, double delta) {
    for (int expectedSize : new int[] {0, 1, 2, 3, 100}) {
      ReflectiveMap map = fixture.create(expectedSize, delta);
      fillAndCheck(fixture, map, 300, fixture + " delta " + delta + " size " + expectedSize);
      map.clear();
      map.trimToSize();
      fillAndCheck(fixture, map, 40, fixture + " delta " + delta + " after clear, trimToSize");
      map.ensureCapacity(1000);
      fillAndCheck(fixture, map, 200, fixture + " delta " + delta + " after ensureCapacity");
    }
  }

  private static void fillAndCheck(Fixture fixture, ReflectiveMap map, int count, String where) {
    Map<Object, Object> model = new HashMap<>();
    map.clear();
    for (int i = 0; i < count; i++) {
      Object key = GrowthTest.key(fixture.keyType(), i);
      Object value = GrowthTest.value(fixture.valueType(), i);
      if (value == null && fixture.valueType().isPrimitive()) {
        value = fixture.absent();
      }
      model.put(key, value);
      map.put(key, value);
      if (i % 4 == 3) {
        Object doomed = GrowthTest.key(fixture.keyType(), i - 2);
        model.remove(doomed);
        map.remove(doomed);
      }
    }
    StatefulMapPropertiesTest.assertSameContents(map, model, where);
    assertConsistent(map.stats(), model.size(), where);
  }

  @ParameterizedTest(name = "{0}, delta {1}")
  @MethodSource("setsAndDeltas")
  void everySetTakesEveryAddAtEveryDelta(
      StatefulSetPropertiesTest.SetFixture fixture, double delta) {
    for (int expectedSize : new int[] {0, 1, 2, 3, 100}) {
      StatefulSetPropertiesTest.ReflectiveSet set =
          StatefulSetPropertiesTest.ReflectiveSet.create(fixture, expectedSize, delta);
      String where = fixture + " delta " + delta + " size " + expectedSize;
      for (int round = 0; round < 2; round++) {
        Set<Object> model = new HashSet<>();
        for (int i = 0; i < 300; i++) {
          Object element = GrowthTest.key(fixture.elementType(), i);
          assertEquals(model.add(element), set.add(element), where);
        }
        for (Object element : model) {
          assertTrue(set.contains(element), where + ": lost " + element);
        }
        assertFalse(set.contains(GrowthTest.key(fixture.elementType(), 1000)), where);
        assertConsistent(set.stats(), model.size(), where);
        set.clear();
        set.trimToSize();
        where += " after clear, trimToSize";
      }
    }
  }

  @Test
  void theReportedCrashesNoLongerHappen() {
    ElasticIntIntMap small = new ElasticIntIntMap(0, 0.75);
    for (int i = 0; i < 3; i++) {
      small.put(i, i);
    }
    assertEquals(3, small.size());

    ElasticIntIntMap tiny = new ElasticIntIntMap(16, Double.MIN_VALUE);
    for (int i = 0; i < 1000; i++) {
      tiny.put(i, -i);
    }
    for (int i = 0; i < 1000; i++) {
      assertEquals(-i, tiny.get(i));
    }
    assertEquals(Double.MIN_VALUE, tiny.stats().delta());

    ElasticIntIntMap trimmed = new ElasticIntIntMap(1000, 0.9);
    for (int i = 0; i < 1000; i++) {
      trimmed.put(i, i);
    }
    trimmed.clear();
    trimmed.trimToSize();
    for (int i = 0; i < 10; i++) {
      trimmed.put(i, i);
    }
    assertEquals(10, trimmed.size());
  }

  static void assertConsistent(ElasticStats stats, int size, String where) {
    assertEquals(size, stats.size(), where + ": " + stats);
    assertTrue(stats.size() <= stats.maxUsedSlots(), where + ": " + stats);
    for (ElasticStats.Segment segment : stats.segments()) {
      assertTrue(segment.live() <= segment.capacity(), where + ": " + stats);
    }
  }
}
