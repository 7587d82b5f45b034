package org.elastichash.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.elastichash.ElasticStats;

/**
 * The type-independent half of every elastic map: control bytes, per-segment counts and the batch
 * schedule of the paper's elastic hashing. A generated map keeps its keys and values in parallel
 * arrays per segment and asks this table where a new key goes ({@link #claim}) and frees slots
 * ({@link #release}); lookups walk {@link #control} directly.
 *
 * <p><b>Insertion.</b> Batch 0 fills segment 0 to 75%. Batch {@code b >= 1} works on segments
 * {@code b - 1} (the current one) and {@code b} (the next). With {@code eps1} and {@code eps2} the
 * never-used fractions of the two:
 *
 * <ol>
 *   <li>{@code eps1 > delta/2} and {@code eps2 > 1/4}: try {@link ProbeLimit#limit f(eps1)} groups
 *       of the current segment, then probe the next segment until a free slot;
 *   <li>{@code eps1 <= delta/2}: probe the next segment until a free slot;
 *   <li>{@code eps2 <= 1/4}: probe the current segment until a free slot.
 * </ol>
 *
 * The batch ends when the current segment has {@code delta/2} of its slots left and the next is 75%
 * used. Within a segment, an insertion takes the first free slot (never-used or tombstone) along
 * the key's probe sequence. Before all that, an insertion reuses a slot freed by a removal in an
 * earlier segment if the key's first group there has one ({@link #reuseFreedSlot}).
 *
 * <p><b>Lookup.</b> A key can only be in segments below {@link #activeSegments}. Within segment
 * {@code s} it can only be among the first {@link #longestProbe longestProbe[s]} groups of its
 * sequence, and not past a group that has a never-used slot: the insertion would have stopped
 * there. A removal makes a slot never-used again only when no live key passed its group (see
 * below), so that rule survives removals. Beyond the paper, each group keeps a 16-bit pass filter
 * of the keys that probed past it: a lookup whose bit is clear stops at the group, which cuts the
 * groups an unsuccessful lookup inspects by about two thirds in a nearly full segment. And a lookup
 * that leaves segment 0 consults the segment directory, which rules most later segments out at
 * once. Both live in a metadata word right after each group's control word (see {@link #control}),
 * so the lookup reads them from the cache line it has already loaded.
 *
 * <p><b>Removal.</b> Each group also counts the live keys whose insertion passed it to a slot
 * further along in the same segment (F14's overflow counts). A removed slot becomes never-used
 * again when its group still has a never-used slot or no live key passed it, since then no lookup
 * needs to continue past the group; otherwise it becomes a tombstone. Removing a key also
 * decrements the counts of the groups it passed, and a group whose count reaches zero turns its
 * tombstones back into never-used slots, so a map under steady churn does not fill up with
 * tombstones. Tombstones are reused by insertions and count as used; when used slots reach {@code
 * (1 - delta)} of the capacity, {@link #claim} asks the map to rebuild, at the same size when
 * tombstones are a quarter of the used slots or more, else at twice the size.
 */
public final class ElasticTable {

  /** {@link #claim} result telling the map to rebuild into {@link #resized()} and claim again. */
  public static final long NEEDS_RESIZE = -1L;

  /**
   * Groups an insertion may walk in a segment that is at least 1/16 free before the table counts
   * its keys as crafted against the mix. With random keys a group of such a segment is full with
   * probability at most {@code (15/16)^8 = 0.6}, so a run of 64 full groups has odds of about
   * 10^-14; keys chosen to share a start group (the mix is public) make one run per key.
   */
  public static final int CROWDED_RUN = 64;

  /** Seeds handed to tables that met a crowded run, a Weyl sequence from the start time. */
  private static final AtomicLong SEEDS = new AtomicLong(System.nanoTime());

  /** The metadata bits of a group's pass filter. */
  private static final long PASS_FILTER = 0xFFFFL;

  /** The metadata bits that count the live keys that passed a group. */
  private static final long PASSED_COUNT = 0xFFL << 16;

  /** One in {@link #PASSED_COUNT}. */
  private static final long ONE_PASSED = 1L << 16;

  private final SegmentGeometry geometry;

