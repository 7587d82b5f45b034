package org.elastichash.internal;

/**
 * Per-slot control bytes, packed eight to a {@code long} so that one load inspects a whole group.
 *
 * <p>A control byte is {@link #EMPTY} (never used since the last rebuild), {@link #DELETED} (a
 * tombstone) or, for a live slot, a 7-bit fingerprint of the key's hash. The high bit tells free
 * from live, and bit 6 tells a tombstone from a never-used slot, so each query below is a few word
 * operations (SWAR) with no per-slot branch. The masks returned have bit 7 of byte {@code i} set
 * for every matching slot {@code i} of the group.
 */
public final class ControlBytes {

  /** Slots per group: one control word covers a group. */
  public static final int GROUP_SLOTS = 8;

  /** log2 of {@link #GROUP_SLOTS}: a slot index is {@code group << GROUP_SHIFT | slotInGroup}. */
  public static final int GROUP_SHIFT = 3;

  /** Control byte of a slot that has held nothing since the segment was last cleared. */
  public static final int EMPTY = 0x80;

  /** Control byte of a slot whose entry was removed while its group was full. */
  public static final int DELETED = 0xFE;

  /** A control word whose eight slots are all {@link #EMPTY}. */
  public static final long ALL_EMPTY = 0x8080808080808080L;

  private static final long LOW_BITS = 0x0101010101010101L;
  private static final long HIGH_BITS = 0x8080808080808080L;
  private static final long LOW_SEVEN_BITS = 0x7F7F7F7F7F7F7F7FL;

  private ControlBytes() {}

  /** The fingerprint stored in a live slot's control byte: 7 bits of the mixed hash. */
  public static int fingerprint(long hash) {
    return (int) hash & 0x7F;
  }

  /** A control word with {@code fingerprint} in all eight bytes, for {@link #matchFingerprint}. */
  public static long broadcast(int fingerprint) {
    return LOW_BITS * fingerprint;
  }

  /**
   * Live slots whose fingerprint equals the broadcast one. Exact: the per-byte zero test below
   * cannot carry into the next byte, so there are no false positives beyond fingerprint collisions.
   */
  public static long matchFingerprint(long group, long broadcastFingerprint) {
    long difference = group ^ broadcastFingerprint;
    return ~(((difference & LOW_SEVEN_BITS) + LOW_SEVEN_BITS) | difference | LOW_SEVEN_BITS);
  }

  /** Slots that are {@link #EMPTY}. */
  public static long matchEmpty(long group) {
    return group & ~(group << 1) & HIGH_BITS;
  }

  /** Slots an insertion may take: {@link #EMPTY} or {@link #DELETED}. */
  public static long matchFree(long group) {
    return group & HIGH_BITS;
  }

  /** Slots holding a live entry. */
  public static long matchLive(long group) {
    return ~group & HIGH_BITS;
  }

  /**
   * {@code group} with the tombstones marked in {@code tombstones} (their high bits, as {@link
   * #matchFree} and {@link #matchEmpty} give them) turned into {@link #EMPTY}: clearing bits 1 to 6
   * turns {@link #DELETED} into {@link #EMPTY}.
   */
  public static long tombstonesToEmpty(long group, long tombstones) {
    return group & ~((tombstones >>> 7) * 0x7EL);
  }

  /** Index within the group of the lowest slot in a non-zero match mask. */
  public static int lowestSlot(long matches) {
    return Long.numberOfTrailingZeros(matches) >>> 3;
  }

  /** The control byte of slot {@code slotInGroup} of a control word. */
  public static int byteAt(long group, int slotInGroup) {
    return (int) (group >>> (slotInGroup << 3)) & 0xFF;
  }

  /** The control word with slot {@code slotInGroup}'s byte replaced by {@code controlByte}. */
  public static long withByte(long group, int slotInGroup, int controlByte) {
    int shift = slotInGroup << 3;
    return (group & ~(0xFFL << shift)) | ((long) controlByte << shift);
  }
}
