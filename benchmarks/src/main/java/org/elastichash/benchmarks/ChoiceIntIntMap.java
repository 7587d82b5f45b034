package org.elastichash.benchmarks;

import java.util.Arrays;
import org.elastichash.runtime.ControlBytes;
import org.elastichash.runtime.Hashing;

/**
 * A prototype int -> int map that measures one lever in isolation: giving each key two candidate
 * groups and placing it in the emptier one, instead of one start group (design record 010 has what
 * it measured). It implements put, get and remove only, which is what the frontier times; it is a
 * point on the frontier, not a shipped map.
 *
 * <p>One flat table of SWAR groups (the shipped map's 7 control bytes and one metadata byte per
 * group word), grown by rebuilding into 1.25 times the groups (twice below 1,024 groups) when it
 * holds {@code maxLoad} of its slots, as the shipped map grows. There is no batch schedule and no
 * second segment: what differs between the {@link Choice}s is only where a key may live first.
 *
 * <ul>
 *   <li>{@link Choice#ONE}: its start group, as the shipped map's segment 0.
 *   <li>{@link Choice#LOCAL}: its start group or another of the 8 groups of its aligned block of
 *       group words. The block is 64 bytes, but a {@code long[]}'s elements start 16 bytes into the
 *       object, so it spans two cache lines: in this JVM the pair is not one line.
 *   <li>{@link Choice#ANY}: its start group or a second group anywhere in the table, from hash bits
 *       8 to 39. For int keys that is independent enough of the start group; the core variant of
 *       design record 010 had to remix the hash for strings and longs.
 * </ul>
 *
 * <p>A key that finds no room there probes on from its start group (triangular steps), and the
 * start group's metadata byte keeps its reach: how many groups past it the deepest such key went,
 * exactly as in the shipped map (design record 009). A lookup matches the fingerprint in both
 * candidate words at once, as one mask, so that which of the two holds a key costs no branch; it
 * walks on only when the start group's reach is non-zero.
 */
final class ChoiceIntIntMap implements IntIntMaps.Map {
  private static final int SLOTS = ControlBytes.GROUP_SLOTS;

  /** Groups per 64-byte block of group words; table sizes are multiples of it. */
  private static final int BLOCK_GROUPS = 8;

  private static final int SMALL_GROUPS = 1024;
  private static final double GROWTH = 1.25;
  private static final long REACH = 0x7FL << 56;
  private static final int MAX_REACH = 0x7F;

  /** Where a key may live before it probes on. */
  enum Choice {
    ONE,
    LOCAL,
    ANY
  }

  private final double maxLoad;
  private final Choice choice;
  private long[] words;
  private int[] keys;
  private int[] values;
  private int groups;
  private int size;
  private int maxSize;
  private int longestProbe;

  /**
   * An empty map that grows when it holds {@code maxLoad} of its slots.
   *
   * @throws IllegalArgumentException if {@code maxLoad} is not in (0, 1)
   */
  ChoiceIntIntMap(double maxLoad, Choice choice) {
    if (!(maxLoad > 0 && maxLoad < 1)) {
      throw new IllegalArgumentException("maxLoad must be in (0, 1): " + maxLoad);
    }
    this.maxLoad = maxLoad;
    this.choice = choice;
    allocate(BLOCK_GROUPS);
  }

  private void allocate(int groupCount) {
    groups = groupCount;
    words = new long[groupCount];
    Arrays.fill(words, ControlBytes.ALL_EMPTY);
    keys = new int[groupCount * SLOTS];
    values = new int[groupCount * SLOTS];
    maxSize = (int) Math.min(groupCount * (long) SLOTS - 1, (long) (groupCount * SLOTS * maxLoad));
    longestProbe = 0;
  }

  private static long hashOf(int key) {
    return Hashing.mix(key);
  }

  private int startGroup(long hash) {
    return (int) (((hash >>> 32) * groups) >>> 32);
  }

  /** The second candidate group; the start group itself under {@link Choice#ONE}. */
  private int secondGroup(long hash, int start) {
    return switch (choice) {
      case ONE -> start;
      // One of the other 7 groups of the start group's block: 1 + 16 hash bits * 7 / 2^16.
      case LOCAL -> start ^ (1 + (int) ((((hash >>> 8) & 0xFFFF) * 7) >>> 16));
      case ANY -> (int) ((((hash >>> 8) & 0xFFFFFFFFL) * groups) >>> 32);
    };
  }

  @Override
  public int get(int key) {
    int slot = slotOf(key, hashOf(key));
    return slot < 0 ? 0 : values[slot];
  }

  private int slotOf(int key, long hash) {
    long fingerprints = ControlBytes.broadcast(ControlBytes.fingerprint(hash));
    int start = startGroup(hash);
    long startWord = words[start];
    long matches = ControlBytes.matchFingerprint(startWord, fingerprints);
    int second = start;
    if (choice != Choice.ONE) {
      second = secondGroup(hash, start);
      // Bit 7 of each byte marks a match in the start group, bit 0 one in the second group.
      matches |= ControlBytes.matchFingerprint(words[second], fingerprints) >>> 7;
    }
    int startFirst = start * SLOTS;
    int secondFirst = second * SLOTS;
    for (; matches != 0; matches &= matches - 1) {
      int bit = Long.numberOfTrailingZeros(matches);
      int slot = ((bit & 7) != 0 ? startFirst : secondFirst) + (bit >>> 3);
      if (keys[slot] == key) {
        return slot;
      }
    }
    if ((startWord & REACH) == 0) {
      return -1;
    }
    return slotPastCandidates(key, fingerprints, start, startWord);
  }

