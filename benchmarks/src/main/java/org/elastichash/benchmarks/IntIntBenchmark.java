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

/**
 * int -> int maps. Each benchmark method does one pass of key operations per invocation; the report
 * divides the time by {@link #operations} to get nanoseconds per key operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class IntIntBenchmark {

  @Param({
    "ELASTIC",
    "FASTUTIL",
    "FASTUTIL_DENSE",
    "HPPC",
    "HPPC_DENSE",
    "ECLIPSE",
    "AGRONA",
    "JDK"
  })
  public IntIntMaps impl;

  @Param({"1000", "100000", "10000000"})
  public int size;

  @Param({"RANDOM", "SEQUENTIAL", "MULTIPLES_OF_1024"})
  public Keys keys;

  private int[] present;
  private int[] absent;
  private IntIntMaps.Map filled;
  private int[] churnKeys;
  private int churnCursor;
  private long nextFresh;

  /** Key operations per invocation of a benchmark method. */
  public static int operations(String benchmark, int size) {
    return benchmark.equals("churn") ? Math.min(size, 100_000) : size;
  }

  @Setup
  public void setUp() {
    // Churn's fresh keys may wrap around the pattern: by then the keys they repeat have long
    // been removed, as long as present and absent keys fit.
    if (2L * size > keys.intCapacity()) {
      throw new IllegalStateException(keys + " has too few distinct int keys for " + size);
    }
    present = keys.ints(0, size);
    absent = keys.ints(size, size);
    filled = impl.create();
    for (int key : present) {
      filled.put(key, key | 1);
    }
    churnKeys = present.clone();
    nextFresh = 2L * size;
  }

  /** Inserts every key into a new default-constructed map: growth included. */
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
    int sum = 0;
    for (int key : present) {
      sum += filled.get(key);
    }
    return sum;
  }

  @Benchmark
  public int getMiss() {
    int sum = 0;
    for (int key : absent) {
      sum += filled.get(key);
    }
    return sum;
  }

  /** Removes a key and inserts a fresh one, at a steady size. */
  @Benchmark
  public int churn() {
    int operations = operations("churn", size);
    int cursor = churnCursor;
    for (int i = 0; i < operations; i++) {
      filled.remove(churnKeys[cursor]);
      int fresh = keys.intKey(nextFresh++);
      churnKeys[cursor] = fresh;
      filled.put(fresh, fresh | 1);
      cursor = cursor + 1 == size ? 0 : cursor + 1;
    }
    churnCursor = cursor;
    return cursor;
  }
}
