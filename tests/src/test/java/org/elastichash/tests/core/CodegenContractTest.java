package org.elastichash.tests.core;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.elastichash.ElasticIntIntMap;
import org.elastichash.runtime.CodegenContract;
import org.junit.jupiter.api.Test;

class CodegenContractTest {

  @Test
  void codeGeneratedForThisContractPasses() {
    CodegenContract.check(CodegenContract.VERSION_3, ElasticIntIntMap.class);
    CodegenContract.check(CodegenContract.VERSION, ElasticIntIntMap.class);
    new ElasticIntIntMap().put(1, 2);
  }

  @Test
  void codeGeneratedForAnotherContractFailsNamingTheClassAndBothVersions() {
    for (int other : new int[] {0, CodegenContract.VERSION + 1}) {
      IllegalStateException failure =
          assertThrows(
              IllegalStateException.class,
              () -> CodegenContract.check(other, ElasticIntIntMap.class));
      String message = failure.getMessage();
      assertTrue(message.contains("org.elastichash.ElasticIntIntMap"), message);
      assertTrue(message.contains("contract " + other), message);
      assertTrue(message.contains("implements contract " + CodegenContract.VERSION), message);
      assertTrue(message.contains("regenerate"), message);
    }
  }
}
