package org.elastichash.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.elastichash.internal.LookupProbes;
import org.elastichash.internal.StoredHashes;
import org.elastichash.runtime.ElasticTable;
import org.elastichash.runtime.Hashing;
import org.elastichash.runtime.SegmentGeometry;

/**
 * The paper's experiment: fill a table of about 2^20 slots to {@code 1 - delta} and count probes
 * per insertion (mean, and the worst-case expectation: the largest count among the last
 * delta-fraction of insertions, averaged over seeds), per successful and per unsuccessful lookup;
 * and, for elastic hashing, per unsuccessful lookup again after {@value #CHURN_CAPACITIES}
 * capacities of churn at that load (remove a random key, insert a fresh one), where misses walk as
 * far as the deepest live key of their start group went. That churn does what a map does when the
 * table asks to grow (an insertion after removals walked past {@link ElasticTable#CHURNED_RUN}
 * groups): it rebuilds every entry into the larger table and goes on there.
 *
 * <p>Elastic hashing runs on the library's own core ({@link ElasticTable}) and counts groups of
 * seven slots, each inspected with one load of its group word. The references are small
 * implementations here: uniform probing and linear probing count single slots, and uniform probing
 * over groups of eight counts groups, close to the elastic core, for a like-for-like comparison.
 */
public final class ProbeTable {

  /** Slots of the reference tables. */
  static final int SLOTS = 1 << 20;

  private static final int SEEDS = 3;
  private static final int MISS_SAMPLES = 2_000;

  /** Removals and insertions of the churned miss column, in multiples of the table's entries. */
  static final int CHURN_CAPACITIES = 2;

  private ProbeTable() {}

  /**
   * One scheme's figures at one delta; {@code churnedMissMean} is NaN and {@code churnGrowths} -1
   * for the references, which have no removal.
   */
  public record Row(
      String scheme,
      double delta,
      String unit,
      double insertMean,
      double insertWorst,
      double hitMean,
      double missMean,
      double churnedMissMean,
      int churnGrowths) {}

  /** Groups per miss after the churn, and how many times the table grew during it. */
  private record Churned(double missMean, int growths) {}

  /** All rows for the given deltas. */
  public static List<Row> measure(double[] deltas) {
    List<Row> rows = new ArrayList<>();
    for (double delta : deltas) {
      rows.add(elastic(delta));
      rows.add(reference("uniform probing over groups of 8", delta, Probing.UNIFORM_GROUPS));
      rows.add(reference("uniform probing", delta, Probing.UNIFORM));
      rows.add(reference("linear probing", delta, Probing.LINEAR));
    }
    return rows;
  }

  static Row elastic(double delta) {
    double insertMean = 0;
    double insertWorst = 0;
    double hitMean = 0;
    double missMean = 0;
    Churned churned = null;
    for (int seed = 0; seed < SEEDS; seed++) {
      // About SLOTS slots in all, like the reference tables.
      SegmentGeometry geometry =
          SegmentGeometry.forExpectedSize((int) ((1 - delta) * SLOTS), delta);
      ElasticTable table = new ElasticTable(geometry);
      SplittableRandom random = new SplittableRandom(seed);
      int n = geometry.maxUsedSlots();
      long[] hashes = new long[n];
      long[] positions = new long[n];
      long total = 0;
      int worst = 0;
      int tailStart = n - Math.max(1, (int) (delta * n));
      for (int i = 0; i < n; i++) {
        hashes[i] = Hashing.mix(random.nextLong());
        positions[i] = table.claim(hashes[i]);
        int probes = table.lastClaimProbes();
        total += probes;
        if (i >= tailStart) {
          worst = Math.max(worst, probes);
        }
      }
      long hits = 0;
      for (int i = 0; i < n; i++) {
        hits += LookupProbes.toFind(table, hashes[i], positions[i]);
      }
      long misses = 0;
      for (int i = 0; i < MISS_SAMPLES; i++) {
        misses += LookupProbes.toMiss(table, Hashing.mix(random.nextLong()));
      }
      insertMean += (double) total / n;
      insertWorst += worst;
      hitMean += (double) hits / n;
      missMean += (double) misses / MISS_SAMPLES;
      if (seed == 0) {
        churned = churn(table, hashes, positions, random);
      }
    }
    return new Row(
        "elastic hashing (this library)",
        delta,
        "groups of 7",
        insertMean / SEEDS,
        insertWorst / SEEDS,
        hitMean / SEEDS,
        missMean / SEEDS,
        churned.missMean(),
        churned.growths());
  }

