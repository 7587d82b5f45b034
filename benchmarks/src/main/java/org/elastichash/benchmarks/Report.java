package org.elastichash.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The benchmark report, the project's main job: the paper's probe table, bytes per entry with JOL,
 * and JMH timings of every map against its peers, side by side in one run and given as ratios to
 * fastutil. Writes {@code report.md} and SVG charts, and prints the summary.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.elastichash.benchmarks.Report [--full] [--out DIR]
 * </pre>
 *
 * <p>The quick profile (default) takes under ten minutes on two cores; {@code --full} runs the
 * whole matrix of maps, sizes up to 10^7 and key patterns, for hours.
 */
public final class Report {

  private Report() {}

  /** One JMH measurement to make. */
  record Job(String benchmark, String method, String impl, int size, Keys keys) {
    String label() {
      return String.format(
          Locale.ROOT, "%s.%s %s size=%d keys=%s", benchmark, method, impl, size, keys);
    }
  }

  /** A measured job: nanoseconds per key operation, with the JMH error scaled alike. */
  record Timing(Job job, double nanos, double error) {}

  private static final String[] METHODS = {"insert", "getHit", "getMiss", "churn"};

  /**
   * Runs the report.
   *
   * @param args {@code --full} for the whole matrix, {@code --out DIR} for the output directory
   */
  public static void main(String[] args) throws IOException, RunnerException {
    List<String> arguments = Arrays.asList(args);
    boolean full = arguments.contains("--full");
    int outIndex = arguments.indexOf("--out");
    Path out = Path.of(outIndex >= 0 ? args[outIndex + 1] : "benchmarks/target/report");
    Files.createDirectories(out);
    long start = System.nanoTime();

    System.out.println("Elastic Collections benchmark report (" + (full ? "full" : "quick") + ")");
    System.out.println("[probes] filling tables of 2^20 slots to 1 - delta ...");
    double[] deltas = {
      1 / 4.0, 1 / 8.0, 1 / 16.0, 1 / 32.0, 1 / 64.0, 1 / 128.0, 1 / 256.0, 1 / 512.0, 1 / 1024.0
    };
    List<ProbeTable.Row> probes = ProbeTable.measure(deltas);
    System.out.printf("[probes] done in %.0f s%n", seconds(start));

    System.out.println("[memory] JOL bytes per entry ...");
    int[] sizes = {1_000, 100_000, 10_000_000};
    List<IntIntMaps> primitiveIntInt =
        Arrays.stream(IntIntMaps.values()).filter(m -> m != IntIntMaps.JDK).toList();
    List<Memory.Point> memory = new ArrayList<>();
    memory.addAll(Memory.intInt(sizes, primitiveIntInt));
    memory.addAll(Memory.intInt(new int[] {1_000, 100_000}, List.of(IntIntMaps.JDK)));
    // JOL walks every entry and box of a java.util.HashMap: 10^7 of them only in the full profile.
    int[] boxedSizes = full ? sizes : new int[] {1_000, 100_000};
    List<LongObjectMaps> primitiveLongObject =
        Arrays.stream(LongObjectMaps.values()).filter(m -> m != LongObjectMaps.JDK).toList();
    memory.addAll(Memory.longObject(sizes, primitiveLongObject));
    memory.addAll(Memory.longObject(boxedSizes, List.of(LongObjectMaps.JDK)));
    memory.addAll(Memory.objectObject(boxedSizes, List.of(ObjectObjectMaps.values())));
    int[] sweepSizes = Memory.logSpaced(10_000, 10_000_000, 30);
    List<Memory.Point> sweep = Memory.intInt(sweepSizes, primitiveIntInt);
    System.out.printf("[memory] done in %.0f s%n", seconds(start));

    List<Job> jobs = full ? fullJobs() : quickJobs();
    List<Timing> timings = new ArrayList<>();
    for (int i = 0; i < jobs.size(); i++) {
      Job job = jobs.get(i);
      System.out.printf("[jmh %d/%d] %s ... ", i + 1, jobs.size(), job.label());
      Timing timing = run(job, full);
      timings.add(timing);
      System.out.printf(
          Locale.ROOT, "%.2f ns/op (%.0f s elapsed)%n", timing.nanos(), seconds(start));
    }

    String summary = summary(timings);
    String markdown =
        markdown(full, summary, timings, memory, sweepSizes, sweep, probes, seconds(start));
    Files.writeString(out.resolve("report.md"), markdown);
    writeCharts(out, timings, sweep, probes);
    System.out.println();
    System.out.println(summary);
    System.out.printf(
        "Report written to %s/report.md in %.1f minutes.%n",
        out.toAbsolutePath(), seconds(start) / 60);
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  static List<Job> quickJobs() {
    List<Job> jobs = new ArrayList<>();
    for (String method : METHODS) {
      for (int size : new int[] {1_000, 100_000}) {
        for (IntIntMaps impl : IntIntMaps.values()) {
          jobs.add(new Job("IntIntBenchmark", method, impl.name(), size, Keys.RANDOM));
        }
      }
    }
    for (Keys keys : new Keys[] {Keys.SEQUENTIAL, Keys.MULTIPLES_OF_1024}) {
      for (String method : new String[] {"getHit", "insert"}) {
        for (IntIntMaps impl : new IntIntMaps[] {IntIntMaps.ELASTIC, IntIntMaps.FASTUTIL}) {
          jobs.add(new Job("IntIntBenchmark", method, impl.name(), 100_000, keys));
        }
      }
    }
    for (String method : new String[] {"insert", "getHit", "getMiss"}) {
      for (LongObjectMaps impl : LongObjectMaps.values()) {
        jobs.add(new Job("LongObjectBenchmark", method, impl.name(), 100_000, Keys.RANDOM));
      }
      for (ObjectObjectMaps impl : ObjectObjectMaps.values()) {
        jobs.add(new Job("ObjectObjectBenchmark", method, impl.name(), 100_000, Keys.RANDOM));
      }
    }
    for (String impl : new String[] {"ELASTIC", "JDK"}) {
      jobs.add(new Job("CollidingKeysBenchmark", "putGetRemove", impl, 1 << 16, Keys.RANDOM));
    }
    return jobs;
  }

  static List<Job> fullJobs() {
    List<Job> jobs = new ArrayList<>();
    for (Keys keys : Keys.values()) {
      for (int size : new int[] {1_000, 100_000, 10_000_000}) {
        for (String method : METHODS) {
          if (!(keys == Keys.MULTIPLES_OF_1024 && size == 10_000_000)) {
            for (IntIntMaps impl : IntIntMaps.values()) {
              jobs.add(new Job("IntIntBenchmark", method, impl.name(), size, keys));
            }
          }
          for (LongObjectMaps impl : LongObjectMaps.values()) {
            jobs.add(new Job("LongObjectBenchmark", method, impl.name(), size, keys));
          }
          for (ObjectObjectMaps impl : ObjectObjectMaps.values()) {
            jobs.add(new Job("ObjectObjectBenchmark", method, impl.name(), size, keys));
          }
        }
      }
    }
    return jobs;
  }

  /** Heap per fork: fixed (-Xms = -Xmx) and pre-touched, sized to the benchmark. */
  static String heap(Job job) {
    if (job.size() >= 10_000_000) {
      return job.benchmark().equals("IntIntBenchmark") ? "6g" : "10g";
    }
    return job.size() >= 1_000_000 ? "3g" : "1g";
  }

  static Timing run(Job job, boolean full) throws RunnerException {
    String heap = heap(job);
    Options options =
        new OptionsBuilder()
            .include(
                "org\\.elastichash\\.benchmarks\\." + job.benchmark() + "\\." + job.method() + "$")
            .param("impl", job.impl())
            .param("size", String.valueOf(job.size()))
            .param("keys", job.keys().name())
            .forks(1)
            .warmupIterations(full ? 3 : 2)
            .warmupTime(TimeValue.milliseconds(full ? 1000 : 300))
            .measurementIterations(full ? 5 : 3)
            .measurementTime(TimeValue.milliseconds(full ? 1000 : 300))
            .jvmArgsAppend("-Xms" + heap, "-Xmx" + heap, "-XX:+AlwaysPreTouch")
            .verbosity(VerboseMode.SILENT)
            .shouldFailOnError(true)
            .build();
    RunResult result = new Runner(options).runSingle();
    int operations = IntIntBenchmark.operations(job.method(), job.size());
    double score = result.getPrimaryResult().getScore() / operations;
    double error = result.getPrimaryResult().getScoreError() / operations;
    return new Timing(job, score, Double.isNaN(error) ? 0 : error);
  }

  private static String family(String benchmark) {
    return switch (benchmark) {
      case "IntIntBenchmark" -> "int->int";
      case "LongObjectBenchmark" -> "long->Object";
      default -> "String->Object";
    };
  }

  /** ns per key operation per map, and the ratio of each map to fastutil, row by row. */
  static String summary(List<Timing> timings) {
    Map<String, Map<String, Timing>> rows = new LinkedHashMap<>();
    Set<String> impls = new LinkedHashSet<>();
    for (Timing t : timings) {
      Job j = t.job();
      String row =
          String.format(
              Locale.ROOT,
              "%s | %s | %,d | %s",
              family(j.benchmark()),
              j.method(),
              j.size(),
              j.keys().name().toLowerCase(Locale.ROOT));
      rows.computeIfAbsent(row, r -> new LinkedHashMap<>()).put(j.impl(), t);
      impls.add(j.impl());
    }
    StringBuilder table = new StringBuilder();
    table.append("| map | operation | size | keys | ");
    table.append(
        String.join(" | ", impls.stream().map(i -> i.toLowerCase(Locale.ROOT) + " ns").toList()));
    table.append(" | elastic / fastutil | elastic / fastutil at equal load |\n|");
    table.append(" --- |".repeat(4 + impls.size() + 2)).append('\n');
    for (Map.Entry<String, Map<String, Timing>> row : rows.entrySet()) {
      table.append("| ").append(row.getKey()).append(" | ");
      for (String impl : impls) {
        Timing t = row.getValue().get(impl);
        table.append(t == null ? "" : String.format(Locale.ROOT, "%.2f", t.nanos())).append(" | ");
      }
      Timing elastic = row.getValue().get("ELASTIC");
      table.append(ratio(elastic, row.getValue().get("FASTUTIL"))).append(" | ");
      table.append(ratio(elastic, row.getValue().get("FASTUTIL_DENSE"))).append(" |\n");
    }
    return table.toString();
  }

  private static String ratio(Timing elastic, Timing peer) {
    return elastic == null || peer == null
        ? ""
        : String.format(Locale.ROOT, "**%.2fx**", elastic.nanos() / peer.nanos());
  }

  static String machine() {
    String cpu = "unknown CPU";
    try {
      cpu =
          Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
              .filter(l -> l.startsWith("model name"))
              .map(l -> l.substring(l.indexOf(':') + 1).trim())
              .findFirst()
              .orElse(cpu);
    } catch (IOException | RuntimeException e) {
      // Not Linux: leave the CPU unnamed.
    }
    return String.format(
        Locale.ROOT,
        "%d cores (%s), %s %s, %.0f GiB max heap in the report JVM",
        Runtime.getRuntime().availableProcessors(),
        cpu,
        System.getProperty("java.vm.name"),
        System.getProperty("java.version"),
        Runtime.getRuntime().maxMemory() / (double) (1L << 30));
  }

  static String markdown(
      boolean full,
      String summary,
      List<Timing> timings,
      List<Memory.Point> memory,
      int[] sweepSizes,
      List<Memory.Point> sweep,
      List<ProbeTable.Row> probes,
      double seconds) {
    StringBuilder md = new StringBuilder();
    md.append("# Elastic Collections benchmark report\n\n");
    md.append(
        String.format(
            Locale.ROOT,
            "%s profile, %s, on %s. Took %.1f minutes. JVM arguments of the report: %s.%n%n",
            full ? "Full" : "Quick",
            LocalDate.now(),
            machine(),
            seconds / 60,
            ManagementFactory.getRuntimeMXBean().getInputArguments()));
    md.append(
        "Every timing is nanoseconds per key operation, from one JMH fork per map, size and key"
            + " pattern, all in this one run; compare ratios, not absolute times (the machine is"
            + " shared and noisy). Each fork runs with a fixed heap (`-Xms` = `-Xmx`: 1g up to"
            + " 10^5 entries, 6-10g at 10^7) and `-XX:+AlwaysPreTouch`, because the first touch"
            + " of a memory page costs about 10 microseconds on these machines and would swamp"
            + " small insert benchmarks. Maps are default-constructed; `insert` includes growth;"
            + " `churn` removes a key and inserts a fresh one at a steady size."
            + (full
                ? " Warmup 3 x 1 s, measurement 5 x 1 s."
                : " Quick profile: warmup 2 x 0.3 s, measurement 3 x 0.3 s, so errors are wide.")
            + "\n\n");
    md.append(
        "## Time per operation (ratios to fastutil in the last columns)\n\n"
            + "`fastutil_dense` and `hppc_dense` are fastutil and HPPC with load factor"
            + " `1 - delta` = "
            + IntIntMaps.DENSE_LOAD_FACTOR
            + ", the elastic map's default load limit: the equal-memory comparison.\n\n");
    md.append(summary).append('\n');
    md.append(
        "Reading these numbers: the forks use the JVM's default collector, G1, whose regions are"
            + " 1 MiB in a 1 GiB heap; an array of half a region or more is a humongous"
            + " allocation, slow to make and to reclaim. A default-constructed peer that grows"
            + " to 10^5 entries allocates such arrays at each doubling, while an elastic map"
            + " allocates one segment at a time. That, not probing, explains most of the"
            + " long->Object and String->Object insert ratios below 1. Lookups show the cost"
            + " of the elastic layout at its higher load: a hit inspects 1.7 groups on average"
            + " and a miss 1.5, each a control-word load, a SWAR match and often a branch"
            + " misprediction, where a linear-probing map at load 0.4 to 0.75 usually finds or"
            + " rules out the key with one or two adjacent slot loads. At equal load (the"
            + " `_dense` columns) linear probing's misses and churn degrade and the elastic map"
            + " catches up at 10^5.\n\n");
    md.append("![int->int ns per operation](int-int-time.svg)\n\n");
    md.append("JMH error (99.9%) per row, ns: ");
    md.append(
        timings.stream()
            .map(t -> String.format(Locale.ROOT, "%s %.2f", t.job().label(), t.error()))
            .collect(Collectors.joining("; ")));
    md.append(collidingKeys(timings));
    md.append("\n\n## Memory: bytes per entry (JOL)\n\n");
    md.append(
        "The whole object graph of each map filled with random keys, divided by its size; values"
            + " are one shared object and String keys are not counted. Elastic maps allocate a"
            + " segment when the batch schedule first reaches it, so a map just past a doubling"
            + " holds less than twice its previous size.\n\n");
    Map<String, Map<String, Map<Integer, Double>>> byFamily = new LinkedHashMap<>();
    for (Memory.Point p : memory) {
      byFamily
          .computeIfAbsent(p.family(), f -> new LinkedHashMap<>())
          .computeIfAbsent(p.impl(), i -> new LinkedHashMap<>())
          .put(p.size(), p.bytesPerEntry());
    }
    md.append(
        "| map | implementation | 1,000 | 100,000 | 10,000,000 |\n| --- | --- | --- | --- | --- |\n");
    for (var family : byFamily.entrySet()) {
      for (var impl : family.getValue().entrySet()) {
        md.append("| ")
            .append(family.getKey())
            .append(" | ")
            .append(impl.getKey().toLowerCase(Locale.ROOT));
        for (int size : new int[] {1_000, 100_000, 10_000_000}) {
          Double b = impl.getValue().get(size);
          md.append(" | ").append(b == null ? "" : String.format(Locale.ROOT, "%.1f", b));
        }
        md.append(" |\n");
      }
    }
    md.append(
        "\nint->int over 30 log-spaced sizes from 10^4 to 10^7 (growth makes a saw-tooth):\n\n");
    md.append(
        "| implementation | average bytes/entry | worst | best |\n| --- | --- | --- | --- |\n");
    Map<String, List<Double>> sweepByImpl = new LinkedHashMap<>();
    for (Memory.Point p : sweep) {
      sweepByImpl.computeIfAbsent(p.impl(), i -> new ArrayList<>()).add(p.bytesPerEntry());
    }
    for (var e : sweepByImpl.entrySet()) {
      List<Double> v = e.getValue();
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %.1f | %.1f | %.1f |%n",
              e.getKey().toLowerCase(Locale.ROOT),
              v.stream().mapToDouble(d -> d).average().orElse(0),
              v.stream().mapToDouble(d -> d).max().orElse(0),
              v.stream().mapToDouble(d -> d).min().orElse(0)));
    }
    md.append("\n![bytes per entry](memory.svg)\n\n");
    md.append("## The paper's probe table\n\n");
    md.append(
        "A table of about 2^20 slots filled to 1 - delta, 3 seeds. *worst* is the largest"
            + " insertion probe count among the last delta-fraction of insertions, averaged over"
            + " the seeds. Elastic hashing runs on this library's core and counts groups of 8"
            + " slots (one 8-byte load each); so does the grouped uniform-probing reference,"
            + " while uniform and linear probing count slots. Elastic lookups also use the"
            + " library's pass filters and segment directory.\n\n");
    md.append(
        "| scheme | delta | unit | insert mean | insert worst | hit mean | miss mean |\n"
            + "| --- | --- | --- | --- | --- | --- | --- |\n");
    for (ProbeTable.Row r : probes) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | 1/%.0f | %s | %.2f | %.1f | %.2f | %.2f |%n",
              r.scheme(),
              1 / r.delta(),
              r.unit(),
              r.insertMean(),
              r.insertWorst(),
              r.hitMean(),
              r.missMean()));
    }
    md.append("\n![probes against delta](probes.svg)\n");
    return md.toString();
  }

  /** The hash-flooding section: colliding String keys, the elastic map beside HashMap. */
  static String collidingKeys(List<Timing> timings) {
    Map<String, Timing> byImpl = new LinkedHashMap<>();
    timings.stream()
        .filter(t -> t.job().benchmark().equals("CollidingKeysBenchmark"))
        .forEach(t -> byImpl.put(t.job().impl(), t));
    Timing elastic = byImpl.get("ELASTIC");
    Timing jdk = byImpl.get("JDK");
    if (elastic == null || jdk == null) {
      return "";
    }
    return String.format(
        Locale.ROOT,
        "\n\n## Hash flooding: %,d Strings with one hash code%n%n"
            + "Put, get and remove of each key in a default-constructed map (`CollidingKeysBenchmark`),"
            + " ns per key for the three: HashMap keeps such a bin as a tree, the elastic map"
            + " redirects the keys past %d on one probe run into its collision index.%n%n"
            + "| map | elastic ns | jdk ns | elastic / jdk |%n| --- | --- | --- | --- |%n"
            + "| colliding String->Object | %.0f | %.0f | **%.2fx** |%n",
        elastic.job().size(),
        org.elastichash.internal.CollisionIndex.FLOOD_THRESHOLD,
        elastic.nanos(),
        jdk.nanos(),
        elastic.nanos() / jdk.nanos());
  }

  static void writeCharts(
      Path out, List<Timing> timings, List<Memory.Point> sweep, List<ProbeTable.Row> probes)
      throws IOException {
    List<Timing> intInt =
        timings.stream()
            .filter(t -> t.job().benchmark().equals("IntIntBenchmark"))
            .filter(t -> t.job().keys() == Keys.RANDOM)
            .toList();
    List<String> categories = new ArrayList<>();
    List<String> impls = new ArrayList<>();
    for (Timing t : intInt) {
      String category = t.job().method() + " " + shortSize(t.job().size());
      if (!categories.contains(category)) {
        categories.add(category);
      }
      if (!impls.contains(t.job().impl())) {
        impls.add(t.job().impl());
      }
    }
    double[][] values = new double[categories.size()][impls.size()];
    for (Timing t : intInt) {
      values[categories.indexOf(t.job().method() + " " + shortSize(t.job().size()))][
              impls.indexOf(t.job().impl())] =
          t.nanos();
    }
    Files.writeString(
        out.resolve("int-int-time.svg"),
        Svg.bars(
            "int->int maps, random keys: ns per operation (log scale)",
            "ns per operation",
            categories,
            impls.stream().map(i -> i.toLowerCase(Locale.ROOT)).toList(),
            values));

    Map<String, List<Memory.Point>> byImpl = new LinkedHashMap<>();
    for (Memory.Point p : sweep) {
      byImpl.computeIfAbsent(p.impl(), i -> new ArrayList<>()).add(p);
    }
    List<Svg.Series> memorySeries = new ArrayList<>();
    for (var e : byImpl.entrySet()) {
      memorySeries.add(
          new Svg.Series(
              e.getKey().toLowerCase(Locale.ROOT),
              e.getValue().stream().mapToDouble(Memory.Point::size).toArray(),
              e.getValue().stream().mapToDouble(Memory.Point::bytesPerEntry).toArray()));
    }
    Files.writeString(
        out.resolve("memory.svg"),
        Svg.lines(
            "int->int maps: bytes per entry", "entries", "bytes per entry", memorySeries, false));

    Map<String, List<ProbeTable.Row>> byScheme = new LinkedHashMap<>();
    for (ProbeTable.Row r : probes) {
      byScheme.computeIfAbsent(r.scheme(), s -> new ArrayList<>()).add(r);
    }
    List<Svg.Series> probeSeries = new ArrayList<>();
    for (var e : byScheme.entrySet()) {
      double[] inverseDelta = e.getValue().stream().mapToDouble(r -> 1 / r.delta()).toArray();
      probeSeries.add(
          new Svg.Series(
              shortScheme(e.getKey()) + " insert worst",
              inverseDelta,
              e.getValue().stream().mapToDouble(ProbeTable.Row::insertWorst).toArray()));
      probeSeries.add(
          new Svg.Series(
              shortScheme(e.getKey()) + " miss",
              inverseDelta,
              e.getValue().stream().mapToDouble(ProbeTable.Row::missMean).toArray()));
    }
    Files.writeString(
        out.resolve("probes.svg"),
        Svg.lines(
            "Probes at load 1 - delta", "1 / delta", "probes (log scale)", probeSeries, true));
  }

  private static String shortScheme(String scheme) {
    if (scheme.startsWith("elastic")) {
      return "elastic";
    }
    return scheme.replace("uniform probing over groups of 8", "uniform/8").replace(" probing", "");
  }

  private static String shortSize(int size) {
    return size >= 1_000_000
        ? size / 1_000_000 + "M"
        : size >= 1_000 ? size / 1_000 + "k" : "" + size;
  }
}
