package org.elastichash.benchmarks;

import java.util.Arrays;
import org.elastichash.runtime.ControlBytes;
import org.elastichash.runtime.Hashing;

/**
 * A prototype int -> int map that grows one group at a time and leaves its entries where they are,
 * to measure the growth that design record 007 sketches. It implements put, get and remove only,
 * which is what the frontier times; it is a point on the frontier, not a shipped map.
 *
 * <p>Segment 0 is split group by group, as linear hashing splits buckets: a key's home group is the
 * low {@code level} bits of its hash, or the low {@code level + 1} bits when those fall below the
 * split pointer. Adding a group splits the group at the pointer, and only the keys of that one
 * group whose next hash bit is set move, to the new group. A key lives in its home group only; when
 * that is full it goes to an overflow segment (a small table with triangular probing and passed
 * counts, like the shipped map's later segments), and its home group's metadata byte counts it, so
 * that a miss whose home group has a zero count ends at one group word.
 *
 * <p>A split cannot tell which overflow keys of the old group now belong to the new one, so the new
 * group inherits the old one's count: every count is an upper bound on the overflow keys of its
 * group, which a lookup can trust (it only searches on when in doubt) and a removal can lower. Each
 * rebuild of the overflow segment makes the counts exact again, and first moves every overflow key
 * whose home group has a free slot back into segment 0.
 *
 * <p>Segment 0 is stored in chunks of {@value #CHUNK_GROUPS} groups, so that growth allocates one
 * chunk at a time instead of copying: the first chunk grows by doubling until it is full size.
 */
final class SplitIntIntMap implements IntIntMaps.Map {
  private static final int SLOTS = ControlBytes.GROUP_SLOTS;
  private static final int CHUNK_SHIFT = 10;
  private static final int CHUNK_GROUPS = 1 << CHUNK_SHIFT;
  private static final int CHUNK_MASK = CHUNK_GROUPS - 1;
  private static final int INITIAL_LEVEL = 3;
  private static final int INITIAL_OVERFLOW_GROUPS = 4;
  private static final double OVERFLOW_MAX_LOAD = 0.875;
  private static final double OVERFLOW_REBUILT_LOAD = 0.6;

  /** Segment-0 metadata: the overflow count of the group, saturating at 255. */
  private static final long OVERFLOW_COUNT = 0xFFL << 56;

  private static final long ONE_OVERFLOW = 1L << 56;

  private final double maxLoad;

  private long[][] controls = {filledControls(1 << INITIAL_LEVEL)};
  private int[][] keys = {new int[SLOTS << INITIAL_LEVEL]};
  private int[][] values = {new int[SLOTS << INITIAL_LEVEL]};
  private int level = INITIAL_LEVEL;
  private int lowMask = (1 << INITIAL_LEVEL) - 1;
  private int highMask = (2 << INITIAL_LEVEL) - 1;
  private int splitPointer;
  private int groups = 1 << INITIAL_LEVEL;
  private int size;
  private int maxSize;

  private long[] overflowControls = filledControls(INITIAL_OVERFLOW_GROUPS);
  private int[] overflowKeys = new int[SLOTS * INITIAL_OVERFLOW_GROUPS];
  private int[] overflowValues = new int[SLOTS * INITIAL_OVERFLOW_GROUPS];
  private int overflowSize;
  private int overflowMaxSize = maxOverflowSize(INITIAL_OVERFLOW_GROUPS);

  /**
   * An empty map that splits a group whenever its entries exceed {@code maxLoad} of segment 0's
   * slots.
   *
   * @param maxLoad the load at which a group is split, in (0, 1)
   */
  SplitIntIntMap(double maxLoad) {
    if (!(maxLoad > 0 && maxLoad < 1)) {
      throw new IllegalArgumentException("maxLoad must be in (0, 1): " + maxLoad);
    }
    this.maxLoad = maxLoad;
    this.maxSize = maxSizeFor(groups);
  }

  @Override
  public int get(int key) {
    long hash = Hashing.mix(key);
    int group = homeGroup(hash);
    int chunk = group >>> CHUNK_SHIFT;
    int offset = group & CHUNK_MASK;
    long word = controls[chunk][offset];
    int[] chunkKeys = keys[chunk];
    long broadcast = ControlBytes.broadcast(ControlBytes.fingerprint(hash));
    for (long m = ControlBytes.matchFingerprint(word, broadcast); m != 0; m &= m - 1) {
      int slot = offset * SLOTS + ControlBytes.lowestSlot(m);
      if (chunkKeys[slot] == key) {
        return values[chunk][slot];
      }
    }
    return (word & OVERFLOW_COUNT) == 0 ? 0 : getOverflow(key, hash);
  }

