package org.elastichash;

import java.util.List;

/**
 * A snapshot of an elastic map's structure: the window into elastic hashing that other libraries do
 * not offer. Segments are listed in lookup order; the first is the largest.
 *
 * @param delta the free fraction the map keeps; it grows at {@code 1 - delta} of its capacity
 * @param batch the current batch of the insertion schedule
 * @param maxUsedSlots live entries at which the map grows (removals leave no tombstones)
 * @param segments per-segment figures
 */
public record ElasticStats(double delta, int batch, int maxUsedSlots, List<Segment> segments) {

  /**
   * Figures of one segment.
   *
   * @param capacity slots in the segment
   * @param allocated whether its arrays exist yet (segments are allocated when first used)
   * @param live live entries
   * @param longestProbeRun the most groups of seven slots that the insertion of a key still live
   *     here inspected
   */
  public record Segment(int capacity, boolean allocated, int live, int longestProbeRun) {

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
            "delta=%.4f batch=%d size=%d capacity=%d allocated=%d load=%.3f%n",
            delta, batch, size(), capacity(), allocatedCapacity(), load()));
    out.append(
        String.format(
            "%8s %10s %10s %8s %12s%n", "segment", "capacity", "live", "load", "longestProbe"));
    for (int s = 0; s < segments.size(); s++) {
      Segment segment = segments.get(s);
      out.append(
          String.format(
              "%8d %10d %10d %8.3f %12d%n",
              s, segment.capacity(), segment.live(), segment.load(), segment.longestProbeRun()));
    }
    return out.toString();
  }
}
