package org.elastichash.tests.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.elastichash.ElasticHashMap;
import org.elastichash.ElasticHashSet;
import org.elastichash.ElasticIntIntMap;
import org.elastichash.ElasticObjectIntMap;
import org.elastichash.ElasticObjectLongMap;
import org.elastichash.ElasticStats;
import org.elastichash.runtime.ElasticTable;
import org.elastichash.runtime.Hashing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hash flooding: many distinct keys with one hash code. {@code java.util.HashMap} keeps each
 * operation on them at O(log n) comparisons for {@code Comparable} keys (tree bins) and O(n) for
 * others; so must every object-key map and set. The comparisons are counted, not timed, so the
 * bounds hold on any machine; {@code CollidingKeysBenchmark} times them beside {@code HashMap}.
 */
class HashFloodingTest {

  /** Comparable keys with one hash code that count every equals and compareTo call on them. */
  static final class Counted implements Comparable<Counted>, Serializable {
    private static final long serialVersionUID = 1L;
    static long comparisons;
    final int id;

    Counted(int id) {
      this.id = id;
    }

    @Override
    public int hashCode() {
      return 1_000_003;
    }

    @Override
    public boolean equals(Object other) {
      comparisons++;
      return other instanceof Counted c && c.id == id;
    }

    @Override
    public int compareTo(Counted other) {
      comparisons++;
      return Integer.compare(id, other.id);
    }
  }

  /** Not comparable, one hash code, counts its equals calls. */
  static final class Opaque implements Serializable {
    private static final long serialVersionUID = 1L;
    static long comparisons;
    final int id;

    Opaque(int id) {
      this.id = id;
    }

    @Override
    public int hashCode() {
      return -7;
    }

    @Override
    public boolean equals(Object other) {
      comparisons++;
      return other instanceof Opaque o && o.id == id;
    }
  }

  /** A map or set reduced to what the flooding tests need, keys boxed. */
  interface Table {
    void put(Object key, int value);

    /** The value of {@code key}, or -1 if absent. */
    int get(Object key);

    void remove(Object key);

    int size();

    /** Removes, through the collection's iterator, the keys {@code doomed} picks. */
    void removeWhileIterating(java.util.function.Predicate<Object> doomed);

    void clear();

    void trimToSize();

    Table copy();

    Table serialized();
  }

