package org.elastichash.tests.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.elastichash.internal.ControlBytes;
import org.junit.jupiter.api.Test;

class ControlBytesTest {

  private static final int[] INTERESTING = {
    ControlBytes.EMPTY, ControlBytes.DELETED, 0x00, 0x01, 0x7F, 0x7E, 0x40, 0x3F, 0x10
  };

  private static long mask(long word, java.util.function.IntPredicate matches) {
    long mask = 0;
    for (int i = 0; i < 8; i++) {
      if (matches.test(ControlBytes.byteAt(word, i))) {
        mask |= 0x80L << (8 * i);
      }
    }
    return mask;
  }

  private static long randomWord(SplittableRandom random) {
    long word = 0;
    for (int i = 0; i < 8; i++) {
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
      assertEquals(
          mask(word, b -> b == fingerprint), ControlBytes.matchFingerprint(word, broadcast));
      assertEquals(mask(word, b -> b == ControlBytes.EMPTY), ControlBytes.matchEmpty(word));
      assertEquals(mask(word, b -> b >= 0x80), ControlBytes.matchFree(word));
      assertEquals(mask(word, b -> b < 0x80), ControlBytes.matchLive(word));
    }
  }

  @Test
  void byteAccessRoundTrips() {
    long word = ControlBytes.ALL_EMPTY;
    for (int i = 0; i < 8; i++) {
      assertEquals(ControlBytes.EMPTY, ControlBytes.byteAt(word, i));
      word = ControlBytes.withByte(word, i, i * 9);
    }
    for (int i = 0; i < 8; i++) {
      assertEquals(i * 9, ControlBytes.byteAt(word, i));
    }
  }

  @Test
  void lowestSlotAndFingerprint() {
    assertEquals(0, ControlBytes.lowestSlot(0x80L));
    assertEquals(3, ControlBytes.lowestSlot(0x80L << 24 | 0x80L << 56));
    assertEquals(7, ControlBytes.lowestSlot(0x80L << 56));
    for (long hash : new long[] {0, 1, 0x7F, 0x80, -1, 0x123456789L}) {
      assertEquals((int) (hash & 0x7F), ControlBytes.fingerprint(hash));
    }
  }
}
