package org.elastichash.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.elastichash.ElasticStats;
import org.elastichash.internal.ProbeLimit;

/**
 * The type-independent half of every elastic map: group words, per-segment counts and the batch
 * schedule of the paper's elastic hashing. A generated map keeps its keys and values in parallel
 * arrays per segment and asks this table where a new key goes ({@link #claim}) and frees slots
 * ({@link #release}); lookups read {@link #control} directly.
 *
 * <p><b>Insertion.</b> Batch 0 fills segment 0 to 75%. Batch {@code b >= 1} works on segments
 * {@code b - 1} (the current one) and {@code b} (the next). With {@code eps1} and {@code eps2} the
 * free fractions of the two:
 *
 * <ol>
 *   <li>{@code eps1 > delta/2} and {@code eps2 > 1/4}: try {@code f(eps1)} groups of the current
 *       segment, then probe the next segment until a free slot;
 *   <li>{@code eps1 <= delta/2}: probe the next segment until a free slot;
 *   <li>{@code eps2 <= 1/4}: try {@link #PAST_THREE_QUARTERS_FACTOR} times {@code f(eps1)} groups
 *       of the current segment, then probe the next segment until a free slot; once the next
 *       segment is down to {@code delta/2} free, probe the current one until a free slot.
 * </ol>
 *
 * The batch ends when the current segment has {@code delta/2} of its slots free and the next is at
 * least 75% full. The paper's third case searches the current segment until free whatever its fill.
 * With segments an eighth apart the next segment can reach 3/4 while the current one has only a few
 * free slots, and that search then costs {@code O(1/delta)} probes where the next segment's costs
 * about one; under churn it also leaves long probe runs behind. A bounded try keeps both short, and
 * the next segment still stays near 3/4 under churn, because the current one has room. Within a
 * segment an insertion takes the first free slot along the key's probe sequence, which starts at a
 * group that {@link Hashing#startGroup} picks per segment and goes on by {@link Hashing#nextGroup}.
 * Before all that, an insertion reuses a slot freed by a removal in an earlier segment if the key's
 * first group there has one ({@link #reuseFreedSlot}).
 *
 * <p><b>Lookup.</b> A key can only be in segments below {@link #activeSegments}. Within segment
 * {@code s} it can only be among the first {@link #longestProbe longestProbe[s]} groups of its
 * sequence (the deepest live key there; it falls back when that key is removed), and not past the
 * {@linkplain ControlBytes#REACH reach} of its start group: how far the deepest live key starting
 * there went. A lookup that does not find its key in segment 0 reads the {@linkplain
 * ControlBytes#LATER_COUNT later count} of its first segment-0 group, which says whether any key
 * starting there went to a later segment. All of it is in the group words the lookup reads anyway,
 * so a miss whose first group has a zero metadata byte is decided by one load.
 *
 * <p><b>Removal</b> frees the slot and, if the key was the deepest of its start group, lowers that
 * group's reach to the next deepest key's, so a map under steady churn keeps its lookups as short
 * as its keys' placements and never fills with tombstones: there are none. Live entries are what
 * the load limit counts; at {@code 1 - delta} of the capacity, {@link #claim} asks the map to grow
 * into {@link #resized()}.
 */
public final class ElasticTable {

  /** {@link #claim} result telling the map to rebuild into {@link #resized()} and claim again. */
  public static final long NEEDS_RESIZE = -1L;

  /**
   * Groups an insertion may walk in a segment that is at least 1/16 free before the table counts
   * its keys as crafted against the mix. With random keys a group of such a segment is full with
   * probability well under 0.6, so a run of 64 full groups has odds of about 10^-14; keys chosen to
   * share a start group (the mix is public) make one run per key.
   */
  public static final int CROWDED_RUN = 64;

  /**
   * Groups an insertion may walk after removals before the table asks to grow one step. Removals
   * free slots everywhere while insertions at the load limit go deep, and nothing moves: at delta
   * 1/32 or less, churn at the limit places keys {@code O(1/delta)} groups along, and misses that
   * start where they started walk that far (with passed counts, before reaches: 1,000 ns per miss
   * at 1/32, 5,000 at 1/256, in a map of 200,000 entries after two capacities of churn). A fill
   * never gets here: its worst insertion is {@code O(log 1/delta)} groups (37 at delta 1/1024 over
   * 60 tables); at the default delta churn at the limit stays under 20. Growing one step takes the
   * map to four fifths of its new limit, where churn places keys near their start groups.
   */
  public static final int CHURNED_RUN = 64;

