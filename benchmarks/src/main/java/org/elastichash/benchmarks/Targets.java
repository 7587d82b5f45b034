package org.elastichash.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The targets of the elastic map at its default delta, judged on one report run: time ratios to
 * fastutil's default map per operation and size, memory over growth, the equal-memory comparison
 * with fastutil at load 0.875, the cost of unfriendly key patterns, and the long -> Object and
 * String -> Object maps against their peers. Every cell shows the target, the measured value and
 * whether it is met.
 */
final class Targets {

  private Targets() {}

  /** Ratio limits against fastutil's default, per size 10^3, 10^5, 10^7. */
  private record Row(String what, String method, double[] limits) {}

  private static final List<Row> AGAINST_DEFAULT =
      List.of(
          new Row("get hit", "getHit", new double[] {1.5, 1.3, 1.0}),
          new Row("get miss", "getMiss", new double[] {1.3, 1.0, 1.0}),
          new Row("insert, growing from empty", "insert", new double[] {1.5, 1.2, 1.2}),
          new Row("churn", "churn", new double[] {1.2, 1.2, 1.2}));

  /** Methods where, at equal memory, the elastic map must be faster than fastutil at 0.875. */
  private static final List<String> FASTER_AT_EQUAL_MEMORY = List.of("getMiss", "insert", "churn");

  /** An elastic map and the peer the other maps' targets compare it with. */
  private record Peer(String what, String benchmark, String ours, String theirs) {}

  private static final List<Peer> OTHER_MAPS =
      List.of(
          new Peer(
              "`ElasticLongObjectMap` vs fastutil `Long2ObjectOpenHashMap`",
              "LongObjectBenchmark",
              "ELASTIC",
              "FASTUTIL"),
          new Peer(
              "`ElasticHashMap` vs fastutil `Object2ObjectOpenHashMap`",
              "ObjectObjectBenchmark",
              "ELASTIC",
              "FASTUTIL"),
          new Peer(
              "`ElasticHashMap` vs `java.util.HashMap`",
              "ObjectObjectBenchmark",
              "ELASTIC",
              "JDK"));

  static final double AVERAGE_BYTES = 10.5;
  static final double LONG_OBJECT_AVERAGE_BYTES = 14;
  static final double WORST_BYTES = 13;
  static final double KEY_PATTERN_SLOWDOWN = 1.5;
  static final int KEY_PATTERN_SIZE = 100_000;

  /** All targets as markdown tables. */
  static String markdown(Report.Results results) {
    List<Boolean> verdicts = new ArrayList<>();
    StringBuilder md = new StringBuilder();
    md.append(
        "The elastic map at its default delta (1/8) against fastutil's default"
            + " `Int2IntOpenHashMap` (load factor 0.75), random keys, same run: elastic ns /"
            + " fastutil ns. A cell reads *target: measured ± error of the ratio, met or missed*;"
            + " empty where the run did not measure it.\n\n");
    md.append("| what | 10^3 | 10^5 | 10^7 |\n| --- | --- | --- | --- |\n");
    for (Row row : AGAINST_DEFAULT) {
      md.append("| ").append(row.what()).append(" vs fastutil 0.75");
      for (int i = 0; i < Report.SIZES.length; i++) {
        md.append(" | ")
            .append(
                ratioCell(
                    verdicts,
                    results,
                    IntIntMaps.ELASTIC,
                    Keys.RANDOM,
                    IntIntMaps.FASTUTIL,
                    Keys.RANDOM,
                    row.method(),
                    Report.SIZES[i],
                    row.limits()[i],
                    false));
      }
      md.append(" |\n");
    }
    for (String method : FASTER_AT_EQUAL_MEMORY) {
      md.append("| ")
          .append(
              AGAINST_DEFAULT.stream()
                  .filter(r -> r.method().equals(method))
                  .findFirst()
                  .orElseThrow()
                  .what())
          .append(" vs fastutil 0.875 (equal memory) | -");
      for (int i = 1; i < Report.SIZES.length; i++) {
        md.append(" | ")
            .append(
                ratioCell(
                    verdicts,
                    results,
                    IntIntMaps.ELASTIC,
                    Keys.RANDOM,
                    IntIntMaps.FASTUTIL_LOAD_0875,
                    Keys.RANDOM,
                    method,
                    Report.SIZES[i],
                    1.0,
                    true));
      }
      md.append(" |\n");
    }

    md.append("\n| memory, int->int, elastic default | target | measured | |\n")
        .append("| --- | --- | --- | --- |\n");
    Memory.Footprint elastic = results.footprints.get(IntIntMaps.ELASTIC);
    memoryRow(
        md,
        verdicts,
        "bytes per entry, average over growth 10^4..10^7",
        AVERAGE_BYTES,
        elastic == null ? Double.NaN : elastic.average());
    memoryRow(
        md,
        verdicts,
        "bytes per entry at the worst size of that sweep",
        WORST_BYTES,
        elastic == null ? Double.NaN : elastic.worst());

    md.append(
        String.format(
            Locale.ROOT,
            "%n| key pattern at %s, elastic default, / random keys | get hit | get miss | insert"
                + " | churn |%n| --- | --- | --- | --- | --- |%n",
            Report.power(KEY_PATTERN_SIZE)));
    for (Keys keys : new Keys[] {Keys.SEQUENTIAL, Keys.MULTIPLES_OF_1024}) {
      md.append("| ").append(keys.name().toLowerCase(Locale.ROOT).replace('_', ' '));
      for (String method : Report.METHODS) {
        md.append(" | ")
            .append(
                ratioCell(
                    verdicts,
                    results,
                    IntIntMaps.ELASTIC,
                    keys,
                    IntIntMaps.ELASTIC,
                    Keys.RANDOM,
                    method,
                    KEY_PATTERN_SIZE,
                    KEY_PATTERN_SLOWDOWN,
                    false));
      }
      md.append(" |\n");
    }
    otherMaps(md, verdicts, results);
    long met = verdicts.stream().filter(v -> v).count();
    md.append(
        String.format(Locale.ROOT, "%nTargets met: %d of %d measured.%n", met, verdicts.size()));
    return md.toString();
  }

