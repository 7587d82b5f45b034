package org.elastichash.benchmarks;

import com.carrotsearch.hppc.IntIntHashMap;
import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import java.util.HashMap;
import java.util.function.Supplier;
import org.agrona.collections.Int2IntHashMap;
import org.elastichash.ElasticIntIntMap;
import org.elastichash.internal.Arguments;

/**
 * The int -> int maps compared, each default-constructed and behind one small interface. Every JMH
 * fork runs one implementation, so each call site stays monomorphic and is inlined.
 *
 * <p>{@link #FASTUTIL_DENSE} and {@link #HPPC_DENSE} are fastutil and HPPC with load factor {@code
 * 1 - delta} for the elastic map's default delta: the "equal memory" comparison, where linear
 * probing runs as full as the elastic map does.
 */
public enum IntIntMaps {
  ELASTIC(Elastic::new),
  FASTUTIL(() -> new Fastutil(new Int2IntOpenHashMap())),
  FASTUTIL_DENSE(() -> new Fastutil(new Int2IntOpenHashMap(16, IntIntMaps.DENSE_LOAD_FACTOR))),
  HPPC(() -> new Hppc(new IntIntHashMap())),
  HPPC_DENSE(() -> new Hppc(new IntIntHashMap(16, IntIntMaps.DENSE_LOAD_FACTOR))),
  ECLIPSE(Eclipse::new),
  AGRONA(Agrona::new),
  JDK(Jdk::new);

  /** The operations the benchmarks use. */
  public interface Map {
    void put(int key, int value);

    int get(int key);

    void remove(int key);

    /** The object to measure with JOL. */
    Object target();
  }

  /** {@code 1 - delta} at the elastic maps' default delta, 1/8. */
  public static final float DENSE_LOAD_FACTOR = (float) (1.0 - Arguments.DEFAULT_DELTA);

  private final Supplier<Map> factory;

  IntIntMaps(Supplier<Map> factory) {
    this.factory = factory;
  }

  /** A new, default-constructed map. */
  public Map create() {
    return factory.get();
  }

  private static final class Elastic implements Map {
    private final ElasticIntIntMap map = new ElasticIntIntMap();

    @Override
    public void put(int key, int value) {
      map.put(key, value);
    }

    @Override
    public int get(int key) {
      return map.get(key);
    }

    @Override
    public void remove(int key) {
      map.remove(key);
    }

    @Override
    public Object target() {
      return map;
    }
  }

  private static final class Fastutil implements Map {
    private final Int2IntOpenHashMap map;

    Fastutil(Int2IntOpenHashMap map) {
      this.map = map;
    }

    @Override
    public void put(int key, int value) {
      map.put(key, value);
    }

    @Override
    public int get(int key) {
      return map.get(key);
    }

    @Override
    public void remove(int key) {
      map.remove(key);
    }

    @Override
    public Object target() {
      return map;
    }
  }

  private static final class Hppc implements Map {
    private final IntIntHashMap map;

    Hppc(IntIntHashMap map) {
      this.map = map;
    }

    @Override
    public void put(int key, int value) {
      map.put(key, value);
    }

    @Override
    public int get(int key) {
      return map.get(key);
    }

    @Override
    public void remove(int key) {
      map.remove(key);
    }

    @Override
    public Object target() {
      return map;
    }
  }

  private static final class Eclipse implements Map {
    private final org.eclipse.collections.impl.map.mutable.primitive.IntIntHashMap map =
        new org.eclipse.collections.impl.map.mutable.primitive.IntIntHashMap();

    @Override
    public void put(int key, int value) {
      map.put(key, value);
    }

    @Override
    public int get(int key) {
      return map.get(key);
    }

    @Override
    public void remove(int key) {
      map.remove(key);
    }

    @Override
    public Object target() {
      return map;
    }
  }

  private static final class Agrona implements Map {
    /** Agrona reserves one value as "missing"; the benchmarks never store it. */
    private final Int2IntHashMap map = new Int2IntHashMap(Integer.MIN_VALUE);

    @Override
    public void put(int key, int value) {
      map.put(key, value);
    }

    @Override
    public int get(int key) {
      return map.get(key);
    }

    @Override
    public void remove(int key) {
      map.remove(key);
    }

    @Override
    public Object target() {
      return map;
    }
  }

  private static final class Jdk implements Map {
    private final HashMap<Integer, Integer> map = new HashMap<>();

    @Override
    public void put(int key, int value) {
      map.put(key, value);
    }

    @Override
    public int get(int key) {
      Integer value = map.get(key);
      return value == null ? 0 : value;
    }

    @Override
    public void remove(int key) {
      map.remove(key);
    }

    @Override
    public Object target() {
      return map;
    }
  }
}
