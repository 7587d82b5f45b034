package org.elastichash.benchmarks;

import com.carrotsearch.hppc.LongObjectHashMap;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import java.util.HashMap;
import java.util.function.Supplier;
import org.elastichash.ElasticLongObjectMap;

/** The long -> Object maps compared, default-constructed, behind one small interface. */
public enum LongObjectMaps {
  ELASTIC(Elastic::new),
  FASTUTIL(Fastutil::new),
  HPPC(Hppc::new),
  ECLIPSE(Eclipse::new),
  JDK(Jdk::new);

  /** The operations the benchmarks use. */
  public interface Map {
    void put(long key, Object value);

    Object get(long key);

    void remove(long key);

    /** The object to measure with JOL. */
    Object target();
  }

  private final Supplier<Map> factory;

  LongObjectMaps(Supplier<Map> factory) {
    this.factory = factory;
  }

  /** A new, default-constructed map. */
  public Map create() {
    return factory.get();
  }

  private static final class Elastic implements Map {
    private final ElasticLongObjectMap<Object> map = new ElasticLongObjectMap<>();

    @Override
    public void put(long key, Object value) {
      map.put(key, value);
    }

    @Override
    public Object get(long key) {
      return map.get(key);
    }

    @Override
    public void remove(long key) {
      map.remove(key);
    }

    @Override
    public Object target() {
      return map;
    }
  }

  private static final class Fastutil implements Map {
    private final Long2ObjectOpenHashMap<Object> map = new Long2ObjectOpenHashMap<>();

    @Override
    public void put(long key, Object value) {
      map.put(key, value);
    }

    @Override
    public Object get(long key) {
      return map.get(key);
    }

    @Override
    public void remove(long key) {
      map.remove(key);
    }

    @Override
    public Object target() {
      return map;
    }
  }

  private static final class Hppc implements Map {
    private final LongObjectHashMap<Object> map = new LongObjectHashMap<>();

    @Override
    public void put(long key, Object value) {
      map.put(key, value);
    }

    @Override
    public Object get(long key) {
      return map.get(key);
    }

    @Override
    public void remove(long key) {
      map.remove(key);
    }

    @Override
    public Object target() {
      return map;
    }
  }

  private static final class Eclipse implements Map {
    private final org.eclipse.collections.impl.map.mutable.primitive.LongObjectHashMap<Object> map =
        new org.eclipse.collections.impl.map.mutable.primitive.LongObjectHashMap<>();

    @Override
    public void put(long key, Object value) {
      map.put(key, value);
    }

    @Override
    public Object get(long key) {
      return map.get(key);
    }

    @Override
    public void remove(long key) {
      map.remove(key);
    }

    @Override
    public Object target() {
      return map;
    }
  }

  private static final class Jdk implements Map {
    private final HashMap<Long, Object> map = new HashMap<>();

    @Override
    public void put(long key, Object value) {
      map.put(key, value);
    }

    @Override
    public Object get(long key) {
      return map.get(key);
    }

    @Override
    public void remove(long key) {
      map.remove(key);
    }

    @Override
    public Object target() {
      return map;
    }
  }
}