  private int slotPastCandidates(int key, long fingerprints, int start, long startWord) {
    int reach = (int) (startWord >>> 56) & MAX_REACH;
    int depth = reach < MAX_REACH ? reach : longestProbe;
    int group = start;
    for (int probe = 1; probe <= depth; probe++) {
      group = Hashing.nextGroup(group, probe, groups);
      int first = group * SLOTS;
      for (long matches = ControlBytes.matchFingerprint(words[group], fingerprints);
          matches != 0;
          matches &= matches - 1) {
        int slot = first + ControlBytes.lowestSlot(matches);
        if (keys[slot] == key) {
          return slot;
        }
      }
    }
    return -1;
  }

  @Override
  public void put(int key, int value) {
    long hash = hashOf(key);
    int slot = slotOf(key, hash);
    if (slot >= 0) {
      values[slot] = value;
      return;
    }
    if (size == maxSize) {
      grow();
    }
    insert(key, value, hash);
    size++;
  }

  private void insert(int key, int value, long hash) {
    int start = startGroup(hash);
    int second = secondGroup(hash, start);
    long startFree = ControlBytes.matchFree(words[start]);
    long secondFree = ControlBytes.matchFree(words[second]);
    int group;
    long free;
    if (Long.bitCount(secondFree) > Long.bitCount(startFree)) {
      group = second;
      free = secondFree;
    } else {
      group = start;
      free = startFree;
    }
    if (free == 0) {
      insertPastCandidates(key, value, hash, start);
      return;
    }
    place(group, ControlBytes.lowestSlot(free), key, value, hash);
  }

  private void insertPastCandidates(int key, int value, long hash, int start) {
    int group = start;
    for (int probe = 1; ; probe++) {
      group = Hashing.nextGroup(group, probe, groups);
      long free = ControlBytes.matchFree(words[group]);
      if (free != 0) {
        place(group, ControlBytes.lowestSlot(free), key, value, hash);
        long startWord = words[start];
        int reach = (int) (startWord >>> 56) & MAX_REACH;
        if (probe > reach) {
          words[start] = (startWord & ~REACH) | ((long) Math.min(probe, MAX_REACH) << 56);
        }
        longestProbe = Math.max(longestProbe, probe);
        return;
      }
    }
  }

  private void place(int group, int slotInGroup, int key, int value, long hash) {
    words[group] = ControlBytes.withByte(words[group], slotInGroup, ControlBytes.fingerprint(hash));
    int slot = group * SLOTS + slotInGroup;
    keys[slot] = key;
    values[slot] = value;
  }

  private void grow() {
    long[] oldWords = words;
    int[] oldKeys = keys;
    int[] oldValues = values;
    int oldGroups = groups;
    int grown = oldGroups < SMALL_GROUPS ? oldGroups * 2 : (int) Math.ceil(oldGroups * GROWTH);
    allocate((grown + BLOCK_GROUPS - 1) / BLOCK_GROUPS * BLOCK_GROUPS);
    for (int group = 0; group < oldGroups; group++) {
      int first = group * SLOTS;
      for (long live = ControlBytes.matchLive(oldWords[group]); live != 0; live &= live - 1) {
        int slot = first + ControlBytes.lowestSlot(live);
        insert(oldKeys[slot], oldValues[slot], hashOf(oldKeys[slot]));
      }
    }
  }

  @Override
  public void remove(int key) {
    long hash = hashOf(key);
    int slot = slotOf(key, hash);
    if (slot < 0) {
      return;
    }
    int group = slot / SLOTS;
    words[group] = ControlBytes.withByte(words[group], slot - group * SLOTS, ControlBytes.EMPTY);
    size--;
    int start = startGroup(hash);
    if (group != start && group != secondGroup(hash, start)) {
      lowerReach(start);
    }
  }

  /**
   * After a key of start group {@code start} that lived past its candidates is gone: the reach of
   * {@code start} becomes the depth of the deepest such key left, found by asking the keys of the
   * groups within the old reach for their hashes.
   */
  private void lowerReach(int start) {
    long startWord = words[start];
    int reach = (int) (startWord >>> 56) & MAX_REACH;
    if (reach == MAX_REACH) {
      return;
    }
    int group = start;
    int deepest = 0;
    for (int probe = 1; probe <= reach; probe++) {
      group = Hashing.nextGroup(group, probe, groups);
      if (startsHereAndLivesPastCandidates(group, start)) {
        deepest = probe;
      }
    }
    words[start] = (startWord & ~REACH) | ((long) deepest << 56);
  }

  private boolean startsHereAndLivesPastCandidates(int group, int start) {
    int first = group * SLOTS;
    for (long live = ControlBytes.matchLive(words[group]); live != 0; live &= live - 1) {
      long hash = hashOf(keys[first + ControlBytes.lowestSlot(live)]);
      if (startGroup(hash) == start && group != start && group != secondGroup(hash, start)) {
        return true;
      }
    }
    return false;
  }

  /** The number of entries. */
  int size() {
    return size;
  }

  /** The share of entries that live past both their candidate groups. */
  double pastCandidatesShare() {
    int past = 0;
    for (int group = 0; group < groups; group++) {
      int first = group * SLOTS;
      for (long live = ControlBytes.matchLive(words[group]); live != 0; live &= live - 1) {
        long hash = hashOf(keys[first + ControlBytes.lowestSlot(live)]);
        int start = startGroup(hash);
        if (group != start && group != secondGroup(hash, start)) {
          past++;
        }
      }
    }
    return size == 0 ? 0 : past / (double) size;
  }

  @Override
  public Object target() {
    return this;
  }
}