  private int getOverflow(int key, long hash) {
    int slot = overflowSlot(key, hash);
    return slot < 0 ? 0 : overflowValues[slot];
  }

  @Override
  public void put(int key, int value) {
    long hash = Hashing.mix(key);
    int group = homeGroup(hash);
    int chunk = group >>> CHUNK_SHIFT;
    int offset = group & CHUNK_MASK;
    long[] chunkControls = controls[chunk];
    long word = chunkControls[offset];
    int[] chunkKeys = keys[chunk];
    int fingerprint = ControlBytes.fingerprint(hash);
    long broadcast = ControlBytes.broadcast(fingerprint);
    for (long m = ControlBytes.matchFingerprint(word, broadcast); m != 0; m &= m - 1) {
      int slot = offset * SLOTS + ControlBytes.lowestSlot(m);
      if (chunkKeys[slot] == key) {
        values[chunk][slot] = value;
        return;
      }
    }
    long free = ControlBytes.matchFree(word);
    if (free != 0 && (word & OVERFLOW_COUNT) == 0) {
      int inGroup = ControlBytes.lowestSlot(free);
      int slot = offset * SLOTS + inGroup;
      chunkKeys[slot] = key;
      values[chunk][slot] = value;
      chunkControls[offset] = ControlBytes.withByte(word, inGroup, fingerprint);
      if (++size > maxSize) {
        splitOne();
      }
    } else {
      putSlow(key, value, hash, chunkControls, offset);
    }
  }

  /** The rest of put: the key may be in the overflow segment, or its home group is full. */
  private void putSlow(int key, int value, long hash, long[] chunkControls, int offset) {
    long word = chunkControls[offset];
    if ((word & OVERFLOW_COUNT) != 0) {
      int slot = overflowSlot(key, hash);
      if (slot >= 0) {
        overflowValues[slot] = value;
        return;
      }
    }
    long free = ControlBytes.matchFree(word);
    if (free != 0) {
      int inGroup = ControlBytes.lowestSlot(free);
      int slot = offset * SLOTS + inGroup;
      int chunk = homeGroup(hash) >>> CHUNK_SHIFT;
      keys[chunk][slot] = key;
      values[chunk][slot] = value;
      chunkControls[offset] = ControlBytes.withByte(word, inGroup, ControlBytes.fingerprint(hash));
    } else {
      insertOverflow(key, value, hash);
      chunkControls[offset] = withOneOverflowMore(word);
      if (++overflowSize > overflowMaxSize) {
        size++;
        rebuildOverflow();
        if (size > maxSize) {
          splitOne();
        }
        return;
      }
    }
    if (++size > maxSize) {
      splitOne();
    }
  }

  @Override
  public void remove(int key) {
    long hash = Hashing.mix(key);
    int group = homeGroup(hash);
    int chunk = group >>> CHUNK_SHIFT;
    int offset = group & CHUNK_MASK;
    long[] chunkControls = controls[chunk];
    long word = chunkControls[offset];
    int[] chunkKeys = keys[chunk];
    long broadcast = ControlBytes.broadcast(ControlBytes.fingerprint(hash));
    for (long m = ControlBytes.matchFingerprint(word, broadcast); m != 0; m &= m - 1) {
      int inGroup = ControlBytes.lowestSlot(m);
      if (chunkKeys[offset * SLOTS + inGroup] == key) {
        chunkControls[offset] = ControlBytes.withByte(word, inGroup, ControlBytes.EMPTY);
        size--;
        return;
      }
    }
    if ((word & OVERFLOW_COUNT) != 0 && removeOverflow(key, hash)) {
      chunkControls[offset] = withOneOverflowLess(word);
      overflowSize--;
      size--;
    }
  }

  @Override
  public Object target() {
    return this;
  }

  /** The share of the entries that live in the overflow segment. */
  double overflowShare() {
    return size == 0 ? 0 : (double) overflowSize / size;
  }

  /** The number of entries. */
  int size() {
    return size;
  }

  private int homeGroup(long hash) {
    int bits = (int) (hash >>> 32);
    int group = bits & lowMask;
    return group < splitPointer ? bits & highMask : group;
  }