  /**
   * Two words per group and segment, {@code null} until the segment is first used: at {@code
   * controlIndex(group)} the group's eight control bytes, and right after it (at {@code
   * metadataIndex(group)}) its metadata word. The metadata's low 16 bits are the group's pass
   * filter: bit {@link Hashing#passBit} of every key whose insertion probed past the group to a
   * slot further along in the same segment, so a lookup whose bit is clear can stop there. Bits 16
   * to 23 count the live keys that passed the group (saturating at 255, after which the count
   * stays); the filter empties when that count falls back to zero. In segment 0 the high 40 bits
   * are the segment directory: {@link Hashing#directoryBit} of every key placed in a later segment
   * whose segment-0 sequence starts at the group, so a lookup that does not find its key in segment
   * 0 skips every later segment whose bit is clear; directory bits are only set, and cleared by a
   * rebuild or {@link #clear}. Keeping all of it beside the control word means a probe touches one
   * cache line, not three.
   */
  public final long[][] control;

  /** Groups minus one, per segment: the probe sequence's wrap-around mask. */
  public final int[] groupMask;

  /** The most groups any insertion into each segment has inspected, counting its own. */
  public final int[] longestProbe;

  /** One more than the highest segment that may hold a key. */
  public int activeSegments;

  /**
   * The keys placed by a substitute hash because theirs floods its probe sequence, or null while
   * there are none (always, in a primitive-key map); see {@link CollisionIndex}. A lookup that did
   * not find its key along the probe sequence ends with {@link CollisionIndex#find}.
   */
  public CollisionIndex collisions;

  /** Redirections so far, the index of the next substitute hash. */
  private long redirections;

  /**
   * What every key's mixed hash is xor-ed with before it is used here ({@link #hash}): 0, so that
   * placement is deterministic, until an insertion meets a {@link #CROWDED_RUN}; then the map
   * rebuilds into a table with a fresh random seed, which keys crafted against the public mix
   * cannot know. Rebuilds that grow the table keep the seed.
   */
  public final long seed;

  /** Whether this table was made with a fresh seed after a crowded run, and may not ask again. */
  private final boolean reseeded;

  /**
   * The used-slot count at which {@link #claim} asks for a rebuild: the load limit, or 0 once a
   * crowded run asked for a fresh seed, so the request costs the claim path no extra check.
   */
  private int claimLimit;

  private final int[] usedSlots;
  private final int[] liveSlots;
  private int size;
  private int usedTotal;
  private int batch;

  private int lastClaimProbes;
  private boolean freedBehindSchedule;

  private int limitSegment = -1;
  private int cachedLimit;
  private int limitValidFromEmpty;
  private int limitValidBelowEmpty;

  /** Creates an empty table of the given geometry, with seed 0. */
  public ElasticTable(SegmentGeometry geometry) {
    this(geometry, 0L, false);
  }

  private ElasticTable(SegmentGeometry geometry, long seed, boolean reseeded) {
    this.geometry = geometry;
    this.seed = seed;
    this.reseeded = reseeded;
    this.claimLimit = geometry.maxUsedSlots();
    int segments = geometry.segmentCount();
    this.control = new long[segments][];
    this.groupMask = new int[segments];
    this.longestProbe = new int[segments];
    this.usedSlots = new int[segments];
    this.liveSlots = new int[segments];
    for (int s = 0; s < segments; s++) {
      groupMask[s] = geometry.groups(s) - 1;
    }
  }

  /** Creates a deep copy of {@code other}: no array is shared. */
  public ElasticTable(ElasticTable other) {
    this.geometry = other.geometry;
    this.control = new long[other.control.length][];
    for (int s = 0; s < control.length; s++) {
      if (other.control[s] != null) {
        control[s] = other.control[s].clone();
      }
    }
    this.groupMask = other.groupMask.clone();
    this.longestProbe = other.longestProbe.clone();
    this.activeSegments = other.activeSegments;
    this.usedSlots = other.usedSlots.clone();
    this.liveSlots = other.liveSlots.clone();
    this.size = other.size;
    this.usedTotal = other.usedTotal;
    this.batch = other.batch;
    this.freedBehindSchedule = other.freedBehindSchedule;
    this.collisions = other.collisions == null ? null : new CollisionIndex(other.collisions);
    this.redirections = other.redirections;
    this.seed = other.seed;
    this.reseeded = other.reseeded;
    this.claimLimit = other.claimLimit;
  }

