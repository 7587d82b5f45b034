package org.elastichash.internal;

import org.elastichash.runtime.ControlBytes;

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
   * as empty slots rise; solving {@code C * log2(slots / e)^2 <= limit} for {@code e} gives the
   * threshold in closed form, and a step or two of {@link #limit} itself corrects the
   * floating-point rounding, so this costs a few logarithms rather than a search. Callers cache the
   * result and recompute only when the empty count crosses it.
   */
  public static int minEmptySlotsFor(int limit, int slots, double delta) {
    if (limit(slots, slots, delta) > limit) {
      return slots + 1;
    }
    if (limit(0, slots, delta) <= limit) {
      return 0;
    }
    int threshold = (int) Math.min(slots, Math.ceil(slots / Math.pow(2.0, Math.sqrt(limit / C))));
    while (threshold > 0 && limit(threshold - 1, slots, delta) <= limit) {
      threshold--;
    }
    while (limit(threshold, slots, delta) > limit) {
      threshold++;
    }
    return threshold;
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2.0);
  }
}
