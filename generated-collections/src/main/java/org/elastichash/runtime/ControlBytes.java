package org.elastichash.runtime;

/**
 * Group words: one {@code long} per group of {@link #GROUP_SLOTS} slots, with a control byte per
 * slot in bytes 0 to 6 and the group's metadata in byte 7, so that one load inspects a whole group
 * and everything a lookup needs to decide whether to go on.
 *
 * <p>A control byte is {@link #EMPTY} for a free slot or, for a live slot, a 7-bit fingerprint of
 * the key's hash; the high bit tells free from live. There are no tombstones: lookups do not stop
 * at free slots but after as many groups as their start group's reach says (see below), so a
 * removal simply frees its slot. The masks returned by the queries have bit 7 of byte {@code i} set
 * for every matching slot {@code i}, and never a bit of the metadata byte.
 *
 * <p>The metadata byte holds, in its low five bits, the group's <em>reach</em>: how many groups
 * past this one the deepest live key whose probe sequence in the segment starts here went, so that
 * a lookup starting here inspects that many more groups and no more; 0 when every such key is in
 * the group itself. It saturates at {@link #MAX_REACH}, which sends lookups on to the segment's
 * longest probe. A removal keeps it exact: when the deepest key leaves, the table finds the next
 * deepest among the few groups in between. Its high three bits are, in segment 0, the <em>later
 * count</em>: how many live keys whose segment-0 probe starts at the group were placed in a later
 * segment. The table keeps that count at {@link #MAX_EXACT_LATER} or below by keeping further such
 * keys in segment 0 while segment 0 has room for them within a probe limit; past that the count
 * saturates at 7 and is never decremented (it only ever errs towards searching on). A map under
 * churn therefore keeps its lookups as short as its keys' placements allow. A metadata byte of zero
 * tells a lookup that a miss in its first group is final.
 */
public final class ControlBytes {

  /** Slots per group: bytes 0 to 6 of a group word. */
  public static final int GROUP_SLOTS = 7;

  /** Control byte of a free slot. */
  public static final int EMPTY = 0x80;

  /** A group word whose seven slots are free and whose metadata is zero. */
  public static final long ALL_EMPTY = 0x0080808080808080L;

  /** The metadata bits of the reach. */
  public static final long REACH = 0x1FL << 56;

  /** The saturated reach: deeper than any exact reach; lookups go to the longest probe. */
  public static final int MAX_REACH = 31;

  /** The metadata bits of a segment-0 group's later count. */
  public static final long LATER_COUNT = 0x7L << 61;

  /** One in {@link #LATER_COUNT}. */
  public static final long ONE_LATER = 1L << 61;

  /** The largest later count that is still exact. */
  public static final int MAX_EXACT_LATER = 6;

  private static final long LOW_BITS = 0x0001010101010101L;
  private static final long SLOT_HIGH_BITS = 0x0080808080808080L;

  private ControlBytes() {}

  /**
   * The fingerprint stored in a live slot's control byte: 7 bits of the mixed hash.
   *
   * @param hash the key's table hash
   * @return the fingerprint, in [0, 127]
   */
  public static int fingerprint(long hash) {
    return (int) hash & 0x7F;
  }

  /**
   * A word with {@code fingerprint} in every slot byte, for {@link #matchFingerprint}.
   *
   * @param fingerprint a {@link #fingerprint}
   * @return the broadcast word
   */
  public static long broadcast(int fingerprint) {
    return LOW_BITS * fingerprint;
  }

  /**
   * Live slots whose fingerprint may equal the broadcast one: every slot whose fingerprint equals
   * it, and the lowest slot flagged is always such a slot. Flags above the lowest true match can be
   * false: the per-byte zero test borrows from the byte below when that byte matched. Callers
   * compare the key of every flagged slot, so a false flag costs one comparison, and it is rare: it
   * needs a flag on the slot below (a true match, or a false flag resting on one) and, in its own
   * slot, a fingerprint that differs from the key's in the lowest bit only. The exact test takes
   * about twice the instructions, on the hottest path.
   *
   * @param word a group word
   * @param broadcastFingerprint the key's {@link #broadcast broadcast} fingerprint
   * @return the match mask
   */
  public static long matchFingerprint(long word, long broadcastFingerprint) {
    long difference = word ^ broadcastFingerprint;
    return (difference - LOW_BITS) & ~difference & SLOT_HIGH_BITS;
  }