  /** The hash this table places a key of mixed hash {@code mixed} by: {@code mixed ^ seed}. */
  public long hash(long mixed) {
    return mixed ^ seed;
  }

  /** Encodes a segment and a slot in it as one position. */
  public static long position(int segment, int slot) {
    return ((long) segment << 32) | slot;
  }

  /** Where a group's control word is in its segment's {@link #control} array. */
  public static int controlIndex(int group) {
    return group << 1;
  }

  /**
   * Where a group's metadata word (pass filter, passed count, directory) is in {@link #control}.
   */
  public static int metadataIndex(int group) {
    return (group << 1) | 1;
  }

  /** The segment of a position. */
  public static int segment(long position) {
    return (int) (position >>> 32);
  }

  /** The slot of a position within its segment. */
  public static int slot(long position) {
    return (int) position;
  }

  /** The geometry of this table. */
  public SegmentGeometry geometry() {
    return geometry;
  }

  /** Live entries. */
  public int size() {
    return size;
  }

  /** Tombstones in all segments. */
  public int tombstones() {
    return usedTotal - size;
  }

  /** The current batch of the paper's schedule. */
  public int batch() {
    return batch;
  }

  /**
   * Finds the slot for a key that is not in the table, marks it live with the key's fingerprint and
   * returns its {@link #position}; the map stores the key and value there. Returns {@link
   * #NEEDS_RESIZE} instead when the used slots have reached the load limit.
   */
  public long claim(long hash) {
    if (usedTotal >= claimLimit) {
      return NEEDS_RESIZE;
    }
    return place(hash);
  }

  /**
   * {@link #claim(long)} while rebuilding into this table, which was sized to hold every entry:
   * never {@link #NEEDS_RESIZE}, even when a {@link #CROWDED_RUN} has asked for a fresh seed (the
   * map then rebuilds again at its next insertion, not in the middle of this rebuild).
   */
  public long claimRebuilt(long hash) {
    return place(hash);
  }

  private long place(long hash) {
    int fingerprint = ControlBytes.fingerprint(hash);
    long position = reuseFreedSlot(hash, fingerprint);
    if (position >= 0) {
      return position;
    }
    if (batch == 0) {
      position = probeUntilFree(0, hash, fingerprint);
    } else {
      int current = batch - 1;
      int next = batch;
      if (next >= geometry.segmentCount()) {
        position = probeUntilFree(current, hash, fingerprint);
      } else if (emptySlots(current) <= geometry.lowWaterEmptySlots(current)) {
        position = probeUntilFree(next, hash, fingerprint);
      } else if (usedSlots[next] >= geometry.threeQuarterSlots(next)) {
        position = probeUntilFree(current, hash, fingerprint);
      } else {
        int limit = probeLimit(current);
        position = probe(current, hash, fingerprint, limit);
        if (position < 0) {
          position = probeUntilFree(next, hash, fingerprint);
          lastClaimProbes += limit;
        }
      }
    }
    advanceBatch();
    return position;
  }

  /**
   * {@link #claim(long)} for an object key after a lookup that returned {@code miss}: when that
   * lookup passed {@link CollisionIndex#FLOOD_THRESHOLD} unequal keys with the key's fingerprint,
   * the key's hash floods its probe sequence, and the slot is claimed with a substitute hash
   * instead and indexed in {@link #collisions}. Returns {@link #NEEDS_RESIZE} as {@code claim}
   * does; then the map rebuilds and calls this again with the same {@code miss}.
   */
  public long claim(Object key, long hash, long miss) {
    return CollisionIndex.floods(miss) ? claimRedirected(key, false) : claim(hash);
  }

