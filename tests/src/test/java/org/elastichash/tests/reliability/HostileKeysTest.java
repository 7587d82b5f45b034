package org.elastichash.tests.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.Serializable;
import org.elastichash.ElasticHashMap;
import org.elastichash.ElasticIntIntMap;
import org.elastichash.ElasticLongLongMap;
import org.junit.jupiter.api.Test;

/** Keys chosen to defeat hashing. The maps must stay correct; speed is reported, not asserted. */
class HostileKeysTest {

  /** Equal to another only with the same id, but every instance has the same hash code. */
  record ConstantHash(int id) implements Serializable {
    @Override
    public int hashCode() {
      return 7;
    }
  }

  @Test
  void twentyThousandConstantHashKeys() {
    ElasticHashMap<ConstantHash, Integer> map = new ElasticHashMap<>();
    long start = System.nanoTime();
    for (int i = 0; i < 20_000; i++) {
      assertNull(map.put(new ConstantHash(i), i));
    }
    for (int i = 0; i < 20_000; i += 2) {
      assertEquals(i, map.remove(new ConstantHash(i)));
    }
    for (int i = 0; i < 20_000; i++) {
      assertEquals(i % 2 == 0 ? null : i, map.get(new ConstantHash(i)));
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.printf(
        "20,000 constant-hash keys: insert, remove half, look all up: %d ms%n", millis);
    assertEquals(10_000, map.size());
  }

  @Test
  void intKeysThatShareLowOrHighBits() {
    for (int shift : new int[] {0, 10, 16, 20}) {
      ElasticIntIntMap map = new ElasticIntIntMap();
      for (int i = 0; i < 4096; i++) {
        map.put(i << shift, i);
      }
      assertEquals(4096, map.size(), "shift " + shift);
      for (int i = 0; i < 4096; i++) {
        assertEquals(i, map.get(i << shift), "shift " + shift);
      }
    }
  }

  @Test
  void longKeysThatShareLowOrHighBits() {
    for (int shift : new int[] {0, 16, 32, 40, 48}) {
      ElasticLongLongMap map = new ElasticLongLongMap(0, 0.01);
      for (long i = 0; i < 4096; i++) {
        map.put(i << shift, i);
        map.put((i << shift) | (1L << 62), -i);
      }
      assertEquals(8192, map.size(), "shift " + shift);
      for (long i = 0; i < 4096; i++) {
        assertEquals(i, map.get(i << shift), "shift " + shift);
        assertEquals(-i, map.get((i << shift) | (1L << 62)), "shift " + shift);
      }
    }
  }
}
