package org.elastichash.benchmarks;

import java.util.Map;
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
 * String -> Object maps. Lookups use equal but distinct String instances, so every hit pays a real
 * {@code equals}, as a cache keyed by parsed input would.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ObjectObjectBenchmark {

  private static final Object VALUE = new Object();

  @Param({"ELASTIC", "FASTUTIL", "JDK"})
  public ObjectObjectMaps impl;

  @Param({"1000", "100000", "10000000"})
  public int size;

  @Param({"RANDOM", "SEQUENTIAL", "MULTIPLES_OF_1024"})
  public Keys keys;

  private String[] present;
  private String[] lookups;
  private String[] absent;
  private Map<String, Object> filled;
  private String[] churnKeys;
  private int churnCursor;
  private long nextFresh;

  @Setup
  public void setUp() {
    present = keys.strings(0, size);
    lookups = new String[size];
    for (int i = 0; i < size; i++) {
      lookups[i] = new String(present[i].toCharArray());
    }
    absent = keys.strings(size, size);
    filled = impl.create();
    for (String key : present) {
      filled.put(key, VALUE);
    }
    churnKeys = present.clone();
    nextFresh = 2L * size;
  }

  @Benchmark
  public Object insert() {
    Map<String, Object> map = impl.create();
    for (String key : present) {
      map.put(key, VALUE);
    }
    return map;
  }

  @Benchmark
  public int getHit() {
    int found = 0;
    for (String key : lookups) {
      found += filled.get(key) == null ? 0 : 1;
    }
    return found;
  }

  @Benchmark
  public int getMiss() {
    int found = 0;
    for (String key : absent) {
      found += filled.get(key) == null ? 0 : 1;
    }
    return found;
  }

  @Benchmark
  public int churn() {
    int operations = IntIntBenchmark.operations("churn", size);
    int cursor = churnCursor;
    for (int i = 0; i < operations; i++) {
      filled.remove(churnKeys[cursor]);
      String fresh = Long.toString(keys.longKey(nextFresh++));
      churnKeys[cursor] = fresh;
      filled.put(fresh, VALUE);
      cursor = cursor + 1 == size ? 0 : cursor + 1;
    }
    churnCursor = cursor;
    return cursor;
  }
}
