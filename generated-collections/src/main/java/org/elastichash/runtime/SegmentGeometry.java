package org.elastichash.runtime;

/**
 * Segment sizes of an elastic table. Segment 0 has {@code topGroups} groups, any number from 1 to
 * {@link #MAX_TOP_GROUPS}; segment {@code i} has {@code topGroups * RATIO^i} of them, rounded up
 * and at least one. The paper halves from one segment to the next; a ratio of 1/8 keeps nine tenths
 * of the keys in segment 0 at the load limit, so lookups rarely go further, and the batch schedule
 * still bounds the worst insertion by O(log 1/delta) probes.
 *
 * <p>A geometry has only the segments the batch schedule reaches before the table holds {@code 1 -
 * delta} of its slots: batch {@code i} ends with segments below {@code i} at {@code 1 - delta/2}
 * and segment {@code i} at 3/4, and the count is the first at which that reaches the load limit,
 * computed on the rounded segment sizes. Growth multiplies the first segment by {@link #GROWTH}
 * instead of doubling it, so that the average load over a map's growth stays near its limit (memory
 * is what growth steps cost).
 */
public final class SegmentGeometry {

  /**
   * The largest first segment: 250 million groups, so that all segments together stay below 2^31
   * slots and slot indexes fit in an int.
   */
  public static final int MAX_TOP_GROUPS = 250_000_000;

  /** The most segments any geometry has. */
  public static final int MAX_SEGMENTS = 32;

  /** Segment {@code i + 1}'s size over segment {@code i}'s. */
  public static final double RATIO = 0.125;

  /**
   * The largest free fraction a table keeps, {@code 1 - 2^-10}: at least one slot in 1,024 can be
   * used, whatever delta was asked for, so that a map can always hold entries and growth always
   * adds room (at {@code delta = Math.nextDown(1.0)} no table of any size would hold one entry).
   */
  public static final double MAX_EFFECTIVE_DELTA = 1.0 - 0x1p-10;

  /** The factor by which a full table's first segment grows, once it has {@link #SMALL_GROUPS}. */
  public static final double GROWTH = 1.25;

  /**
   * Below this many groups in the first segment (about 7,000 entries) a full table doubles: small
   * tables cost little memory either way, and doubling moves each entry fewer times.
   */
  public static final int SMALL_GROUPS = 1024;

  private final int topGroups;
  private final double delta;
  private final double effectiveDelta;
  private final int segmentCount;
  private final int capacity;
  private final int maxUsedSlots;
  private final int[] groups;
  private final int[] threeQuarterSlots;
  private final int[] lowWaterEmptySlots;

  /**
   * Creates the geometry whose first segment has {@code topGroups} groups.
   *
   * @param topGroups groups in the first segment, between 1 and {@link #MAX_TOP_GROUPS}
   * @param delta the free fraction the table keeps, in (0, 1)
   */
  public SegmentGeometry(int topGroups, double delta) {
    if (topGroups < 1 || topGroups > MAX_TOP_GROUPS) {
      throw new IllegalArgumentException(
          "topGroups must be in [1, " + MAX_TOP_GROUPS + "], was " + topGroups);
    }
    Arguments.checkDelta(delta);
    this.topGroups = topGroups;
    this.delta = delta;
    double oneSlotInCapacity = 1.0 / (2.0 * topGroups * ControlBytes.GROUP_SLOTS);
    this.effectiveDelta = Math.min(MAX_EFFECTIVE_DELTA, Math.max(delta, oneSlotInCapacity));
    this.groups = scheduledGroups(topGroups, effectiveDelta);
    this.segmentCount = groups.length;
    this.threeQuarterSlots = new int[segmentCount];
    this.lowWaterEmptySlots = new int[segmentCount];
    long total = 0;
    for (int s = 0; s < segmentCount; s++) {
      int slots = groups[s] * ControlBytes.GROUP_SLOTS;
      threeQuarterSlots[s] = (int) Math.ceil(0.75 * slots);
      lowWaterEmptySlots[s] = (int) Math.floor(effectiveDelta / 2.0 * slots);
      total += slots;
    }
    this.capacity = (int) total;
    long limit = (long) Math.floor((1.0 - effectiveDelta) * total);
    this.maxUsedSlots = (int) Math.max(1L, Math.min(total - 1L, limit));
  }

  /**
   * The group counts of the segments the batch schedule reaches before the load limit: the first
   * {@code k} segments for which those before the last at {@code 1 - delta/2} and the last at 3/4
   * hold {@code 1 - delta} of all {@code k}; or all down to a one-group segment, or {@link
   * #MAX_SEGMENTS}, when a tiny delta asks for more (its load limit is then one slot short of
   * full).
   */
  private static int[] scheduledGroups(int topGroups, double delta) {
    int[] groups = new int[MAX_SEGMENTS];
    groups[0] = topGroups;
    double filledBefore = 0;
    long total = topGroups;
    double size = topGroups;
    int count = 1;
    while (count < MAX_SEGMENTS) {
      filledBefore += (1.0 - delta / 2.0) * groups[count - 1];
      size *= RATIO;
      int next = (int) Math.max(1, Math.ceil(size - 1e-9));
      groups[count++] = next;
      total += next;
      if (next == 1 || filledBefore + 0.75 * next >= (1.0 - delta) * total) {
        break;
      }
    }
    return java.util.Arrays.copyOf(groups, count);
  }

