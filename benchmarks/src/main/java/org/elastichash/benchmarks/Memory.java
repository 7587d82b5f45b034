package org.elastichash.benchmarks;

import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
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

  /**
   * Bytes per entry of one int -> int configuration grown from empty: average, worst and best over
   * a sweep of sizes, and the figure at each benchmark size.
   */
  public record Footprint(
      IntIntMaps impl,
      double average,
      double worst,
      double best,
      List<Point> sweep,
      Map<Integer, Double> atSize) {}

  /**
   * Grows one map per configuration through the sweep sizes and the benchmark sizes together, so
   * that both come from the same map; only the sweep sizes enter the average, worst and best.
   */
  public static List<Footprint> footprints(
      int[] sweepSizes, int[] benchmarkSizes, List<IntIntMaps> impls) {
    int[] all =
        IntStream.concat(IntStream.of(sweepSizes), IntStream.of(benchmarkSizes))
            .distinct()
            .sorted()
            .toArray();
    Set<Integer> sweep = IntStream.of(sweepSizes).boxed().collect(Collectors.toSet());
    Set<Integer> benchmark = IntStream.of(benchmarkSizes).boxed().collect(Collectors.toSet());
    List<Footprint> footprints = new ArrayList<>();
    for (IntIntMaps impl : impls) {
      List<Point> points = intInt(all, List.of(impl));
      List<Point> swept = points.stream().filter(p -> sweep.contains(p.size())).toList();
      Map<Integer, Double> atSize = new TreeMap<>();
      for (Point p : points) {
        if (benchmark.contains(p.size())) {
          atSize.put(p.size(), p.bytesPerEntry());
        }
      }
      DoubleSummaryStatistics stats =
          swept.stream().mapToDouble(Point::bytesPerEntry).summaryStatistics();
      footprints.add(
          new Footprint(impl, stats.getAverage(), stats.getMax(), stats.getMin(), swept, atSize));
    }
    return footprints;
  }

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

  /** Bytes per entry of one configuration over a sweep of sizes: average, worst and best. */
  public record Sweep(String impl, double average, double worst, double best) {}

  /** Each long -> Object configuration grown from empty through {@code sizes}, summarized. */
  public static List<Sweep> longObjectSweeps(int[] sizes, List<LongObjectMaps> impls) {
    List<Sweep> sweeps = new ArrayList<>();
    for (LongObjectMaps impl : impls) {
      DoubleSummaryStatistics stats =
          longObject(sizes, List.of(impl)).stream()
              .mapToDouble(Point::bytesPerEntry)
              .summaryStatistics();
      sweeps.add(new Sweep(impl.name(), stats.getAverage(), stats.getMax(), stats.getMin()));
    }
    return sweeps;
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
