package org.elastichash.tests.guava;

import com.google.common.collect.testing.SampleElements;
import com.google.common.collect.testing.TestMapGenerator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A Guava testlib generator for a map (or map view) made by {@code factory}, with five sample keys
 * and values. The maps have no defined iteration order.
 */
final class MapGenerator<K, V> implements TestMapGenerator<K, V> {

  private final Supplier<Map<K, V>> factory;
  private final List<K> keys;
  private final List<V> values;

  MapGenerator(Supplier<Map<K, V>> factory, List<K> keys, List<V> values) {
    this.factory = factory;
    this.keys = keys;
    this.values = values;
  }

  @Override
  public SampleElements<Map.Entry<K, V>> samples() {
    return new SampleElements<>(
        Map.entry(keys.get(0), values.get(0)),
        Map.entry(keys.get(1), values.get(1)),
        Map.entry(keys.get(2), values.get(2)),
        Map.entry(keys.get(3), values.get(3)),
        Map.entry(keys.get(4), values.get(4)));
  }

  @Override
  public Map<K, V> create(Object... entries) {
    Map<K, V> map = factory.get();
    for (Object entry : entries) {
      @SuppressWarnings("unchecked")
      Map.Entry<K, V> e = (Map.Entry<K, V>) entry;
      map.put(e.getKey(), e.getValue());
    }
    return map;
  }

  @Override
  @SuppressWarnings("unchecked")
  public Map.Entry<K, V>[] createArray(int length) {
    return (Map.Entry<K, V>[]) new Map.Entry<?, ?>[length];
  }

  @Override
  public Iterable<Map.Entry<K, V>> order(List<Map.Entry<K, V>> insertionOrder) {
    return insertionOrder;
  }

  @Override
  @SuppressWarnings("unchecked")
  public K[] createKeyArray(int length) {
    return (K[]) new Object[length];
  }

  @Override
  @SuppressWarnings("unchecked")
  public V[] createValueArray(int length) {
    return (V[]) new Object[length];
  }
}