  /**
   * Adds one group to segment 0 by splitting the group at the split pointer: its keys whose hash
   * bit {@code level} is set move to the new group, {@code 2^level} groups further on.
   */
  private void splitOne() {
    int source = splitPointer;
    int target = source + (1 << level);
    addGroup(target);
    long[] sourceControls = controls[source >>> CHUNK_SHIFT];
    int[] sourceKeys = keys[source >>> CHUNK_SHIFT];
    int[] sourceValues = values[source >>> CHUNK_SHIFT];
    int[] targetKeys = keys[target >>> CHUNK_SHIFT];
    int[] targetValues = values[target >>> CHUNK_SHIFT];
    int sourceBase = (source & CHUNK_MASK) * SLOTS;
    int targetBase = (target & CHUNK_MASK) * SLOTS;
    long kept = sourceControls[source & CHUNK_MASK];
    long moved = ControlBytes.ALL_EMPTY | (kept & OVERFLOW_COUNT);
    int newBit = 1 << level;
    int next = 0;
    for (long live = ControlBytes.matchLive(kept); live != 0; live &= live - 1) {
      int inGroup = ControlBytes.lowestSlot(live);
      int key = sourceKeys[sourceBase + inGroup];
      if (((int) (Hashing.mix(key) >>> 32) & newBit) != 0) {
        targetKeys[targetBase + next] = key;
        targetValues[targetBase + next] = sourceValues[sourceBase + inGroup];
        moved = ControlBytes.withByte(moved, next, ControlBytes.byteAt(kept, inGroup));
        kept = ControlBytes.withByte(kept, inGroup, ControlBytes.EMPTY);
        next++;
      }
    }
    sourceControls[source & CHUNK_MASK] = kept;
    controls[target >>> CHUNK_SHIFT][target & CHUNK_MASK] = moved;
    groups++;
    if (++splitPointer == 1 << level) {
      level++;
      splitPointer = 0;
      lowMask = (1 << level) - 1;
      highMask = (2 << level) - 1;
    }
    maxSize = maxSizeFor(groups);
  }

  /** Makes room for group {@code group}, the next one: doubles chunk 0 or adds a chunk. */
  private void addGroup(int group) {
    int chunk = group >>> CHUNK_SHIFT;
    int offset = group & CHUNK_MASK;
    if (chunk == 0) {
      if (offset >= controls[0].length) {
        int length = controls[0].length * 2;
        int filled = controls[0].length;
        controls[0] = Arrays.copyOf(controls[0], length);
        Arrays.fill(controls[0], filled, length, ControlBytes.ALL_EMPTY);
        keys[0] = Arrays.copyOf(keys[0], length * SLOTS);
        values[0] = Arrays.copyOf(values[0], length * SLOTS);
      }
      return;
    }
    if (chunk >= controls.length) {
      controls = Arrays.copyOf(controls, controls.length * 2);
      keys = Arrays.copyOf(keys, keys.length * 2);
      values = Arrays.copyOf(values, values.length * 2);
    }
    if (controls[chunk] == null) {
      controls[chunk] = filledControls(CHUNK_GROUPS);
      keys[chunk] = new int[CHUNK_GROUPS * SLOTS];
      values[chunk] = new int[CHUNK_GROUPS * SLOTS];
    }
  }

  private int overflowStart(long hash) {
    return ((int) hash >>> 7) & (overflowControls.length - 1);
  }

  /** The overflow slot of {@code key}, or -1. */
  private int overflowSlot(int key, long hash) {
    long[] groupControls = overflowControls;
    int mask = groupControls.length - 1;
    long broadcast = ControlBytes.broadcast(ControlBytes.fingerprint(hash));
    int group = overflowStart(hash);
    for (int step = 1; step <= groupControls.length; step++) {
      long word = groupControls[group];
      for (long m = ControlBytes.matchFingerprint(word, broadcast); m != 0; m &= m - 1) {
        int slot = group * SLOTS + ControlBytes.lowestSlot(m);
        if (overflowKeys[slot] == key) {
          return slot;
        }
      }
      if (!ControlBytes.passed(word)) {
        return -1;
      }
      group = (group + step) & mask;
    }
    return -1;
  }

  /** Places an absent key in the overflow segment, which has a free slot. */
  private void insertOverflow(int key, int value, long hash) {
    long[] groupControls = overflowControls;
    int mask = groupControls.length - 1;
    int group = overflowStart(hash);
    for (int step = 1; ; step++) {
      long word = groupControls[group];
      long free = ControlBytes.matchFree(word);
      if (free != 0) {
        int inGroup = ControlBytes.lowestSlot(free);
        overflowKeys[group * SLOTS + inGroup] = key;
        overflowValues[group * SLOTS + inGroup] = value;
        groupControls[group] = ControlBytes.withByte(word, inGroup, ControlBytes.fingerprint(hash));
        return;
      }
      groupControls[group] = ControlBytes.withOnePassedMore(word);
      group = (group + step) & mask;
    }
  }

