package org.elastichash.tests.properties;

import static org.quicktheories.generators.SourceDSL.doubles;

import java.util.List;
import java.util.stream.DoubleStream;
import org.elastichash.tests.Deltas;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The constructor parameters the stateful properties draw: every delta in the open interval (0, 1)
 * and expected sizes from 0 to 10^6, so that the properties cover the whole parameter space the API
 * documents as valid, not only the comfortable middle of it.
 */
final class Parameters {

  /** Deltas at the ends and the seams of (0, 1), beside the everyday ones. */
  static final List<Double> DELTAS = DoubleStream.of(Deltas.acrossTheRange()).boxed().toList();

  /** Slots a table of the drawn parameters may have, so that one example stays cheap. */
  private static final double SLOT_BUDGET = 4_000_000;

  private Parameters() {}

  /**
   * Deltas: the listed ones most of the time, else uniform over (0, 1), else log-uniform down to
   * 1e-300.
   */
  static Gen<Double> deltas() {
    return Generate.frequency(
        Pair.of(6, Generate.pick(DELTAS)),
        Pair.of(2, doubles().between(Double.MIN_VALUE, Math.nextDown(1.0))),
        Pair.of(1, doubles().between(-300, -1e-3).map(exponent -> Math.pow(10, exponent))));
  }

  /** Expected sizes, large ones rarely: an example does at most a few hundred operations. */
  static Gen<Integer> expectedSizes() {
    return Generate.frequency(
        Pair.of(8, Generate.pick(List.of(0, 1, 2, 3, 10, 100))),
        Pair.of(2, Generate.pick(List.of(1_000, 100_000))),
        Pair.of(1, Generate.constant(1_000_000)));
  }

  /**
   * {@code expectedSize}, reduced where the table for it at {@code delta} would exceed the slot
   * budget: a map keeping 99.9% of its slots free needs a thousand slots per entry, which is what
   * the caller asked for but not what a property test can afford a thousand times over.
   */
  static int affordable(int expectedSize, double delta) {
    double used = Math.max(1.0 - delta, 0x1p-10);
    return (int) Math.min(expectedSize, Math.max(3, SLOT_BUDGET * used / 2));
  }
}
