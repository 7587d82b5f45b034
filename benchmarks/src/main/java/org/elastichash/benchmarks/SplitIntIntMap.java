package org.elastichash.benchmarks;

import java.util.Arrays;
import org.elastichash.runtime.ControlBytes;
import org.elastichash.runtime.Hashing;

/**
 * A prototype int -> int map that grows one group at a time and leaves its entries where they are,
 * to measure the growth that design record 007 sketches (design record 008 has what it measured).
 * It implements put, get and remove only, which is what the frontier times; it is a point on the
 * frontier, not a shipped map.
 *
 * <p>Segment 0 is split group by group, as linear hashing splits buckets: a key's first group is
 * the low {@code level} bits of its hash, or the low {@code level + 1} bits when those fall below
 * the split pointer. Adding a group splits the group at the pointer, and only keys of that one
 * group move, to the new group. A key lives in its first group when that has room, else in a second
 * group if the {@link Placement} gives it one (its partner group, or the group after its first),
 * else in a small overflow segment (triangular probing with passed counts, like the shipped map's
 * later segments before design record 009). Linear hashing loads the groups not yet split this
 * round twice as much as the split ones; the partner moves part of that excess into the free slots
 * of the split groups, and the next group takes in part of the variance of a group's load without a
 * second cache line.
 *
 * <p>The metadata byte of each group counts the keys whose first group it is that live elsewhere:
 * four bits for those in their second group, four for those in the overflow segment. A lookup whose
 * first group neither holds the key nor counts any such key ends at one group word. A split finds
 * the keys of the split group that live elsewhere (in its second groups, and on a few probe
 * sequences of the overflow segment), moves home those that now fit and counts the rest exactly.
 * Each time the number of groups doubles, the partner groups and the overflow starts change, and
 * one pass places those keys again.
 *
 * <p>Segment 0 is stored in chunks of {@value #CHUNK_GROUPS} groups, so that growth allocates one
 * chunk at a time instead of copying: the first chunk grows by doubling until it is full size.
 */
final class SplitIntIntMap implements IntIntMaps.Map {
  private static final int SLOTS = ControlBytes.GROUP_SLOTS;
  private static final int CHUNK_SHIFT = 8;
  private static final int CHUNK_GROUPS = 1 << CHUNK_SHIFT;
  private static final int CHUNK_MASK = CHUNK_GROUPS - 1;
  private static final int INITIAL_LEVEL = 3;
  private static final int INITIAL_OVERFLOW_GROUPS = 4;
  private static final double OVERFLOW_MAX_LOAD = 0.875;
  private static final double OVERFLOW_REBUILT_LOAD = 0.6;

  /** The probe starts in the overflow segment of one first group's keys (a power of two). */
  private static final int OVERFLOW_STARTS = 4;

  /** Segment-0 metadata: keys of this first group living in their second group (saturating). */
  private static final long IN_SECOND = 0xFL << 56;

  /** Segment-0 metadata: keys of this first group living in the overflow segment (saturating). */
  private static final long IN_OVERFLOW = 0xFL << 60;

  private static final long ELSEWHERE = IN_SECOND | IN_OVERFLOW;

  /**
   * Overflow-segment metadata: the keys that probed past the group, in the low five bits, as the
   * shipped table kept them before reaches (design record 009). Splits move keys between groups,
   * which a count survives and a reach would have to recompute.
   */
  private static final long PASSED_COUNT = 0x1FL << 56;

  private static final long ONE_PASSED = 1L << 56;

  private final double maxLoad;
  private final Placement placement;

  private long[][] controls = {filledControls(1 << INITIAL_LEVEL)};
  private int[][] keys = {new int[SLOTS << INITIAL_LEVEL]};
  private int[][] values = {new int[SLOTS << INITIAL_LEVEL]};
  private int level = INITIAL_LEVEL;
  private int lowMask = (1 << INITIAL_LEVEL) - 1;
  private int highMask = (2 << INITIAL_LEVEL) - 1;
  private int splitPointer;
  private int size;
  private int maxSize;

