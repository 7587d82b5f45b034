package org.elastichash.internal;

/**
 * The paper's probe-limit function {@code f(eps) = c * min(log2(1/eps)^2, log2(1/delta))}: how many
 * groups an insertion may try in the fuller segment of a batch before it moves on to the emptier
 * one. Probes are counted in groups of {@link ControlBytes#GROUP_SLOTS} slots, so {@link #C} is per
 * group, and the limit is never below one group.
 */
public final class ProbeLimit {

  /** The constant {@code c} of the paper's {@code f}. */
  public static final double C = 1.0;

  private ProbeLimit() {}

  /**
   * The limit for a segment with {@code emptySlots} never-used slots out of {@code slots}; an empty
   * fraction of zero takes the {@code log2(1/delta)} cap.
   */
  public static int limit(int emptySlots, int slots, double delta) {
    double cap = log2(1.0 / delta);
    double squared;
    if (emptySlots <= 0) {
      squared = Double.POSITIVE_INFINITY;
    } else {
      double logInverse = log2((double) slots / emptySlots);
      squared = logInverse * logInverse;
    }
    return Math.max(1, (int) Math.ceil(C * Math.min(squared, cap)));
  }

  /**
   * The fewest never-used slots for which {@link #limit} is at most {@code limit}. The limit falls
   * as empty slots rise, so this is a binary search over {@code [0, slots]}; callers cache the
   * result and recompute only when the empty count crosses it.
   */
  public static int minEmptySlotsFor(int limit, int slots, double delta) {
    int low = 0;
    int high = slots;
    if (limit(high, slots, delta) > limit) {
      return slots + 1;
    }
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (limit(mid, slots, delta) <= limit) {
        high = mid;
      } else {
        low = mid + 1;
      }
    }
    return low;
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2.0);
  }
}