  /**
   * Claims the slot for {@code key}, of hash {@code hash}, while rebuilding {@code source} into
   * this table: redirected again if it was redirected in {@code source}, so that the flooding keys
   * stay off their probe sequence. The key is at {@code sourcePosition} in {@code source}. Never
   * {@link #NEEDS_RESIZE}, as {@link #claimRebuilt(long)}.
   */
  public long claimRebuilt(Object key, long hash, ElasticTable source, long sourcePosition) {
    CollisionIndex redirected = source.collisions;
    return redirected != null && redirected.holds(sourcePosition)
        ? claimRedirected(key, true)
        : place(hash);
  }

  private long claimRedirected(Object key, boolean rebuilding) {
    long substitute = CollisionIndex.substituteHash(redirections);
    long position = rebuilding ? place(substitute) : claim(substitute);
    if (position >= 0) {
      redirections++;
      if (collisions == null) {
        collisions = new CollisionIndex();
      }
      collisions.add(key, position, substitute);
    }
    return position;
  }

  /**
   * Takes a slot that a removal freed in a segment the schedule has left behind, if the key's first
   * group there has one. Those segments ended their batch with exactly {@code delta/2} of their
   * slots free, so more than that were freed by removals; without removals this never fires and the
   * schedule is the paper's. The first group is the one a lookup of the key has just inspected, so
   * trying it costs little, and it keeps a map under churn from filling its later segments with
   * entries while its earlier ones fill with holes.
   */
  private long reuseFreedSlot(long hash, int fingerprint) {
    if (!freedBehindSchedule) {
      return -1;
    }
    for (int s = 0; s < batch - 1; s++) {
      if (geometry.slots(s) - liveSlots[s] > geometry.lowWaterEmptySlots(s)) {
        long position = probe(s, hash, fingerprint, 1);
        if (position >= 0) {
          return position;
        }
      }
    }
    return -1;
  }

  /**
   * The first live position after {@code after} in segment-then-slot order, or -1 if there is none;
   * {@code after = -1} starts from the beginning. Entries never move, so a walk that removes the
   * entry it stands on still visits every other entry exactly once.
   */
  public long nextLive(long after) {
    int s = 0;
    int next = 0;
    if (after >= 0) {
      s = segment(after);
      next = slot(after) + 1;
    }
    for (; s < activeSegments; s++, next = 0) {
      long[] words = control[s];
      int group = next >>> ControlBytes.GROUP_SHIFT;
      if (words == null || controlIndex(group) >= words.length) {
        continue;
      }
      long live = ControlBytes.matchLive(words[controlIndex(group)]) & (-1L << ((next & 7) << 3));
      while (live == 0) {
        if (controlIndex(++group) == words.length) {
          break;
        }
        live = ControlBytes.matchLive(words[controlIndex(group)]);
      }
      if (live != 0) {
        return position(s, (group << ControlBytes.GROUP_SHIFT) | ControlBytes.lowestSlot(live));
      }
    }
    return -1;
  }

  /**
   * Whether {@code position} is a live slot of this table. Any position is accepted, including one
   * from before a rebuild, so views can check whether an entry they hold is still in place.
   */
  public boolean isLive(long position) {
    int s = segment(position);
    int slot = slot(position);
    if (position < 0 || s >= control.length || control[s] == null) {
      return false;
    }
    long[] words = control[s];
    int group = slot >>> ControlBytes.GROUP_SHIFT;
    return slot >= 0
        && controlIndex(group) < words.length
        && ControlBytes.byteAt(words[controlIndex(group)], slot & (ControlBytes.GROUP_SLOTS - 1))
            < 0x80;
  }

  /**
   * Groups the last successful {@link #claim} inspected, in all segments: the paper's insertion
   * probe count, in groups of {@link ControlBytes#GROUP_SLOTS} slots.
   */
  public int lastClaimProbes() {
    return lastClaimProbes;
  }

  /**
   * The segment-0 metadata word a key of this hash reads for the directory: that of its first group
   * in segment 0; 0 while segment 0 is unused.
   */
  public long directoryWord(long hash) {
    long[] words = control[0];
    return words == null ? 0 : words[metadataIndex(Hashing.startGroup(hash, 0, groupMask[0]))];
  }

