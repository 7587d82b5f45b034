package org.elastichash.benchmarks;

import java.util.SplittableRandom;
import org.elastichash.ElasticIntIntMap;
import org.elastichash.ElasticStats;
import org.elastichash.runtime.Arguments;

/**
 * Fills an {@link ElasticIntIntMap} with random keys up to its load limit, {@code 1 - delta} of its
 * slots, and prints its per-segment statistics: how the batches spread the entries over the
 * segments and how long the longest probe run in each segment got.
 */
public final class Demo {

  private Demo() {}

  /**
   * Runs the demo.
   *
   * @param args optional: the expected size (default 1,000,000) and delta (default the library's)
   */
  public static void main(String[] args) {
    int expectedSize = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    double delta = args.length > 1 ? Double.parseDouble(args[1]) : Arguments.DEFAULT_DELTA;
    ElasticIntIntMap map = new ElasticIntIntMap(expectedSize, delta);
    int limit = map.stats().maxUsedSlots();
    SplittableRandom random = new SplittableRandom(42);
    long start = System.nanoTime();
    while (map.size() < limit) {
      map.put(random.nextInt(), map.size());
    }
    long elapsed = System.nanoTime() - start;
    ElasticStats stats = map.stats();
    System.out.printf(
        "Filled an ElasticIntIntMap(%d, %s) with %,d random keys (1 - delta = %.1f%% of %,d slots)"
            + " in %.0f ms.%n%n",
        expectedSize,
        delta,
        map.size(),
        100.0 * map.size() / stats.capacity(),
        stats.capacity(),
        elapsed / 1e6);
    System.out.print(stats);
  }
}
