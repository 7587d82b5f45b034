package org.elastichash.tests.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.elastichash.runtime.ControlBytes;
import org.junit.jupiter.api.Test;

class ControlBytesTest {

  private static final int[] INTERESTING = {
    ControlBytes.EMPTY, 0x00, 0x01, 0x7F, 0x7E, 0x40, 0x3F, 0x10
  };

  private static long mask(long word, java.util.function.IntPredicate matches) {
    long mask = 0;
    for (int i = 0; i < ControlBytes.GROUP_SLOTS; i++) {
      if (matches.test(ControlBytes.byteAt(word, i))) {
        mask |= 0x80L << (8 * i);
      }
    }
    return mask;
  }

  /** Random slot bytes and a random metadata byte, which no query may report. */
  private static long randomWord(SplittableRandom random) {
    long word = (long) random.nextInt(256) << 56;
    for (int i = 0; i < ControlBytes.GROUP_SLOTS; i++) {
      int b =
          random.nextBoolean()
              ? INTERESTING[random.nextInt(INTERESTING.length)]
              : random.nextInt(0x80);
      word = ControlBytes.withByte(word, i, b);
    }
    return word;
  }

  @Test
  void swarQueriesAgreeWithBytewiseOnes() {
    SplittableRandom random = new SplittableRandom(7);
    for (int trial = 0; trial < 200_000; trial++) {
      long word = randomWord(random);
      int fingerprint = random.nextInt(0x80);
      long broadcast = ControlBytes.broadcast(fingerprint);
      long exact = mask(word, b -> b == fingerprint);
      long flagged = ControlBytes.matchFingerprint(word, broadcast);
      assertEquals(exact, flagged & exact, "every true match is flagged");
      assertEquals(Long.lowestOneBit(exact), Long.lowestOneBit(flagged), "the lowest flag is true");
      assertEquals(0, flagged & ~exact & ~(flagged << 8), "a false flag sits just above a flag");
      assertEquals(mask(word, b -> b == ControlBytes.EMPTY), ControlBytes.matchFree(word));
      assertEquals(mask(word, b -> b < 0x80), ControlBytes.matchLive(word));
    }
  }

  @Test
  void byteAccessRoundTrips() {
    long word = ControlBytes.ALL_EMPTY;
    assertFalse(ControlBytes.hasMetadata(word));
    for (int i = 0; i < ControlBytes.GROUP_SLOTS; i++) {
      assertEquals(ControlBytes.EMPTY, ControlBytes.byteAt(word, i));
      word = ControlBytes.withByte(word, i, i * 9);
    }
    for (int i = 0; i < ControlBytes.GROUP_SLOTS; i++) {
      assertEquals(i * 9, ControlBytes.byteAt(word, i));
    }
    assertEquals(0, ControlBytes.matchFree(word));
    assertFalse(ControlBytes.hasMetadata(word), "slot bytes are not metadata");
  }

  @Test
  void reachesSaturateAndLeaveTheRestAlone() {
    long word = ControlBytes.withByte(ControlBytes.ALL_EMPTY, 2, 0x55) | ControlBytes.ONE_LATER;
    assertEquals(0, ControlBytes.reach(word));
    assertTrue(ControlBytes.hasMetadata(word), "a later count is metadata");
    assertEquals(1, ControlBytes.searchDepth(word, 9), "a reach of 0 inspects the group alone");
    for (int reach = 0; reach < ControlBytes.MAX_REACH; reach++) {
      long reaching = ControlBytes.withReach(word, reach);
      assertEquals(reach, ControlBytes.reach(reaching));
      assertEquals(reach + 1, ControlBytes.searchDepth(reaching, 40));
      assertEquals(word & ~ControlBytes.REACH, reaching & ~ControlBytes.REACH);
      assertEquals(word, ControlBytes.withReach(reaching, 0), "lowering it clears it");
      assertEquals(reach > 0 || ControlBytes.hasLater(word), ControlBytes.hasMetadata(reaching));
    }
    long saturated = ControlBytes.withReach(word, 1_000);
    assertEquals(ControlBytes.MAX_REACH, ControlBytes.reach(saturated), "saturates at 31");
    assertEquals(40, ControlBytes.searchDepth(saturated, 40), "saturated: the longest probe");
    assertEquals(word & ~ControlBytes.REACH, saturated & ~ControlBytes.REACH);
    long slotsOnly = ControlBytes.withByte(ControlBytes.ALL_EMPTY, 6, 0x7F);
    assertFalse(ControlBytes.hasMetadata(slotsOnly));
    assertTrue(ControlBytes.hasMetadata(ControlBytes.withReach(slotsOnly, 1)));
  }

  @Test
  void laterCountsCountSaturateAndLeaveTheRestAlone() {
    long word = ControlBytes.withReach(ControlBytes.withByte(ControlBytes.ALL_EMPTY, 6, 0x01), 3);
    assertFalse(ControlBytes.hasLater(word));
    assertEquals(word, ControlBytes.withOneLaterLess(word), "zero stays zero");
    long counted = word;
    for (int i = 1; i <= 7; i++) {
      assertEquals(i - 1 >= ControlBytes.MAX_EXACT_LATER, ControlBytes.laterFull(counted));
      counted = ControlBytes.withOneLaterMore(counted);
      assertEquals(i, (counted & ControlBytes.LATER_COUNT) >>> 61);
      assertTrue(ControlBytes.hasLater(counted));
    }
    assertEquals(counted, ControlBytes.withOneLaterMore(counted), "saturates at 7");
    assertEquals(counted, ControlBytes.withOneLaterLess(counted), "a saturated count stays");
    assertEquals(word, ControlBytes.withOneLaterLess(ControlBytes.withOneLaterMore(word)));
    assertEquals(word & ~ControlBytes.LATER_COUNT, counted & ~ControlBytes.LATER_COUNT);
    assertEquals(0, ControlBytes.matchFree(counted) & ControlBytes.LATER_COUNT);
  }

  @Test
  void lowestSlotAndFingerprint() {
    assertEquals(0, ControlBytes.lowestSlot(0x80L));
    assertEquals(3, ControlBytes.lowestSlot(0x80L << 24 | 0x80L << 48));
    assertEquals(6, ControlBytes.lowestSlot(0x80L << 48));
    for (long hash : new long[] {0, 1, 0x7F, 0x80, -1, 0x123456789L}) {
      assertEquals((int) (hash & 0x7F), ControlBytes.fingerprint(hash));
    }
  }
}
