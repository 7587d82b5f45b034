package org.elastichash.tests.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.elastichash.ElasticStats;
import org.elastichash.runtime.ElasticTable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every map grows from empty past 100,000 entries (65,536 for short keys, all there are) with
 * removals interleaved, and is checked against a {@link HashMap} along the way: several doublings,
 * rebuilds and every segment of the larger geometries get exercised.
 */
class GrowthTest {

  static Stream<Arguments> maps() {
    return Fixture.all().stream()
        .flatMap(fixture -> Stream.of(0.125, 0.01).map(delta -> Arguments.of(fixture, delta)));
  }

  /** A distinct key for every {@code i} (within the key type's range). */
  static Object key(Class<?> type, long i) {
    if (type == int.class) {
      return (int) (i * 2654435761L);
    } else if (type == long.class) {
      return i * 0x9E3779B97F4A7C15L;
    } else if (type == short.class) {
      return (short) i;
    } else if (type == float.class) {
      return (float) i * 0.5f;
    }
    return "key" + i;
  }

  static Object value(Class<?> type, long i) {
    if (type == int.class) {
      return (int) i;
    } else if (type == long.class) {
      return i << 20;
    } else if (type == float.class) {
      return (float) i;
    }
    return i % 10 == 0 ? null : "value" + i;
  }

  @ParameterizedTest(name = "{0}, delta {1}")
  @MethodSource("maps")
  void growsPastOneHundredThousandEntriesWithRemovals(Fixture fixture, double delta) {
    ReflectiveMap map = fixture.create(0, delta);
    Map<Object, Object> model = new HashMap<>();
    int distinct = fixture.keyType() == short.class ? 1 << 16 : 150_000;
    for (int i = 0; i < distinct; i++) {
      Object key = key(fixture.keyType(), i);
      Object value = value(fixture.valueType(), i);
      if (value == null && fixture.valueType().isPrimitive()) {
        value = fixture.absent();
      }
      Object expected = model.containsKey(key) ? model.get(key) : fixture.absent();
      model.put(key, value);
      assertEquals(expected, map.put(key, value), "put " + key);
      if (i % 3 == 2) {
        Object doomed = key(fixture.keyType(), i / 2);
        Object removed = model.containsKey(doomed) ? model.remove(doomed) : fixture.absent();
        assertEquals(removed, map.remove(doomed), "remove " + doomed);
      }
      if (i % 20_000 == 0) {
        assertEquals(model.size(), map.size());
        assertSegmentsConsistent(map.stats(), model.size());
      }
    }
    assertTrue(model.size() >= (fixture.keyType() == short.class ? 40_000 : 100_000));
    StatefulMapPropertiesTest.assertSameContents(map, model, fixture + " after growth");
    assertSegmentsConsistent(map.stats(), model.size());
  }

  /**
   * Churn at the load limit of a small delta: a map of 20,000 entries at delta 1/256 removes a
   * random key and puts a fresh one, two capacities over. Insertions there went hundreds of groups
   * deep and made every miss walk as far; the map now grows one step instead, and keeps every entry
   * and short probe runs.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("org.elastichash.tests.properties.Fixture#all")
  void churnAtTheLoadLimitOfASmallDeltaGrowsInsteadOfProbingDeep(Fixture fixture) {
    double delta = 1.0 / 256;
    ReflectiveMap map = fixture.create(20_000, delta);
    int limit = map.stats().maxUsedSlots();
    int capacity = map.stats().capacity();
    Map<Object, Object> model = new HashMap<>();
    List<Object> live = new ArrayList<>();
    long next = 0;
    while (live.size() < limit) {
      next = putFresh(fixture, map, model, live, next, live.size());
    }
    assertEquals(capacity, map.stats().capacity(), "filled to the limit without growing");
    SplittableRandom random = new SplittableRandom(37);
    for (int i = 0; i < 2 * capacity; i++) {
      int victim = random.nextInt(live.size());
      Object doomed = live.get(victim);
      assertEquals(model.remove(doomed), map.remove(doomed), "remove " + doomed);
      next = putFresh(fixture, map, model, live, next, victim);
    }
    ElasticStats stats = map.stats();
    assertTrue(stats.capacity() > capacity, "grew from " + capacity + ": " + stats);
    assertTrue(stats.capacity() < 2 * capacity, "grew one step or two: " + stats);
    for (ElasticStats.Segment segment : stats.segments()) {
      assertTrue(segment.longestProbeRun() <= ElasticTable.CHURNED_RUN, stats.toString());
    }
    StatefulMapPropertiesTest.assertSameContents(map, model, fixture + " after churn");
    assertSegmentsConsistent(stats, model.size());
  }

  /**
   * Puts the first key from {@code next} on that is not in {@code model}, at index {@code at} of
   * {@code live} (appended if {@code at} is its size); returns where the next search starts.
   */
  private static long putFresh(
      Fixture fixture,
      ReflectiveMap map,
      Map<Object, Object> model,
      List<Object> live,
      long next,
      int at) {
    Object key = key(fixture.keyType(), next++);
    while (model.containsKey(key)) {
      key = key(fixture.keyType(), next++);
    }
    Object value = value(fixture.valueType(), next);
    if (value == null && fixture.valueType().isPrimitive()) {
      value = fixture.absent();
    }
    assertEquals(fixture.absent(), map.put(key, value), "put " + key);
    model.put(key, value);
    if (at == live.size()) {
      live.add(key);
    } else {
      live.set(at, key);
    }
    return next;
  }

  private static void assertSegmentsConsistent(ElasticStats stats, int size) {
    assertEquals(size, stats.size());
    assertTrue(stats.size() <= stats.maxUsedSlots(), stats.toString());
    for (ElasticStats.Segment segment : stats.segments()) {
      assertTrue(segment.live() <= segment.capacity(), stats.toString());
      assertTrue(segment.allocated() || segment.live() == 0, stats.toString());
    }
  }
}