  /**
   * Groups a lookup inspects to find the key of hash {@code hash} at {@code position}, walking the
   * segments exactly as the generated maps' lookups do; for the probe-count benchmarks.
   */
  public int probesToFind(long hash, long position) {
    int target = segment(position);
    int targetGroup = slot(position) >>> ControlBytes.GROUP_SHIFT;
    long passBit = Hashing.passBit(hash);
    long laterSegments = directoryWord(hash);
    int probes = 0;
    for (int s = 0; s <= target; s++) {
      if (s > 0 && (laterSegments & Hashing.directoryBit(hash, s)) == 0) {
        continue;
      }
      int mask = groupMask[s];
      int group = Hashing.startGroup(hash, s, mask);
      for (int p = 1; ; p++) {
        probes++;
        if (s == target && group == targetGroup) {
          return probes;
        }
        long word = control[s][controlIndex(group)];
        if (p >= longestProbe[s]
            || ControlBytes.matchEmpty(word) != 0
            || (control[s][metadataIndex(group)] & passBit) == 0) {
          break;
        }
        group = Hashing.nextGroup(group, p, mask);
      }
    }
    throw new IllegalArgumentException("no lookup for that hash reaches position " + position);
  }

  /**
   * Groups a lookup inspects before it concludes that no key of hash {@code hash} is present,
   * walking the segments exactly as the generated maps' lookups do; for the probe-count benchmarks.
   */
  public int probesToMiss(long hash) {
    long passBit = Hashing.passBit(hash);
    long laterSegments = directoryWord(hash);
    int probes = 0;
    for (int s = 0; s < activeSegments; s++) {
      if (s > 0 && (laterSegments & Hashing.directoryBit(hash, s)) == 0) {
        continue;
      }
      int mask = groupMask[s];
      int group = Hashing.startGroup(hash, s, mask);
      for (int p = 1; ; p++) {
        probes++;
        long word = control[s][controlIndex(group)];
        if (p >= longestProbe[s]
            || ControlBytes.matchEmpty(word) != 0
            || (control[s][metadataIndex(group)] & passBit) == 0) {
          break;
        }
        group = Hashing.nextGroup(group, p, mask);
      }
    }
    return probes;
  }

  /**
   * Frees the live slot at {@code position}, which holds the key of hash {@code hash}; the map
   * clears its key and value there. Walks the key's probe sequence in its segment up to its slot to
   * take it off the passed counts of the groups it went through: O(its probe count). A redirected
   * key's slot is released along the substitute hash it was claimed with.
   */
  public void release(long position, long hash) {
    if (collisions != null) {
      hash = collisions.remove(position, hash);
      if (collisions.size() == 0) {
        collisions = null;
      }
    }
    int s = segment(position);
    int slot = slot(position);
    long[] words = control[s];
    int target = slot >>> ControlBytes.GROUP_SHIFT;
    int mask = groupMask[s];
    int group = Hashing.startGroup(hash, s, mask);
    for (int probes = 1; group != target; probes++) {
      unpass(s, words, group);
      group = Hashing.nextGroup(group, probes, mask);
    }
    int index = controlIndex(target);
    long word = words[index];
    boolean restoreEmpty =
        ControlBytes.matchEmpty(word) != 0 || (words[metadataIndex(target)] & PASSED_COUNT) == 0;
    int controlByte = restoreEmpty ? ControlBytes.EMPTY : ControlBytes.DELETED;
    words[index] = ControlBytes.withByte(word, slot & (ControlBytes.GROUP_SLOTS - 1), controlByte);
    liveSlots[s]--;
    size--;
    if (s < batch - 1) {
      freedBehindSchedule = true;
    }
    if (restoreEmpty) {
      usedSlots[s]--;
      usedTotal--;
    }
  }

  /**
   * Takes one removed key off a group's passed count. At zero no live key passed the group, so its
   * pass filter empties (stale bits would only slow lookups down) and its tombstones become
   * never-used slots again. A saturated count is left alone.
   */
  private void unpass(int segment, long[] words, int group) {
    int metadata = metadataIndex(group);
    long count = words[metadata] & PASSED_COUNT;
    if (count == PASSED_COUNT || count == 0) {
      return;
    }
    words[metadata] -= ONE_PASSED;
    if (count == ONE_PASSED) {
      words[metadata] &= ~PASS_FILTER;
      int index = controlIndex(group);
      long word = words[index];
      long tombstones = ControlBytes.matchFree(word) & ~ControlBytes.matchEmpty(word);
      if (tombstones != 0) {
        words[index] = ControlBytes.tombstonesToEmpty(word, tombstones);
        int restored = Long.bitCount(tombstones);
        usedSlots[segment] -= restored;
        usedTotal -= restored;
      }
    }
  }

