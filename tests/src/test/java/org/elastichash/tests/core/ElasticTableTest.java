package org.elastichash.tests.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import java.util.function.LongUnaryOperator;
import org.elastichash.ElasticStats;
import org.elastichash.internal.LookupProbes;
import org.elastichash.internal.StoredHashes;
import org.elastichash.runtime.CollisionIndex;
import org.elastichash.runtime.ControlBytes;
import org.elastichash.runtime.ElasticTable;
import org.elastichash.runtime.Hashing;
import org.elastichash.runtime.SegmentGeometry;
import org.elastichash.runtime.SlotHashes;
import org.elastichash.tests.Deltas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ElasticTableTest {

  private static final double[] DELTAS = Deltas.scheduled();

  @ParameterizedTest
  @MethodSource("org.elastichash.tests.Deltas#scheduledStream")
  void batchesEndExactlyWhereThePaperSays(double delta) {
    SegmentGeometry geometry = new SegmentGeometry(2000, delta);
    ElasticTable table = new ElasticTable(geometry);
    SplittableRandom random = new SplittableRandom(11);
    int batch = 0;
    int claimed = 0;
    while (true) {
      long position = table.claim(Hashing.mix(random.nextLong()));
      if (position == ElasticTable.NEEDS_RESIZE) {
        break;
      }
      claimed++;
      ElasticStats stats = table.stats();
      List<ElasticStats.Segment> segments = stats.segments();
      assertTrue(ElasticTable.segment(position) <= table.batch(), "key beyond batch + 1");
      if (table.batch() != batch) {
        assertEquals(batch + 1, table.batch(), "one insertion ends at most one batch");
        if (batch == 0) {
          assertEquals(geometry.threeQuarterSlots(0), segments.get(0).live());
        } else {
          int current = batch - 1;
          assertEquals(
              geometry.slots(current) - geometry.lowWaterEmptySlots(current),
              segments.get(current).live(),
              "current segment ends its batch with delta/2 free");
          // At least 3/4: the next segment takes what the probe limit turns away even past 3/4,
          // rather than have the current one searched until free.
          assertTrue(
              segments.get(batch).live() >= geometry.threeQuarterSlots(batch),
              "next segment ends the batch 75% full");
        }
        batch = table.batch();
      }
      if (batch >= 1 && batch < geometry.segmentCount()) {
        assertTrue(
            geometry.slots(batch) - segments.get(batch).live()
                >= geometry.lowWaterEmptySlots(batch));
        assertTrue(
            geometry.slots(batch - 1) - segments.get(batch - 1).live()
                >= geometry.lowWaterEmptySlots(batch - 1));
      }
    }
    assertEquals(geometry.maxUsedSlots(), claimed, "fills to exactly 1 - delta");
    assertEquals(claimed, table.size());
    assertTrue(
        table.batch() <= geometry.segmentCount(), "the schedule fits the geometry's segments");
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.5, 0.125, 1.0 / 1024})
  void claimsAreDistinctLiveAndFoundByLookups(double delta) {
    ElasticTable table = new ElasticTable(new SegmentGeometry(1 << 8, delta));
    SplittableRandom random = new SplittableRandom(3);
    Set<Long> positions = new HashSet<>();
    List<long[]> placed = new ArrayList<>();
    for (long position; ; ) {
      long hash = Hashing.mix(random.nextLong());
      position = table.claim(hash);
      if (position == ElasticTable.NEEDS_RESIZE) {
        break;
      }
      assertTrue(table.lastClaimProbes() >= 1);
      assertTrue(positions.add(position), "a claimed slot is claimed again");
      assertTrue(table.isLive(position));
      placed.add(new long[] {hash, position});
    }
    for (long[] entry : placed) {
      int probes = LookupProbes.toFind(table, entry[0], entry[1]);
      assertTrue(probes >= 1 && probes <= LookupProbes.toMiss(table, entry[0]) + 1);
    }
    Set<Long> walked = new HashSet<>();
    for (long p = table.nextLive(-1); p >= 0; p = table.nextLive(p)) {
      assertTrue(walked.add(p));
    }
    assertEquals(positions, walked);
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.25, 0.125, 0.01})
  void releaseFreesSlotsThatClaimsReuse(double delta) {
    SegmentGeometry geometry = new SegmentGeometry(100, delta);
    ElasticTable table = new ElasticTable(geometry);
    SplittableRandom random = new SplittableRandom(5);
    List<Long> live = new ArrayList<>();
    List<Long> hashes = new ArrayList<>();
    StoredHashes stored = new StoredHashes(geometry);
    int headroom = 50;
    while (live.size() < geometry.maxUsedSlots() - headroom) {
      hashes.add(Hashing.mix(random.nextLong()));
      live.add(table.claim(hashes.get(hashes.size() - 1)));
      stored.put(live.get(live.size() - 1), hashes.get(hashes.size() - 1));
    }
    int size = table.size();
    int released = live.size() / 2;
    for (int i = 0; i < released; i++) {
      long position = live.get(i);
      table.release(position, hashes.get(i), stored);
      assertFalse(table.isLive(position));
      assertEquals(--size, table.size());
    }
    Set<Long> freed = new HashSet<>(live.subList(0, released));
    int reused = 0;
    for (int i = 0; i < headroom + released; i++) {
      long position = table.claim(Hashing.mix(random.nextLong()));
      assertNotEquals(ElasticTable.NEEDS_RESIZE, position, "the load limit counts live entries");
      reused += freed.contains(position) ? 1 : 0;
    }
    assertTrue(reused > released / 2, "insertions reuse freed slots: " + reused);
    assertEquals(ElasticTable.NEEDS_RESIZE, table.claim(Hashing.mix(random.nextLong())));
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.5, 0.125, 0.01, 0.99})
  void resizeGrowsTheFirstSegmentByAQuarter(double delta) {
    SegmentGeometry geometry = new SegmentGeometry(2000, delta);
    ElasticTable full = new ElasticTable(geometry);
    claimUntilFull(full, new SplittableRandom(9));
    ElasticTable grown = full.resized();
    assertEquals(2500, grown.geometry().topGroups());
    assertTrue(grown.admits(full.size() + 1));
    assertEquals(0, grown.size());
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.25, 0.01})
  void clearRestartsTheSchedule(double delta) {
    ElasticTable table = new ElasticTable(new SegmentGeometry(1 << 5, delta));
    SplittableRandom random = new SplittableRandom(1);
    while (table.claim(Hashing.mix(random.nextLong())) != ElasticTable.NEEDS_RESIZE) {
      assertNotEquals(0, table.size());
    }
    table.clear();
    assertEquals(0, table.size());
    assertEquals(0, table.batch());
    assertEquals(-1, table.nextLive(-1));
    assertEquals(0, table.activeSegments);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2})
  void copiesShareNothing(int seed) {
    ElasticTable table = new ElasticTable(new SegmentGeometry(1 << 4, DELTAS[seed]));
    SplittableRandom random = new SplittableRandom(seed);
    long hash = Hashing.mix(random.nextLong());
    long first = table.claim(hash);
    ElasticTable copy = new ElasticTable(table);
    copy.release(first, hash, (segment, slot) -> hash);
    assertTrue(table.isLive(first));
    assertFalse(copy.isLive(first));
    assertEquals(1, table.size());
    assertEquals(0, copy.size());
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.25, 0.125, 0.01})
  void admitsAndLoadLimitBoundaries(double delta) {
    SegmentGeometry geometry = new SegmentGeometry(1 << 5, delta);
    ElasticTable table = new ElasticTable(geometry);
    assertTrue(table.admits(geometry.maxUsedSlots()));
    assertFalse(table.admits(geometry.maxUsedSlots() + 1));
    SplittableRandom random = new SplittableRandom(2);
    for (int i = 0; i < geometry.maxUsedSlots(); i++) {
      assertNotEquals(ElasticTable.NEEDS_RESIZE, table.claim(Hashing.mix(random.nextLong())));
    }
    assertEquals(ElasticTable.NEEDS_RESIZE, table.claim(Hashing.mix(random.nextLong())));
    assertEquals(geometry.maxUsedSlots(), table.size());
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.25, 0.125, 0.01})
  void segmentsBehindTheScheduleKeepExactlyTheirLowWaterUntilRemovalsFreeMore(double delta) {
    SegmentGeometry geometry = new SegmentGeometry(300, delta);
    ElasticTable table = new ElasticTable(geometry);
    SplittableRandom random = new SplittableRandom(4);
    List<Long> positions = new ArrayList<>();
    for (long p; (p = table.claim(Hashing.mix(random.nextLong()))) != ElasticTable.NEEDS_RESIZE; ) {
      positions.add(p);
    }
    int behind = table.batch() - 1;
    ElasticStats full = table.stats();
    for (int s = 0; s < behind; s++) {
      assertEquals(
          geometry.lowWaterEmptySlots(s),
          geometry.slots(s) - full.segments().get(s).live(),
          "segment " + s);
    }
    // Free a quarter of segment 0, then insert: some insertions go back to segment 0, and none
    // takes it below its low-water mark of free slots.
    ElasticTable churned = new ElasticTable(geometry);
    SplittableRandom again = new SplittableRandom(4);
    Map<Long, Long> placed = new java.util.LinkedHashMap<>();
    for (int i = 0; i < geometry.maxUsedSlots() * 3 / 4; i++) {
      long hash = Hashing.mix(again.nextLong());
      placed.put(churned.claim(hash), hash);
    }
    int released = 0;
    for (Map.Entry<Long, Long> p : placed.entrySet()) {
      if (ElasticTable.segment(p.getKey()) == 0 && released < geometry.slots(0) / 4) {
        churned.release(p.getKey(), p.getValue(), hashesOf(placed));
        released++;
      }
    }
    int liveBefore = churned.stats().segments().get(0).live();
    for (int i = 0; i < 200; i++) {
      churned.claim(Hashing.mix(again.nextLong()));
    }
    ElasticStats after = churned.stats();
    int live = after.segments().get(0).live();
    if (churned.batch() >= 2) {
      assertTrue(live > liveBefore, "freed slots behind the schedule are reused");
    }
    assertTrue(geometry.slots(0) - live >= geometry.lowWaterEmptySlots(0));
    assertEquals(churned.size(), after.size());
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.25, 0.01})
  void clearForgetsPassedCountsAndDirectory(double delta) {
    ElasticTable table = new ElasticTable(new SegmentGeometry(1 << 6, delta));
    SplittableRandom random = new SplittableRandom(8);
    while (table.claim(Hashing.mix(random.nextLong())) != ElasticTable.NEEDS_RESIZE) {
      assertTrue(table.size() > 0);
    }
    long first = table.nextLive(-1);
    table.clear();
    assertFalse(table.isLive(first));
    for (long[] words : table.control) {
      for (long word : words == null ? new long[0] : words) {
        assertEquals(ControlBytes.ALL_EMPTY, word, "no slot, count or directory bit survives");
      }
    }
    long hash = Hashing.mix(random.nextLong());
    long position = table.claim(hash);
    assertEquals(0, ElasticTable.segment(position));
    assertEquals(1, LookupProbes.toFind(table, hash, position));
    for (int i = 0; i < 100; i++) {
      assertEquals(1, LookupProbes.toMiss(table, Hashing.mix(random.nextLong())));
    }
  }

  @Test
  void isLiveRejectsPositionsOutsideTheTable() {
    ElasticTable table = new ElasticTable(new SegmentGeometry(4, 0.125));
    long position = table.claim(Hashing.mix(1L));
    assertTrue(table.isLive(position));
    assertFalse(table.isLive(-1));
    assertFalse(table.isLive(ElasticTable.position(1, 0)));
    assertFalse(table.isLive(ElasticTable.position(0, 4 * ControlBytes.GROUP_SLOTS)));
    assertFalse(table.isLive(ElasticTable.position(40, 0)));
    assertFalse(table.isLive(ElasticTable.position(0, ElasticTable.slot(position) ^ 1)));
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.25, 0.125, 0.01})
  void releasingEveryKeyLowersEveryReachToZero(double delta) {
    SegmentGeometry geometry = new SegmentGeometry(256, delta);
    ElasticTable table = new ElasticTable(geometry);
    Map<Long, Long> claimed = claimUntilFull(table, new SplittableRandom(11));
    List<Map.Entry<Long, Long>> order = new ArrayList<>(claimed.entrySet());
    java.util.Collections.shuffle(order, new java.util.Random(11));
    for (Map.Entry<Long, Long> entry : order) {
      table.release(entry.getKey(), entry.getValue(), hashesOf(claimed));
    }
    assertEquals(0, table.size());
    for (long[] words : table.control) {
      for (long word : words == null ? new long[0] : words) {
        assertEquals(0, ControlBytes.matchLive(word));
        assertEquals(0, ControlBytes.reach(word), "no key is left to reach anywhere");
      }
    }
    for (int i = 0; i < 1000; i++) {
      long hash = Hashing.mix((long) i);
      assertTrue(LookupProbes.toMiss(table, hash) <= 1 + table.activeSegments);
    }
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.25, 0.125, 0.01})
  void steadyChurnNeverGrowsAndKeepsEveryCountExact(double delta) {
    SegmentGeometry geometry = new SegmentGeometry(1000, delta);
    ElasticTable table = new ElasticTable(geometry);
    SplittableRandom random = new SplittableRandom(12);
    List<long[]> live = fill(table, random, geometry.maxUsedSlots() * 9 / 10);
    assertCountsExact(table, live);
    churn(table, random, live, 20L * geometry.capacity(), probes -> {});
    assertCountsExact(table, live);
  }

  /**
   * The next segment takes insertions past 3/4 only while the current one is too full to search:
   * under churn at a steady size the current one always has room, so the next stays at 3/4 rather
   * than drifting towards full, which would send ever more lookups past segment 0.
   */
  @Test
  void steadyChurnKeepsTheNextSegmentAtThreeQuarters() {
    SegmentGeometry geometry = new SegmentGeometry(2000, 0.125);
    ElasticTable table = new ElasticTable(geometry);
    SplittableRandom random = new SplittableRandom(13);
    List<long[]> live = fill(table, random, geometry.maxUsedSlots());
    churn(table, random, live, 5L * geometry.capacity(), probes -> {});
    int next = table.batch();
    assertTrue(next < geometry.segmentCount(), "the schedule has a next segment");
    int nextLive = table.stats().segments().get(next).live();
    assertTrue(
        nextLive <= geometry.threeQuarterSlots(next) + geometry.slots(next) / 100,
        "next segment holds " + nextLive + " of " + geometry.slots(next));
    assertCountsExact(table, live);
  }

  /**
   * Churn leaves keys that passed groups behind, and misses that start where they started walk as
   * far. With the third case bounded and reaches in place of passed counts, misses at delta 1/8
   * walk about 3.6 groups after two capacities of churn near the load limit (about 8 with passed
   * counts, 14 with passed counts and a search until free of the current segment).
   */
  @Test
  void churnNearTheLoadLimitKeepsMissesShort() {
    SegmentGeometry geometry = new SegmentGeometry(4000, 0.125);
    ElasticTable table = new ElasticTable(geometry);
    SplittableRandom random = new SplittableRandom(17);
    List<long[]> live = fill(table, random, geometry.capacity() * 85 / 100);
    churn(table, random, live, 2L * geometry.capacity(), probes -> {});
    long probes = 0;
    int misses = 20_000;
    for (int i = 0; i < misses; i++) {
      probes += LookupProbes.toMiss(table, Hashing.mix(random.nextLong()));
    }
    double mean = (double) probes / misses;
    assertTrue(mean <= 4.5, "groups per miss after churn: " + mean);
  }

  /** Claims {@code entries} random keys; each entry is its position and its hash. */
  private static List<long[]> fill(ElasticTable table, SplittableRandom random, int entries) {
    List<long[]> live = new ArrayList<>();
    while (live.size() < entries) {
      long hash = Hashing.mix(random.nextLong());
      live.add(new long[] {table.claim(hash), hash});
    }
    return live;
  }

  /**
   * Churns at a steady size, {@code operations} times: releases a random entry of {@code live} and
   * claims a fresh key in its place, which must never ask the table to grow; {@code claimProbes}
   * sees the groups each claim inspected.
   */
  private static void churn(
      ElasticTable table,
      SplittableRandom random,
      List<long[]> live,
      long operations,
      IntConsumer claimProbes) {
    churn(table, random, live, operations, table::claim, claimProbes);
  }

  /**
   * {@link #churn(ElasticTable, SplittableRandom, List, long, IntConsumer)} claiming through {@code
   * claim}: {@link ElasticTable#claimRebuilt(long)} places every key by the schedule alone, without
   * the request to grow that a {@link ElasticTable#CHURNED_RUN} makes.
   */
  private static void churn(
      ElasticTable table,
      SplittableRandom random,
      List<long[]> live,
      long operations,
      LongUnaryOperator claim,
      IntConsumer claimProbes) {
    StoredHashes stored = storedHashes(table, live);
    for (long i = 0; i < operations; i++) {
      int victim = random.nextInt(live.size());
      table.release(live.get(victim)[0], live.get(victim)[1], stored);
      long hash = Hashing.mix(random.nextLong());
      long position = claim.applyAsLong(hash);
      assertNotEquals(ElasticTable.NEEDS_RESIZE, position, "churn at a steady size must not grow");
      live.set(victim, new long[] {position, hash});
      stored.put(position, hash);
      claimProbes.accept(table.lastClaimProbes());
    }
  }

  /**
   * Recomputes every reach and later count from the live entries' probe sequences and compares them
   * with the table's: reaches exactly (up to saturation), later counts where they did not saturate;
   * and checks that each segment's longest probe is its deepest live key's, so that it fell back as
   * keys left.
   */
  private static void assertCountsExact(ElasticTable table, List<long[]> live) {
    int[][] reach = new int[table.control.length][];
    for (int s = 0; s < reach.length; s++) {
      reach[s] = new int[table.control[s] == null ? 0 : table.control[s].length];
    }
    int[] later = new int[reach[0].length];
    int[] deepest = new int[reach.length];
    for (long[] entry : live) {
      int s = ElasticTable.segment(entry[0]);
      int target = ElasticTable.slot(entry[0]) / ControlBytes.GROUP_SLOTS;
      int groups = reach[s].length;
      int start = Hashing.startGroup(entry[1], s, groups);
      int probes = 1;
      for (int group = start; group != target; probes++) {
        group = Hashing.nextGroup(group, probes, groups);
      }
      reach[s][start] = Math.max(reach[s][start], Math.min(probes - 1, ControlBytes.MAX_REACH));
      deepest[s] = Math.max(deepest[s], probes);
      if (s > 0) {
        later[Hashing.startGroup(entry[1], 0, later.length)]++;
      }
    }
    for (int s = 0; s < reach.length; s++) {
      for (int g = 0; g < reach[s].length; g++) {
        long word = table.control[s][g];
        assertEquals(
            reach[s][g], ControlBytes.reach(word), "reach of group " + g + " of segment " + s);
        if (s == 0) {
          long laterCount = (word & ControlBytes.LATER_COUNT) >>> 61;
          long saturated = ControlBytes.LATER_COUNT >>> 61;
          assertTrue(
              laterCount == later[g] || laterCount == saturated, "later count of group " + g);
        }
      }
      if (deepest[s] > 0) {
        assertEquals(deepest[s], table.longestProbe[s], "longest probe of segment " + s);
      }
    }
  }

  /**
   * Churn at the load limit: removals free slots in every segment while the schedule sends
   * insertions to the last segments, which fill up. Searching a full or nearly full segment until
   * free cost a share of its groups, growing with the table (at delta 1/32: 7.0 groups per
   * insertion on average at 2^16 slots, 11.8 at 2^18, worst 1,027; 262,194 groups at 1/1024 and
   * 2^20). The roomiest segment has at least delta of its slots free, so O(1/delta) it must be. The
   * churn claims by the schedule alone: a map would grow at the first insertion past a {@link
   * ElasticTable#CHURNED_RUN} (next test).
   */
  @Test
  void churnAtTheLoadLimitSearchesTheRoomiestSegment() {
    double delta = 1.0 / 32;
    ElasticTable table = tableOfAbout(1 << 18, delta);
    SplittableRandom random = new SplittableRandom(23);
    int n = table.geometry().maxUsedSlots();
    List<long[]> live = fill(table, random, n);
    long[] total = new long[1];
    int[] worst = new int[1];
    churn(
        table,
        random,
        live,
        2L * n,
        table::claimRebuilt,
        probes -> {
          total[0] += probes;
          worst[0] = Math.max(worst[0], probes);
        });
    double mean = (double) total[0] / (2 * n);
    assertTrue(mean <= 8, "groups per insertion under churn at the limit: " + mean);
    assertTrue(worst[0] <= 16 / delta, "worst insertion under churn at the limit: " + worst[0]);
  }

  /**
   * Churn at the load limit at delta 1/256 places keys hundreds of groups deep, and their passed
   * counts make misses walk as far (5,400 ns per miss in a map of 200,000 entries after two
   * capacities of churn). The first insertion after removals that walks past {@link
   * ElasticTable#CHURNED_RUN} groups keeps its slot, and the next claim asks for a larger table
   * with the same seed. A fill to the limit has no removals and never asks early.
   */
  @Test
  void aDeepInsertionAfterRemovalsAsksToGrow() {
    double delta = 1.0 / 256;
    ElasticTable table = tableOfAbout(1 << 16, delta);
    SplittableRandom random = new SplittableRandom(29);
    int n = table.geometry().maxUsedSlots();
    List<long[]> live = fill(table, random, n);
    assertTrue(live.stream().allMatch(entry -> entry[0] >= 0), "a fill claims up to its limit");
    int previousProbes = 0;
    long position = 0;
    long operations = 0;
    StoredHashes stored = storedHashes(table, live);
    while (position != ElasticTable.NEEDS_RESIZE && operations < 2L * n) {
      int victim = random.nextInt(n);
      table.release(live.get(victim)[0], live.get(victim)[1], stored);
      long hash = Hashing.mix(random.nextLong());
      previousProbes = table.lastClaimProbes();
      position = table.claim(hash);
      live.set(victim, new long[] {position, hash});
      if (position >= 0) {
        stored.put(position, hash);
      }
      operations++;
    }
    assertEquals(ElasticTable.NEEDS_RESIZE, position, "churn at the limit, 1/256, 2 capacities");
    assertTrue(
        previousProbes > ElasticTable.CHURNED_RUN,
        "the claim before the request walked " + previousProbes + " groups");
    ElasticTable grown = table.resized();
    assertTrue(grown.geometry().capacity() > table.geometry().capacity(), "a larger table");
    assertEquals(table.seed, grown.seed, "the same seed: the keys are not crafted");
  }

  /** At the default delta churn at the load limit never walks that far. */
  @Test
  void churnAtTheLimitAtTheDefaultDeltaNeverAsksToGrow() {
    SegmentGeometry geometry = SegmentGeometry.forExpectedSize(100_000, 0.125);
    ElasticTable table = new ElasticTable(geometry);
    SplittableRandom random = new SplittableRandom(31);
    int n = geometry.maxUsedSlots();
    List<long[]> live = fill(table, random, n);
    int[] worst = new int[1];
    churn(table, random, live, 4L * n, probes -> worst[0] = Math.max(worst[0], probes));
    assertTrue(worst[0] <= ElasticTable.CHURNED_RUN / 2, "worst churn insertion: " + worst[0]);
  }

  /**
   * A segment's longest probe bounds every lookup there, so it must fall back when its deepest key
   * is removed: eight keys with one start group put the eighth a group further, and while it is
   * live every walk from there may go two groups deep, but not after.
   */
  @Test
  void theLongestProbeFallsBackWhenTheDeepestKeyLeaves() {
    ElasticTable table = new ElasticTable(new SegmentGeometry(64, 0.125));
    long[] positions = new long[8];
    long[] hashes = new long[8];
    for (int i = 0; i < 8; i++) {
      hashes[i] = (0x4000_0000L << 32) | (i * 0x31L);
      positions[i] = table.claim(hashes[i]);
    }
    assertEquals(2, table.longestProbe[0], "the eighth key went one group on");
    // Every key starts in one group, so every live slot holds a key of that start.
    SlotHashes sameStart = (segment, slot) -> hashes[0];
    table.release(positions[0], hashes[0], sameStart);
    assertEquals(2, table.longestProbe[0], "a key in its first group left; the deep one is live");
    table.release(positions[7], hashes[7], sameStart);
    assertEquals(1, table.longestProbe[0], "the deep key left");
    long again = table.claim(hashes[7]);
    assertEquals(1, table.longestProbe[0], "its start group had room again");
    table.release(again, hashes[7], sameStart);
    assertEquals(1, table.longestProbe[0]);
  }

  /**
   * The paper's bound: the worst insertion costs O(log 1/delta) probes, so filling a table to its
   * load limit at delta 1/4096 may cost at most {@code log2(4096) / log2(4)} times what it costs at
   * 1/4 (measured: about three times). A schedule that falls back to probing until free near the
   * end of a batch costs O(1/delta) instead, hundreds of groups at 1/1024.
   */
  @Test
  void theWorstInsertionGrowsLikeLogOneOverDelta() {
    int atQuarter = worstClaimWhileFilling(0.25);
    for (double delta : new double[] {1.0 / 16, 1.0 / 32, 1.0 / 256, 1.0 / 1024, 1.0 / 4096}) {
      int worst = worstClaimWhileFilling(delta);
      double logRatio = Math.log(1 / delta) / Math.log(4);
      assertTrue(
          worst <= logRatio * atQuarter,
          "worst insertion at delta " + delta + ": " + worst + " groups, " + atQuarter + " at 1/4");
    }
  }

  /** An empty table of about {@code slots} slots whose load limit is {@code 1 - delta} of them. */
  private static ElasticTable tableOfAbout(int slots, double delta) {
    return new ElasticTable(SegmentGeometry.forExpectedSize((int) ((1 - delta) * slots), delta));
  }

  /** The most groups any insertion inspects while tables of 2^15 slots fill to the limit. */
  private static int worstClaimWhileFilling(double delta) {
    int worst = 0;
    for (int seed = 0; seed < 8; seed++) {
      ElasticTable table = tableOfAbout(32768, delta);
      SplittableRandom random = new SplittableRandom(seed);
      while (table.claim(Hashing.mix(random.nextLong())) != ElasticTable.NEEDS_RESIZE) {
        worst = Math.max(worst, table.lastClaimProbes());
      }
    }
    return worst;
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.5, 0.5000001, 0.75, 0.9, 0.999, 0x1.fffffffffffffp-1})
  void aResizedTableAlwaysAdmitsTheNextClaim(double delta) {
    ElasticTable table = new ElasticTable(SegmentGeometry.forExpectedSize(0, delta));
    SplittableRandom random = new SplittableRandom(5);
    List<long[]> live = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      long hash = Hashing.mix(random.nextLong());
      long position = table.claim(hash);
      if (position == ElasticTable.NEEDS_RESIZE) {
        ElasticTable target = table.resized();
        for (long[] entry : live) {
          entry[1] = target.claim(entry[0]);
          assertTrue(entry[1] >= 0, "rebuild claim at delta " + delta);
        }
        table = target;
        position = table.claim(hash);
      }
      assertTrue(position >= 0, "claim after resize at delta " + delta + ", entry " + i);
      live.add(new long[] {hash, position});
      if (i % 3 == 2) {
        long[] doomed = live.remove(live.size() - 2);
        Map<Long, Long> byPosition = new java.util.HashMap<>();
        for (long[] entry : live) {
          byPosition.put(entry[1], entry[0]);
        }
        table.release(doomed[1], doomed[0], hashesOf(byPosition));
      }
    }
    assertEquals(live.size(), table.size());
  }

  @Test
  void floodingKeysAreRedirectedIndexedCarriedThroughRebuildsAndCopiesAndReleased() {
    ElasticTable table = new ElasticTable(SegmentGeometry.forExpectedSize(0, 0.125));
    long sharedHash = Hashing.mix(12345);
    long flooded = CollisionIndex.miss(CollisionIndex.FLOOD_THRESHOLD);
    assertTrue(CollisionIndex.floods(flooded));
    assertFalse(CollisionIndex.floods(CollisionIndex.miss(CollisionIndex.FLOOD_THRESHOLD - 1)));
    Map<String, Long> positions = new java.util.LinkedHashMap<>();
    for (int i = 0; i < 2000; i++) {
      String key = "k" + i;
      long position = table.claim(key, sharedHash, flooded);
      if (position == ElasticTable.NEEDS_RESIZE) {
        ElasticTable target = table.resized();
        for (Map.Entry<String, Long> e : positions.entrySet()) {
          e.setValue(target.claimRebuilt(e.getKey(), sharedHash, table, e.getValue()));
        }
        table = target;
        position = table.claim(key, sharedHash, flooded);
      }
      positions.put(key, position);
    }
    assertEquals(2000, table.collisions.size());
    for (Map.Entry<String, Long> e : positions.entrySet()) {
      assertEquals(e.getValue(), CollisionIndex.find(table.collisions, e.getKey(), 3));
    }
    assertEquals(CollisionIndex.miss(3), CollisionIndex.find(table.collisions, "absent", 3));
    assertEquals(CollisionIndex.miss(3), CollisionIndex.find(null, "k1", 3));
    // Scattered by substitute hashes: no probe run as long as 2000 keys on one sequence.
    for (ElasticStats.Segment segment : table.stats().segments()) {
      assertTrue(segment.longestProbeRun() < 20, table.stats().toString());
    }

    ElasticTable copy = new ElasticTable(table);
    for (Map.Entry<String, Long> e : positions.entrySet()) {
      copy.release(e.getValue(), sharedHash, (segment, slot) -> sharedHash);
    }
    assertEquals(null, copy.collisions, "an index emptied by releases is dropped");
    assertEquals(0, copy.size());
    for (long word : copy.control[0]) {
      assertEquals(
          0, ControlBytes.reach(word), "released along the hash each slot was claimed with");
    }
    assertEquals(2000, table.collisions.size(), "a copy shares no index with its original");

    table.clear();
    assertEquals(null, table.collisions);
    long position = table.claim("k1", sharedHash, CollisionIndex.miss(0));
    assertTrue(position >= 0);
    assertEquals(null, table.collisions, "a key below the threshold takes its own hash");
  }

  @Test
  void aCrowdedRunAsksForAFreshSeedOnceAndRandomKeysNeverDo() {
    SegmentGeometry geometry = new SegmentGeometry(1 << 10, 0.125);
    ElasticTable random = new ElasticTable(geometry);
    SplittableRandom keys = new SplittableRandom(9);
    while (random.claim(Hashing.mix(keys.nextLong())) != ElasticTable.NEEDS_RESIZE) {
      // fill to the load limit
    }
    assertEquals(geometry.maxUsedSlots(), random.size());
    assertEquals(0L, random.seed);
    assertEquals(0L, random.resized().seed, "growth keeps the seed");

    ElasticTable crafted = new ElasticTable(geometry);
    int claimed = 0;
    for (long k = 0; ; k++) {
      long hash = Hashing.mix(k);
      if (Hashing.startGroup(hash, 0, crafted.control[0].length) != 0) {
        continue;
      }
      if (crafted.claim(hash) == ElasticTable.NEEDS_RESIZE) {
        break;
      }
      claimed++;
    }
    assertTrue(claimed < 8 * (ElasticTable.CROWDED_RUN + 8), "asked early: " + claimed);
    ElasticTable reseeded = crafted.resized();
    assertEquals(geometry.topGroups(), reseeded.geometry().topGroups(), "same size");
    assertNotEquals(0L, reseeded.seed);
    assertEquals(Hashing.reseed(Hashing.mix(5L), reseeded.seed), reseeded.hash(Hashing.mix(5L)));
    assertEquals(reseeded.seed, reseeded.resized().seed, "growth keeps the fresh seed");
  }

  /** The hashes a test keeps by position, as a removal asks them of a map. */
  private static SlotHashes hashesOf(Map<Long, Long> byPosition) {
    return (segment, slot) -> byPosition.get(ElasticTable.position(segment, slot));
  }

  /** The hashes of {@code live} (position and hash each), by slot of {@code table}. */
  private static StoredHashes storedHashes(ElasticTable table, List<long[]> live) {
    StoredHashes stored = new StoredHashes(table.geometry());
    for (long[] entry : live) {
      stored.put(entry[0], entry[1]);
    }
    return stored;
  }

  /** Claims random hashes until the table asks to resize: position to hash, in claim order. */
  private static Map<Long, Long> claimUntilFull(ElasticTable table, SplittableRandom random) {
    Map<Long, Long> claimed = new java.util.LinkedHashMap<>();
    for (long hash = Hashing.mix(random.nextLong()), p;
        (p = table.claim(hash)) != ElasticTable.NEEDS_RESIZE;
        hash = Hashing.mix(random.nextLong())) {
      claimed.put(p, hash);
    }
    return claimed;
  }
}