  /** Removes {@code key} from the overflow segment, lowering the passed counts on its way. */
  private boolean removeOverflow(int key, long hash) {
    int slot = overflowSlot(key, hash);
    if (slot < 0) {
      return false;
    }
    int found = slot / SLOTS;
    long[] groupControls = overflowControls;
    int mask = groupControls.length - 1;
    int group = overflowStart(hash);
    for (int step = 1; group != found; step++) {
      groupControls[group] = ControlBytes.withOnePassedLess(groupControls[group]);
      group = (group + step) & mask;
    }
    groupControls[found] =
        ControlBytes.withByte(groupControls[found], slot % SLOTS, ControlBytes.EMPTY);
    return true;
  }

  /**
   * Rebuilds the overflow segment: moves back to segment 0 every key whose home group has a free
   * slot, sizes the segment for the rest and makes every overflow count exact.
   */
  private void rebuildOverflow() {
    long[] oldControls = overflowControls;
    int[] oldKeys = overflowKeys;
    int[] oldValues = overflowValues;
    for (long[] chunkControls : controls) {
      if (chunkControls != null) {
        for (int i = 0; i < chunkControls.length; i++) {
          chunkControls[i] &= ~OVERFLOW_COUNT;
        }
      }
    }
    int[] leftKeys = new int[overflowSize];
    int[] leftValues = new int[overflowSize];
    int left = 0;
    for (int group = 0; group < oldControls.length; group++) {
      for (long live = ControlBytes.matchLive(oldControls[group]); live != 0; live &= live - 1) {
        int slot = group * SLOTS + ControlBytes.lowestSlot(live);
        int key = oldKeys[slot];
        long hash = Hashing.mix(key);
        int home = homeGroup(hash);
        long[] chunkControls = controls[home >>> CHUNK_SHIFT];
        long word = chunkControls[home & CHUNK_MASK];
        long free = ControlBytes.matchFree(word);
        if (free != 0) {
          int inGroup = ControlBytes.lowestSlot(free);
          int homeSlot = (home & CHUNK_MASK) * SLOTS + inGroup;
          keys[home >>> CHUNK_SHIFT][homeSlot] = key;
          values[home >>> CHUNK_SHIFT][homeSlot] = oldValues[slot];
          chunkControls[home & CHUNK_MASK] =
              ControlBytes.withByte(word, inGroup, ControlBytes.fingerprint(hash));
        } else {
          leftKeys[left] = key;
          leftValues[left] = oldValues[slot];
          left++;
        }
      }
    }
    int newGroups = INITIAL_OVERFLOW_GROUPS;
    while (newGroups * SLOTS * OVERFLOW_REBUILT_LOAD < left) {
      newGroups *= 2;
    }
    overflowControls = filledControls(newGroups);
    overflowKeys = new int[newGroups * SLOTS];
    overflowValues = new int[newGroups * SLOTS];
    overflowMaxSize = maxOverflowSize(newGroups);
    overflowSize = left;
    for (int i = 0; i < left; i++) {
      long hash = Hashing.mix(leftKeys[i]);
      insertOverflow(leftKeys[i], leftValues[i], hash);
      int home = homeGroup(hash);
      long[] chunkControls = controls[home >>> CHUNK_SHIFT];
      chunkControls[home & CHUNK_MASK] = withOneOverflowMore(chunkControls[home & CHUNK_MASK]);
    }
  }

  private int maxSizeFor(int groupCount) {
    return (int) (maxLoad * SLOTS * groupCount);
  }

  private static int maxOverflowSize(int groupCount) {
    return (int) (OVERFLOW_MAX_LOAD * SLOTS * groupCount);
  }

  private static long withOneOverflowMore(long word) {
    return (word & OVERFLOW_COUNT) == OVERFLOW_COUNT ? word : word + ONE_OVERFLOW;
  }

  private static long withOneOverflowLess(long word) {
    long count = word & OVERFLOW_COUNT;
    return count == OVERFLOW_COUNT || count == 0 ? word : word - ONE_OVERFLOW;
  }

  private static long[] filledControls(int groupCount) {
    long[] words = new long[groupCount];
    Arrays.fill(words, ControlBytes.ALL_EMPTY);
    return words;
  }
}
