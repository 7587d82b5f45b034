package org.elastichash.tests.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.LongUnaryOperator;
import org.elastichash.internal.ControlBytes;
import org.elastichash.internal.Hashing;
import org.junit.jupiter.api.Test;

/**
 * The mixer must spread hostile key patterns (sequential, strided, differing only in high bits)
 * evenly over fingerprints, start groups, pass bits and directory bits: a chi-square bound on each,
 * loose enough for any decent mixer and far too tight for a broken one.
 */
class HashingTest {

  private static final int KEYS = 1 << 16;

  /** Chi-square statistic of the counts against a uniform expectation. */
  private static double chiSquare(int[] counts, int total) {
    double expected = (double) total / counts.length;
    double sum = 0;
    for (int count : counts) {
      sum += (count - expected) * (count - expected) / expected;
    }
    return sum;
  }

  /** Uniform enough: chi-square within 1.5 times the bins plus a margin (mean = bins - 1). */
  private static void assertUniform(int[] counts, String what) {
    double chi = chiSquare(counts, KEYS);
    assertTrue(chi < 1.5 * counts.length + 60, what + ": chi-square " + chi);
  }

  private static void assertSpreads(String pattern, LongUnaryOperator hashOfIndex) {
    int[] fingerprints = new int[128];
    int[] passBits = new int[16];
    int[] directoryBits = new int[16];
    int[][] groups = new int[4][1024];
    for (int i = 0; i < KEYS; i++) {
      long hash = hashOfIndex.applyAsLong(i);
      fingerprints[ControlBytes.fingerprint(hash)]++;
      passBits[Long.numberOfTrailingZeros(Hashing.passBit(hash))]++;
      directoryBits[Long.numberOfTrailingZeros(Hashing.directoryBit(hash, 1)) - 24]++;
      for (int s = 0; s < groups.length; s++) {
        groups[s][Hashing.startGroup(hash, s, 1023)]++;
      }
    }
    assertUniform(fingerprints, pattern + " fingerprints");
    assertUniform(passBits, pattern + " pass bits");
    assertUniform(directoryBits, pattern + " directory bits");
    for (int s = 0; s < groups.length; s++) {
      assertUniform(groups[s], pattern + " start groups of segment " + s);
    }
  }

  @Test
  void intKeysSpread() {
    assertSpreads("sequential ints", i -> Hashing.mix((int) i));
    assertSpreads("ints times 1024", i -> Hashing.mix((int) i << 10));
    assertSpreads("ints in the high bits", i -> Hashing.mix((int) i << 16));
  }

  @Test
  void longKeysSpread() {
    assertSpreads("sequential longs", Hashing::mix);
    assertSpreads("longs times 1024", i -> Hashing.mix(i << 10));
    assertSpreads("longs in the high half", i -> Hashing.mix(i << 32));
    assertSpreads("longs in the top bits", i -> Hashing.mix(i << 48));
  }

  @Test
  void floatDoubleAndObjectKeysSpread() {
    assertSpreads("floats", i -> Hashing.mix((float) i));
    assertSpreads("doubles", i -> Hashing.mix((double) i));
    assertSpreads("strings", i -> Hashing.mix((Object) ("key" + i)));
  }

  @Test
  void equalKeysHashAlike() {
    assertEquals(Hashing.mix(Float.NaN), Hashing.mix(Float.intBitsToFloat(0x7FC00001)));
    assertEquals(
        Hashing.mix(Double.NaN), Hashing.mix(Double.longBitsToDouble(0x7FF8000000000001L)));
    assertNotEquals(Hashing.mix(0.0f), Hashing.mix(-0.0f));
    assertNotEquals(Hashing.mix(0.0), Hashing.mix(-0.0));
    assertEquals(Hashing.mix((Object) null), Hashing.mix(0));
    assertEquals(Hashing.mix((Object) "abc"), Hashing.mix("abc".hashCode()));
    assertEquals(Hashing.mix(1.5f), Hashing.mix(Float.floatToIntBits(1.5f)));
    assertEquals(Hashing.mix(2.5), Hashing.mix(Double.doubleToLongBits(2.5)));
  }

  @Test
  void directoryLanesPerSegment() {
    for (long hash : new long[] {0L, -1L, 0x123456789ABCDEFL, 1L << 40, 15L << 40}) {
      for (int segment = 1; segment < 8; segment++) {
        long bit = Hashing.directoryBit(hash, segment);
        assertEquals(1, Long.bitCount(bit));
        assertEquals(0, bit & 0xFFFFFF, "the low 24 bits hold the pass filter and counter");
        int lane = (Long.numberOfTrailingZeros(bit) - 24) >>> 4;
        assertEquals(Math.min(segment, 3) - 1, lane, "segment " + segment);
        long width = segment >= 3 ? 8 : 16;
        assertEquals((hash >>> 40) % width, (Long.numberOfTrailingZeros(bit) - 24) & 15);
      }
    }
    assertEquals(1, Long.bitCount(Hashing.passBit(-1L)));
    assertEquals(1 << 15, Hashing.passBit(-1L));
    assertEquals(1, Hashing.passBit(0L));
  }

  @Test
  void triangularProbingVisitsEveryGroup() {
    for (int groups = 1; groups <= 1024; groups <<= 1) {
      boolean[] seen = new boolean[groups];
      int group = 5 & (groups - 1);
      for (int probes = 1; probes <= groups; probes++) {
        assertTrue(!seen[group], "group " + group + " visited twice in " + groups);
        seen[group] = true;
        group = Hashing.nextGroup(group, probes, groups - 1);
      }
    }
  }
}
