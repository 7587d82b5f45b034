package org.elastichash.runtime;

import java.io.InvalidObjectException;

/**
 * Checks shared by every map's and set's {@code readObject}. The serial form is the delta (a
 * double), the entry count (an int), then the entries; a stream is untrusted input, so every way it
 * can be wrong ends in an {@link InvalidObjectException} and never in another exception type or a
 * map that breaks its invariants.
 */
public final class SerialForm {

  /**
   * The most entries a map presizes for before it has read them: a stream that announces more must
   * also carry them, and the map grows as they arrive, so a forged count cannot make it allocate
   * gigabytes for a stream of a few bytes.
   */
  public static final int PRESIZE_LIMIT = 1 << 16;

  private SerialForm() {}

  /**
   * Checks a stream's delta and entry count and returns the expected size to build the table for:
   * the count, up to {@link #PRESIZE_LIMIT}.
   *
   * @param delta the delta the stream carries
   * @param size the entry count the stream announces
   * @return the expected size to build the table for
   * @throws InvalidObjectException if the delta is not in (0, 1), or the count is negative or more
   *     than the largest table holds at that delta
   */
  public static int expectedSize(double delta, int size) throws InvalidObjectException {
    if (!(delta > 0.0 && delta < 1.0)) {
      throw new InvalidObjectException("corrupt stream: delta must be in (0, 1), was " + delta);
    }
    if (size < 0) {
      throw new InvalidObjectException("corrupt stream: negative size " + size);
    }
    int largest = new SegmentGeometry(SegmentGeometry.MAX_TOP_GROUPS, delta).maxUsedSlots();
    if (size > largest) {
      throw new InvalidObjectException(
          "corrupt stream: size " + size + " is more than a table holds at delta " + delta);
    }
    return Math.min(size, PRESIZE_LIMIT);
  }

  /**
   * Checks, after reading {@code announced} entries, that the map holds that many.
   *
   * @param announced the entry count the stream announced
   * @param held the entries the map holds after reading them
   * @throws InvalidObjectException if it holds fewer: the stream repeated a key
   */
  public static void checkDistinct(int announced, int held) throws InvalidObjectException {
    if (held != announced) {
      throw new InvalidObjectException(
          "corrupt stream: "
              + announced
              + " entries announced, but only "
              + held
              + " distinct keys followed");
    }
  }
}
