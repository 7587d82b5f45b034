package org.elastichash.tests.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.elastichash.ElasticStats;
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

  private static void assertSegmentsConsistent(ElasticStats stats, int size) {
    assertEquals(size, stats.size());
    assertTrue(stats.size() <= stats.maxUsedSlots(), stats.toString());
    for (ElasticStats.Segment segment : stats.segments()) {
      assertTrue(segment.live() <= segment.capacity(), stats.toString());
      assertTrue(segment.allocated() || segment.live() == 0, stats.toString());
    }
  }
}
