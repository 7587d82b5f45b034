package com.example.modular;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.modular.collections.ElasticCharDoubleMap;
import java.util.HashMap;
import java.util.Map;
import org.elastichash.ElasticStats;
import org.junit.jupiter.api.Test;

/** Runs inside module com.example.modular (surefire patches the tests into it). */
class LetterFrequenciesTest {

  @Test
  void runsOnTheModulePathWithOnlyTheRuntimesExports() {
    Module self = ElasticCharDoubleMap.class.getModule();
    assertTrue(self.isNamed(), "the generated map is in a named module, not on the class path");
    assertEquals("com.example.modular", self.getName());
    assertEquals(self, LetterFrequenciesTest.class.getModule(), "the tests run inside the module");
    Module library = ElasticStats.class.getModule();
    assertEquals("org.elastichash", library.getName());
    assertTrue(self.canRead(library));
    assertTrue(library.isExported("org.elastichash.runtime", self));
    assertFalse(
        library.isExported("org.elastichash.internal", self),
        "no --add-exports: the internals stay closed to this module");
  }

  @Test
  void generatedMapWorksInsideTheModule() {
    ElasticCharDoubleMap shares = LetterFrequencies.of("Abracadabra!");
    Map<Character, Double> expected = new HashMap<>();
    expected.put('a', 5 / 11.0);
    expected.put('b', 2 / 11.0);
    expected.put('r', 2 / 11.0);
    expected.put('c', 1 / 11.0);
    expected.put('d', 1 / 11.0);
    assertEquals(expected, shares.asMap());
    assertEquals(5 / 11.0, shares.get('a'));
    assertEquals(0.0, shares.get('z'));
    assertEquals(2 / 11.0, shares.remove('b'));
    assertFalse(shares.containsKey('b'));
    assertEquals(4, shares.size());
    double sum = 0;
    for (var cursor = shares.cursor(); cursor.advance(); ) {
      sum += cursor.value();
    }
    assertEquals(9 / 11.0, sum, 1e-12);
  }
}
