package org.elastichash.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * int -> int maps. Each benchmark method does {@link #operations} key operations per invocation;
 * the report divides the time by that number to get nanoseconds per key operation.
 *
 * <p>Lookups at large sizes take a slice of the keys per invocation, the next slice each time, so
 * that an invocation stays short (10^6 lookups) while the keys still hit random places of the whole
 * table. Each slice interleaves keys from the whole insertion order (slice s holds the keys
 * inserted at s, s + slices, s + 2 slices, ...): keys inserted late into a linear-probing table
 * probe further, and contiguous slices of the insertion order differed by a factor of three at
 * 10^7. Insert always fills a new map from empty to {@link #size}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class IntIntBenchmark {

  /** Every configuration by default (JMH takes all constants of an enum parameter). */
  @Param public IntIntMaps impl;

  @Param({"1000", "100000", "10000000"})
  public int size;

  @Param({"RANDOM", "SEQUENTIAL", "MULTIPLES_OF_1024"})
  public Keys keys;

  /** Lookups per invocation at most: a slice of the keys at large sizes. */
  static final int MAX_LOOKUPS = 1_000_000;

  /** Remove-and-insert pairs per invocation of churn at most. */
  static final int MAX_CHURN = 100_000;

  private int[] present;
  private int[] absent;
  private int[] hitKeys;
  private int[] missKeys;
  private IntIntMaps.Map filled;
  private int lookups;
  private int hitCursor;
  private int missCursor;
  private int[] churnKeys;
  private int churnCursor;
  private long nextFresh;

  /** Key operations per invocation of a benchmark method. */
  public static int operations(String benchmark, int size) {
    return switch (benchmark) {
      case "churn" -> Math.min(size, MAX_CHURN);
      case "getHit", "getMiss" -> Math.min(size, MAX_LOOKUPS);
      default -> size;
    };
  }

  /**
   * Makes the keys and, except for insert (which fills its own maps), the filled map.
   *
   * @param params tells which benchmark runs, so that insert skips the filled map
   */
  @Setup
  public void setUp(BenchmarkParams params) {
    // Churn's fresh keys may wrap around the pattern: by then the keys they repeat have long
    // been removed, as long as present and absent keys fit.
    if (2L * size > keys.intCapacity()) {
      throw new IllegalStateException(keys + " has too few distinct int keys for " + size);
    }
    present = keys.ints(0, size);
    lookups = Math.min(size, MAX_LOOKUPS);
    if (params.getBenchmark().endsWith(".insert")) {
      return;
    }
    absent = keys.ints(size, size);
    hitKeys = interleaved(present, lookups);
    missKeys = interleaved(absent, lookups);
    filled = impl.create();
    for (int key : present) {
      filled.put(key, key | 1);
    }
    // Removals sweep the insertion order evenly too, a slice of it per invocation.
    churnKeys = interleaved(present, Math.min(size, MAX_CHURN));
    nextFresh = 2L * size;
  }

  /**
   * The keys in slices of {@code slice}, slice s holding keys s, s + slices, s + 2 slices, ... of
   * {@code keys}; the identity when one slice holds them all. Keys past the last whole slice are
   * left out.
   */
  static int[] interleaved(int[] keys, int slice) {
    int slices = keys.length / slice;
    int[] result = new int[slices * slice];
    for (int s = 0; s < slices; s++) {
      for (int i = 0; i < slice; i++) {
        result[s * slice + i] = keys[i * slices + s];
      }
    }
    return result;
  }

  /** The start of the slice after the one at {@code from}, wrapping before a short slice. */
  private int nextSlice(int from) {
    int next = from + lookups;
    return next + lookups > hitKeys.length ? 0 : next;
  }

  /** Inserts every key into a new map that grows from empty: growth included. */
  @Benchmark
  public Object insert() {
    IntIntMaps.Map map = impl.create();
    for (int key : present) {
      map.put(key, key | 1);
    }
    return map.target();
  }

  @Benchmark
  public int getHit() {
    int from = hitCursor;
    int to = from + lookups;
    int sum = 0;
    for (int i = from; i < to; i++) {
      sum += filled.get(hitKeys[i]);
    }
    hitCursor = nextSlice(from);
    return sum;
  }

  @Benchmark
  public int getMiss() {
    int from = missCursor;
    int to = from + lookups;
    int sum = 0;
    for (int i = from; i < to; i++) {
      sum += filled.get(missKeys[i]);
    }
    missCursor = nextSlice(from);
    return sum;
  }

  /** Removes a key and inserts a fresh one, at a steady size. */
  @Benchmark
  public int churn() {
    int operations = Math.min(size, MAX_CHURN);
    int cursor = churnCursor;
    for (int i = 0; i < operations; i++) {
      filled.remove(churnKeys[cursor]);
      int fresh = keys.intKey(nextFresh++);
      churnKeys[cursor] = fresh;
      filled.put(fresh, fresh | 1);
      cursor = cursor + 1 == churnKeys.length ? 0 : cursor + 1;
    }
    churnCursor = cursor;
    return cursor;
  }
}
