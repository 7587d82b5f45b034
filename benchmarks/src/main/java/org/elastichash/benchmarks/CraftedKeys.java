package org.elastichash.benchmarks;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.elastichash.ElasticIntIntMap;
import org.elastichash.runtime.Hashing;

/**
 * Int keys crafted against the public mix: {@code count} keys whose segment-0 start group is 0 in
 * every table of up to {@code 2^15} groups, found by scanning all 2^32 ints with the public {@link
 * Hashing#mix(int)} and {@link Hashing#startGroup}. Times inserting them (and looking them up)
 * against as many random keys. {@code Hashing.mix(int)} is a bijection of the 64-bit hash space (a
 * multiplication by an odd constant and an xor-shift, both invertible), but an int covers only 2^32
 * of it, so scanning is the direct way to find keys.
 *
 * <p>Usage: {@code java -cp benchmarks.jar org.elastichash.benchmarks.CraftedKeys [count]}
 */
public final class CraftedKeys {

  private CraftedKeys() {}

  /**
   * Runs the measurement.
   *
   * @param args the number of keys (default 100,000)
   */
  public static void main(String[] args) {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int mask = (1 << 15) - 1;
    long start = System.nanoTime();
    int[] crafted = new int[count];
    int found = 0;
    for (long k = Integer.MIN_VALUE; k <= Integer.MAX_VALUE && found < count; k++) {
      if (Hashing.startGroup(Hashing.mix((int) k), 0, mask) == 0) {
        crafted[found++] = (int) k;
      }
    }
    System.out.printf(
        Locale.ROOT,
        "found %,d crafted keys in %.1f s%n",
        found,
        (System.nanoTime() - start) / 1e9);
    crafted = Arrays.copyOf(crafted, found);
    SplittableRandom random = new SplittableRandom(1);
    int[] randomKeys = random.ints(found).toArray();
    for (int round = 0; round < 3; round++) {
      double craftedMs = insertAndFind(crafted);
      double randomMs = insertAndFind(randomKeys);
      System.out.printf(
          Locale.ROOT,
          "round %d: %,d keys, insert + get: crafted %.1f ms, random %.1f ms, ratio %.1fx%n",
          round,
          found,
          craftedMs,
          randomMs,
          craftedMs / randomMs);
    }
  }

  private static double insertAndFind(int[] keys) {
    long start = System.nanoTime();
    ElasticIntIntMap map = new ElasticIntIntMap();
    for (int key : keys) {
      map.put(key, key);
    }
    long sum = 0;
    for (int key : keys) {
      sum += map.get(key);
    }
    if (sum == 42) {
      System.out.println(map.stats());
    }
    return (System.nanoTime() - start) / 1e6;
  }
}
