package org.elastichash.benchmarks;

import com.carrotsearch.hppc.Containers;
import com.carrotsearch.hppc.IntIntHashMap;
import com.koloboke.collect.map.hash.HashIntIntMap;
import com.koloboke.collect.map.hash.HashIntIntMaps;
import it.unimi.dsi.fastutil.Hash;
import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.function.Supplier;
import org.agrona.collections.Int2IntHashMap;
import org.elastichash.ElasticIntIntMap;
import org.elastichash.runtime.Arguments;

/**
 * The int -> int map configurations compared, each behind one small interface and each growing from
 * its default (or smallest) initial size. Every JMH fork runs one configuration, so each call site
 * stays monomorphic and is inlined.
 *
 * <p>Each constant is one point on the report's memory/speed frontier, unless its {@link Role} is
 * {@link Role#EXTRA}. To add a point, add a constant: a role, a short chart label and a supplier of
 * a fresh {@link Map} (a class may implement {@link Map} itself). The JMH benchmark takes every
 * constant as a parameter value and the report's {@link #frontier()} picks it up; nothing else
 * needs to change.
 */
public enum IntIntMaps {
  // This library: delta 1/4 to 1/32. ELASTIC is the default constructor (delta 1/8).
  ELASTIC_DELTA_4(Role.ELASTIC, "elastic 1/4", () -> new Elastic(1 / 4.0)),
  ELASTIC(Role.ELASTIC, "elastic 1/8", () -> new Elastic(new ElasticIntIntMap())),
  ELASTIC_DELTA_16(Role.ELASTIC, "elastic 1/16", () -> new Elastic(1 / 16.0)),
  ELASTIC_DELTA_32(Role.ELASTIC, "elastic 1/32", () -> new Elastic(1 / 32.0)),

  // Prototype layouts (design record 008): growth one group at a time, entries left in place.
  SPLIT_0875(
      Role.VARIANT,
      "split 0.875",
      () -> new SplitIntIntMap(0.875, SplitIntIntMap.Placement.FIRST_ONLY)),
  SPLIT_TWO_0875(
      Role.VARIANT,
      "split 2 0.875",
      () -> new SplitIntIntMap(0.875, SplitIntIntMap.Placement.PARTNER)),
  SPLIT_TWO_095(
      Role.VARIANT,
      "split 2 0.95",
      () -> new SplitIntIntMap(0.95, SplitIntIntMap.Placement.PARTNER)),
  SPLIT_NEXT_0875(
      Role.VARIANT,
      "split next 0.875",
      () -> new SplitIntIntMap(0.875, SplitIntIntMap.Placement.NEXT_GROUP)),

  // Prototype layouts (design record 010): one flat table, one start group or two candidates.
  CHOICE_ONE(
      Role.VARIANT,
      "one group 0.875",
      () -> new ChoiceIntIntMap(0.875, ChoiceIntIntMap.Choice.ONE)),
  CHOICE_LOCAL(
      Role.VARIANT,
      "two in a block 0.875",
      () -> new ChoiceIntIntMap(0.875, ChoiceIntIntMap.Choice.LOCAL)),
  CHOICE_ANY(
      Role.VARIANT,
      "two anywhere 0.875",
      () -> new ChoiceIntIntMap(0.875, ChoiceIntIntMap.Choice.ANY)),

  // Linear-probing peers at several load factors. FASTUTIL is fastutil's default (0.75).
  FASTUTIL_LOAD_050(Role.PEER, "fastutil 0.5", () -> new Fastutil(0.5f)),
  FASTUTIL(Role.PEER, "fastutil 0.75", () -> new Fastutil(new Int2IntOpenHashMap())),
  FASTUTIL_LOAD_0875(Role.PEER, "fastutil 0.875", () -> new Fastutil(0.875f)),
  FASTUTIL_LOAD_09375(Role.PEER, "fastutil 0.9375", () -> new Fastutil(0.9375f)),
  HPPC(Role.PEER, "hppc 0.75", () -> new Hppc(new IntIntHashMap())),
  HPPC_LOAD_0875(
      Role.PEER,
      "hppc 0.875",
      () -> new Hppc(new IntIntHashMap(Containers.DEFAULT_EXPECTED_ELEMENTS, 0.875))),
  KOLOBOKE(Role.PEER, "koloboke", () -> new Koloboke(HashIntIntMaps.newMutableMap())),