  /**
   * Free slots.
   *
   * @param word a group word
   * @return the match mask
   */
  public static long matchFree(long word) {
    return word & SLOT_HIGH_BITS;
  }

  /**
   * Live slots.
   *
   * @param word a group word
   * @return the match mask
   */
  public static long matchLive(long word) {
    return ~word & SLOT_HIGH_BITS;
  }

  /**
   * Index within the group of the lowest slot in a non-zero match mask.
   *
   * @param matches a non-zero match mask
   * @return the slot's index in its group
   */
  public static int lowestSlot(long matches) {
    return Long.numberOfTrailingZeros(matches) >>> 3;
  }

  /**
   * The control byte of slot {@code slotInGroup} of a group word.
   *
   * @param word a group word
   * @param slotInGroup a slot index in the group
   * @return the control byte, in [0, 255]
   */
  public static int byteAt(long word, int slotInGroup) {
    return (int) (word >>> (slotInGroup << 3)) & 0xFF;
  }

  /**
   * The group word with slot {@code slotInGroup}'s byte replaced by {@code controlByte}.
   *
   * @param word a group word
   * @param slotInGroup a slot index in the group
   * @param controlByte the new control byte
   * @return the updated group word
   */
  public static long withByte(long word, int slotInGroup, int controlByte) {
    int shift = slotInGroup << 3;
    return (word & ~(0xFFL << shift)) | ((long) controlByte << shift);
  }

  /**
   * Whether the group's metadata byte is non-zero: some key starting at the group went on from it
   * in its segment, or (in segment 0) to a later segment.
   *
   * @param word a group word
   * @return whether its metadata byte is non-zero
   */
  public static boolean hasMetadata(long word) {
    return (word >>> 56) != 0;
  }

  /**
   * The group's reach: how many groups past it the deepest live key starting there went, or {@link
   * #MAX_REACH} if that is not known exactly.
   *
   * @param word a group word
   * @return the reach, in [0, {@link #MAX_REACH}]
   */
  public static int reach(long word) {
    return (int) (word >>> 56) & MAX_REACH;
  }

  /**
   * How many groups of its segment a lookup starting at this group inspects, this one included: one
   * more than the reach, or the segment's longest probe when the reach is saturated.
   *
   * @param startWord the group word of the lookup's start group in the segment
   * @param longestProbe the segment's {@linkplain ElasticTable#longestProbe longest probe}
   * @return the number of groups to inspect, at least 1
   */
  public static int searchDepth(long startWord, int longestProbe) {
    int reach = reach(startWord);
    return reach < MAX_REACH ? reach + 1 : longestProbe;
  }

  /**
   * The group word with its reach set to {@code reach}, or to {@link #MAX_REACH} if larger.
   *
   * @param word a group word
   * @param reach the new reach, at least 0
   * @return the updated group word
   */
  public static long withReach(long word, int reach) {
    return (word & ~REACH) | ((long) Math.min(reach, MAX_REACH) << 56);
  }

  /**
   * Whether some live key starting at this segment-0 group lives in a later segment.
   *
   * @param word a segment-0 group word
   * @return whether its later count is non-zero
   */
  public static boolean hasLater(long word) {
    return (word & LATER_COUNT) != 0;
  }

  /**
   * Whether the later count has reached {@link #MAX_EXACT_LATER}: it can take no more keys.
   *
   * @param word a segment-0 group word
   * @return whether its later count is full
   */
  public static boolean laterFull(long word) {
    return (word >>> 61) >= MAX_EXACT_LATER;
  }

  /**
   * The segment-0 group word with its later count raised by one, unless saturated.
   *
   * @param word a segment-0 group word
   * @return the updated group word
   */
  public static long withOneLaterMore(long word) {
    return (word & LATER_COUNT) == LATER_COUNT ? word : word + ONE_LATER;
  }

  /**
   * The segment-0 group word with its later count lowered by one, unless saturated or zero.
   *
   * @param word a segment-0 group word
   * @return the updated group word
   */
  public static long withOneLaterLess(long word) {
    long count = word & LATER_COUNT;
    return count == LATER_COUNT || count == 0 ? word : word - ONE_LATER;
  }
}
