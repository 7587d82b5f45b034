package org.elastichash.tests.properties;

import static org.quicktheories.generators.SourceDSL.floats;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import java.io.Serializable;
import java.util.List;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Key and value generators that stress hashing, named for failure messages. */
final class Keys {

  private Keys() {}

  /** A generator with a name. */
  record Named(String name, Gen<Object> gen) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** An object whose hash code is the same for every instance: every key collides. */
  record Collider(int id) implements Serializable {
    @Override
    public int hashCode() {
      return 42;
    }
  }

  /**
   * Comparable, with the same hash code as {@link Collider}, and compareTo inconsistent with equals
   * (like {@code BigDecimal} 1.0 and 1.00): keys with the same value but another scale compare
   * equal without being equal.
   */
  record SloppyCollider(int value, int scale) implements Comparable<SloppyCollider>, Serializable {
    @Override
    public int hashCode() {
      return 42;
    }

    @Override
    public int compareTo(SloppyCollider other) {
      return Integer.compare(value, other.value);
    }
  }

  /** The {@code i}-th string of "Aa" and "BB" pairs: all of one length share one hash code. */
  static String collidingString(int i) {
    StringBuilder text = new StringBuilder();
    for (int bit = 0; bit < 6; bit++) {
      text.append((i >>> bit & 1) == 0 ? "Aa" : "BB");
    }
    return text.toString();
  }

  @SuppressWarnings("unchecked")
  private static Gen<Object> widen(Gen<?> gen) {
    return (Gen<Object>) gen;
  }

  static List<Named> intKeys() {
    return List.of(
        new Named("random ints", widen(integers().all())),
        new Named("small range (collisions, reuse)", widen(integers().between(-20, 40))),
        new Named("multiples of 1024", widen(integers().between(0, 300).map(i -> i * 1024))),
        new Named("same low bits", widen(integers().between(0, 300).map(i -> i << 20))),
        new Named("same high bits", widen(integers().between(0, 300).map(i -> 0x7F000000 | i))));
  }

  static List<Named> longKeys() {
    return List.of(
        new Named("random longs", widen(longs().all())),
        new Named("small range (collisions, reuse)", widen(longs().between(-20, 40))),
        new Named("multiples of 1024", widen(longs().between(0, 300).map(i -> i * 1024))),
        new Named("differ in high bits only", widen(longs().between(0, 300).map(i -> i << 40))),
        new Named("differ in high half", widen(longs().between(0, 300).map(i -> i << 32))));
  }

  static List<Named> objectKeys() {
    return List.of(
        new Named("strings", widen(strings().basicLatinAlphabet().ofLengthBetween(0, 3))),
        new Named("constant hash codes", widen(integers().between(0, 60).map(Collider::new))),
        new Named(
            "flooding: comparable, compare-equal, non-comparable, strings, null",
            widen(
                Generate.oneOf(
                    integers().between(0, 40).map(i -> (Object) new Collider(i)),
                    integers().between(0, 60).map(i -> (Object) new SloppyCollider(i % 20, i / 20)),
                    integers().between(0, 63).map(i -> (Object) collidingString(i)),
                    Generate.constant((Object) null)))),
        new Named(
            "mixed with null",
            widen(
                Generate.oneOf(
                    integers().between(0, 200).map(i -> (Object) ("k" + i)),
                    Generate.constant((Object) null),
                    integers().between(0, 50).map(i -> (Object) i)))));
  }

  static List<Named> shortKeys() {
    return List.of(
        new Named(
            "random shorts",
            widen(integers().between(Short.MIN_VALUE, Short.MAX_VALUE).map(i -> (short) (int) i))),
        new Named("small range", widen(integers().between(-20, 40).map(i -> (short) (int) i))));
  }

  /** Float keys with NaN (any bit pattern maps to the canonical one), both zeros, infinities. */
  static List<Named> floatKeys() {
    return List.of(
        new Named("random floats", widen(floats().any())),
        new Named(
            "NaN, -0.0, 0.0 and a few others",
            widen(
                Generate.pick(
                    List.<Object>of(
                        Float.NaN,
                        Float.intBitsToFloat(0x7FC00001),
                        -0.0f,
                        0.0f,
                        1.0f,
                        -1.0f,
                        Float.MIN_VALUE,
                        Float.POSITIVE_INFINITY,
                        Float.NEGATIVE_INFINITY)))));
  }

  static Gen<Object> intValues() {
    return widen(integers().all());
  }

  static Gen<Object> longValues() {
    return widen(longs().all());
  }

  static Gen<Object> objectValues() {
    return widen(
        Generate.oneOf(
            strings().basicLatinAlphabet().ofLengthBetween(0, 2).map(s -> (Object) s),
            Generate.constant((Object) null)));
  }

  /** Floats with the awkward ones: NaN, both zeros, infinities. */
  static Gen<Object> floatValues() {
    return widen(
        Generate.oneOf(
            floats().any().map(f -> (Object) f),
            Generate.pick(
                List.<Object>of(
                    Float.NaN, -0.0f, 0.0f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY))));
  }
}
