package org.elastichash.tests.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.elastichash.ElasticIntIntMap;
import org.elastichash.ElasticStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Corrupt serialized streams, for every map and set: valid streams (empty, small, several segments,
 * with tombstones) truncated at many offsets, with bytes flipped, with the entry count patched and
 * with one key overwritten by another (a repeated key). Reading one must end in an {@link
 * IOException} (or the {@link ClassNotFoundException} {@code readObject} declares, for a flipped
 * class name), or in a collection that keeps every invariant: size equal to the iteration count,
 * every iterated key found, the statistics consistent, and equal to a collection built from its own
 * entries. Never another exception type. Seeds are fixed; the whole run takes a few seconds.
 */
class SerializationFuzzTest {

  private static final int FLIPS_PER_STREAM = 150;
  private static final int TRUNCATIONS_PER_STREAM = 60;

  /** A collection under test: how to build one and how to check what a stream gave back. */
  interface Subject {
    /**
     * A valid collection of {@code entries} distinctive keys, with every third removed if asked.
     */
    Object build(int entries, boolean tombstones);

    /** The bytes of {@code key(i)}, as the stream writes them. */
    byte[] keyBytes(int i);

    /**
     * Whether {@code read} is of the subject's class. A flip in the stream's first type code can
     * make it another object altogether, which is no business of the collection's readObject.
     */
    boolean accepts(Object read);

    /** Fails unless {@code read} is a consistent collection of the subject's class. */
    void checkInvariants(Object read, String where);
  }

