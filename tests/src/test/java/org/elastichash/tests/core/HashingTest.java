package org.elastichash.tests.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.LongUnaryOperator;
import org.elastichash.runtime.ControlBytes;
import org.elastichash.runtime.Hashing;
import org.junit.jupiter.api.Test;

/**
 * The mixer must spread hostile key patterns (sequential, strided, differing only in high bits)
 * evenly over fingerprints and start groups: a chi-square bound on each, loose enough for any
 * decent mixer and far too tight for a broken one.
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
    int[][] groups = new int[4][1000];
    for (int i = 0; i < KEYS; i++) {
      long hash = hashOfIndex.applyAsLong(i);
      fingerprints[ControlBytes.fingerprint(hash)]++;
      for (int s = 0; s < groups.length; s++) {
        groups[s][Hashing.startGroup(hash, s, groups[s].length)]++;
      }
    }
    assertUniform(fingerprints, pattern + " fingerprints");
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
  void startGroupsCoverAnyGroupCount() {
    for (int groups : new int[] {1, 2, 3, 5, 7, 100, 1000, 12_345}) {
      boolean[] seen = new boolean[groups];
      int covered = 0;
      for (int i = 0; i < 64 * groups; i++) {
        long hash = Hashing.mix(i);
        for (int s = 0; s < 3; s++) {
          int group = Hashing.startGroup(hash, s, groups);
          assertTrue(group >= 0 && group < groups, group + " of " + groups);
          if (!seen[group]) {
            seen[group] = true;
            covered++;
          }
        }
      }
      assertEquals(groups, covered, "every group starts some probe, of " + groups);
    }
    assertEquals(0, Hashing.startGroup(0L, 0, 17));
    assertEquals(16, Hashing.startGroup(-1L, 0, 17));
  }

  @Test
  void probeSequencesReachEveryGroup() {
    for (int groups = 1; groups <= 300; groups++) {
      for (int start : new int[] {0, 5 % groups, groups - 1}) {
        boolean[] seen = new boolean[groups];
        int covered = 0;
        int group = start;
        for (int probes = 1; probes <= 2 * groups; probes++) {
          assertTrue(group >= 0 && group < groups);
          if (!seen[group]) {
            seen[group] = true;
            covered++;
          }
          group = Hashing.nextGroup(group, probes, groups);
        }
        assertEquals(groups, covered, "groups reached from " + start + " of " + groups);
      }
    }
  }

  @Test
  void powerOfTwoSegmentsAreProbedTriangularly() {
    for (int groups = 1; groups <= 1024; groups <<= 1) {
      boolean[] seen = new boolean[groups];
      int group = 5 & (groups - 1);
      for (int probes = 1; probes <= groups; probes++) {
        assertTrue(!seen[group], "group " + group + " visited twice in " + groups);
        seen[group] = true;
        group = Hashing.nextGroup(group, probes, groups);
      }
    }
  }

  @Test
  void unmixRecoversTheHashCodeUnderAnySeed() {
    SplittableRandom random = new SplittableRandom(20261202);
    long[] seeds = {0, 1, -1, Long.MIN_VALUE, random.nextLong(), random.nextLong()};
    int[] edges = {0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE};
    for (long seed : seeds) {
      for (int code : edges) {
        assertEquals(code, Hashing.unmix(Hashing.seeded(Hashing.mix(code), seed), seed));
      }
      for (int i = 0; i < KEYS; i++) {
        int code = random.nextInt();
        assertEquals(
            code,
            Hashing.unmix(Hashing.seeded(Hashing.mix(code), seed), seed),
            "code " + code + ", seed " + seed);
      }
    }
  }
}
