package org.elastichash.benchmarks;

import it.unimi.dsi.fastutil.objects.Object2ObjectOpenHashMap;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.elastichash.ElasticHashMap;

/** The Object -> Object maps compared, default-constructed, all {@code java.util.Map}s. */
public enum ObjectObjectMaps {
  ELASTIC(ElasticHashMap::new),
  FASTUTIL(Object2ObjectOpenHashMap::new),
  JDK(HashMap::new);

  private final Supplier<Map<String, Object>> factory;

  ObjectObjectMaps(Supplier<Map<String, Object>> factory) {
    this.factory = factory;
  }

  /** A new, default-constructed map. */
  public Map<String, Object> create() {
    return factory.get();
  }
}
