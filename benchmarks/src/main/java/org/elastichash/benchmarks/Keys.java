package org.elastichash.benchmarks;

/**
 * Key patterns: the i-th key of each is a function of i alone, so that a benchmark can make as many
 * fresh distinct keys as it needs (for churn) without a set to check against.
 */
public enum Keys {
  /** A bijective scramble of i: random-looking, all distinct. */
  RANDOM,
  /** 0, 1, 2, ... */
  SEQUENTIAL,
  /** 0, 1024, 2048, ...: keys that share their low ten bits. */
  MULTIPLES_OF_1024;

  /** The i-th long key. */
  public long longKey(long i) {
    switch (this) {
      case SEQUENTIAL:
        return i;
      case MULTIPLES_OF_1024:
        return i << 10;
      default:
        long z = i * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 31)) * 0xBF58476D1CE4E5B9L;
        return z ^ (z >>> 29);
    }
  }

  /**
   * The i-th int key. Distinct for i below 2^32 (random, sequential) or 2^22 (multiples of 1024, of
   * which an int has no more).
   */
  public int intKey(long i) {
    switch (this) {
      case SEQUENTIAL:
        return (int) i;
      case MULTIPLES_OF_1024:
        return (int) (i << 10);
      default:
        int z = (int) i * 0x9E3779B1;
        z ^= z >>> 15;
        z *= 0x2C1B3C6D;
        return z ^ (z >>> 12);
    }
  }

  /** The largest number of distinct int keys the pattern has. */
  public long intCapacity() {
    return this == MULTIPLES_OF_1024 ? 1L << 22 : 1L << 32;
  }

  /** Keys {@code from .. from + n - 1} as ints. */
  public int[] ints(long from, int n) {
    int[] keys = new int[n];
    for (int i = 0; i < n; i++) {
      keys[i] = intKey(from + i);
    }
    return keys;
  }

  /** Keys {@code from .. from + n - 1} as longs. */
  public long[] longs(long from, int n) {
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      keys[i] = longKey(from + i);
    }
    return keys;
  }

  /** String keys: the decimal form of the long keys, as a cache would hold them. */
  public String[] strings(long from, int n) {
    String[] keys = new String[n];
    for (int i = 0; i < n; i++) {
      keys[i] = Long.toString(longKey(from + i));
    }
    return keys;
  }
}