  /**
   * Churns a table filled to its load limit for {@link #CHURN_CAPACITIES} capacities, removing a
   * random key and inserting a fresh one, growing as a map would when the table asks; then counts
   * its groups per miss. One seed: the walk varies far less between seeds than between deltas, and
   * the churn is most of the probe table's time.
   */
  private static Churned churn(
      ElasticTable table, long[] hashes, long[] positions, SplittableRandom random) {
    int n = hashes.length;
    int growths = 0;
    StoredHashes stored = new StoredHashes(table.geometry());
    for (int j = 0; j < n; j++) {
      stored.put(positions[j], hashes[j]);
    }
    for (long i = 0; i < (long) CHURN_CAPACITIES * n; i++) {
      int victim = random.nextInt(n);
      table.release(positions[victim], hashes[victim], stored);
      hashes[victim] = Hashing.mix(random.nextLong());
      long position = table.claim(hashes[victim]);
      if (position == ElasticTable.NEEDS_RESIZE) {
        // A churn request keeps the seed (table.seed is 0 here), so the hashes stay valid.
        ElasticTable grown = table.resized();
        stored = new StoredHashes(grown.geometry());
        for (int j = 0; j < n; j++) {
          if (j != victim) {
            positions[j] = grown.claimRebuilt(hashes[j]);
            stored.put(positions[j], hashes[j]);
          }
        }
        table = grown;
        position = table.claim(hashes[victim]);
        growths++;
      }
      positions[victim] = position;
      stored.put(position, hashes[victim]);
    }
    long misses = 0;
    for (int i = 0; i < MISS_SAMPLES; i++) {
      misses += LookupProbes.toMiss(table, Hashing.mix(random.nextLong()));
    }
    return new Churned((double) misses / MISS_SAMPLES, growths);
  }

  /** The reference schemes, over single slots or groups of eight. */
  enum Probing {
    UNIFORM,
    LINEAR,
    UNIFORM_GROUPS
  }

  /** Where a probe sequence found room, and how many buckets it inspected. */
  private record Probe(int bucket, int probes) {}

  /**
   * The first bucket with room along the hash's probe sequence: steps of 1 for linear probing, of
   * an odd hash-derived stride otherwise, which visits every bucket. Without removals, a miss stops
   * at the same bucket an insertion would take.
   */
  private static Probe firstFree(int[] fill, int capacity, long hash, Probing probing) {
    int mask = fill.length - 1;
    int bucket = (int) hash & mask;
    int step = probing == Probing.LINEAR ? 1 : (int) (hash >>> 40) | 1;
    int probes = 1;
    while (fill[bucket] == capacity) {
      bucket = (bucket + step) & mask;
      probes++;
    }
    return new Probe(bucket, probes);
  }

  static Row reference(String name, double delta, Probing probing) {
    boolean grouped = probing == Probing.UNIFORM_GROUPS;
    int buckets = grouped ? SLOTS / 8 : SLOTS;
    int n = (int) Math.floor((1 - delta) * SLOTS);
    double insertMean = 0;
    double insertWorst = 0;
    double missMean = 0;
    for (int seed = 0; seed < SEEDS; seed++) {
      int[] fill = new int[buckets];
      int capacity = grouped ? 8 : 1;
      SplittableRandom random = new SplittableRandom(100 + seed);
      long total = 0;
      int worst = 0;
      int tailStart = n - Math.max(1, (int) (delta * n));
      for (int i = 0; i < n; i++) {
        long hash = random.nextLong();
        Probe probe = firstFree(fill, capacity, hash, probing);
        int probes = probe.probes();
        fill[probe.bucket()]++;
        total += probes;
        if (i >= tailStart) {
          worst = Math.max(worst, probes);
        }
      }
      long misses = 0;
      for (int i = 0; i < MISS_SAMPLES; i++) {
        misses += firstFree(fill, capacity, random.nextLong(), probing).probes();
      }
      insertMean += (double) total / n;
      insertWorst += worst;
      missMean += (double) misses / MISS_SAMPLES;
    }
    // Without removals a successful lookup retraces its key's insertion.
    return new Row(
        name,
        delta,
        grouped ? "groups of 8" : "slots",
        insertMean / SEEDS,
        insertWorst / SEEDS,
        insertMean / SEEDS,
        missMean / SEEDS,
        Double.NaN,
        -1);
  }
}
