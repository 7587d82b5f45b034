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
 * long -> Object maps. Each benchmark method does one pass of key operations per invocation; the
 * report divides the time by {@link #operations} to get nanoseconds per key operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class LongObjectBenchmark {

  @Param({"ELASTIC", "FASTUTIL", "HPPC", "ECLIPSE", "JDK"})
  public LongObjectMaps impl;

  @Param({"1000", "100000", "10000000"})
  public int size;

  @Param({"RANDOM", "SEQUENTIAL", "MULTIPLES_OF_1024"})
  public Keys keys;

  private static final Object VALUE = new Object();

  private long[] present;
  private long[] absent;
  private LongObjectMaps.Map filled;
  private long[] churnKeys;
  private int churnCursor;
  private long nextFresh;

  /** Key operations per invocation of a benchmark method. */
  public static int operations(String benchmark, int size) {
    return benchmark.equals("churn") ? Math.min(size, 100_000) : size;
  }

  @Setup
  public void setUp() {
    present = keys.longs(0, size);
    absent = keys.longs(size, size);
    filled = impl.create();
    for (long key : present) {
      filled.put(key, VALUE);
    }
    churnKeys = present.clone();
    nextFresh = 2L * size;
  }

  /** Inserts every key into a new default-constructed map: growth included. */
  @Benchmark
  public Object insert() {
    LongObjectMaps.Map map = impl.create();
    for (long key : present) {
      map.put(key, VALUE);
    }
    return map.target();
  }

  @Benchmark
  public int getHit() {
    int found = 0;
    for (long key : present) {
      found += filled.get(key) == null ? 0 : 1;
    }
    return found;
  }

  @Benchmark
  public int getMiss() {
    int found = 0;
    for (long key : absent) {
      found += filled.get(key) == null ? 0 : 1;
    }
    return found;
  }

  /** Removes a key and inserts a fresh one, at a steady size. */
  @Benchmark
  public int churn() {
    int operations = operations("churn", size);
    int cursor = churnCursor;
    for (int i = 0; i < operations; i++) {
      filled.remove(churnKeys[cursor]);
      long fresh = keys.longKey(nextFresh++);
      churnKeys[cursor] = fresh;
      filled.put(fresh, VALUE);
      cursor = cursor + 1 == size ? 0 : cursor + 1;
    }
    churnCursor = cursor;
    return cursor;
  }
}
