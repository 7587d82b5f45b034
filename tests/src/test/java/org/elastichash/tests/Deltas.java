package org.elastichash.tests;

import java.util.stream.DoubleStream;

/**
 * The deltas the tests sweep, kept in one place so that a delta that once broke something stays in
 * every sweep that should cover it.
 */
public final class Deltas {

  /**
   * Across the whole open interval (0, 1): both ends, the seam at 1/2 where tiny tables hold three
   * slots or fewer, the seam of the probe-limit constant at 1/16, and the everyday values between.
   */
  private static final double[] ACROSS_THE_RANGE = {
    Double.MIN_VALUE,
    1e-300,
    1e-12,
    1e-6,
    1.0 / 1024,
    0.01,
    1.0 / 32,
    1.0 / 16,
    0.1,
    0.125,
    0.25,
    0.5,
    Math.nextUp(0.5),
    0.75,
    0.99,
    Math.nextDown(1.0)
  };

  /**
   * Deltas whose tables stay cheap to fill to the load limit, from 1/2 down to 1/1024: the default
   * (1/8), a non-power-of-two (0.1) and both sides of the probe-limit constant's seam at 1/16.
   */
  private static final double[] SCHEDULED = {0.5, 0.25, 0.125, 0.1, 1.0 / 64, 1.0 / 1024};

  private Deltas() {}

  /**
   * {@link #ACROSS_THE_RANGE}, for loops and {@code @MethodSource}.
   *
   * @return the deltas
   */
  public static double[] acrossTheRange() {
    return ACROSS_THE_RANGE.clone();
  }

  /**
   * {@link #SCHEDULED}, for loops.
   *
   * @return the deltas
   */
  public static double[] scheduled() {
    return SCHEDULED.clone();
  }

  /**
   * {@link #SCHEDULED}, for {@code @MethodSource("org.elastichash.tests.Deltas#scheduledStream")}.
   *
   * @return the deltas
   */
  public static DoubleStream scheduledStream() {
    return DoubleStream.of(SCHEDULED);
  }
}
