package org.elastichash.tests.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.elastichash.internal.ProbeLimit;
import org.elastichash.tests.Deltas;
import org.junit.jupiter.api.Test;

class ProbeLimitTest {

  /** The paper's f(eps) = c * min(log2(1/eps)^2, log2(1/delta)), at least one probe. */
  private static int paper(double eps, double delta) {
    double log = Math.log(1 / eps) / Math.log(2);
    double c = delta >= 1.0 / 16 ? 1.0 : 1.75;
    double value = c * Math.min(log * log, Math.log(1 / delta) / Math.log(2));
    return Math.max(1, (int) Math.ceil(value));
  }

  @Test
  void matchesThePaperFormula() {
    int slots = 1 << 16;
    for (double delta : Deltas.scheduled()) {
      for (int empty = 1; empty <= slots; empty += 97) {
        assertEquals(
            paper((double) empty / slots, delta),
            ProbeLimit.limit(empty, slots, delta),
            "empty " + empty + " delta " + delta);
      }
    }
  }

  @Test
  void knownValues() {
    // delta = 1/16: the cap is log2(16) = 4 probes.
    assertEquals(1, ProbeLimit.limit(512, 1024, 1.0 / 16)); // eps 1/2: log^2 = 1
    assertEquals(4, ProbeLimit.limit(256, 1024, 1.0 / 16)); // eps 1/4: log^2 = 4
    assertEquals(4, ProbeLimit.limit(1, 1024, 1.0 / 16)); // capped
    assertEquals(4, ProbeLimit.limit(0, 1024, 1.0 / 16)); // no empty slot: capped
    // delta = 1/1024: c = 1.75, cap 1.75 * 10; eps 1/8: 1.75 * 9 = 15.75.
    assertEquals(16, ProbeLimit.limit(128, 1024, 1.0 / 1024));
    assertEquals(18, ProbeLimit.limit(64, 1024, 1.0 / 1024));
    assertEquals(1, ProbeLimit.limit(1024, 1024, 1.0 / 1024)); // eps 1: log 0, still one probe
  }

  @Test
  void limitNeverRisesWithMoreEmptySlots() {
    int slots = 4096;
    for (double delta : new double[] {0.25, 0.01, 1.0 / 1024}) {
      int previous = Integer.MAX_VALUE;
      for (int empty = 0; empty <= slots; empty++) {
        int limit = ProbeLimit.limit(empty, slots, delta);
        assertTrue(limit <= previous);
        assertTrue(limit >= 1);
        previous = limit;
      }
    }
  }

  @Test
  void minEmptySlotsForIsTheExactThreshold() {
    for (int slots : new int[] {8, 64, 1000, 4096, 32768}) {
      for (double delta : new double[] {0.5, 0.25, 0.125, 0.1, 0.01, 1.0 / 1024}) {
        for (int limit = 0; limit <= 20; limit++) {
          assertEquals(
              firstEmptyCountWithin(limit, slots, delta),
              ProbeLimit.minEmptySlotsFor(limit, slots, delta),
              "slots " + slots + ", delta " + delta + ", limit " + limit);
        }
      }
    }
  }

  /** The threshold by brute force: the first empty count whose limit is at most {@code limit}. */
  private static int firstEmptyCountWithin(int limit, int slots, double delta) {
    for (int empty = 0; empty <= slots; empty++) {
      if (ProbeLimit.limit(empty, slots, delta) <= limit) {
        return empty;
      }
    }
    return slots + 1;
  }
}