  private long[] overflowControls = filledControls(INITIAL_OVERFLOW_GROUPS);
  private int[] overflowKeys = new int[SLOTS * INITIAL_OVERFLOW_GROUPS];
  private int[] overflowValues = new int[SLOTS * INITIAL_OVERFLOW_GROUPS];
  private int overflowSize;

  /** Scratch space of {@link #takeBackFromOverflow}: the groups it walked, and what it took. */
  private int[] walkedGroups = new int[16];

  private int[] removedInGroup = new int[16];

  /** Scratch space of {@link #fixNextGroup}: keys that lost their next group. */
  private final int[] homelessKeys = new int[SLOTS];

  private final int[] homelessValues = new int[SLOTS];
  private int overflowMaxSize = maxOverflowSize(INITIAL_OVERFLOW_GROUPS);

  /**
   * An empty map that adds a group whenever its entries exceed {@code maxLoad} of segment 0's
   * slots.
   *
   * @param maxLoad the load at which a group is added, in (0, 1)
   * @param placement where a key whose first group is full may live before it overflows
   */
  SplitIntIntMap(double maxLoad, Placement placement) {
    if (!(maxLoad > 0 && maxLoad < 1)) {
      throw new IllegalArgumentException("maxLoad must be in (0, 1): " + maxLoad);
    }
    this.maxLoad = maxLoad;
    this.placement = placement;
    this.maxSize = maxSizeFor(groupCount());
  }

  @Override
  public int get(int key) {
    long hash = Hashing.mix(key);
    int group = firstGroup(hash);
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
    return (word & ELSEWHERE) == 0 ? 0 : getElsewhere(key, hash, word);
  }

  /** The rest of get: the key may live in its second group or in the overflow segment. */
  private int getElsewhere(int key, long hash, long firstWord) {
    if ((firstWord & IN_SECOND) != 0) {
      int group = secondGroup(hash);
      int slot = slotIn(group, key, hash);
      if (slot >= 0) {
        return values[group >>> CHUNK_SHIFT][slot];
      }
    }
    if ((firstWord & IN_OVERFLOW) != 0) {
      int slot = overflowSlot(key, hash);
      if (slot >= 0) {
        return overflowValues[slot];
      }
    }
    return 0;
  }

  @Override
  public void put(int key, int value) {
    long hash = Hashing.mix(key);
    int group = firstGroup(hash);
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
    if (free != 0 && (word & ELSEWHERE) == 0) {
      int inGroup = ControlBytes.lowestSlot(free);
      int slot = offset * SLOTS + inGroup;
      chunkKeys[slot] = key;
      values[chunk][slot] = value;
      chunkControls[offset] = ControlBytes.withByte(word, inGroup, fingerprint);
      if (++size > maxSize) {
        splitOne();
      }
    } else {
      putSlow(key, value, hash, group);
    }
  }

  /**
   * The rest of put: the key may live in its second group or in the overflow segment, or its first
   * group is full.
   */
  private void putSlow(int key, int value, long hash, int first) {
    long[] firstControls = controls[first >>> CHUNK_SHIFT];
    int firstOffset = first & CHUNK_MASK;
    long firstWord = firstControls[firstOffset];
    int second = secondGroup(hash);
    if ((firstWord & IN_SECOND) != 0) {
      int slot = slotIn(second, key, hash);
      if (slot >= 0) {
        values[second >>> CHUNK_SHIFT][slot] = value;
        return;
      }
    }
    if ((firstWord & IN_OVERFLOW) != 0) {
      int slot = overflowSlot(key, hash);
      if (slot >= 0) {
        overflowValues[slot] = value;
        return;
      }
    }
    size++;
    if (placeInGroup(first, key, value, hash)) {
      // The first group had a free slot after all; only its counts sent put here.
    } else if (second >= 0 && placeInGroup(second, key, value, hash)) {
      firstControls[firstOffset] = withOneMore(firstControls[firstOffset], IN_SECOND);
    } else {
      insertOverflow(key, value, hash);
      firstControls[firstOffset] = withOneMore(firstControls[firstOffset], IN_OVERFLOW);
      if (++overflowSize > overflowMaxSize) {
        rebuildOverflow();
      }
    }
    if (size > maxSize) {
      splitOne();
    }
  }