  // Timed in the full profile only, not on the frontier.
  ECLIPSE(Role.EXTRA, "eclipse", Eclipse::new),
  AGRONA(Role.EXTRA, "agrona", Agrona::new),
  JDK(Role.EXTRA, "java.util.HashMap", Jdk::new);

  /** What a configuration is on the frontier: how it is drawn and judged. */
  public enum Role {
    /** This library's shipped map: the points that must dominate the peers. */
    ELASTIC,
    /** A prototype layout of ours: drawn apart from the shipped map, and may dominate peers. */
    VARIANT,
    /** Another library's map: a point to dominate. */
    PEER,
    /** Another library's map timed in the full profile only, off the frontier. */
    EXTRA
  }

  /** The operations the benchmarks use. */
  public interface Map {
    void put(int key, int value);

    int get(int key);

    void remove(int key);

    /** The object to measure with JOL. */
    Object target();
  }

  private final Role role;
  private final String label;
  private final Supplier<Map> factory;

  IntIntMaps(Role role, String label, Supplier<Map> factory) {
    this.role = role;
    this.label = label;
    this.factory = factory;
  }

  /** A new, empty map that grows from its default initial size. */
  public Map create() {
    return factory.get();
  }

  /** How the frontier draws and judges this configuration. */
  public Role role() {
    return role;
  }

  /** The short label of this configuration's point on the charts. */
  public String label() {
    return label;
  }

  /** Whether this configuration is one of ours (shipped or prototype). */
  public boolean ours() {
    return role == Role.ELASTIC || role == Role.VARIANT;
  }

  /** The configurations on the memory/speed frontier, in declaration order. */
  public static List<IntIntMaps> frontier() {
    return Arrays.stream(values()).filter(m -> m.role != Role.EXTRA).toList();
  }

  /**
   * The frontier of the report's quick profile: without the prototype layouts, which take about
   * half a minute each, and without two peers that add little to the picture: fastutil at load 0.5,
   * whose memory (23.5 bytes per entry) is far from every other point, and HPPC at 0.875, which
   * stands where fastutil at 0.875 stands. Each of those peers takes 40-50 seconds; on a loaded
   * machine the quick profile took 10.5 minutes with them. {@code --full} and {@code --points} time
   * them all.
   */
  public static List<IntIntMaps> quickFrontier() {
    return frontier().stream()
        .filter(m -> m.role != Role.VARIANT && m != FASTUTIL_LOAD_050 && m != HPPC_LOAD_0875)
        .toList();
  }

  private static final class Elastic implements Map {
    private final ElasticIntIntMap map;

    Elastic(ElasticIntIntMap map) {
      this.map = map;
    }

    /** Grows from the default constructor's initial size, at another delta. */
    Elastic(double delta) {
      this(new ElasticIntIntMap(Arguments.DEFAULT_EXPECTED_SIZE, delta));
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

  private static final class Fastutil implements Map {
    private final Int2IntOpenHashMap map;

    Fastutil(Int2IntOpenHashMap map) {
      this.map = map;
    }

    /** Grows from fastutil's default initial size, at another load factor. */
    Fastutil(float loadFactor) {
      this(new Int2IntOpenHashMap(Hash.DEFAULT_INITIAL_SIZE, loadFactor));
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

  private static final class Koloboke implements Map {
    private final HashIntIntMap map;

    Koloboke(HashIntIntMap map) {
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