  static Stream<Arguments> subjects() {
    List<Arguments> all = new ArrayList<>();
    for (Fixture fixture : Fixture.all()) {
      all.add(Arguments.of(fixture.name(), mapSubject(fixture)));
    }
    for (StatefulSetPropertiesTest.SetFixture fixture : StatefulSetPropertiesTest.fixtures()) {
      all.add(Arguments.of(fixture.name(), setSubject(fixture)));
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("subjects")
  void corruptStreamsEndInAnIoExceptionOrAConsistentCollection(String name, Subject subject) {
    SplittableRandom random = new SplittableRandom(name.hashCode());
    int[][] shapes = {{0, 0}, {5, 0}, {1500, 0}, {1500, 1}, {40, 1}};
    for (int[] shape : shapes) {
      Object valid = subject.build(shape[0], shape[1] == 1);
      byte[] bytes = serialize(valid);
      String where = name + " of " + shape[0] + (shape[1] == 1 ? " with tombstones" : "");
      subject.checkInvariants(deserialize(bytes, where), where + ", unchanged");
      int size = (Integer) Reflection.call(valid, "size", new Class<?>[0]);
      int countAt = countOffset(bytes, valid, size);
      boolean large = size > 100;

      for (int t = 0; t < (large ? TRUNCATIONS_PER_STREAM / 3 : TRUNCATIONS_PER_STREAM); t++) {
        int length = t < 20 ? bytes.length - 1 - t : random.nextInt(bytes.length);
        read(subject, Arrays.copyOf(bytes, Math.max(0, length)), where + " cut to " + length);
      }
      for (int f = 0; f < (large ? FLIPS_PER_STREAM / 4 : FLIPS_PER_STREAM); f++) {
        byte[] flipped = bytes.clone();
        int at = random.nextInt(bytes.length);
        int mask = 1 << random.nextInt(8);
        if (f % 3 == 0) {
          mask = 1 + random.nextInt(255);
        }
        flipped[at] ^= (byte) mask;
        read(subject, flipped, where + " with byte " + at + " ^ " + mask);
      }
      int count = ByteBuffer.wrap(bytes, countAt, 4).getInt();
      for (int patched :
          new int[] {
            Integer.MAX_VALUE, Integer.MIN_VALUE, -1, count + 1, count - 1, count * 2, 0, 1 << 30
          }) {
        byte[] forged = bytes.clone();
        ByteBuffer.wrap(forged, countAt, 4).putInt(patched);
        Object result = read(subject, forged, where + " with count " + patched);
        if (patched > count || patched < 0) {
          assertTrue(result instanceof IOException, where + " count " + patched + ": " + result);
        }
      }
      for (long badDelta :
          new long[] {
            Double.doubleToLongBits(0.0),
            Double.doubleToLongBits(1.0),
            Double.doubleToLongBits(-0.5),
            Double.doubleToLongBits(Double.NaN),
            Double.doubleToLongBits(Double.POSITIVE_INFINITY)
          }) {
        byte[] forged = bytes.clone();
        ByteBuffer.wrap(forged, countAt - 8, 8).putLong(badDelta);
        Object result = read(subject, forged, where + " with delta bits " + badDelta);
        assertTrue(result instanceof InvalidObjectException, where + " bad delta: " + result);
      }
      if (shape[0] >= 2 && shape[1] == 0) {
        byte[] repeated = bytes.clone();
        int first = indexOf(bytes, subject.keyBytes(0), countAt + 4);
        int second = indexOf(bytes, subject.keyBytes(1), countAt + 4);
        assertTrue(first >= 0 && second >= 0, where + ": keys not found in the stream");
        byte[] key = subject.keyBytes(0);
        System.arraycopy(key, 0, repeated, second, key.length);
        Object result = read(subject, repeated, where + " with key 1 overwritten by key 0");
        assertTrue(result instanceof InvalidObjectException, where + " repeated key: " + result);
      }
    }
  }

  @Test
  void theReportedCountOfIntegerMaxValueIsAnIoException() {
    ElasticIntIntMap map = new ElasticIntIntMap();
    map.put(1, 2);
    byte[] bytes = serialize(map);
    int countAt = countOffset(bytes, map, 1);
    ByteBuffer.wrap(bytes, countAt, 4).putInt(Integer.MAX_VALUE);
    assertTrue(read(null, bytes, "count MAX_VALUE") instanceof InvalidObjectException);
  }

  /**
   * Where the entry count is in a stream: right after the delta, the first place where the delta's
   * eight bytes are followed by the count's four.
   */
  private static int countOffset(byte[] bytes, Object collection, int size) {
    double delta = ((ElasticStats) Reflection.call(collection, "stats", new Class<?>[0])).delta();
    byte[] header = ByteBuffer.allocate(12).putDouble(delta).putInt(size).array();
    int at = indexOf(bytes, header, 0);
    assertTrue(at >= 0, "no delta and count in the stream of " + collection.getClass());
    return at + 8;
  }

  private static int indexOf(byte[] bytes, byte[] pattern, int from) {
    outer:
    for (int i = from; i + pattern.length <= bytes.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (bytes[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /**
   * Reads a stream and returns what came of it: the exception if it is an acceptable one (after
   * checking nothing else escaped), or the collection after checking its invariants.
   */
  private static Object read(Subject subject, byte[] bytes, String where) {
    Object result;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
      result = in.readObject();
    } catch (IOException | ClassNotFoundException e) {
      return e;
    } catch (RuntimeException e) {
      if (passedThroughTheLibrary(e)) {
        throw new AssertionError(where + ": readObject threw " + e, e);
      }
      // ObjectInputStream's own: a flipped type code before any collection's readObject ran
      // (JDK 17 throws NullPointerException for a back reference to a missing class descriptor).
      return e;
    }
    if (subject != null && subject.accepts(result)) {
      subject.checkInvariants(result, where);
    }
    return result;
  }

  /** Whether the library's code was on the stack when {@code e} was thrown. */
  private static boolean passedThroughTheLibrary(Throwable e) {
    for (StackTraceElement frame : e.getStackTrace()) {
      if (frame.getClassName().startsWith("org.elastichash.")
          && !frame.getClassName().startsWith("org.elastichash.tests.")) {
        return true;
      }
    }
    return false;
  }

  private static byte[] serialize(Object object) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(object);
      }
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static Object deserialize(byte[] bytes, String where) {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
      return in.readObject();
    } catch (IOException | ClassNotFoundException e) {
      throw new AssertionError(where + ": a valid stream was refused", e);
    }
  }

  /** A distinctive key of the type: its bytes occur in the stream nowhere else. */
  static Object key(Class<?> type, int i) {
    if (type == int.class) {
      return 0x5A5A0000 | i;
    } else if (type == long.class) {
      return 0x5A5A5A5A00000000L | i;
    } else if (type == short.class) {
      return (short) (0x5A00 | (i & 0xFF));
    } else if (type == float.class) {
      return Float.intBitsToFloat(0x4A5A0000 | i);
    }
    return String.format("key%05d", i);
  }

  /** A key {@link #key} never returns. */
  static Object freshKey(Class<?> type) {
    if (type == int.class) {
      return 7;
    } else if (type == long.class) {
      return 7L;
    } else if (type == short.class) {
      return (short) 7;
    } else if (type == float.class) {
      return 7.5f;
    }
    return "fresh";
  }

  static byte[] keyBytes(Class<?> type, int i) {
    Object key = key(type, i);
    if (key instanceof Integer x) {
      return ByteBuffer.allocate(4).putInt(x).array();
    } else if (key instanceof Long x) {
      return ByteBuffer.allocate(8).putLong(x).array();
    } else if (key instanceof Short x) {
      return ByteBuffer.allocate(2).putShort(x).array();
    } else if (key instanceof Float x) {
      return ByteBuffer.allocate(4).putFloat(x).array();
    }
    return ((String) key).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }

  static Object value(Class<?> type, int i) {
    if (type == int.class) {
      return 0x3C3C0000 | i;
    } else if (type == long.class) {
      return 0x3C3C3C3C00000000L | i;
    } else if (type == float.class) {
      return (float) i;
    }
    return i % 7 == 0 ? null : "v" + i;
  }

  static Subject mapSubject(Fixture fixture) {
    Class<?> keyType = fixture.keyType();
    int distinct = keyType == short.class ? 256 : Integer.MAX_VALUE;
    return new Subject() {
      @Override
      public Object build(int entries, boolean tombstones) {
        ReflectiveMap map = fixture.create(0, 0.125);
        for (int i = 0; i < Math.min(entries, distinct); i++) {
          Object v = value(fixture.valueType(), i);
          map.put(key(keyType, i), v == null && fixture.valueType().isPrimitive() ? 0 : v);
        }
        if (tombstones) {
          for (int i = 2; i < entries; i += 3) {
            map.remove(key(keyType, i));
          }
        }
        return map.target();
      }

      @Override
      public boolean accepts(Object read) {
        return fixture.mapClass().isInstance(read);
      }

      @Override
      public byte[] keyBytes(int i) {
        return SerializationFuzzTest.keyBytes(keyType, i);
      }

      @Override
      public void checkInvariants(Object read, String where) {
        if (!fixture.mapClass().isInstance(read)) {
          fail(where + ": read a " + read.getClass());
        }
        ReflectiveMap map = new ReflectiveMap(read, keyType, fixture.valueType());
        Map<Object, Object> view = map.view();
        Map<Object, Object> walked = new HashMap<>();
        int count = 0;
        for (Map.Entry<Object, Object> e : view.entrySet()) {
          count++;
          walked.put(e.getKey(), e.getValue());
          assertTrue(map.containsKey(e.getKey()), where + ": iterated key not found " + e.getKey());
          assertEquals(e.getValue(), map.get(e.getKey()), where + ": value of " + e.getKey());
        }
        assertEquals(map.size(), count, where + ": size against iteration");
        assertEquals(count, walked.size(), where + ": iteration repeats a key");
        checkStats(map.stats(), count, where);
        ReflectiveMap rebuilt = fixture.create(0, 0.125);
        walked.forEach(rebuilt::put);
        assertEquals(rebuilt.target(), read, where + ": equal to a map of its own entries");
        assertEquals(read, rebuilt.target(), where + ": equal to a map of its own entries");
        Object fresh = freshKey(keyType);
        map.put(fresh, fixture.absent() == null ? "x" : fixture.absent());
        assertTrue(map.containsKey(fresh), where + ": put after reading");
        map.remove(fresh);
        assertEquals(count, map.size(), where + ": remove after reading");
      }
    };
  }

  static Subject setSubject(StatefulSetPropertiesTest.SetFixture fixture) {
    Class<?> type = fixture.elementType();
    return new Subject() {
      @Override
      public Object build(int entries, boolean tombstones) {
        StatefulSetPropertiesTest.ReflectiveSet set =
            StatefulSetPropertiesTest.ReflectiveSet.create(fixture, 0, 0.125);
        for (int i = 0; i < entries; i++) {
          set.add(key(type, i));
        }
        if (tombstones) {
          for (int i = 2; i < entries; i += 3) {
            set.remove(key(type, i));
          }
        }
        return set.target();
      }

      @Override
      public boolean accepts(Object read) {
        return fixture.setClass().isInstance(read);
      }

      @Override
      public byte[] keyBytes(int i) {
        return SerializationFuzzTest.keyBytes(type, i);
      }

      @Override
      public void checkInvariants(Object read, String where) {
        if (!fixture.setClass().isInstance(read)) {
          fail(where + ": read a " + read.getClass());
        }
        StatefulSetPropertiesTest.ReflectiveSet set =
            new StatefulSetPropertiesTest.ReflectiveSet(read, type);
        Set<Object> walked = new HashSet<>();
        int count = 0;
        for (Object e : set.view()) {
          count++;
          walked.add(e);
          assertTrue(set.contains(e), where + ": iterated element not found " + e);
        }
        assertEquals(set.size(), count, where + ": size against iteration");
        assertEquals(count, walked.size(), where + ": iteration repeats an element");
        checkStats(set.stats(), count, where);
        StatefulSetPropertiesTest.ReflectiveSet rebuilt =
            StatefulSetPropertiesTest.ReflectiveSet.create(fixture, 0, 0.125);
        walked.forEach(rebuilt::add);
        assertEquals(rebuilt.target(), read, where + ": equal to a set of its own elements");
        assertEquals(read, rebuilt.target(), where + ": equal to a set of its own elements");
      }
    };
  }

  private static void checkStats(ElasticStats stats, int size, String where) {
    assertEquals(size, stats.size(), where + ": stats size");
    assertTrue(stats.delta() > 0 && stats.delta() < 1, where + ": delta " + stats.delta());
    assertTrue(stats.size() <= stats.maxUsedSlots(), where + ": " + stats);
    for (ElasticStats.Segment segment : stats.segments()) {
      assertTrue(segment.live() >= 0, where + ": " + stats);
      assertTrue(segment.live() <= segment.capacity(), where + ": " + stats);
    }
  }
}