  static Stream<Arguments> tables() {
    return Stream.of(
        Arguments.of("ElasticHashMap", (java.util.function.Supplier<Table>) () -> hashMap(null)),
        Arguments.of(
            "ElasticObjectIntMap", (java.util.function.Supplier<Table>) () -> objectInt(null)),
        Arguments.of(
            "ElasticObjectLongMap", (java.util.function.Supplier<Table>) () -> objectLong(null)),
        Arguments.of(
            "ElasticHashSet",
            (java.util.function.Supplier<Table>) () -> hashSet(null, new HashMap<>())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tables")
  void comparableCollidersCostLogarithmicComparisons(
      String name, java.util.function.Supplier<Table> factory) {
    int n = 1 << 13;
    Table table = factory.get();
    Counted.comparisons = 0;
    for (int i = 0; i < n; i++) {
      table.put(new Counted(i), i);
    }
    for (int i = 0; i < n; i++) {
      assertEquals(i, table.get(new Counted(i)), name);
    }
    for (int i = 0; i < n; i += 2) {
      table.remove(new Counted(i));
    }
    for (int i = 0; i < n; i++) {
      assertEquals(i % 2 == 0 ? -1 : i, table.get(new Counted(i)), name);
    }
    assertEquals(n / 2, table.size(), name);
    long operations = 3L * n + n / 2;
    double perOperation = (double) Counted.comparisons / operations;
    System.out.printf(
        "%s: %,d colliding Comparable keys, %.1f comparisons per operation%n",
        name, n, perOperation);
    // log2(8192) = 13: a red-black tree search takes at most 26 comparisons, an insertion two
    // searches; plus FLOOD_THRESHOLD along the probe sequence. Without the index: n / 4 on average.
    assertTrue(perOperation < 80, name + ": " + perOperation + " comparisons per operation");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tables")
  void nonComparableCollidersCostNoMoreThanALinearScan(
      String name, java.util.function.Supplier<Table> factory) {
    int n = 1 << 11;
    Table table = factory.get();
    Opaque.comparisons = 0;
    for (int i = 0; i < n; i++) {
      table.put(new Opaque(i), i);
    }
    for (int i = 0; i < n; i++) {
      assertEquals(i, table.get(new Opaque(i)), name);
    }
    for (int i = 0; i < n; i++) {
      table.remove(new Opaque(i));
    }
    assertEquals(0, table.size(), name);
    // HashMap scans the whole bin: n comparisons per operation at most.
    assertTrue(Opaque.comparisons <= 3L * n * (n + 16), name + ": " + Opaque.comparisons);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tables")
  void floodedTablesStayCorrectThroughEveryOperation(
      String name, java.util.function.Supplier<Table> factory) {
    Table table = factory.get();
    Map<Object, Integer> model = new HashMap<>();
    List<Object> keys = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      keys.add(new Counted(i));
      keys.add(new Opaque(i));
      keys.add(collidingString(i));
      keys.add(new BigDecimal(i).setScale(i % 3));
    }
    keys.add(null);
    keys.add(new BigDecimal("1.0"));
    keys.add(new BigDecimal("1.00"));
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < keys.size(); i++) {
        Object key = keys.get((i * 7 + round) % keys.size());
        table.put(key, i);
        model.put(key, i);
        if (i % 5 == 4) {
          Object doomed = keys.get((i * 3) % keys.size());
          table.remove(doomed);
          model.remove(doomed);
        }
      }
      assertSame(model, table, name + " round " + round);
      assertSame(model, table.copy(), name + " copy");
      Table restored = table.serialized();
      assertSame(model, restored, name + " serialized");
      java.util.function.Predicate<Object> doomed = key -> key != null && key.hashCode() % 3 == 0;
      table.removeWhileIterating(doomed);
      model.keySet().removeIf(doomed);
      assertSame(model, table, name + " after iterator removals");
      table.trimToSize();
      assertSame(model, table, name + " after trimToSize");
    }
    table.clear();
    model.clear();
    assertSame(model, table, name + " after clear");
    table.put(new Counted(3), 3);
    assertEquals(3, table.get(new Counted(3)));
  }

  @Test
  void collidingStringsReallyCollide() {
    assertEquals(collidingString(0).hashCode(), collidingString(12345).hashCode());
    assertFalse(collidingString(1).equals(collidingString(2)));
  }

  @Test
  void redirectedKeysAreRemovedWithTheHashTheirSlotWasClaimedWith() {
    ElasticHashMap<Object, Integer> map = new ElasticHashMap<>(0, 0.5);
    for (int round = 0; round < 20; round++) {
      for (int i = 0; i < 200; i++) {
        assertNull(map.put(new Counted(i), i));
      }
      for (int i = 0; i < 200; i++) {
        assertEquals(i, map.remove(new Counted(i)));
      }
      assertEquals(0, map.size());
      // A wrong hash would take the wrong groups' passed counts down, and a later removal of
      // this round or the next would then miss its key.
      assertTrue(map.isEmpty());
    }
  }

  @Test
  void intKeysCraftedAgainstThePublicMixDoNotLineUp() {
    // 20,000 ints whose segment-0 start group is 0 in every table of up to 2^12 groups.
    int mask = (1 << 12) - 1;
    int[] crafted = new int[20_000];
    int found = 0;
    for (int k = 0; found < crafted.length; k++) {
      if (Hashing.startGroup(Hashing.mix(k), 0, mask) == 0) {
        crafted[found++] = k;
      }
    }
    ElasticIntIntMap map = new ElasticIntIntMap();
    for (int key : crafted) {
      map.put(key, ~key);
    }
    for (int key : crafted) {
      assertEquals(~key, map.get(key));
    }
    assertEquals(crafted.length, map.size());
    // Without a fresh seed the keys share one probe run of 2,500 groups in segment 0.
    for (ElasticStats.Segment segment : map.stats().segments()) {
      assertTrue(segment.longestProbeRun() <= 2 * ElasticTable.CROWDED_RUN, map.stats().toString());
    }
  }

  /** Distinct hash codes; counts its equals calls. */
  static final class DistinctCode {
    static long comparisons;
    final int code;

    DistinctCode(int code) {
      this.code = code;
    }

    @Override
    public int hashCode() {
      return code;
    }

    @Override
    public boolean equals(Object other) {
      comparisons++;
      return other instanceof DistinctCode d && d.code == code;
    }
  }

  @Test
  void lookupsCallEqualsOnlyOnKeysWithTheirHashCode() {
    // 7-bit fingerprints alone let about one miss in ten meet a stored key with its fingerprint;
    // the stored hash codes turn those away before equals, which would dereference the stored key.
    int[] codes = new SplittableRandom(20261202).ints().distinct().limit(40_000).toArray();
    ElasticHashMap<DistinctCode, Integer> map = new ElasticHashMap<>();
    ElasticObjectIntMap<DistinctCode> intMap = new ElasticObjectIntMap<>();
    ElasticHashSet<DistinctCode> set = new ElasticHashSet<>();
    for (int i = 0; i < 20_000; i++) {
      map.put(new DistinctCode(codes[i]), i);
      intMap.put(new DistinctCode(codes[i]), i);
      set.add(new DistinctCode(codes[i]));
    }
    DistinctCode.comparisons = 0;
    for (int i = 20_000; i < codes.length; i++) {
      DistinctCode absent = new DistinctCode(codes[i]);
      assertFalse(map.containsKey(absent));
      assertFalse(intMap.containsKey(absent));
      assertFalse(set.contains(absent));
    }
    assertEquals(0, DistinctCode.comparisons, "equals calls in 60,000 misses");
    for (int i = 0; i < 20_000; i++) {
      DistinctCode present = new DistinctCode(codes[i]);
      assertEquals(i, map.get(present));
      assertEquals(i, intMap.get(present));
      assertTrue(set.contains(present));
    }
    assertEquals(60_000, DistinctCode.comparisons, "one equals call per hit");
  }

  @Test
  void objectKeysCraftedAgainstThePublicMixStayFoundUnderAFreshSeed() {
    // Distinct hash codes whose segment-0 start group is 0 in every table of up to 2^12 groups: the
    // map reseeds, and its lookups must then recover each key's hash code through the seed to
    // compare it with the stored one.
    int mask = (1 << 12) - 1;
    List<Integer> crafted = new ArrayList<>();
    for (int k = 0; crafted.size() < 20_000; k++) {
      if (Hashing.startGroup(Hashing.mix(k), 0, mask) == 0) {
        crafted.add(k);
      }
    }
    ElasticHashMap<Integer, Integer> map = new ElasticHashMap<>();
    ElasticHashSet<Integer> set = new ElasticHashSet<>();
    for (Integer key : crafted) {
      map.put(key, ~key);
      set.add(key);
    }
    for (ElasticStats stats : List.of(map.stats(), set.stats())) {
      for (ElasticStats.Segment segment : stats.segments()) {
        assertTrue(segment.longestProbeRun() <= 2 * ElasticTable.CROWDED_RUN, stats.toString());
      }
    }
    for (Integer key : crafted) {
      assertEquals(~key, map.get(Integer.valueOf(key)));
      assertTrue(set.contains(Integer.valueOf(key)));
    }
    assertNull(map.get(-1));
    assertFalse(set.contains(-1));
    // Removal through an iterator rehashes from the stored hash code under the fresh seed; a
    // wrong hash would take the wrong passed counts down and lose the keys that remain.
    map.keySet().removeIf(key -> key % 2 == 0);
    set.removeIf(key -> key % 2 == 0);
    for (Integer key : crafted) {
      boolean kept = key % 2 != 0;
      assertEquals(kept ? Integer.valueOf(~key) : null, map.get(key), "key " + key);
      assertEquals(kept, set.contains(key), "key " + key);
    }
    assertEquals(crafted.stream().filter(key -> key % 2 != 0).count(), map.size());
    assertEquals(map.size(), set.size());
  }

  /** The {@code i}-th string of 16 pairs "Aa" or "BB": all share one hash code. */
  static String collidingString(int i) {
    StringBuilder text = new StringBuilder(32);
    for (int bit = 0; bit < 16; bit++) {
      text.append((i >>> bit & 1) == 0 ? "Aa" : "BB");
    }
    return text.toString();
  }

  private static void assertSame(Map<Object, Integer> model, Table table, String where) {
    assertEquals(model.size(), table.size(), where + ": size");
    for (Map.Entry<Object, Integer> e : model.entrySet()) {
      assertEquals(e.getValue(), table.get(e.getKey()), where + ": " + e.getKey());
    }
    int[] seen = {0};
    table.removeWhileIterating(
        key -> {
          seen[0]++;
          assertTrue(model.containsKey(key), where + ": iterated " + key);
          return false;
        });
    assertEquals(model.size(), seen[0], where + ": iteration count");
  }

  @SuppressWarnings("unchecked")
  private static <T> T roundTrip(T object) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(object);
      }
      try (ObjectInputStream in =
          new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
        return (T) in.readObject();
      }
    } catch (IOException | ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }

  private static void removeKeys(Iterator<?> keys, java.util.function.Predicate<Object> doomed) {
    while (keys.hasNext()) {
      if (doomed.test(keys.next())) {
        keys.remove();
      }
    }
  }

  static Table hashMap(ElasticHashMap<Object, Integer> given) {
    ElasticHashMap<Object, Integer> map = given != null ? given : new ElasticHashMap<>();
    return new Table() {
      public void put(Object key, int value) {
        map.put(key, value);
      }

      public int get(Object key) {
        return map.getOrDefault(key, -1);
      }

      public void remove(Object key) {
        map.remove(key);
      }

      public int size() {
        return map.size();
      }

      public void removeWhileIterating(java.util.function.Predicate<Object> doomed) {
        removeKeys(map.keySet().iterator(), doomed);
      }

      public void clear() {
        map.clear();
      }

      public void trimToSize() {
        map.trimToSize();
      }

      public Table copy() {
        return hashMap(new ElasticHashMap<>(map));
      }

      public Table serialized() {
        return hashMap(roundTrip(map));
      }
    };
  }

  static Table objectInt(ElasticObjectIntMap<Object> given) {
    ElasticObjectIntMap<Object> map = given != null ? given : new ElasticObjectIntMap<>();
    if (given == null) {
      map.defaultReturnValue(-1);
    }
    return new Table() {
      public void put(Object key, int value) {
        map.put(key, value);
      }

      public int get(Object key) {
        return map.get(key);
      }

      public void remove(Object key) {
        map.remove(key);
      }

      public int size() {
        return map.size();
      }

      public void removeWhileIterating(java.util.function.Predicate<Object> doomed) {
        for (var cursor = map.cursor(); cursor.advance(); ) {
          if (doomed.test(cursor.key())) {
            cursor.remove();
          }
        }
      }

      public void clear() {
        map.clear();
      }

      public void trimToSize() {
        map.trimToSize();
      }

      public Table copy() {
        return objectInt(new ElasticObjectIntMap<>(map));
      }

      public Table serialized() {
        return objectInt(roundTrip(map));
      }
    };
  }