  /**
   * The other maps against their peers, with the int -> int limits; the quick profile times them at
   * {@link Report#OTHER_MAPS_SIZE} only. Then the long -> Object memory target.
   */
  private static void otherMaps(StringBuilder md, List<Boolean> verdicts, Report.Results results) {
    md.append(
        "\nThe other maps, random keys, the same limits: ours ns / the peer's ns (the quick"
            + " profile times them at "
            + Report.power(Report.OTHER_MAPS_SIZE)
            + " only; `--full` adds the other sizes and fastutil's `Object2ObjectOpenHashMap`).\n\n");
    md.append("| what | 10^3 | 10^5 | 10^7 |\n| --- | --- | --- | --- |\n");
    for (Peer peer : OTHER_MAPS) {
      boolean measured =
          results.timings.stream()
              .anyMatch(
                  t ->
                      t.job().benchmark().equals(peer.benchmark())
                          && t.job().impl().equals(peer.theirs()));
      if (!measured) {
        continue;
      }
      for (Row row : AGAINST_DEFAULT) {
        md.append("| ").append(row.what()).append(", ").append(peer.what());
        for (int i = 0; i < Report.SIZES.length; i++) {
          int size = Report.SIZES[i];
          md.append(" | ")
              .append(
                  ratioCell(
                      verdicts,
                      results.timing(
                          peer.benchmark(), peer.ours(), row.method(), size, Keys.RANDOM),
                      results.timing(
                          peer.benchmark(), peer.theirs(), row.method(), size, Keys.RANDOM),
                      row.limits()[i],
                      false));
        }
        md.append(" |\n");
      }
    }
    md.append("\n| memory, long->Object | target | measured | |\n| --- | --- | --- | --- |\n");
    Memory.Sweep sweep = results.longObjectSweeps.get(LongObjectMaps.ELASTIC);
    memoryRow(
        md,
        verdicts,
        "`ElasticLongObjectMap`, bytes per entry, average over growth 10^4..10^7",
        LONG_OBJECT_AVERAGE_BYTES,
        sweep == null ? Double.NaN : sweep.average());
  }

  private static void memoryRow(
      StringBuilder md, List<Boolean> verdicts, String what, double limit, double measured) {
    if (!Double.isNaN(measured)) {
      verdicts.add(measured <= limit);
    }
    md.append(
        String.format(
            Locale.ROOT,
            "| %s | <= %.1f | %s | %s |%n",
            what,
            limit,
            Double.isNaN(measured) ? "" : Report.f1(measured),
            Double.isNaN(measured) ? "" : measured <= limit ? "met" : "**missed**"));
  }

  /**
   * {@code a} over {@code b} with the limit; {@code strict} asks for a ratio under the limit
   * (faster), otherwise at most the limit. Adds the verdict to {@code verdicts}.
   */
  private static String ratioCell(
      List<Boolean> verdicts,
      Report.Results results,
      IntIntMaps a,
      Keys aKeys,
      IntIntMaps b,
      Keys bKeys,
      String method,
      int size,
      double limit,
      boolean strict) {
    return ratioCell(
        verdicts,
        results.intInt(a, method, size, aKeys),
        results.intInt(b, method, size, bKeys),
        limit,
        strict);
  }

  /**
   * {@code ta} over {@code tb}, as {@link #ratioCell(List, Report.Results, IntIntMaps, Keys,
   * IntIntMaps, Keys, String, int, double, boolean)}.
   */
  private static String ratioCell(
      List<Boolean> verdicts, Report.Timing ta, Report.Timing tb, double limit, boolean strict) {
    if (ta == null || tb == null) {
      return "";
    }
    double ratio = ta.nanos() / tb.nanos();
    // Relative errors of a quotient add in quadrature (independent forks).
    double error = Math.hypot(ta.relativeError(), tb.relativeError());
    boolean met = strict ? ratio < limit : ratio <= limit;
    verdicts.add(met);
    return String.format(
        Locale.ROOT,
        "%s %.2f: %.2fx ±%.0f%% %s",
        strict ? "<" : "<=",
        limit,
        ratio,
        100 * error,
        met ? "met" : "**missed**");
  }
}
