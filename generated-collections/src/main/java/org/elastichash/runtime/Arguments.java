package org.elastichash.runtime;

/** Argument checks shared by every map, with messages that name the argument and its value. */
public final class Arguments {

  /** The delta maps use when none is given; see the README for the measurement behind it. */
  public static final double DEFAULT_DELTA = 0.125;

  /** The expected size maps use when none is given. */
  public static final int DEFAULT_EXPECTED_SIZE = 16;

  private Arguments() {}

  /**
   * Checks an expected size.
   *
   * @param expectedSize the number of entries a collection is sized for
   * @return {@code expectedSize}
   * @throws IllegalArgumentException if {@code expectedSize} is negative
   */
  public static int checkExpectedSize(int expectedSize) {
    if (expectedSize < 0) {
      throw new IllegalArgumentException("expectedSize must be non-negative, was " + expectedSize);
    }
    return expectedSize;
  }

  /**
   * Checks a delta, the fraction of slots a map keeps free.
   *
   * @param delta the free fraction
   * @return {@code delta}
   * @throws IllegalArgumentException if {@code delta} is NaN or outside the open interval (0, 1)
   */
  public static double checkDelta(double delta) {
    if (!(delta > 0.0 && delta < 1.0)) {
      throw new IllegalArgumentException("delta must be in (0, 1), was " + delta);
    }
    return delta;
  }

  /**
   * Checks that a reference argument is not null.
   *
   * @param <T> the argument's type
   * @param value the argument
   * @param name the parameter's name, for the message
   * @return {@code value}
   * @throws NullPointerException naming {@code name} if {@code value} is null
   */
  public static <T> T checkNotNull(T value, String name) {
    if (value == null) {
      throw new NullPointerException(name + " must not be null");
    }
    return value;
  }
}