  static Table objectLong(ElasticObjectLongMap<Object> given) {
    ElasticObjectLongMap<Object> map = given != null ? given : new ElasticObjectLongMap<>();
    return new Table() {
      public void put(Object key, int value) {
        map.put(key, value);
      }

      public int get(Object key) {
        return map.containsKey(key) ? (int) map.get(key) : -1;
      }

      public void remove(Object key) {
        map.remove(key);
      }

      public int size() {
        return map.size();
      }

      public void removeWhileIterating(java.util.function.Predicate<Object> doomed) {
        removeKeys(map.asMap().keySet().iterator(), doomed);
      }

      public void clear() {
        map.clear();
      }

      public void trimToSize() {
        map.trimToSize();
      }

      public Table copy() {
        return objectLong(new ElasticObjectLongMap<>(map));
      }

      public Table serialized() {
        return objectLong(roundTrip(map));
      }
    };
  }

  /**
   * A set: a present key reads as the value last put for it, which {@code values} remembers (the
   * set has none); copies share that memory, never the set.
   */
  static Table hashSet(ElasticHashSet<Object> given, Map<Object, Integer> values) {
    ElasticHashSet<Object> set = given != null ? given : new ElasticHashSet<>();
    return new Table() {
      public void put(Object key, int value) {
        set.add(key);
        values.put(key, value);
      }

      public int get(Object key) {
        return set.contains(key) ? values.get(key) : -1;
      }

      public void remove(Object key) {
        set.remove(key);
      }

      public int size() {
        return set.size();
      }

      public void removeWhileIterating(java.util.function.Predicate<Object> doomed) {
        removeKeys(set.iterator(), doomed);
      }

      public void clear() {
        set.clear();
      }

      public void trimToSize() {
        set.trimToSize();
      }

      public Table copy() {
        return hashSet(new ElasticHashSet<>((Set<Object>) set), values);
      }

      public Table serialized() {
        return hashSet(roundTrip(set), values);
      }
    };
  }
}