  /** Empties every segment, keeping allocated control arrays, and restarts the schedule. */
  public void clear() {
    for (long[] words : control) {
      if (words != null) {
        resetControl(words);
      }
    }
    Arrays.fill(longestProbe, 0);
    Arrays.fill(usedSlots, 0);
    Arrays.fill(liveSlots, 0);
    activeSegments = 0;
    size = 0;
    usedTotal = 0;
    batch = 0;
    freedBehindSchedule = false;
    limitSegment = -1;
    collisions = null;
    claimLimit = geometry.maxUsedSlots();
  }

  /**
   * An empty table to rebuild into when {@link #claim} returns {@link #NEEDS_RESIZE}: the same
   * geometry when tombstones make up a quarter or more of the used slots (a rebuild clears them and
   * leaves room for that many insertions), else one twice as large; and in any case one whose load
   * limit admits one more entry than this table holds, so that the claim after the rebuild
   * succeeds. (A tiny table at a large delta may need more than one doubling for that.) A table
   * that met a {@link #CROWDED_RUN} rebuilds with a fresh {@link #seed}, at the same size unless it
   * is also at its load limit.
   */
  public ElasticTable resized() {
    boolean crowded = claimLimit < geometry.maxUsedSlots();
    SegmentGeometry target = geometry;
    if (!crowded || usedTotal >= geometry.maxUsedSlots()) {
      int tombstones = usedTotal - size;
      boolean tombstoneHeavy = tombstones > 0 && tombstones >= usedTotal / 4;
      target = tombstoneHeavy ? geometry : geometry.doubled();
    }
    while (target.maxUsedSlots() <= size) {
      target = target.doubled();
    }
    return crowded
        ? new ElasticTable(target, freshSeed(), true)
        : new ElasticTable(target, seed, false);
  }

