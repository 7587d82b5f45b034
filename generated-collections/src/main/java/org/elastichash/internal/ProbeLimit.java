package org.elastichash.internal;

import org.elastichash.runtime.ControlBytes;

/**
 * The paper's probe-limit function {@code f(eps) = c * min(log2(1/eps)^2, log2(1/delta))}: how many
 * groups an insertion may try in the fuller segment of a batch before it moves on to the emptier
 * one. Probes are counted in groups of {@link ControlBytes#GROUP_SLOTS} slots, so {@code c} is per
 * group, and the limit is never below one group.
 *
 * <p>The paper only asks {@code c} to be large enough that the insertions a limit turns away fit in
 * the next segment before it is 3/4 full; past that, the paper's third case searches the fuller
 * segment until a free slot, which costs {@code O(1/delta)} probes near its end (the table bounds
 * that search; see {@code ElasticTable}). With segments an eighth apart the next segment takes 3/8
 * of what the current one must absorb, not 3/2 as with halving, and the turned-away share grows as
 * delta shrinks, because a batch spends longer near {@code delta/2} free, where a limited probe
 * mostly fails. Measured over tables of 2^12 to 2^21 slots and deltas from 1/4 to 1/65536: {@link
 * #C} keeps the third case from ever firing down to delta 1/16, and below that {@link
 * #C_SMALL_DELTA} is the smallest that does (1.5 let it fire at 1/4096), measured with the paper's
 * unbounded third case. See {@link #constant}.
 */
public final class ProbeLimit {

  /** The constant {@code c} of the paper's {@code f} for delta at least {@link #SMALL_DELTA}. */
  public static final double C = 1.0;

  /** The constant {@code c} for delta below {@link #SMALL_DELTA}. */
  public static final double C_SMALL_DELTA = 1.75;

  /** The delta below which {@code c} is {@link #C_SMALL_DELTA}: 1/16. */
  public static final double SMALL_DELTA = 1.0 / 16;

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
    return Math.max(1, (int) Math.ceil(constant(delta) * Math.min(squared, cap)));
  }

  /**
   * The fewest never-used slots for which {@link #limit} is at most {@code limit}. The limit falls
   * as empty slots rise; solving {@code c * log2(slots / e)^2 <= limit} for {@code e} gives the
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
    int threshold =
        (int) Math.min(slots, Math.ceil(slots / Math.pow(2.0, Math.sqrt(limit / constant(delta)))));
    while (threshold > 0 && limit(threshold - 1, slots, delta) <= limit) {
      threshold--;
    }
    while (limit(threshold, slots, delta) > limit) {
      threshold++;
    }
    return threshold;
  }

  /**
   * The constant {@code c} of {@code f} at {@code delta}.
   *
   * @param delta the table's effective delta
   * @return {@link #C} from {@link #SMALL_DELTA} up, {@link #C_SMALL_DELTA} below
   */
  public static double constant(double delta) {
    return delta >= SMALL_DELTA ? C : C_SMALL_DELTA;
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2.0);
  }
}
