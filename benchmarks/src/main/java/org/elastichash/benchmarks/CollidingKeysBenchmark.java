package org.elastichash.benchmarks;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.elastichash.ElasticHashMap;
import org.elastichash.ElasticHashSet;
import org.elastichash.ElasticObjectIntMap;
import org.elastichash.ElasticObjectLongMap;
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
 * Hash flooding: {@code size} distinct Strings that all share one hash code (concatenations of "Aa"
 * and "BB", which hash alike), put into a default-constructed map, each looked up and each removed
 * again. {@code java.util.HashMap} turns such a bin into a tree and stays at O(log n) comparisons
 * per operation; a map without a defence goes quadratic. Lookups and removals use equal but
 * distinct String instances, so every comparison is a real one. The report divides by {@code size}:
 * nanoseconds per key for its put, get and remove together.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CollidingKeysBenchmark {

  /** The collections compared, each driven by its own API. */
  public enum Impl {
    ELASTIC {
      @Override
      long putGetRemove(String[] keys, String[] copies) {
        Map<String, Object> map = new ElasticHashMap<>();
        return viaMap(map, keys, copies);
      }
    },
    JDK {
      @Override
      long putGetRemove(String[] keys, String[] copies) {
        return viaMap(new HashMap<>(), keys, copies);
      }
    },
    ELASTIC_OBJECT_INT {
      @Override
      long putGetRemove(String[] keys, String[] copies) {
        ElasticObjectIntMap<String> map = new ElasticObjectIntMap<>();
        long sum = 0;
        for (int i = 0; i < keys.length; i++) {
          map.put(keys[i], i);
        }
        for (String key : copies) {
          sum += map.get(key);
        }
        for (String key : copies) {
          sum += map.remove(key);
        }
        return sum + map.size();
      }
    },
    ELASTIC_OBJECT_LONG {
      @Override
      long putGetRemove(String[] keys, String[] copies) {
        ElasticObjectLongMap<String> map = new ElasticObjectLongMap<>();
        long sum = 0;
        for (int i = 0; i < keys.length; i++) {
          map.put(keys[i], i);
        }
        for (String key : copies) {
          sum += map.get(key);
        }
        for (String key : copies) {
          sum += map.remove(key);
        }
        return sum + map.size();
      }
    },
    ELASTIC_SET {
      @Override
      long putGetRemove(String[] keys, String[] copies) {
        return viaSet(new ElasticHashSet<>(), keys, copies);
      }
    },
    JDK_SET {
      @Override
      long putGetRemove(String[] keys, String[] copies) {
        return viaSet(new HashSet<>(), keys, copies);
      }
    };

    abstract long putGetRemove(String[] keys, String[] copies);

    private static long viaMap(Map<String, Object> map, String[] keys, String[] copies) {
      long found = 0;
      for (String key : keys) {
        map.put(key, key);
      }
      for (String key : copies) {
        found += map.get(key) == null ? 0 : 1;
      }
      for (String key : copies) {
        found += map.remove(key) == null ? 0 : 1;
      }
      return found + map.size();
    }

    private static long viaSet(Set<String> set, String[] keys, String[] copies) {
      long found = 0;
      for (String key : keys) {
        set.add(key);
      }
      for (String key : copies) {
        found += set.contains(key) ? 1 : 0;
      }
      for (String key : copies) {
        found += set.remove(key) ? 1 : 0;
      }
      return found + set.size();
    }
  }

  @Param({"ELASTIC", "JDK"})
  public Impl impl;

  @Param({"65536"})
  public int size;

  /** RANDOM: the keys in a shuffled order; SEQUENTIAL: in the order they are generated. */
  @Param({"RANDOM"})
  public Keys keys;

  private String[] present;
  private String[] copies;

  /** The {@code i}-th string of "Aa" and "BB" pairs, one pair per bit of {@code i}. */
  public static String collidingString(int i, int pairs) {
    StringBuilder text = new StringBuilder(2 * pairs);
    for (int bit = 0; bit < pairs; bit++) {
      text.append((i >>> bit & 1) == 0 ? "Aa" : "BB");
    }
    return text.toString();
  }

  @Setup
  public void setUp() {
    int pairs = Math.max(1, 32 - Integer.numberOfLeadingZeros(size - 1));
    present = new String[size];
    for (int i = 0; i < size; i++) {
      present[i] = collidingString(i, pairs);
    }
    if (keys != Keys.SEQUENTIAL) {
      SplittableRandom random = new SplittableRandom(17);
      for (int i = size - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        String swap = present[i];
        present[i] = present[j];
        present[j] = swap;
      }
    }
    copies = new String[size];
    for (int i = 0; i < size; i++) {
      copies[i] = new String(present[i].toCharArray());
    }
    if (present[0].hashCode() != present[size - 1].hashCode()) {
      throw new IllegalStateException("the keys do not collide");
    }
  }

  @Benchmark
  public long putGetRemove() {
    return impl.putGetRemove(present, copies);
  }
}