  /** A seed no key can have been crafted against: SplitMix64 over a time-seeded sequence. */
  private static long freshSeed() {
    long z = SEEDS.addAndGet(0x9E3779B97F4A7C15L);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Whether {@code entries} live entries fit without growing. */
  public boolean admits(int entries) {
    return entries <= geometry.maxUsedSlots();
  }

  /** Snapshot statistics of every segment. */
  public ElasticStats stats() {
    List<ElasticStats.Segment> segments = new ArrayList<>(geometry.segmentCount());
    for (int s = 0; s < geometry.segmentCount(); s++) {
      segments.add(
          new ElasticStats.Segment(
              geometry.slots(s),
              control[s] != null,
              liveSlots[s],
              usedSlots[s] - liveSlots[s],
              longestProbe[s]));
    }
    return new ElasticStats(
        geometry.delta(), batch, geometry.maxUsedSlots(), List.copyOf(segments));
  }

  private int emptySlots(int segment) {
    return geometry.slots(segment) - usedSlots[segment];
  }

  private int probeLimit(int segment) {
    int empty = emptySlots(segment);
    if (segment != limitSegment || empty < limitValidFromEmpty || empty >= limitValidBelowEmpty) {
      int slots = geometry.slots(segment);
      double delta = geometry.effectiveDelta();
      cachedLimit = ProbeLimit.limit(empty, slots, delta);
      limitValidFromEmpty = ProbeLimit.minEmptySlotsFor(cachedLimit, slots, delta);
      limitValidBelowEmpty =
          cachedLimit == 1
              ? Integer.MAX_VALUE
              : ProbeLimit.minEmptySlotsFor(cachedLimit - 1, slots, delta);
      limitSegment = segment;
    }
    return cachedLimit;
  }

  private long probeUntilFree(int segment, long hash, int fingerprint) {
    int s = segment;
    if (liveSlots[s] == geometry.slots(s)) {
      s = segmentWithFreeSlot();
    }
    long position = probe(s, hash, fingerprint, Integer.MAX_VALUE);
    if (lastClaimProbes > CROWDED_RUN && !reseeded && 16L * emptySlots(s) > geometry.slots(s)) {
      claimLimit = 0;
    }
    return position;
  }

  /**
   * A segment that still has a free slot, for the rare insertion whose scheduled segment is full
   * (tiny tables, or tombstones left in place). One exists because the load limit keeps at least
   * one slot unused.
   */
  private int segmentWithFreeSlot() {
    for (int s = 0; ; s++) {
      if (liveSlots[s] < geometry.slots(s)) {
        return s;
      }
    }
  }

  /**
   * Takes the first free slot among the first {@code limit} groups of the key's sequence in the
   * segment, or returns -1 if those groups are all live.
   */
  private long probe(int segment, long hash, int fingerprint, int limit) {
    long[] words = control[segment];
    if (words == null) {
      words = new long[2 * geometry.groups(segment)];
      resetControl(words);
      control[segment] = words;
    }
    int mask = groupMask[segment];
    int group = Hashing.startGroup(hash, segment, mask);
    for (int probes = 1; probes <= limit; probes++) {
      long word = words[controlIndex(group)];
      long free = ControlBytes.matchFree(word);
      if (free != 0) {
        int slotInGroup = ControlBytes.lowestSlot(free);
        boolean wasEmpty = ControlBytes.byteAt(word, slotInGroup) == ControlBytes.EMPTY;
        words[controlIndex(group)] = ControlBytes.withByte(word, slotInGroup, fingerprint);
        markPassed(segment, hash, probes - 1);
        occupy(segment, hash, wasEmpty, probes);
        return position(segment, (group << ControlBytes.GROUP_SHIFT) | slotInGroup);
      }
      group = Hashing.nextGroup(group, probes, mask);
    }
    return -1;
  }

  /**
   * Sets the key's bit in the pass filters of the first {@code groups} groups of its sequence in
   * the segment, the groups it passed on its way to its slot there. Groups passed in a segment the
   * key then left need no bit: lookups may stop anywhere in that segment.
   */
  private void markPassed(int segment, long hash, int groups) {
    if (groups == 0) {
      return;
    }
    long passBit = Hashing.passBit(hash);
    long[] words = control[segment];
    int mask = groupMask[segment];
    int group = Hashing.startGroup(hash, segment, mask);
    for (int probes = 1; probes <= groups; probes++) {
      int metadata = metadataIndex(group);
      long passed = words[metadata] | passBit;
      if ((passed & PASSED_COUNT) != PASSED_COUNT) {
        passed += ONE_PASSED;
      }
      words[metadata] = passed;
      group = Hashing.nextGroup(group, probes, mask);
    }
  }

  private void occupy(int segment, long hash, boolean wasEmpty, int probes) {
    if (segment > 0) {
      control[0][metadataIndex(Hashing.startGroup(hash, 0, groupMask[0]))] |=
          Hashing.directoryBit(hash, segment);
    }
    liveSlots[segment]++;
    size++;
    if (wasEmpty) {
      usedSlots[segment]++;
      usedTotal++;
    }
    lastClaimProbes = probes;
    if (probes > longestProbe[segment]) {
      longestProbe[segment] = probes;
    }
    if (segment >= activeSegments) {
      activeSegments = segment + 1;
    }
  }

  /** Every control word to all-never-used, every metadata word to no bits. */
  private static void resetControl(long[] words) {
    for (int i = 0; i < words.length; i += 2) {
      words[i] = ControlBytes.ALL_EMPTY;
      words[i + 1] = 0L;
    }
  }

  private void advanceBatch() {
    int segments = geometry.segmentCount();
    while (batch < segments) {
      boolean done;
      if (batch == 0) {
        done = usedSlots[0] >= geometry.threeQuarterSlots(0);
      } else {
        int current = batch - 1;
        done =
            emptySlots(current) <= geometry.lowWaterEmptySlots(current)
                && usedSlots[batch] >= geometry.threeQuarterSlots(batch);
      }
      if (!done) {
        return;
      }
      batch++;
    }
  }
}
