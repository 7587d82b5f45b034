package org.elastichash.runtime;

/**
 * Hash mixing shared by every map, and the start of each segment's probe sequence.
 *
 * <p>A key is mixed once into a 64-bit hash. Its low 7 bits become the fingerprint and its high 32
 * bits the segment-0 start group; each later segment derives its own start group by multiplying the
 * hash with a segment-specific odd constant and keeping high bits of the product. Keys that collide
 * in one segment therefore scatter in the next, which is what the paper's independent per-segment
 * probe sequences ask for.
 */
public final class Hashing {

  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  /** The inverse of {@code (int) GOLDEN} modulo 2^32, which undoes {@link #mix(int)}. */
  private static final int GOLDEN_LOW_INVERSE = 0x9937733D;

  private static final long RESEED_FIRST = 0xFF51AFD7ED558CCDL;
  private static final long RESEED_SECOND = 0xC4CEB9FE1A85EC53L;

  /** The inverses of the reseeding multipliers modulo 2^64, which undo {@link #reseed}. */
  private static final long RESEED_FIRST_INVERSE = 0x4F74430C22A54005L;

  private static final long RESEED_SECOND_INVERSE = 0x9CB4B2F8129337DBL;

  /** One odd multiplier per segment; more than any geometry uses. */
  private static final long[] SEGMENT_MULTIPLIERS =
      segmentMultipliers(SegmentGeometry.MAX_SEGMENTS);

  private Hashing() {}

  /**
   * Mixes an int key (also used for byte, short, char and float bits).
   *
   * @param key the key
   * @return its 64-bit hash
   */
  public static long mix(int key) {
    long h = key * GOLDEN;
    return h ^ (h >>> 32);
  }

  /**
   * The hash a table of seed {@code seed} places a key of mixed hash {@code mixed} by: {@code
   * mixed} itself while the seed is 0, else {@link #reseed} of the two.
   *
   * @param mixed the key's {@link #mix}
   * @param seed the table's seed
   * @return the hash to place and find the key by
   */
  public static long seeded(long mixed, long seed) {
    return seed == 0 ? mixed : reseed(mixed, seed);
  }

  /**
   * Mixes a table's random seed into a mixed hash, so that keys crafted to share start groups under
   * {@link #mix} scatter: every bit of the result depends on every bit of both.
   *
   * @param mixed a key's mixed hash
   * @param seed the table's seed
   * @return the reseeded hash
   */
  public static long reseed(long mixed, long seed) {
    long h = (mixed ^ seed) * RESEED_FIRST;
    h = (h ^ (h >>> 33)) * RESEED_SECOND;
    return h ^ (h >>> 33);
  }

  /**
   * The int whose {@link #mix(int)}, {@linkplain #seeded seeded} with {@code seed}, is {@code
   * hash}: for an object key, its {@code hashCode()}. Both steps are bijections, so a lookup that
   * holds only the table hash recovers the key's hash code in a few operations (three while the
   * seed is 0) instead of passing it through every caller, and compares it with the stored one
   * before calling {@code equals}.
   *
   * @param hash a table hash, {@code seeded(mix(code), seed)} for some int {@code code}
   * @param seed the table's seed
   * @return that {@code code}
   */
  public static int unmix(long hash, long seed) {
    long mixed = hash;
    if (seed != 0) {
      // x ^ (x >>> 33) is its own inverse on 64 bits.
      long h = hash ^ (hash >>> 33);
      h *= RESEED_SECOND_INVERSE;
      h ^= h >>> 33;
      mixed = (h * RESEED_FIRST_INVERSE) ^ seed;
    }
    // mix(int) keeps the product's high half and xors it into the low half, so xoring it back gives
    // the product's low half: code * (int) GOLDEN modulo 2^32.
    return ((int) mixed ^ (int) (mixed >>> 32)) * GOLDEN_LOW_INVERSE;
  }

  /**
   * Mixes a long key. The high half is folded into the low half first, so keys that differ only in
   * their high bits still get different fingerprints.
   *
   * @param key the key
   * @return its 64-bit hash
   */
  public static long mix(long key) {
    long h = (key ^ (key >>> 32)) * GOLDEN;
    return h ^ (h >>> 32);
  }

  /**
   * Mixes a float key so that equal keys under {@link Float#equals} hash alike.
   *
   * @param key the key
   * @return its 64-bit hash
   */
  public static long mix(float key) {
    return mix(Float.floatToIntBits(key));
  }

  /**
   * Mixes a double key so that equal keys under {@link Double#equals} hash alike.
   *
   * @param key the key
   * @return its 64-bit hash
   */
  public static long mix(double key) {
    return mix(Double.doubleToLongBits(key));
  }

  /**
   * Mixes an object key's {@link Object#hashCode()}; {@code null} hashes like 0.
   *
   * @param key the key, or {@code null}
   * @return its 64-bit hash
   */
  public static long mix(Object key) {
    return mix(key == null ? 0 : key.hashCode());
  }

  /**
   * The first group of segment {@code segment}'s probe sequence for a key of this hash, in a
   * segment of {@code groups} groups. Multiply-shift range reduction maps 32 hash bits onto any
   * group count, so segment sizes need not be powers of two; segment 0 uses the hash's high half as
   * it is, later segments first multiply by their own odd constant, so that keys that collide in
   * one segment scatter in the next.
   *
   * @param hash the key's table hash
   * @param segment the segment
   * @param groups the segment's group count
   * @return the group index
   */
  public static int startGroup(long hash, int segment, int groups) {
    long bits = segment == 0 ? hash >>> 32 : (hash * SEGMENT_MULTIPLIERS[segment]) >>> 32;
    return (int) ((bits * groups) >>> 32);
  }

  /**
   * The group after {@code group} when {@code probe} groups of a segment of {@code groups} groups
   * have been inspected. Triangular steps (1, 2, 3, ...) for the first {@code groups} probes spread
   * a key's sequence like uniform probing does, so nearly full segments do not grow the long runs
   * of linear probing; they need not visit every group when the count is not a power of two, so the
   * sequence goes on linearly after that and is sure to reach every group.
   *
   * @param group the group just inspected
   * @param probe the number of groups inspected so far, at least 1
   * @param groups the segment's group count
   * @return the next group index
   */
  public static int nextGroup(int group, int probe, int groups) {
    int next = group + (probe < groups ? probe : 1);
    return next >= groups ? next - groups : next;
  }

  private static long[] segmentMultipliers(int count) {
    long[] multipliers = new long[count];
    long state = 0x2545F4914F6CDD1DL;
    for (int i = 0; i < count; i++) {
      state += GOLDEN;
      long z = state;
      z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
      z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
      multipliers[i] = (z ^ (z >>> 31)) | 1L;
    }
    return multipliers;
  }
}
