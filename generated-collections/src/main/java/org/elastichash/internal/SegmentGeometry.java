package org.elastichash.internal;

/**
 * Segment sizes of an elastic table: segment {@code i} has {@code topGroups >> i} groups, halving
 * from one segment to the next as in the paper, down to one group.
 *
 * <p>Only about {@code log2(1/delta) + 2} segments ever hold keys before the table reaches its load
 * limit {@code 1 - delta}, so that is how many a geometry has; the smaller tail the paper keeps for
 * its analysis would never be reached.
 *
 * <p><b>Extreme deltas.</b> Every delta in (0, 1) is accepted, and the schedule runs on the {@link
 * #effectiveDelta}, the delta clamped to what the table can express. Below one free slot in the
 * whole table ({@code 1 / (2 * slots(0))}, more than the capacity) a smaller delta changes nothing:
 * the table then fills to one slot short of full, and segments stop at one group. Above {@link
 * #MAX_EFFECTIVE_DELTA} the table keeps that fraction free instead, so that doubling still adds
 * room (at {@code delta = 1 - 1e-16} no table of any size would hold one entry). And every table
 * holds at least one entry, so that growth always makes progress.
 */
public final class SegmentGeometry {

  /** The largest first segment: 2^27 groups, 2^30 slots, so slot indexes fit in an int. */
  public static final int MAX_TOP_GROUPS = 1 << 27;

  /**
   * The largest free fraction a table keeps, {@code 1 - 2^-10}: at least one slot in 1,024 can be
   * used, whatever delta was asked for.
   */
  public static final double MAX_EFFECTIVE_DELTA = 1.0 - 0x1p-10;

  /**
   * The smallest delta {@link #idealSegmentCount} tells apart: 62 segments, more than any table.
   */
  private static final double MIN_COUNTED_DELTA = 0x1p-60;

  private final int topGroups;
  private final double delta;
  private final double effectiveDelta;
  private final int segmentCount;
  private final int capacity;
  private final int maxUsedSlots;
  private final int[] slots;
  private final int[] threeQuarterSlots;
  private final int[] lowWaterEmptySlots;

  /**
   * Creates the geometry whose first segment has {@code topGroups} groups.
   *
   * @param topGroups a power of two between 1 and {@link #MAX_TOP_GROUPS}
   * @param delta the free fraction the table keeps, in (0, 1)
   */
  public SegmentGeometry(int topGroups, double delta) {
    if (topGroups < 1 || topGroups > MAX_TOP_GROUPS || Integer.bitCount(topGroups) != 1) {
      throw new IllegalArgumentException(
          "topGroups must be a power of two in [1, " + MAX_TOP_GROUPS + "], was " + topGroups);
    }
    Arguments.checkDelta(delta);
    this.topGroups = topGroups;
    this.delta = delta;
    double oneSlotInCapacity = 1.0 / (2.0 * topGroups * ControlBytes.GROUP_SLOTS);
    this.effectiveDelta = Math.min(MAX_EFFECTIVE_DELTA, Math.max(delta, oneSlotInCapacity));
    int halvings = Integer.numberOfTrailingZeros(topGroups);
    this.segmentCount = Math.min(idealSegmentCount(effectiveDelta), halvings + 1);
    this.slots = new int[segmentCount];
    this.threeQuarterSlots = new int[segmentCount];
    this.lowWaterEmptySlots = new int[segmentCount];
    int total = 0;
    for (int s = 0; s < segmentCount; s++) {
      slots[s] = (topGroups >>> s) * ControlBytes.GROUP_SLOTS;
      threeQuarterSlots[s] = (int) Math.ceil(0.75 * slots[s]);
      lowWaterEmptySlots[s] = (int) Math.floor(effectiveDelta / 2.0 * slots[s]);
      total += slots[s];
    }
    this.capacity = total;
    long limit = (long) Math.floor((1.0 - effectiveDelta) * total);
    this.maxUsedSlots = (int) Math.max(1L, Math.min(total - 1L, limit));
  }

  /**
   * The smallest geometry whose load limit admits {@code expectedSize} entries.
   *
   * @throws IllegalArgumentException if no geometry is large enough
   */
  public static SegmentGeometry forExpectedSize(int expectedSize, double delta) {
    Arguments.checkExpectedSize(expectedSize);
    for (int topGroups = 1; ; topGroups <<= 1) {
      SegmentGeometry geometry = new SegmentGeometry(topGroups, delta);
      if (geometry.maxUsedSlots() >= expectedSize) {
        return geometry;
      }
      if (topGroups == MAX_TOP_GROUPS) {
        throw new IllegalArgumentException(
            "expectedSize is larger than the largest table holds ("
                + geometry.maxUsedSlots()
                + "), was "
                + expectedSize);
      }
    }
  }

  /**
   * Segments the batch schedule reaches before the load limit: {@code ceil(log2(1/delta)) + 2}.
   * Batch {@code i} ends with segment {@code i + 1} three quarters full, and by then the used
   * fraction of all segments so far exceeds {@code 1 - delta}. Deltas below {@code 2^-60} count as
   * {@code 2^-60} (62 segments, more than any table has), so that no delta overflows the count.
   */
  public static int idealSegmentCount(double delta) {
    double counted = Math.max(delta, MIN_COUNTED_DELTA);
    return (int) Math.ceil(Math.log(1.0 / counted) / Math.log(2.0) - 1e-9) + 2;
  }

  /** The geometry with a first segment twice as large, or this one if it cannot grow. */
  public SegmentGeometry doubled() {
    if (topGroups == MAX_TOP_GROUPS) {
      throw new IllegalStateException(
          "the map cannot grow beyond " + maxUsedSlots + " entries at delta " + delta);
    }
    return new SegmentGeometry(topGroups << 1, delta);
  }

  /** Groups in the first segment. */
  public int topGroups() {
    return topGroups;
  }

  /** The free fraction this geometry was asked to keep, as given. */
  public double delta() {
    return delta;
  }

  /**
   * The free fraction the schedule and the load limit use: {@link #delta} clamped to at least one
   * slot in twice the first segment's slots and at most {@link #MAX_EFFECTIVE_DELTA}.
   */
  public double effectiveDelta() {
    return effectiveDelta;
  }

  /** Number of segments. */
  public int segmentCount() {
    return segmentCount;
  }

  /** Groups in segment {@code segment}. */
  public int groups(int segment) {
    return topGroups >>> segment;
  }

  /** Slots in segment {@code segment}. */
  public int slots(int segment) {
    return slots[segment];
  }

  /** Slots in all segments. */
  public int capacity() {
    return capacity;
  }

  /**
   * The most slots that may be in use (live or tombstone) before the table must grow or rebuild:
   * {@code floor((1 - effectiveDelta) * capacity)}, always at least one slot short of full and at
   * least one.
   */
  public int maxUsedSlots() {
    return maxUsedSlots;
  }

  /** The used-slot count that ends batch 0 in segment 0, or batch {@code i} in segment i: 75%. */
  public int threeQuarterSlots(int segment) {
    return threeQuarterSlots[segment];
  }

  /**
   * The empty-slot count at or below which segment {@code segment} counts as full for its batch:
   * {@code floor(effectiveDelta / 2 * slots)}.
   */
  public int lowWaterEmptySlots(int segment) {
    return lowWaterEmptySlots[segment];
  }
}
