package org.elastichash.internal;

/**
 * Hash mixing shared by every map, and the start of each segment's probe sequence.
 *
 * <p>A key is mixed once into a 64-bit hash. Its low 7 bits become the fingerprint; each segment
 * derives its own start group by multiplying the hash with a segment-specific odd constant and
 * keeping high bits of the product. Keys that collide in one segment therefore scatter in the next,
 * which is what the paper's independent per-segment probe sequences ask for.
 */
public final class Hashing {

  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  /** One odd multiplier per segment; more than any geometry uses. */
  private static final long[] SEGMENT_MULTIPLIERS = segmentMultipliers(32);

  private Hashing() {}

  /** Mixes an int key (also used for byte, short, char and float bits). */
  public static long mix(int key) {
    long h = key * GOLDEN;
    return h ^ (h >>> 32);
  }

  /**
   * Mixes a long key. The high half is folded into the low half first, so keys that differ only in
   * their high bits still get different fingerprints.
   */
  public static long mix(long key) {
    long h = (key ^ (key >>> 32)) * GOLDEN;
    return h ^ (h >>> 32);
  }

  /** Mixes a float key so that equal keys under {@link Float#equals} hash alike. */
  public static long mix(float key) {
    return mix(Float.floatToIntBits(key));
  }

  /** Mixes a double key so that equal keys under {@link Double#equals} hash alike. */
  public static long mix(double key) {
    return mix(Double.doubleToLongBits(key));
  }

  /** Mixes an object key's {@link Object#hashCode()}; {@code null} hashes like 0. */
  public static long mix(Object key) {
    return mix(key == null ? 0 : key.hashCode());
  }

  /**
   * The key's bit in a group's pass filter, the low 16 bits of the group's {@linkplain
   * ElasticTable#control metadata word}: one of sixteen, from hash bits that neither the
   * fingerprint nor the start groups use directly.
   */
  public static long passBit(long hash) {
    return 1L << ((int) (hash >>> 56) & 15);
  }

  /**
   * The key's bit in the segment directory, the high 40 bits of a segment-0 group's {@linkplain
   * ElasticTable#control metadata word}, for segment {@code segment >= 1}: segments 1 and 2 have a
   * 16-bit lane each, and segments 3 and up share an 8-bit one (at the default delta they hold a
   * sixteenth of the entries); within a lane, hash bits 40 to 43 pick the bit.
   */
  public static long directoryBit(long hash, int segment) {
    int lane = Math.min(segment, 3) - 1;
    int bitInLane = (int) (hash >>> 40) & (15 >>> (lane >>> 1));
    return 1L << (24 + (lane << 4) + bitInLane);
  }

  /** The first group of segment {@code segment}'s probe sequence for a key of this hash. */
  public static int startGroup(long hash, int segment, int groupMask) {
    return (int) ((hash * SEGMENT_MULTIPLIERS[segment]) >>> 32) & groupMask;
  }

  /**
   * The group after {@code group} when {@code probe} groups have been inspected so far. Triangular
   * steps (1, 2, 3, ...) visit every group of a power-of-two segment exactly once in its first
   * {@code groupMask + 1} probes, so probing until a free slot always terminates.
   */
  public static int nextGroup(int group, int probe, int groupMask) {
    return (group + probe) & groupMask;
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