  /**
   * The smallest geometry whose load limit admits {@code expectedSize} entries.
   *
   * @param expectedSize the entries the table must hold without growing, non-negative
   * @param delta the free fraction the table keeps, in (0, 1)
   * @return the geometry
   * @throws IllegalArgumentException if no geometry is large enough
   */
  public static SegmentGeometry forExpectedSize(int expectedSize, double delta) {
    Arguments.checkExpectedSize(expectedSize);
    Arguments.checkDelta(delta);
    SizedGeometry cached = lastSized;
    if (cached != null && cached.expectedSize == expectedSize && cached.delta == delta) {
      return cached.geometry;
    }
    SegmentGeometry largest = new SegmentGeometry(MAX_TOP_GROUPS, delta);
    if (largest.maxUsedSlots < expectedSize) {
      throw new IllegalArgumentException(
          "expectedSize is larger than the largest table holds ("
              + largest.maxUsedSlots
              + "), was "
              + expectedSize);
    }
    // The load limit only rises with the first segment's size: search for the smallest that fits,
    // below twice a first segment that holds expectedSize at 1 - delta when one exists.
    int low = 1;
    int high = MAX_TOP_GROUPS;
    double guess = 2.0 * Math.ceil(expectedSize / ((1.0 - delta) * ControlBytes.GROUP_SLOTS)) + 2;
    if (guess < MAX_TOP_GROUPS
        && new SegmentGeometry((int) guess, delta).maxUsedSlots >= expectedSize) {
      high = (int) guess;
    }
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (new SegmentGeometry(middle, delta).maxUsedSlots >= expectedSize) {
        high = middle;
      } else {
        low = middle + 1;
      }
    }
    SegmentGeometry geometry = new SegmentGeometry(low, delta);
    lastSized = new SizedGeometry(expectedSize, delta, geometry);
    return geometry;
  }

  /**
   * A {@link #forExpectedSize} result: geometries never change once made, so they can be shared.
   */
  private record SizedGeometry(int expectedSize, double delta, SegmentGeometry geometry) {}

  /**
   * The last {@link #forExpectedSize} result, so that maps made one after another at the same size
   * (every default constructor) skip the search, which costs about 30 geometries.
   */
  private static volatile SizedGeometry lastSized;

  /**
   * The geometry to grow into when this one is full: a first segment {@link #GROWTH} times as large
   * (twice as large below {@link #SMALL_GROUPS}), and at least large enough for {@code entries}.
   *
   * @param entries the live entries the grown table must admit
   * @return the grown geometry
   * @throws IllegalStateException if this geometry is the largest
   */
  public SegmentGeometry grownFor(int entries) {
    if (topGroups == MAX_TOP_GROUPS) {
      throw new IllegalStateException(
          "the map cannot grow beyond " + maxUsedSlots + " entries at delta " + delta);
    }
    double factor = topGroups < SMALL_GROUPS ? 2.0 : GROWTH;
    int next =
        (int) Math.min(MAX_TOP_GROUPS, Math.max(topGroups + 1L, (long) (topGroups * factor)));
    SegmentGeometry grown = new SegmentGeometry(next, delta);
    return grown.maxUsedSlots >= entries ? grown : forExpectedSize(entries, delta);
  }

  /**
   * Groups in the first segment.
   *
   * @return the group count
   */
  public int topGroups() {
    return topGroups;
  }

  /**
   * The free fraction this geometry was asked to keep, as given.
   *
   * @return delta, in (0, 1)
   */
  public double delta() {
    return delta;
  }

  /**
   * The free fraction the schedule and the load limit use: {@link #delta} clamped to at least one
   * slot in twice the first segment's slots and at most {@link #MAX_EFFECTIVE_DELTA}. Below one
   * free slot in the table a smaller delta changes nothing: the table fills to one slot short of
   * full.
   *
   * @return the effective delta
   */
  public double effectiveDelta() {
    return effectiveDelta;
  }

  /**
   * Number of segments.
   *
   * @return the segment count
   */
  public int segmentCount() {
    return segmentCount;
  }

  /**
   * Groups in segment {@code segment}.
   *
   * @param segment a segment index
   * @return the group count
   */
  public int groups(int segment) {
    return groups[segment];
  }

  /**
   * Slots in segment {@code segment}.
   *
   * @param segment a segment index
   * @return the slot count
   */
  public int slots(int segment) {
    return groups[segment] * ControlBytes.GROUP_SLOTS;
  }

  /**
   * Slots in all segments.
   *
   * @return the capacity
   */
  public int capacity() {
    return capacity;
  }

  /**
   * The most live entries before the table must grow: {@code floor((1 - effectiveDelta) *
   * capacity)}, always at least one slot short of full and at least one.
   *
   * @return the load limit in entries
   */
  public int maxUsedSlots() {
    return maxUsedSlots;
  }

  /**
   * The live count that ends batch 0 in segment 0, or batch {@code i} in segment i: 75%.
   *
   * @param segment a segment index
   * @return the slot count
   */
  public int threeQuarterSlots(int segment) {
    return threeQuarterSlots[segment];
  }

  /**
   * The free-slot count at or below which segment {@code segment} counts as full for its batch:
   * {@code floor(delta / 2 * slots)}.
   *
   * @param segment a segment index
   * @return the slot count
   */
  public int lowWaterEmptySlots(int segment) {
    return lowWaterEmptySlots[segment];
  }
}