  @Override
  public void remove(int key) {
    long hash = Hashing.mix(key);
    int group = firstGroup(hash);
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
    if ((word & ELSEWHERE) != 0) {
      removeElsewhere(key, hash, chunkControls, offset);
    }
  }

  /** The rest of remove: the key may live in its second group or in the overflow segment. */
  private void removeElsewhere(int key, long hash, long[] firstControls, int firstOffset) {
    long firstWord = firstControls[firstOffset];
    if ((firstWord & IN_SECOND) != 0) {
      int second = secondGroup(hash);
      int slot = slotIn(second, key, hash);
      if (slot >= 0) {
        long[] secondControls = controls[second >>> CHUNK_SHIFT];
        int secondOffset = second & CHUNK_MASK;
        secondControls[secondOffset] =
            ControlBytes.withByte(secondControls[secondOffset], slot % SLOTS, ControlBytes.EMPTY);
        firstControls[firstOffset] = withOneLess(firstControls[firstOffset], IN_SECOND);
        size--;
        return;
      }
    }
    if ((firstWord & IN_OVERFLOW) != 0 && removeOverflow(key, hash)) {
      firstControls[firstOffset] = withOneLess(firstWord, IN_OVERFLOW);
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

  /** The share of the entries that live in their second group. */
  double secondGroupShare() {
    long inSecond = 0;
    for (int group = 0, groups = groupCount(); group < groups; group++) {
      int chunk = group >>> CHUNK_SHIFT;
      int base = (group & CHUNK_MASK) * SLOTS;
      for (long live = ControlBytes.matchLive(controls[chunk][group & CHUNK_MASK]);
          live != 0;
          live &= live - 1) {
        if (firstGroup(Hashing.mix(keys[chunk][base + ControlBytes.lowestSlot(live)])) != group) {
          inSecond++;
        }
      }
    }
    return size == 0 ? 0 : (double) inSecond / size;
  }

  /** The number of entries. */
  int size() {
    return size;
  }

  /** The groups of segment 0: {@code 2^level}, and one more for each split of this round. */
  private int groupCount() {
    return (1 << level) + splitPointer;
  }

  private int firstGroup(long hash) {
    return groupOf((int) (hash >>> 32));
  }

  /**
   * The partner group: the first group's address with its top bit (of {@code level}) flipped. While
   * a round splits the groups in order, the unsplit groups form the run {@code [p, 2^level)} and
   * the flip sends the upper half of that run, and all of it once {@code p} passes half way, into
   * the split groups, which hold half as many keys. And the keys of group {@code g} that live in
   * their second group are all in the one or two groups that the flip of {@code g} addresses, so a
   * split can find them.
   */
  private int partnerGroup(long hash) {
    return groupOf((int) (hash >>> 32) ^ (1 << (level - 1)));
  }

  /** The second group of a key, or -1 if it has none (yet). */
  private int secondGroup(long hash) {
    return switch (placement) {
      case FIRST_ONLY -> -1;
      case PARTNER -> partnerGroup(hash);
      case NEXT_GROUP -> {
        int next = firstGroup(hash) + 1;
        yield next < groupCount() ? next : -1;
      }
    };
  }

  /** The linear-hashing address of {@code bits}: its low {@code level} or {@code level + 1}. */
  private int groupOf(int bits) {
    int group = bits & lowMask;
    return group < splitPointer ? bits & highMask : group;
  }

  /** The segment-0 slot of {@code key} in {@code group}, within its chunk, or -1. */
  private int slotIn(int group, int key, long hash) {
    int chunk = group >>> CHUNK_SHIFT;
    int offset = group & CHUNK_MASK;
    long broadcast = ControlBytes.broadcast(ControlBytes.fingerprint(hash));
    int[] chunkKeys = keys[chunk];
    for (long m = ControlBytes.matchFingerprint(controls[chunk][offset], broadcast);
        m != 0;
        m &= m - 1) {
      int slot = offset * SLOTS + ControlBytes.lowestSlot(m);
      if (chunkKeys[slot] == key) {
        return slot;
      }
    }
    return -1;
  }

  /** Places an absent key in {@code group} if it has a free slot. */
  private boolean placeInGroup(int group, int key, int value, long hash) {
    int chunk = group >>> CHUNK_SHIFT;
    int offset = group & CHUNK_MASK;
    long word = controls[chunk][offset];
    long free = ControlBytes.matchFree(word);
    if (free == 0) {
      return false;
    }
    int inGroup = ControlBytes.lowestSlot(free);
    keys[chunk][offset * SLOTS + inGroup] = key;
    values[chunk][offset * SLOTS + inGroup] = value;
    controls[chunk][offset] = ControlBytes.withByte(word, inGroup, ControlBytes.fingerprint(hash));
    return true;
  }

  /**
   * Adds one group to segment 0 by splitting the group at the split pointer: the keys living there
   * whose hash bit {@code level} is set move to the new group, {@code 2^level} groups further on.
   * That is the rule for the keys in their first group and, since the flip that makes a partner
   * address leaves that bit alone, for the keys in their partner group too; a key living in the
   * group after its first one has its first group below the pointer, with that bit clear, and
   * stays. Then the keys of the two groups that live elsewhere (in a second group or in the
   * overflow segment) move back where there is room, and the rest are counted exactly.
   */
  private void splitOne() {
    int source = splitPointer;
    int newBit = 1 << level;
    int target = source + newBit;
    addGroup(target);
    boolean roundEnds = ++splitPointer == newBit;
    if (roundEnds) {
      level++;
      splitPointer = 0;
      lowMask = (1 << level) - 1;
      highMask = (2 << level) - 1;
    }
    maxSize = maxSizeFor(groupCount());
    long[] sourceControls = controls[source >>> CHUNK_SHIFT];
    int[] sourceKeys = keys[source >>> CHUNK_SHIFT];
    int[] sourceValues = values[source >>> CHUNK_SHIFT];
    int[] targetKeys = keys[target >>> CHUNK_SHIFT];
    int[] targetValues = values[target >>> CHUNK_SHIFT];
    int sourceBase = (source & CHUNK_MASK) * SLOTS;
    int targetBase = (target & CHUNK_MASK) * SLOTS;
    long kept = sourceControls[source & CHUNK_MASK];
    long moved = ControlBytes.ALL_EMPTY | (kept & ELSEWHERE);
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
    if (placement == Placement.NEXT_GROUP) {
      fixNextGroup(source, target);
    }
    if (roundEnds) {
      // The overflow starts and every partner address have changed with the level.
      rebuildOverflow();
      if (placement == Placement.PARTNER) {
        replaceSecondPlaced();
      }
      recount();
    } else {
      int partner = source ^ (newBit >>> 1);
      // The target copied the source's counts; they are zero when neither group has such keys.
      boolean anyInSecond =
          placement == Placement.PARTNER
              && (controls[source >>> CHUNK_SHIFT][source & CHUNK_MASK] & IN_SECOND) != 0;
      if (anyInSecond) {
        takeBackFromPartner(partner, source, target);
        if (partner < splitPointer) {
          takeBackFromPartner(partner + newBit, source, target);
        }
      }
      takeBackFromOverflow(source, target);
      if (anyInSecond) {
        countInSecond(partner, source, target);
      }
    }
  }

  /**
   * Moves the overflow keys of {@code source} and {@code target} back to segment 0 where their
   * groups have room, and sets their overflow counts exactly: those keys start probing at one of
   * {@value #OVERFLOW_STARTS} groups, so one walk along each of those probe sequences finds them.
   */
  private void takeBackFromOverflow(int source, int target) {
    long[] sourceControls = controls[source >>> CHUNK_SHIFT];
    long[] targetControls = controls[target >>> CHUNK_SHIFT];
    int sourceOffset = source & CHUNK_MASK;
    int targetOffset = target & CHUNK_MASK;
    if ((sourceControls[sourceOffset] & IN_OVERFLOW) == 0) {
      return; // The target copied this count: neither group has overflow keys.
    }
    sourceControls[sourceOffset] &= ~IN_OVERFLOW;
    targetControls[targetOffset] &= ~IN_OVERFLOW;
    for (int spread = 0; spread < OVERFLOW_STARTS; spread++) {
      takeBackFromProbe(overflowStartOf(source * OVERFLOW_STARTS + spread), source, target);
    }
  }

  /** Takes back what it can of the overflow keys of two groups on the probe sequence at start. */
  private void takeBackFromProbe(int start, int source, int target) {
    long[] groupControls = overflowControls;
    int mask = groupControls.length - 1;
    int group = start & mask;
    int walked = 0;
    for (int step = 1; step <= groupControls.length; step++) {
      if (walked == walkedGroups.length) {
        walkedGroups = Arrays.copyOf(walkedGroups, walked * 2);
        removedInGroup = Arrays.copyOf(removedInGroup, walked * 2);
      }
      walkedGroups[walked] = group;
      removedInGroup[walked] = 0;
      long word = groupControls[group];
      long updated = word;
      for (long live = ControlBytes.matchLive(word); live != 0; live &= live - 1) {
        int inGroup = ControlBytes.lowestSlot(live);
        int slot = group * SLOTS + inGroup;
        int key = overflowKeys[slot];
        long hash = Hashing.mix(key);
        int first = firstGroup(hash);
        if ((first != source && first != target) || overflowStart(hash, mask) != (start & mask)) {
          continue; // Another group's key, or one of these groups' keys on another probe sequence.
        }
        boolean inFirst = placeInGroup(first, key, overflowValues[slot], hash);
        int second = inFirst ? -1 : secondGroup(hash);
        if (inFirst || (second >= 0 && placeInGroup(second, key, overflowValues[slot], hash))) {
          if (!inFirst) {
            countOneMore(first, IN_SECOND);
          }
          updated = ControlBytes.withByte(updated, inGroup, ControlBytes.EMPTY);
          removedInGroup[walked]++;
          overflowSize--;
        } else {
          countOneMore(first, IN_OVERFLOW);
        }
      }
      groupControls[group] = updated;
      walked++;
      if (!passed(word)) {
        break;
      }
      group = (group + step) & mask;
    }
    // A key taken from the i-th group walked had passed the groups before it.
    int passedLess = 0;
    for (int i = walked - 1; i >= 0; i--) {
      for (int k = 0; k < passedLess; k++) {
        groupControls[walkedGroups[i]] = withOnePassedLess(groupControls[walkedGroups[i]]);
      }
      passedLess += removedInGroup[i];
    }
  }

  /**
   * Moves the keys of {@code source} and {@code target} that live in group {@code partner} (their
   * second group) back to their first group where it has room.
   */
  private void takeBackFromPartner(int partner, int source, int target) {
    int chunk = partner >>> CHUNK_SHIFT;
    int offset = partner & CHUNK_MASK;
    long word = controls[chunk][offset];
    for (long live = ControlBytes.matchLive(word); live != 0; live &= live - 1) {
      int inGroup = ControlBytes.lowestSlot(live);
      int slot = offset * SLOTS + inGroup;
      int key = keys[chunk][slot];
      long hash = Hashing.mix(key);
      int first = firstGroup(hash);
      if ((first == source || first == target)
          && placeInGroup(first, key, values[chunk][slot], hash)) {
        word = ControlBytes.withByte(word, inGroup, ControlBytes.EMPTY);
      }
    }
    controls[chunk][offset] = word;
  }

  /**
   * Sets the second-group counts of {@code source} and {@code target} exactly: their keys living in
   * their second group are all in {@code partner} and, once that is split, its new group.
   */
  private void countInSecond(int partner, int source, int target) {
    controls[source >>> CHUNK_SHIFT][source & CHUNK_MASK] &= ~IN_SECOND;
    controls[target >>> CHUNK_SHIFT][target & CHUNK_MASK] &= ~IN_SECOND;
    countInSecondFrom(partner, source, target);
    if (partner < splitPointer) {
      countInSecondFrom(partner + (1 << level), source, target);
    }
  }

  /** Counts the keys of {@code source} and {@code target} that live in {@code group}. */
  private void countInSecondFrom(int group, int source, int target) {
    int chunk = group >>> CHUNK_SHIFT;
    int base = (group & CHUNK_MASK) * SLOTS;
    for (long live = ControlBytes.matchLive(controls[chunk][group & CHUNK_MASK]);
        live != 0;
        live &= live - 1) {
      int first = firstGroup(Hashing.mix(keys[chunk][base + ControlBytes.lowestSlot(live)]));
      if (first == source || first == target) {
        countOneMore(first, IN_SECOND);
      }
    }
  }

  /**
   * Places again every key that lives in its second group, whose address the new level has changed:
   * in its first group if that has room now, else in its new second group, else in the overflow
   * segment. The counts are made exact afterwards.
   */
  private void replaceSecondPlaced() {
    int[] movedKeys = new int[16];
    int[] movedValues = new int[16];
    int count = 0;
    for (int group = 0, groups = groupCount(); group < groups; group++) {
      int chunk = group >>> CHUNK_SHIFT;
      int offset = group & CHUNK_MASK;
      long word = controls[chunk][offset];
      for (long live = ControlBytes.matchLive(word); live != 0; live &= live - 1) {
        int inGroup = ControlBytes.lowestSlot(live);
        int slot = offset * SLOTS + inGroup;
        int key = keys[chunk][slot];
        if (firstGroup(Hashing.mix(key)) != group) {
          if (count == movedKeys.length) {
            movedKeys = Arrays.copyOf(movedKeys, count * 2);
            movedValues = Arrays.copyOf(movedValues, count * 2);
          }
          movedKeys[count] = key;
          movedValues[count] = values[chunk][slot];
          count++;
          word = ControlBytes.withByte(word, inGroup, ControlBytes.EMPTY);
        }
      }
      controls[chunk][offset] = word;
    }
    for (int i = 0; i < count; i++) {
      long hash = Hashing.mix(movedKeys[i]);
      if (!placeInGroup(firstGroup(hash), movedKeys[i], movedValues[i], hash)
          && !placeInSecond(movedKeys[i], movedValues[i], hash)) {
        if (overflowSize >= overflowMaxSize) {
          rebuildOverflow();
        }
        insertOverflow(movedKeys[i], movedValues[i], hash);
        overflowSize++;
      }
    }
  }

  /** Places an absent key in its second group if it has one with a free slot. */
  private boolean placeInSecond(int key, int value, long hash) {
    int second = secondGroup(hash);
    return second >= 0 && placeInGroup(second, key, value, hash);
  }

  /**
   * After a split with next-group placement: the keys of {@code source} living in the group after
   * it move home where there is room, and so must those whose first group is now {@code target},
   * whose next group does not exist yet (to the overflow segment if the target is full). The
   * source's count of keys in their next group is then exact, and the target's is zero.
   */
  private void fixNextGroup(int source, int target) {
    int next = source + 1;
    int chunk = next >>> CHUNK_SHIFT;
    int offset = next & CHUNK_MASK;
    long word = controls[chunk][offset];
    long sourceWord = controls[source >>> CHUNK_SHIFT][source & CHUNK_MASK] & ~IN_SECOND;
    int homeless = 0;
    for (long live = ControlBytes.matchLive(word); live != 0; live &= live - 1) {
      int inGroup = ControlBytes.lowestSlot(live);
      int slot = offset * SLOTS + inGroup;
      int key = keys[chunk][slot];
      long hash = Hashing.mix(key);
      int first = firstGroup(hash);
      if (first != source && first != target) {
        continue;
      }
      int value = values[chunk][slot];
      if (placeInGroup(first, key, value, hash)) {
        word = ControlBytes.withByte(word, inGroup, ControlBytes.EMPTY);
      } else if (first == source) {
        sourceWord = withOneMore(sourceWord, IN_SECOND);
      } else {
        word = ControlBytes.withByte(word, inGroup, ControlBytes.EMPTY);
        homelessKeys[homeless] = key;
        homelessValues[homeless] = value;
        homeless++;
      }
    }
    controls[chunk][offset] = word;
    // The source word may have gained keys taken home; only its count is replaced.
    long[] sourceControls = controls[source >>> CHUNK_SHIFT];
    sourceControls[source & CHUNK_MASK] =
        (sourceControls[source & CHUNK_MASK] & ~IN_SECOND) | (sourceWord & IN_SECOND);
    long[] targetControls = controls[target >>> CHUNK_SHIFT];
    targetControls[target & CHUNK_MASK] &= ~IN_SECOND;
    for (int i = 0; i < homeless; i++) {
      if (overflowSize >= overflowMaxSize) {
        rebuildOverflow();
      }
      insertOverflow(homelessKeys[i], homelessValues[i], Hashing.mix(homelessKeys[i]));
      overflowSize++;
      countOneMore(target, IN_OVERFLOW);
    }
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

  /** Makes every count exact: one pass over segment 0 and the overflow segment. */
  private void recount() {
    for (int group = 0, groups = groupCount(); group < groups; group++) {
      long[] chunkControls = controls[group >>> CHUNK_SHIFT];
      chunkControls[group & CHUNK_MASK] &= ~ELSEWHERE;
    }
    for (int group = 0, groups = groupCount(); group < groups; group++) {
      int chunk = group >>> CHUNK_SHIFT;
      int base = (group & CHUNK_MASK) * SLOTS;
      for (long live = ControlBytes.matchLive(controls[chunk][group & CHUNK_MASK]);
          live != 0;
          live &= live - 1) {
        int first = firstGroup(Hashing.mix(keys[chunk][base + ControlBytes.lowestSlot(live)]));
        if (first != group) {
          countOneMore(first, IN_SECOND);
        }
      }
    }
    for (int group = 0; group < overflowControls.length; group++) {
      for (long live = ControlBytes.matchLive(overflowControls[group]);
          live != 0;
          live &= live - 1) {
        int key = overflowKeys[group * SLOTS + ControlBytes.lowestSlot(live)];
        countOneMore(firstGroup(Hashing.mix(key)), IN_OVERFLOW);
      }
    }
  }

  private void countOneMore(int group, long field) {
    long[] chunkControls = controls[group >>> CHUNK_SHIFT];
    int offset = group & CHUNK_MASK;
    chunkControls[offset] = withOneMore(chunkControls[offset], field);
  }

  private void countOneLess(int group, long field) {
    long[] chunkControls = controls[group >>> CHUNK_SHIFT];
    int offset = group & CHUNK_MASK;
    chunkControls[offset] = withOneLess(chunkControls[offset], field);
  }

  private int overflowStart(long hash, int mask) {
    // Two hash bits apart from the fingerprint and the groups spread one group's keys.
    int spread = ((int) hash >>> 7) & (OVERFLOW_STARTS - 1);
    return overflowStartOf(((int) (hash >>> 32) & lowMask) * OVERFLOW_STARTS + spread) & mask;
  }

  /**
   * Where overflow keys start probing: one of {@value #OVERFLOW_STARTS} places for the two groups
   * that share their low {@code level} bits, so that splitting one finds them all on a few probe
   * sequences, and more than one, so that one group's keys do not pile up on one. It changes with
   * the level, and the overflow segment is rebuilt then.
   */
  private static int overflowStartOf(int place) {
    return (int) ((place * 0x9E3779B97F4A7C15L) >>> 32);
  }

  /** The overflow slot of {@code key}, or -1. */
  private int overflowSlot(int key, long hash) {
    long[] groupControls = overflowControls;
    int mask = groupControls.length - 1;
    long broadcast = ControlBytes.broadcast(ControlBytes.fingerprint(hash));
    int group = overflowStart(hash, mask);
    for (int step = 1; step <= groupControls.length; step++) {
      long word = groupControls[group];
      for (long m = ControlBytes.matchFingerprint(word, broadcast); m != 0; m &= m - 1) {
        int slot = group * SLOTS + ControlBytes.lowestSlot(m);
        if (overflowKeys[slot] == key) {
          return slot;
        }
      }
      if (!passed(word)) {
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
    int group = overflowStart(hash, mask);
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
      groupControls[group] = withOnePassedMore(word);
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
    int group = overflowStart(hash, mask);
    for (int step = 1; group != found; step++) {
      groupControls[group] = withOnePassedLess(groupControls[group]);
      group = (group + step) & mask;
    }
    groupControls[found] =
        ControlBytes.withByte(groupControls[found], slot % SLOTS, ControlBytes.EMPTY);
    return true;
  }

  /**
   * Rebuilds the overflow segment: moves back to segment 0 every key whose first or second group
   * has a free slot, with its counts, and sizes the segment for the rest.
   */
  private void rebuildOverflow() {
    long[] oldControls = overflowControls;
    int[] oldKeys = overflowKeys;
    int[] oldValues = overflowValues;
    int[] leftKeys = new int[overflowSize];
    int[] leftValues = new int[overflowSize];
    int left = 0;
    for (int group = 0; group < oldControls.length; group++) {
      for (long live = ControlBytes.matchLive(oldControls[group]); live != 0; live &= live - 1) {
        int slot = group * SLOTS + ControlBytes.lowestSlot(live);
        int key = oldKeys[slot];
        long hash = Hashing.mix(key);
        int first = firstGroup(hash);
        if (placeInGroup(first, key, oldValues[slot], hash)) {
          countOneLess(first, IN_OVERFLOW);
        } else if (placeInSecond(key, oldValues[slot], hash)) {
          countOneLess(first, IN_OVERFLOW);
          countOneMore(first, IN_SECOND);
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
      insertOverflow(leftKeys[i], leftValues[i], Hashing.mix(leftKeys[i]));
    }
  }

  private int maxSizeFor(int groupCount) {
    return (int) (maxLoad * SLOTS * groupCount);
  }

  private static int maxOverflowSize(int groupCount) {
    return (int) (OVERFLOW_MAX_LOAD * SLOTS * groupCount);
  }

  /** The word with one more in the count {@code field}, unless it is saturated. */
  private static long withOneMore(long word, long field) {
    return (word & field) == field ? word : word + (field & -field);
  }

  /** The word with one less in the count {@code field}, unless it is saturated or zero. */
  private static long withOneLess(long word, long field) {
    long count = word & field;
    return count == field || count == 0 ? word : word - (field & -field);
  }

  private static long[] filledControls(int groupCount) {
    long[] words = new long[groupCount];
    Arrays.fill(words, ControlBytes.ALL_EMPTY);
    return words;
  }

  /** Where a key whose first group is full may live before it overflows. */
  enum Placement {
    /** Nowhere: straight to the overflow segment. */
    FIRST_ONLY,
    /** In its partner group (see {@link #partnerGroup}). */
    PARTNER,
    /** In the group after its first one, whose control word and keys are adjacent in memory. */
    NEXT_GROUP
  }

  private static boolean passed(long word) {
    return (word & PASSED_COUNT) != 0;
  }

  private static long withOnePassedMore(long word) {
    return (word & PASSED_COUNT) == PASSED_COUNT ? word : word + ONE_PASSED;
  }

  private static long withOnePassedLess(long word) {
    long count = word & PASSED_COUNT;
    return count == PASSED_COUNT || count == 0 ? word : word - ONE_PASSED;
  }
}
