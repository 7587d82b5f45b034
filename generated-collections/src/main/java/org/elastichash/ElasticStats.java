package org.elastichash;

import java.util.List;

/**
 * A snapshot of an elastic map's structure: the window into elastic hashing that other libraries do
 * not offer. Segments are listed in lookup order; the first is the largest.
 *
 * @param delta the free fraction the map keeps; it grows or rebuilds at {@code 1 - delta} used
 * @param batch the current batch of the insertion schedule
 * @param maxUsedSlots used slots (live plus tombstones) at which the map grows or rebuilds
 * @param segments per-segment figures
 */
public record ElasticStats(double delta, int batch, int maxUsedSlots, List<Segment> segments) {

  /**
   * Figures of one segment.
   *
   * @param capacity slots in the segment
   * @param allocated whether its arrays exist yet (segments are allocated when first used)
   * @param live live entries
   * @param tombstones slots of removed entries not yet reused
   * @param longestProbeRun the most groups of eight slots any insertion here has inspected
   */
  public record Segment(
      int capacity, boolean allocated, int live, int tombstones, int longestProbeRun) {

    /**
     * Live entries as a fraction of capacity.
     *
     * @return the segment's load
     */
    public double load() {
      return (double) live / capacity;
    }
  }

  /**
   * Live entries in all segments.
   *
   * @return the map's size
   */
  public int size() {
    return segments.stream().mapToInt(Segment::live).sum();
  }

  /**
   * Slots in all segments, allocated or not.
   *
   * @return the capacity
   */
  public int capacity() {
    return segments.stream().mapToInt(Segment::capacity).sum();
  }

  /**
   * Slots in segments whose arrays are allocated.
   *
   * @return the allocated capacity
   */
  public int allocatedCapacity() {
    return segments.stream().filter(Segment::allocated).mapToInt(Segment::capacity).sum();
  }

  /**
   * Tombstones in all segments.
   *
   * @return the tombstones
   */
  public int tombstones() {
    return segments.stream().mapToInt(Segment::tombstones).sum();
  }

  /**
   * Live entries as a fraction of all slots.
   *
   * @return the map's load
   */
  public double load() {
    return (double) size() / capacity();
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            "delta=%.4f batch=%d size=%d capacity=%d allocated=%d load=%.3f tombstones=%d%n",
            delta, batch, size(), capacity(), allocatedCapacity(), load(), tombstones()));
    out.append(
        String.format(
            "%8s %10s %10s %8s %10s %12s%n",
            "segment", "capacity", "live", "load", "tombstones", "longestProbe"));
    for (int s = 0; s < segments.size(); s++) {
      Segment segment = segments.get(s);
      out.append(
          String.format(
              "%8d %10d %10d %8.3f %10d %12d%n",
              s,
              segment.capacity(),
              segment.live(),
              segment.load(),
              segment.tombstones(),
              segment.longestProbeRun()));
    }
    return out.toString();
  }
}
