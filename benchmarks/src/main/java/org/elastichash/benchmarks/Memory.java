package org.elastichash.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openjdk.jol.info.GraphLayout;

/**
 * Bytes per entry measured with JOL: the whole object graph of a map (its arrays, and for boxed
 * maps its entry and box objects) divided by its size. Values are one shared object, and String
 * keys are subtracted, so the figures are the map's own overhead.
 */
public final class Memory {

  private Memory() {}

  /** One measurement. */
  public record Point(String family, String impl, int size, double bytesPerEntry) {}

  static long bytes(Object map) {
    return GraphLayout.parseInstance(map).totalSize();
  }

  /** int -> int maps filled with random keys to each size. */
  public static List<Point> intInt(int[] sizes, List<IntIntMaps> impls) {
    List<Point> points = new ArrayList<>();
    for (IntIntMaps impl : impls) {
      IntIntMaps.Map map = impl.create();
      int filled = 0;
      for (int size : sizes) {
        for (; filled < size; filled++) {
          int key = Keys.RANDOM.intKey(filled);
          map.put(key, key | 1);
        }
        points.add(new Point("int->int", impl.name(), size, (double) bytes(map.target()) / size));
      }
    }
    return points;
  }

  /** long -> Object maps filled with random keys to each size. */
  public static List<Point> longObject(int[] sizes, List<LongObjectMaps> impls) {
    Object value = new Object();
    List<Point> points = new ArrayList<>();
    for (LongObjectMaps impl : impls) {
      LongObjectMaps.Map map = impl.create();
      int filled = 0;
      for (int size : sizes) {
        for (; filled < size; filled++) {
          map.put(Keys.RANDOM.longKey(filled), value);
        }
        long own = bytes(map.target()) - GraphLayout.parseInstance(value).totalSize();
        points.add(new Point("long->Object", impl.name(), size, (double) own / size));
      }
    }
    return points;
  }

  /** String -> Object maps, String keys not counted. */
  public static List<Point> objectObject(int[] sizes, List<ObjectObjectMaps> impls) {
    Object value = new Object();
    List<Point> points = new ArrayList<>();
    for (ObjectObjectMaps impl : impls) {
      Map<String, Object> map = impl.create();
      List<String> keys = new ArrayList<>();
      int filled = 0;
      for (int size : sizes) {
        for (; filled < size; filled++) {
          String key = Long.toString(Keys.RANDOM.longKey(filled));
          keys.add(key);
          map.put(key, value);
        }
        // Each key a root: the keys' own bytes, without any array holding them.
        long keyBytes = GraphLayout.parseInstance(keys.toArray()).totalSize();
        long own = bytes(map) - keyBytes - GraphLayout.parseInstance(value).totalSize();
        points.add(new Point("String->Object", impl.name(), size, (double) own / size));
      }
    }
    return points;
  }

  /** {@code count} sizes spaced evenly on a log scale from {@code from} to {@code to}. */
  public static int[] logSpaced(int from, int to, int count) {
    int[] sizes = new int[count];
    for (int i = 0; i < count; i++) {
      sizes[i] =
          (int)
              Math.round(
                  Math.exp(Math.log(from) + (Math.log(to) - Math.log(from)) * i / (count - 1)));
    }
    return sizes;
  }
}