  /**
   * How many times its probe limit an insertion tries in the current segment once the next one is
   * 3/4 full, before the next one takes it. The paper searches the current segment until free
   * there, which costs {@code O(1/delta)} probes once it is nearly full, and under churn fills it
   * with keys that passed many groups, which then make misses walk further: at 10^5 int keys and
   * delta 1/8, misses walked 13.9 groups after two capacities of churn, against 7.7 with twice the
   * limit, 10.0 with four times, and 16.6 with the limit alone (which let the next segment drift to
   * 90% full; measured with passed counts, before reaches).
   */
  static final int PAST_THREE_QUARTERS_FACTOR = 2;

  /** Seeds handed to tables that met a crowded run, a Weyl sequence from the start time. */
  private static final AtomicLong SEEDS = new AtomicLong(System.nanoTime());

  private final SegmentGeometry geometry;

  /**
   * One group word per group and segment (see {@link ControlBytes}), {@code null} until the
   * schedule first reaches the segment; segment 0's exists from the start.
   */
  public final long[][] control;

  /**
   * Per segment, the most groups that the insertion of a live key inspected there, counting its
   * own: no lookup in the segment needs to go further. It falls back when the deepest keys are
   * removed (see {@link #liveAtDepth}), which keeps the walks of misses short under churn: a
   * growth-era key 8 groups deep would otherwise bound every walk at 8 long after it left.
   */
  public final int[] longestProbe;

  /**
   * Per segment (allocated at its first key past its first group), live keys by the groups their
   * insertion inspected: index {@code d} for {@code 2 <= d < DEPTHS_TRACKED}, and {@code
   * DEPTHS_TRACKED} for all deeper ones, whose longest probe is only known while one is live. Keys
   * in their first group are the rest of {@link #liveSlots}.
   */
  private final int[][] liveAtDepth;

  /** Depths {@link #liveAtDepth} counts one by one; beyond, one count for all. */
  static final int DEPTHS_TRACKED = 16;

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
   * The live count at which {@link #claim} asks for a rebuild: the load limit, or 0 once a crowded
   * run asked for a fresh seed or a {@link #CHURNED_RUN} for a larger table, so the request costs
   * the claim path no extra check.
   */
  private int claimLimit;

  /**
   * Segment 0's live count below which any claim may take a free slot in the key's segment-0 start
   * group, as every case of the schedule would, without consulting it: in batch 0, one short of the
   * 3/4 mark, so that the claim cannot end the batch; from batch 1 on, the count at which segment 0
   * is down to its {@code delta/2} free slots (then only the next segment takes keys, in batch 1).
   * Set by {@link #advanceBatch}.
   */
  private int segmentZeroOpenBelow;

  private final int[] liveSlots;
  private int size;
  private int batch;

  private int lastClaimProbes;
  private boolean freedBehindSchedule;

  /** Whether a key was released since this table was made or cleared. */
  private boolean released;

  /**
   * Whether an insertion after removals walked past a {@link #CHURNED_RUN}: grow, keep the seed.
   */
  private boolean churned;

  private int limitSegment = -1;
  private int cachedLimit;
  private int limitValidFromEmpty;
  private int limitValidBelowEmpty;

  /**
   * Creates an empty table of the given geometry, with seed 0.
   *
   * @param geometry the segment sizes and load limit
   */
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
    this.longestProbe = new int[segments];
    this.liveAtDepth = new int[segments][];
    this.liveSlots = new int[segments];
    this.segmentZeroOpenBelow = geometry.threeQuarterSlots(0) - 1;
    control[0] = emptyWords(geometry.groups(0));
  }

  /**
   * Creates a deep copy of {@code other}: no array is shared.
   *
   * @param other the table to copy
   */
  public ElasticTable(ElasticTable other) {
    this.geometry = other.geometry;
    this.control = new long[other.control.length][];
    for (int s = 0; s < control.length; s++) {
      if (other.control[s] != null) {
        control[s] = other.control[s].clone();
      }
    }
    this.longestProbe = other.longestProbe.clone();
    this.liveAtDepth = new int[other.liveAtDepth.length][];
    for (int s = 0; s < liveAtDepth.length; s++) {
      if (other.liveAtDepth[s] != null) {
        liveAtDepth[s] = other.liveAtDepth[s].clone();
      }
    }
    this.activeSegments = other.activeSegments;
    this.liveSlots = other.liveSlots.clone();
    this.segmentZeroOpenBelow = other.segmentZeroOpenBelow;
    this.size = other.size;
    this.batch = other.batch;
    this.freedBehindSchedule = other.freedBehindSchedule;
    this.released = other.released;
    this.churned = other.churned;
    this.collisions = other.collisions == null ? null : new CollisionIndex(other.collisions);
    this.redirections = other.redirections;
    this.seed = other.seed;
    this.reseeded = other.reseeded;
    this.claimLimit = other.claimLimit;
  }

  /**
   * The hash this table places a key of mixed hash {@code mixed} by: {@code mixed} itself while the
   * seed is 0, else {@link Hashing#reseed} of the two. Start groups come from the hash's high bits,
   * which keys crafted to collide share, so a seed has to be mixed in, not just xor-ed.
   *
   * @param mixed a key's {@linkplain Hashing#mix mixed hash}
   * @return the hash the table places the key by
   */
  public long hash(long mixed) {
    return Hashing.seeded(mixed, seed);
  }

  /**
   * Encodes a segment and a slot in it as one position.
   *
   * @param segment the segment index
   * @param slot the slot index within the segment
   * @return the position
   */
  public static long position(int segment, int slot) {
    return ((long) segment << 32) | slot;
  }

  /**
   * The segment of a position.
   *
   * @param position a {@link #position}
   * @return the segment index
   */
  public static int segment(long position) {
    return (int) (position >>> 32);
  }

  /**
   * The slot of a position within its segment.
   *
   * @param position a {@link #position}
   * @return the slot index
   */
  public static int slot(long position) {
    return (int) position;
  }

  /**
   * The first slot of group {@code group}: slot indexes run group by group.
   *
   * @param group the group index within its segment
   * @return the slot index
   */
  public static int firstSlot(int group) {
    return group * ControlBytes.GROUP_SLOTS;
  }

  /**
   * The geometry of this table.
   *
   * @return the geometry
   */
  public SegmentGeometry geometry() {
    return geometry;
  }

  /**
   * Live entries.
   *
   * @return the number of live slots
   */
  public int size() {
    return size;
  }

  /**
   * The current batch of the paper's schedule.
   *
   * @return the batch, from 0
   */
  public int batch() {
    return batch;
  }

  /**
   * Finds the slot for a key that is not in the table, marks it live with the key's fingerprint and
   * returns its {@link #position}; the map stores the key and value there. Returns {@link
   * #NEEDS_RESIZE} instead when the table holds as many entries as its load limit allows.
   *
   * @param hash the key's {@linkplain #hash table hash}
   * @return the claimed position, or {@link #NEEDS_RESIZE}
   */
  public long claim(long hash) {
    if (size >= claimLimit) {
      return NEEDS_RESIZE;
    }
    long position = place(hash);
    if (lastClaimProbes > CHURNED_RUN && released && claimLimit != 0) {
      // The claim stands; the next one asks for a larger table (a crowded run's fresh seed, which
      // also set claimLimit to 0, takes precedence).
      churned = true;
      claimLimit = 0;
    }
    return position;
  }

  /**
   * {@link #claim(long)} while rebuilding into this table, which was sized to hold every entry:
   * never {@link #NEEDS_RESIZE}, even when a {@link #CROWDED_RUN} has asked for a fresh seed (the
   * map then rebuilds again at its next insertion, not in the middle of this rebuild).
   *
   * @param hash the key's {@linkplain #hash table hash}
   * @return the claimed position
   */
  public long claimRebuilt(long hash) {
    return place(hash);
  }

  /**
   * {@link #claim(long)} for an object key after a lookup that returned {@code miss}: when that
   * lookup passed {@link CollisionIndex#FLOOD_THRESHOLD} unequal keys with the key's fingerprint,
   * the key's hash floods its probe sequence, and the slot is claimed with a substitute hash
   * instead and indexed in {@link #collisions}. Returns {@link #NEEDS_RESIZE} as {@code claim}
   * does; then the map rebuilds and calls this again with the same {@code miss}.
   *
   * @param key the key
   * @param hash its {@linkplain #hash table hash}
   * @param miss what its lookup returned
   * @return the claimed position, or {@link #NEEDS_RESIZE}
   */
  public long claim(Object key, long hash, long miss) {
    return CollisionIndex.floods(miss) ? claimRedirected(key, false) : claim(hash);
  }

  /**
   * Claims the slot for {@code key}, of hash {@code hash}, while rebuilding {@code source} into
   * this table: redirected again if it was redirected in {@code source}, so that the flooding keys
   * stay off their probe sequence. The key is at {@code sourcePosition} in {@code source}. Never
   * {@link #NEEDS_RESIZE}, as {@link #claimRebuilt(long)}.
   *
   * @param key the key
   * @param hash its {@linkplain #hash table hash} in this table
   * @param source the table being rebuilt
   * @param sourcePosition the key's position in {@code source}
   * @return the claimed position
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

  private long place(long hash) {
    int fingerprint = ControlBytes.fingerprint(hash);
    if (liveSlots[0] < segmentZeroOpenBelow) {
      // Most claims: most of batch 0 (and so of every rebuild), and under churn, the key's start
      // group in segment 0 has a free slot, which every case of the schedule would take.
      long[] words = control[0];
      int group = Hashing.startGroup(hash, 0, words.length);
      long word = words[group];
      long free = ControlBytes.matchFree(word);
      if (free != 0) {
        int slotInGroup = ControlBytes.lowestSlot(free);
        words[group] = ControlBytes.withByte(word, slotInGroup, fingerprint);
        liveSlots[0]++;
        size++;
        lastClaimProbes = 1;
        if (activeSegments == 0) {
          activeSegments = 1;
          longestProbe[0] = 1;
        }
        if (liveSlots[0] == segmentZeroOpenBelow && batch > 0) {
          advanceBatch();
        }
        return firstSlot(group) + slotInGroup;
      }
    }
    if (batch == 0) {
      // Segment 0 is below 3/4 full, so a free slot is near and no schedule decision is needed.
      long position = probeUntilFree(0, hash, fingerprint);
      if (liveSlots[0] >= geometry.threeQuarterSlots(0)) {
        advanceBatch();
      }
      return position;
    }
    long position = reuseFreedSlot(hash, fingerprint);
    if (position >= 0) {
      return position;
    }
    if (laterCountFull(hash) && freeSlots(0) > geometry.lowWaterEmptySlots(0)) {
      // Keep the later count exact if segment 0 has room for this key within a probe limit. If
      // not, the schedule places it and the count saturates: a search until free here would cost
      // O(1/delta) probes once segment 0 is nearly full.
      int limit = probeLimit(0);
      position = probe(0, hash, fingerprint, limit);
      if (position >= 0) {
        advanceBatch();
        return position;
      }
      position = placeByTheSchedule(hash, fingerprint);
      lastClaimProbes += limit;
      return position;
    }
    return placeByTheSchedule(hash, fingerprint);
  }

  /** Places a key by the three cases of batch {@link #batch}, and advances the batch. */
  private long placeByTheSchedule(long hash, int fingerprint) {
    long position;
    int current = batch - 1;
    int next = batch;
    if (next >= geometry.segmentCount()) {
      position = probeUntilFree(current, hash, fingerprint);
    } else if (freeSlots(current) <= geometry.lowWaterEmptySlots(current)) {
      position = probeUntilFree(next, hash, fingerprint);
    } else if (freeSlots(next) <= geometry.lowWaterEmptySlots(next)) {
      position = probeUntilFree(current, hash, fingerprint);
    } else {
      int limit = probeLimit(current);
      if (liveSlots[next] >= geometry.threeQuarterSlots(next)) {
        limit *= PAST_THREE_QUARTERS_FACTOR;
      }
      position = probe(current, hash, fingerprint, limit);
      if (position < 0) {
        position = probeUntilFree(next, hash, fingerprint);
        lastClaimProbes += limit;
      }
    }
    advanceBatch();
    return position;
  }

  /**
   * Takes a slot that a removal freed in a segment the schedule has left behind, if the key's first
   * group there has one. Those segments ended their batch with exactly {@code delta/2} of their
   * slots free, so more than that were freed by removals; without removals this never fires and the
   * schedule is the paper's. It keeps a map under churn from filling its later segments with
   * entries while its earlier ones fill with holes.
   */
  private long reuseFreedSlot(long hash, int fingerprint) {
    if (!freedBehindSchedule) {
      return -1;
    }
    for (int s = 0; s < batch - 1; s++) {
      if (freeSlots(s) > geometry.lowWaterEmptySlots(s)) {
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
   *
   * @param after a live or formerly live position, or -1
   * @return the next live position, or -1
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
      if (words == null) {
        continue;
      }
      int group = next / ControlBytes.GROUP_SLOTS;
      if (group >= words.length) {
        continue;
      }
      long live = ControlBytes.matchLive(words[group]) & (-1L << ((next - firstSlot(group)) << 3));
      while (live == 0 && ++group < words.length) {
        live = ControlBytes.matchLive(words[group]);
      }
      if (live != 0) {
        return position(s, firstSlot(group) + ControlBytes.lowestSlot(live));
      }
    }
    return -1;
  }

  /**
   * Whether {@code position} is a live slot of this table. Any position is accepted, including one
   * from before a rebuild, so views can check whether an entry they hold is still in place.
   *
   * @param position any position
   * @return whether it is live here
   */
  public boolean isLive(long position) {
    if (position < 0) {
      return false;
    }
    int s = segment(position);
    int slot = slot(position);
    if (s >= control.length || control[s] == null || slot < 0) {
      return false;
    }
    long[] words = control[s];
    int group = slot / ControlBytes.GROUP_SLOTS;
    return group < words.length
        && ControlBytes.byteAt(words[group], slot - firstSlot(group)) < ControlBytes.EMPTY;
  }

  /**
   * Groups the last successful {@link #claim} inspected, in all segments: the paper's insertion
   * probe count, in groups of {@link ControlBytes#GROUP_SLOTS} slots.
   *
   * @return the group count
   */
  public int lastClaimProbes() {
    return lastClaimProbes;
  }

  /** Whether the later count of the key's first segment-0 group cannot count one more key. */
  private boolean laterCountFull(long hash) {
    long[] words = control[0];
    return ControlBytes.laterFull(words[Hashing.startGroup(hash, 0, words.length)]);
  }

  /**
   * Frees the live slot at {@code position}, which holds the key of hash {@code hash}; the map
   * clears its key and value there if they hold references. If the key was the deepest of its start
   * group, the start group's reach falls to the next deepest one's, which {@code slotHashes} tells
   * among the groups the key passed: O(its probe count) groups. It also takes the key off the later
   * count of its first segment-0 group if it lives further on.
   *
   * @param position the live position, as a claim returned it
   * @param hash the table hash of the key stored there
   * @param slotHashes the hashes of the map's other live keys
   */
  public void release(long position, long hash, SlotHashes slotHashes) {
    if (collisions != null) {
      hash = collisions.remove(position, hash);
      if (collisions.size() == 0) {
        collisions = null;
      }
    }
    int s = segment(position);
    int slot = slot(position);
    long[] words = control[s];
    int target = slot / ControlBytes.GROUP_SLOTS;
    words[target] =
        ControlBytes.withByte(words[target], slot - firstSlot(target), ControlBytes.EMPTY);
    int start = Hashing.startGroup(hash, s, words.length);
    if (target != start) {
      int probes = 1;
      for (int group = start; group != target; probes++) {
        group = Hashing.nextGroup(group, probes, words.length);
      }
      forgetDepth(s, probes);
      int reach = ControlBytes.reach(words[start]);
      if (probes - 1 >= reach || reach == ControlBytes.MAX_REACH) {
        int within =
            reach == ControlBytes.MAX_REACH
                ? longestProbe[s]
                : Math.min(reach + 1, longestProbe[s]);
        words[start] = ControlBytes.withReach(words[start], reachOf(s, start, within, slotHashes));
      }
    }
    if (s > 0) {
      long[] first = control[0];
      int start0 = Hashing.startGroup(hash, 0, first.length);
      first[start0] = ControlBytes.withOneLaterLess(first[start0]);
    }
    liveSlots[s]--;
    size--;
    released = true;
    if (s < batch - 1) {
      freedBehindSchedule = true;
    }
  }

  /**
   * The reach of group {@code start} of segment {@code s} from its live keys: how many groups past
   * it the deepest live key starting there lies along its sequence, which holds none beyond its
   * first {@code within} groups.
   */
  private int reachOf(int s, int start, int within, SlotHashes slotHashes) {
    long[] words = control[s];
    int groups = words.length;
    int reach = 0;
    int group = start;
    for (int probes = 2; probes <= within; probes++) {
      group = Hashing.nextGroup(group, probes - 1, groups);
      int first = firstSlot(group);
      for (long live = ControlBytes.matchLive(words[group]); live != 0; live &= live - 1) {
        int slot = first + ControlBytes.lowestSlot(live);
        long keyHash = slotHashes.hashAt(s, slot);
        if (collisions != null) {
          keyHash = collisions.claimHashAt(position(s, slot), keyHash);
        }
        if (Hashing.startGroup(keyHash, s, groups) == start) {
          reach = probes - 1;
          break;
        }
      }
    }
    return reach;
  }

  /** Empties every segment, keeping allocated control arrays, and restarts the schedule. */
  public void clear() {
    for (long[] words : control) {
      if (words != null) {
        Arrays.fill(words, ControlBytes.ALL_EMPTY);
      }
    }
    Arrays.fill(longestProbe, 0);
    Arrays.fill(liveAtDepth, null);
    Arrays.fill(liveSlots, 0);
    activeSegments = 0;
    size = 0;
    batch = 0;
    segmentZeroOpenBelow = geometry.threeQuarterSlots(0) - 1;
    freedBehindSchedule = false;
    released = false;
    churned = false;
    limitSegment = -1;
    collisions = null;
    claimLimit = geometry.maxUsedSlots();
  }

  /**
   * An empty table to rebuild into when {@link #claim} returns {@link #NEEDS_RESIZE}: one whose
   * first segment is {@link SegmentGeometry#GROWTH} times as large, with room for one more entry
   * than this table holds (also when an insertion after removals walked past a {@link
   * #CHURNED_RUN}). A table that met a {@link #CROWDED_RUN} rebuilds with a fresh {@link #seed}
   * instead, at the same size unless it is also at its load limit.
   *
   * @return the new, empty table
   */
  public ElasticTable resized() {
    boolean crowded = claimLimit < geometry.maxUsedSlots() && !churned;
    SegmentGeometry target = geometry;
    if (!crowded || size >= geometry.maxUsedSlots()) {
      target = geometry.grownFor(size + 1);
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

  /**
   * Whether {@code entries} live entries fit without growing.
   *
   * @param entries a number of entries
   * @return whether they fit
   */
  public boolean admits(int entries) {
    return entries <= geometry.maxUsedSlots();
  }

  /**
   * Snapshot statistics of every segment.
   *
   * @return the statistics
   */
  public ElasticStats stats() {
    List<ElasticStats.Segment> segments = new ArrayList<>(geometry.segmentCount());
    for (int s = 0; s < geometry.segmentCount(); s++) {
      segments.add(
          new ElasticStats.Segment(
              geometry.slots(s), control[s] != null, liveSlots[s], longestProbe[s]));
    }
    return new ElasticStats(
        geometry.delta(), batch, geometry.maxUsedSlots(), List.copyOf(segments));
  }

  private int freeSlots(int segment) {
    return geometry.slots(segment) - liveSlots[segment];
  }

  private int probeLimit(int segment) {
    int free = freeSlots(segment);
    if (segment != limitSegment || free < limitValidFromEmpty || free >= limitValidBelowEmpty) {
      int slots = geometry.slots(segment);
      double delta = geometry.effectiveDelta();
      cachedLimit = ProbeLimit.limit(free, slots, delta);
      limitValidFromEmpty = ProbeLimit.minEmptySlotsFor(cachedLimit, slots, delta);
      limitValidBelowEmpty =
          cachedLimit == 1
              ? Integer.MAX_VALUE
              : ProbeLimit.minEmptySlotsFor(cachedLimit - 1, slots, delta);
      limitSegment = segment;
    }
    return cachedLimit;
  }

  /**
   * Probes a segment until a free slot, or the roomiest segment instead if this one is full or has
   * fewer than half its low-water share of free slots (see {@link #roomiest}); one with a free slot
   * exists because the load limit keeps at least one slot free.
   */
  private long probeUntilFree(int segment, long hash, int fingerprint) {
    int free = freeSlots(segment);
    int s =
        free == 0 || 2L * free < geometry.lowWaterEmptySlots(segment) ? roomiest(segment) : segment;
    long position = probe(s, hash, fingerprint, Integer.MAX_VALUE);
    if (lastClaimProbes > CROWDED_RUN && !reseeded && 16L * freeSlots(s) > geometry.slots(s)) {
      claimLimit = 0;
    }
    return position;
  }

  /**
   * The segment with the largest share of free slots, or {@code segment} if none has more. A fill
   * never leaves a segment it probes until free that short of room; churn at the load limit does:
   * removals free slots in every segment while the schedule keeps sending insertions to the last
   * ones, which fill up, and a search until free of a segment with a handful of free slots costs a
   * sizeable share of its groups (4,104 groups at delta 1/32 in a table of 2^20 slots; 262,194 at
   * 1/1024). The table as a whole keeps {@code delta} of its slots free, so the roomiest segment
   * has at least that share, and the search costs {@code O(1/delta)} groups.
   */
  private int roomiest(int segment) {
    int best = segment;
    for (int s = 0; s < geometry.segmentCount(); s++) {
      if ((long) freeSlots(s) * geometry.slots(best) > (long) freeSlots(best) * geometry.slots(s)) {
        best = s;
      }
    }
    return best;
  }

  /**
   * Takes the first free slot among the first {@code limit} groups of the key's sequence in the
   * segment, or returns -1 if those groups are all live.
   */
  private long probe(int segment, long hash, int fingerprint, int limit) {
    long[] words = control[segment];
    if (words == null) {
      words = emptyWords(geometry.groups(segment));
      control[segment] = words;
    }
    int groups = words.length;
    int start = Hashing.startGroup(hash, segment, groups);
    int group = start;
    for (int probes = 1; probes <= limit; probes++) {
      long word = words[group];
      long free = ControlBytes.matchFree(word);
      if (free != 0) {
        int slotInGroup = ControlBytes.lowestSlot(free);
        words[group] = ControlBytes.withByte(word, slotInGroup, fingerprint);
        if (probes - 1 > ControlBytes.reach(words[start])) {
          words[start] = ControlBytes.withReach(words[start], probes - 1);
        }
        occupy(segment, hash, probes);
        return position(segment, firstSlot(group) + slotInGroup);
      }
      group = Hashing.nextGroup(group, probes, groups);
    }
    return -1;
  }

  private void occupy(int segment, long hash, int probes) {
    if (segment > 0) {
      long[] words = control[0];
      int start = Hashing.startGroup(hash, 0, words.length);
      words[start] = ControlBytes.withOneLaterMore(words[start]);
    }
    liveSlots[segment]++;
    size++;
    lastClaimProbes = probes;
    if (probes > longestProbe[segment]) {
      longestProbe[segment] = probes;
    }
    if (probes > 1) {
      int[] depths = liveAtDepth[segment];
      if (depths == null) {
        depths = new int[DEPTHS_TRACKED + 1];
        liveAtDepth[segment] = depths;
      }
      depths[Math.min(probes, DEPTHS_TRACKED)]++;
    }
    if (segment >= activeSegments) {
      activeSegments = segment + 1;
    }
  }

  /**
   * Takes a removed key whose insertion inspected {@code probes > 1} groups of segment {@code s}
   * off {@link #liveAtDepth}; if it was the last one as deep as {@link #longestProbe}, the longest
   * probe falls to the deepest live key left (1 if none is past its first group).
   */
  private void forgetDepth(int s, int probes) {
    int[] depths = liveAtDepth[s];
    int depth = Math.min(probes, DEPTHS_TRACKED);
    depths[depth]--;
    if (depths[depth] > 0 || depth < Math.min(longestProbe[s], DEPTHS_TRACKED)) {
      return;
    }
    int deepest = depth - 1;
    while (deepest > 1 && depths[deepest] == 0) {
      deepest--;
    }
    longestProbe[s] = deepest;
  }

  private static long[] emptyWords(int groups) {
    long[] words = new long[groups];
    Arrays.fill(words, ControlBytes.ALL_EMPTY);
    return words;
  }

  private void advanceBatch() {
    int segments = geometry.segmentCount();
    while (batch < segments) {
      boolean done;
      if (batch == 0) {
        done = liveSlots[0] >= geometry.threeQuarterSlots(0);
      } else {
        int current = batch - 1;
        done =
            freeSlots(current) <= geometry.lowWaterEmptySlots(current)
                && liveSlots[batch] >= geometry.threeQuarterSlots(batch);
      }
      if (!done) {
        return;
      }
      batch++;
      segmentZeroOpenBelow = geometry.slots(0) - geometry.lowWaterEmptySlots(0);
    }
  }
}
