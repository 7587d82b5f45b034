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
import org.elastichash.runtime.ElasticTable;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The benchmark report, the project's main job: the memory/speed frontier of int -> int maps (JOL
 * bytes per entry against JMH nanoseconds per operation, every configuration of {@link
 * IntIntMaps#frontier()}), the targets against fastutil, the paper's probe table, and bytes per
 * entry over growth, all from one run. Writes {@code report.md} and SVG charts, and prints the
 * targets.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.elastichash.benchmarks.Report
 *     [--full] [--out DIR] [--points NAME,NAME,...]
 * </pre>
 *
 * <p>The quick profile (default) takes under ten minutes on two cores: the frontier without the
 * prototype layouts and two peers ({@link IntIntMaps#quickFrontier()}) at 10^3 (hits), 10^5 and
 * 10^7 (inserts of 10^7 keys at deltas 1/4 and 1/8 only), the targets, the elastic map's key
 * patterns, and the long -> Object and String -> Object maps the targets compare, at 10^5. {@code
 * --full} adds Eclipse Collections, Agrona, {@code java.util.HashMap} for int keys, every map at
 * every size and key pattern, and the hash-flooding benchmark, with longer iterations: hours.
 * {@code --points} restricts the frontier to the named {@link IntIntMaps} constants (the targets'
 * configurations are always kept), to try a new point quickly.
 */
public final class Report {

  private Report() {}

  /** One JMH measurement to make. */
  record Job(String benchmark, String method, String impl, int size, Keys keys) {
    String label() {
      return String.format(
          Locale.ROOT, "%s.%s %s size=%d keys=%s", benchmark, method, impl, size, keys);
    }

    boolean intInt() {
      return benchmark.equals("IntIntBenchmark");
    }
  }

  /** A measured job: nanoseconds per key operation, with the JMH 99.9% error scaled alike. */
  record Timing(Job job, double nanos, double error) {
    double relativeError() {
      return error / nanos;
    }
  }

  /** Warmup and measurement of one fork. */
  record Iterations(int warmups, int warmupMillis, int measurements, int measurementMillis) {}

  static final String[] METHODS = {"getHit", "getMiss", "insert", "churn"};

  /**
   * The long -> Object maps the quick profile times for the other maps' targets: ours and the one
   * the targets compare it with. It sweeps only ours for memory; {@code --full} sweeps both.
   */
  static final List<LongObjectMaps> OTHER_LONG_OBJECT =
      List.of(LongObjectMaps.ELASTIC, LongObjectMaps.FASTUTIL);

  /**
   * The String -> Object maps of the quick profile: ours and {@code java.util.HashMap}, the map it
   * drops in for. fastutil's {@code Object2ObjectOpenHashMap}, the third target, is timed by {@code
   * --full} (the quick profile has to stay under ten minutes).
   */
  static final List<ObjectObjectMaps> QUICK_OBJECT_OBJECT =
      List.of(ObjectObjectMaps.ELASTIC, ObjectObjectMaps.JDK);

  /**
   * Our frontier points the quick profile does not time inserting 10^7 keys: a growing elastic map
   * takes 2 to 4 s per invocation there, half a minute per point with its seven invocations, and
   * the quick profile has to stay under ten minutes. {@code --full} times them.
   */
  static final Set<IntIntMaps> QUICK_SKIPS_AT_LARGE_INSERT =
      Set.of(IntIntMaps.ELASTIC_DELTA_16, IntIntMaps.ELASTIC_DELTA_32);

  /** The one size at which the quick profile times the long -> Object and String -> Object maps. */
  static final int OTHER_MAPS_SIZE = 100_000;

  static final int[] SIZES = {1_000, 100_000, 10_000_000};

  /** The configurations the targets compare: always measured, whatever {@code --points} says. */
  static final List<IntIntMaps> TARGET_POINTS =
      List.of(IntIntMaps.ELASTIC, IntIntMaps.FASTUTIL, IntIntMaps.FASTUTIL_LOAD_0875);

  /**
   * Runs the report.
   *
   * @param args {@code --full} for the whole matrix, {@code --out DIR} for the output directory,
   *     {@code --points A,B} for a subset of the frontier
   */
  public static void main(String[] args) throws IOException, RunnerException {
    List<String> arguments = Arrays.asList(args);
    boolean full = arguments.contains("--full");
    int outIndex = arguments.indexOf("--out");
    Path out = Path.of(outIndex >= 0 ? args[outIndex + 1] : "benchmarks/target/report");
    int pointsIndex = arguments.indexOf("--points");
    List<IntIntMaps> frontier =
        pointsIndex >= 0
            ? chosenPoints(args[pointsIndex + 1])
            : full ? IntIntMaps.frontier() : IntIntMaps.quickFrontier();
    Files.createDirectories(out);
    long start = System.nanoTime();

    System.out.println("Elastic Collections benchmark report (" + (full ? "full" : "quick") + ")");
    System.out.println("[probes] filling tables of 2^20 slots to 1 - delta ...");
    double[] deltas = {
      1 / 4.0, 1 / 8.0, 1 / 16.0, 1 / 32.0, 1 / 64.0, 1 / 128.0, 1 / 256.0, 1 / 512.0, 1 / 1024.0
    };
    List<ProbeTable.Row> probes = ProbeTable.measure(deltas);
    System.out.printf("[probes] done in %.0f s%n", seconds(start));

    System.out.println("[memory] JOL bytes per entry over growth ...");
    List<IntIntMaps> swept = new ArrayList<>(frontier);
    if (full) {
      swept.add(IntIntMaps.ECLIPSE);
      swept.add(IntIntMaps.AGRONA);
    }
    int[] sweepSizes = Memory.logSpaced(10_000, 10_000_000, 30);
    Map<IntIntMaps, Memory.Footprint> footprints = new LinkedHashMap<>();
    for (Memory.Footprint f : Memory.footprints(sweepSizes, SIZES, swept)) {
      footprints.put(f.impl(), f);
    }
    Map<LongObjectMaps, Memory.Sweep> longObjectSweeps = new LinkedHashMap<>();
    List<LongObjectMaps> sweptLongObject =
        full ? OTHER_LONG_OBJECT : List.of(LongObjectMaps.ELASTIC);
    for (Memory.Sweep sweep : Memory.longObjectSweeps(sweepSizes, sweptLongObject)) {
      longObjectSweeps.put(LongObjectMaps.valueOf(sweep.impl()), sweep);
    }
    List<Memory.Point> otherMemory = full ? otherMemory() : List.of();
    System.out.printf("[memory] done in %.0f s%n", seconds(start));

    List<Job> jobs = full ? fullJobs(frontier) : quickJobs(frontier);
    List<Timing> timings = new ArrayList<>();
    for (int i = 0; i < jobs.size(); i++) {
      Job job = jobs.get(i);
      System.out.printf("[jmh %d/%d] %s ... ", i + 1, jobs.size(), job.label());
      Timing timing = run(job, full);
      timings.add(timing);
      System.out.printf(
          Locale.ROOT,
          "%.2f ns/op ± %.0f%% (%.0f s elapsed)%n",
          timing.nanos(),
          100 * timing.relativeError(),
          seconds(start));
    }

    Results results = new Results(timings, footprints, frontier, longObjectSweeps);
    String targets = Targets.markdown(results);
    String markdown =
        markdown(full, results, targets, otherMemory, sweepSizes, probes, seconds(start));
    Files.writeString(out.resolve("report.md"), markdown);
    writeCharts(out, results, probes);
    System.out.println();
    System.out.println(targets);
    System.out.printf(
        "Report written to %s/report.md in %.1f minutes.%n",
        out.toAbsolutePath(), seconds(start) / 60);
  }

  private static List<IntIntMaps> chosenPoints(String names) {
    Set<IntIntMaps> chosen = new LinkedHashSet<>();
    for (String name : names.split(",")) {
      chosen.add(IntIntMaps.valueOf(name.trim()));
    }
    chosen.addAll(TARGET_POINTS);
    return IntIntMaps.frontier().stream().filter(chosen::contains).toList();
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  /**
   * The frontier (hits at every size; misses, inserts and churn from 10^5), the 10^3 runs the
   * targets need, and the elastic default's key patterns at 10^5.
   */
  static List<Job> quickJobs(List<IntIntMaps> frontier) {
    List<Job> jobs = new ArrayList<>();
    for (int size : SIZES) {
      for (String method : METHODS) {
        boolean onFrontier = size > 1_000 || method.equals("getHit");
        List<IntIntMaps> impls =
            onFrontier ? frontier : List.of(IntIntMaps.ELASTIC, IntIntMaps.FASTUTIL);
        for (IntIntMaps impl : impls) {
          boolean slowInsert =
              size >= 10_000_000
                  && method.equals("insert")
                  && QUICK_SKIPS_AT_LARGE_INSERT.contains(impl);
          if (!slowInsert) {
            jobs.add(new Job("IntIntBenchmark", method, impl.name(), size, Keys.RANDOM));
          }
        }
      }
    }
    for (Keys keys : new Keys[] {Keys.SEQUENTIAL, Keys.MULTIPLES_OF_1024}) {
      for (String method : METHODS) {
        jobs.add(new Job("IntIntBenchmark", method, IntIntMaps.ELASTIC.name(), 100_000, keys));
      }
    }
    for (String method : METHODS) {
      for (LongObjectMaps impl : OTHER_LONG_OBJECT) {
        jobs.add(new Job("LongObjectBenchmark", method, impl.name(), OTHER_MAPS_SIZE, Keys.RANDOM));
      }
      for (ObjectObjectMaps impl : QUICK_OBJECT_OBJECT) {
        jobs.add(
            new Job("ObjectObjectBenchmark", method, impl.name(), OTHER_MAPS_SIZE, Keys.RANDOM));
      }
    }
    return jobs;
  }

  /**
   * Every size, operation and key pattern for the frontier, the extra peers and the object maps.
   */
  static List<Job> fullJobs(List<IntIntMaps> frontier) {
    List<Job> jobs = new ArrayList<>();
    for (String impl : new String[] {"ELASTIC", "JDK"}) {
      jobs.add(new Job("CollidingKeysBenchmark", "putGetRemove", impl, 1 << 16, Keys.RANDOM));
    }
    List<IntIntMaps> intInt = new ArrayList<>(frontier);
    Arrays.stream(IntIntMaps.values())
        .filter(m -> m.role() == IntIntMaps.Role.EXTRA)
        .forEach(intInt::add);
    for (Keys keys : Keys.values()) {
      for (int size : SIZES) {
        for (String method : METHODS) {
          // An int has only 2^22 multiples of 1024: too few for 10^7 present and absent keys.
          if (!(keys == Keys.MULTIPLES_OF_1024 && size == 10_000_000)) {
            for (IntIntMaps impl : intInt) {
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

  /** The long -> Object and String -> Object footprints of the full profile. */
  private static List<Memory.Point> otherMemory() {
    List<Memory.Point> memory = new ArrayList<>();
    memory.addAll(Memory.intInt(new int[] {1_000, 100_000}, List.of(IntIntMaps.JDK)));
    List<LongObjectMaps> primitiveLongObject =
        Arrays.stream(LongObjectMaps.values()).filter(m -> m != LongObjectMaps.JDK).toList();
    memory.addAll(Memory.longObject(SIZES, primitiveLongObject));
    memory.addAll(Memory.longObject(SIZES, List.of(LongObjectMaps.JDK)));
    memory.addAll(Memory.objectObject(SIZES, List.of(ObjectObjectMaps.values())));
    return memory;
  }

  /**
   * G1's region size in every fork. With the default (1 MiB at a 1 GiB heap) an array of half a
   * region or more is a humongous object, allocated straight into the old generation: fastutil's
   * long -> Object inserts at 10^5 (a 2 MiB key array) then ran from 6 to 564 ms per iteration, and
   * its int -> int inserts took 46 ns per put against 39 with 8 MiB regions. With 8 MiB no map's
   * arrays are humongous up to 10^5 entries.
   */
  static final int REGION_MIB = 8;

  /**
   * Heap per fork: fixed (-Xms = -Xmx) and pre-touched, sized to the benchmark. An int map insert
   * at 10^7 holds under 1 GiB (keys, and the growing map's old and new arrays); 3 GiB leaves room.
   * The lookups and churn at 10^7 hold the keys, their lookup orders and one map, under 600 MiB, in
   * 2 GiB: pre-touching a GiB costs about half a second per fork here. Up to 10^5 entries an int
   * map fork holds a few MiB, in 512 MiB.
   */
  static String heap(Job job) {
    boolean boxed = job.impl().equals("JDK") || !job.intInt();
    if (job.size() >= 10_000_000) {
      // Only an insert holds a second map (the one it grows) beside the lookups' filled one.
      return boxed ? "10g" : job.method().equals("insert") ? "3g" : "2g";
    }
    if (job.size() >= 1_000_000) {
      return "3g";
    }
    return boxed ? "1g" : "512m";
  }

  /**
   * Iterations of one fork. A 10^7 insert is one invocation per iteration (a second or more);
   * everything else makes many short iterations, because JMH's 99.9% error shrinks with their
   * number (Student's t at n - 1 degrees of freedom, over the square root of n) far more than with
   * their length.
   */
  static Iterations iterations(Job job, boolean full) {
    if (job.size() >= 1_000_000 && job.method().equals("insert")) {
      // The first invocation is typical here (fixed, pre-touched heap; compilation is done
      // after a few thousand of its 10^7 puts), so the quick profile measures it too.
      return full ? new Iterations(2, 1, 10, 1) : new Iterations(0, 1, 7, 1);
    }
    if (!full && job.size() == OTHER_MAPS_SIZE && !job.intInt()) {
      // The object maps' code takes longer to settle than the int maps' (long -> Object inserts
      // were still 30% slower in their fourth 100 ms than in their tenth).
      return new Iterations(6, 100, 20, 75);
    }
    return full ? new Iterations(3, 500, 15, 500) : new Iterations(3, 100, 20, 75);
  }

  static Timing run(Job job, boolean full) throws RunnerException {
    String heap = heap(job);
    Iterations it = iterations(job, full);
    Options options =
        new OptionsBuilder()
            .include(
                "org\\.elastichash\\.benchmarks\\." + job.benchmark() + "\\." + job.method() + "$")
            .param("impl", job.impl())
            .param("size", String.valueOf(job.size()))
            .param("keys", job.keys().name())
            .forks(1)
            .warmupIterations(it.warmups())
            .warmupTime(TimeValue.milliseconds(it.warmupMillis()))
            .measurementIterations(it.measurements())
            .measurementTime(TimeValue.milliseconds(it.measurementMillis()))
            .jvmArgsAppend(
                "-Xms" + heap,
                "-Xmx" + heap,
                "-XX:+AlwaysPreTouch",
                "-XX:G1HeapRegionSize=" + REGION_MIB + "m")
            .verbosity(VerboseMode.SILENT)
            .shouldFailOnError(true)
            .build();
    RunResult result = new Runner(options).runSingle();
    int operations =
        switch (job.benchmark()) {
          case "IntIntBenchmark" -> IntIntBenchmark.operations(job.method(), job.size());
          // String -> Object counts its operations like long -> Object.
          default -> LongObjectBenchmark.operations(job.method(), job.size());
        };
    double score = result.getPrimaryResult().getScore() / operations;
    double error = result.getPrimaryResult().getScoreError() / operations;
    return new Timing(job, score, Double.isNaN(error) ? 0 : error);
  }

  /** The measurements of one run, looked up by what they measured. */
  static final class Results {
    final List<Timing> timings;
    final Map<IntIntMaps, Memory.Footprint> footprints;
    final List<IntIntMaps> frontier;
    final Map<LongObjectMaps, Memory.Sweep> longObjectSweeps;

    Results(
        List<Timing> timings,
        Map<IntIntMaps, Memory.Footprint> footprints,
        List<IntIntMaps> frontier,
        Map<LongObjectMaps, Memory.Sweep> longObjectSweeps) {
      this.timings = timings;
      this.footprints = footprints;
      this.frontier = frontier;
      this.longObjectSweeps = longObjectSweeps;
    }

    /** The int -> int timing of {@code impl}, or null if the run did not measure it. */
    Timing intInt(IntIntMaps impl, String method, int size, Keys keys) {
      return timing("IntIntBenchmark", impl.name(), method, size, keys);
    }

    /** The timing of one benchmark class's job, or null if the run did not measure it. */
    Timing timing(String benchmark, String impl, String method, int size, Keys keys) {
      for (Timing t : timings) {
        Job j = t.job();
        if (j.benchmark().equals(benchmark)
            && j.impl().equals(impl)
            && j.method().equals(method)
            && j.size() == size
            && j.keys() == keys) {
          return t;
        }
      }
      return null;
    }

    /** The frontier points measured for one operation and size, with random keys. */
    List<Point> points(String method, int size) {
      List<Point> points = new ArrayList<>();
      for (IntIntMaps impl : frontier) {
        Timing t = intInt(impl, method, size, Keys.RANDOM);
        Memory.Footprint f = footprints.get(impl);
        if (t != null && f != null) {
          points.add(new Point(impl, f, t));
        }
      }
      return points;
    }
  }

  /** One configuration on the memory/speed plane for one operation and size. */
  record Point(IntIntMaps impl, Memory.Footprint footprint, Timing timing) {
    double bytes() {
      return footprint.average();
    }

    double nanos() {
      return timing.nanos();
    }

    /** No more memory and no more time than {@code other}, and not the same point. */
    boolean dominates(Point other) {
      return this != other && bytes() <= other.bytes() && nanos() <= other.nanos();
    }
  }

  /** Our points (shipped or prototype) that dominate {@code peer}. */
  static List<Point> dominators(Point peer, List<Point> points) {
    return points.stream().filter(p -> p.impl().ours() && p.dominates(peer)).toList();
  }

  /** Our points that no other point of ours dominates: the Pareto front, by memory. */
  static List<Point> ourFront(List<Point> points) {
    List<Point> ours = points.stream().filter(p -> p.impl().ours()).toList();
    return ours.stream()
        .filter(p -> ours.stream().noneMatch(q -> q.dominates(p)))
        .sorted((a, b) -> Double.compare(a.bytes(), b.bytes()))
        .toList();
  }

  /** Sizes with a frontier panel for {@code method}: where at least three points were measured. */
  static List<Integer> frontierSizes(Results results, String method) {
    List<Integer> sizes = new ArrayList<>();
    for (int size : SIZES) {
      if (results.points(method, size).size() >= 3) {
        sizes.add(size);
      }
    }
    return sizes;
  }

  static String power(int size) {
    return "10^" + Math.round(Math.log10(size));
  }

  private static String operationName(String method) {
    return switch (method) {
      case "getHit" -> "get hit";
      case "getMiss" -> "get miss";
      case "insert" -> "insert (growing from empty)";
      default -> "churn (remove + insert at a steady size)";
    };
  }

  private static String family(String benchmark) {
    return switch (benchmark) {
      case "IntIntBenchmark" -> "int->int";
      case "LongObjectBenchmark" -> "long->Object";
      default -> "String->Object";
    };
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

  static String f1(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  static String f2(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }

  static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.0f%%", 100 * fraction);
  }

  static String markdown(
      boolean full,
      Results results,
      String targets,
      List<Memory.Point> otherMemory,
      int[] sweepSizes,
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
        "Every timing is nanoseconds per key operation from one JMH fork per configuration,"
            + " operation, size and key pattern, all in this one run (one configuration per fork,"
            + " so call sites stay monomorphic); compare ratios, not absolute times, across runs."
            + " Forks run with a fixed, pre-touched heap (`-Xms` = `-Xmx`, `-XX:+AlwaysPreTouch`:"
            + " 512 MiB for int maps and 1 GiB for the others up to 10^5 entries; for int maps at"
            + " 10^7, 3 GiB to insert and 2 GiB otherwise; G1 regions of "
            + REGION_MIB
            + " MiB, so that no map's arrays up to 10^5 entries are humongous objects), because the"
            + " first touch of"
            + " a memory page costs about 10 microseconds on these machines. Maps grow from their"
            + " default (smallest) initial size; `insert` fills a new map from empty, growth"
            + " included; `get hit` and `get miss` look up present and absent random keys (at"
            + " 10^7 a slice of 10^6 of them per invocation, the next slice each time, each slice"
            + " spread over the whole insertion order); `churn`"
            + " removes a key and inserts a fresh one at a steady size. Iterations: "
            + iterationsText(full)
            + ". `±` is JMH's 99.9% confidence half-width over the measurement iterations.\n\n");
    errorSummary(md, results.timings);

    md.append("## Targets\n\n").append(targets).append('\n');

    md.append("## The memory/speed frontier (int->int, random keys)\n\n");
    md.append(
        "Each configuration is one point: x is its bytes per entry (JOL, the whole object graph"
            + " divided by the entries) **averaged over growth**, over "
            + sweepSizes.length
            + " log-spaced sizes from 10^4 to 10^7, each map grown from empty by inserting random"
            + " keys; y is its time per operation. The aim: for every peer an elastic point with no"
            + " more memory and no more time. Peers drawn hollow are dominated by one of our"
            + " points; the dashed red staircase bounds the region our points dominate. The"
            + " tables give the worst size of the sweep and the bytes per entry at the benchmark's"
            + " own size beside the average.\n\n");
    for (String method : METHODS) {
      List<Integer> sizes = frontierSizes(results, method);
      if (sizes.isEmpty()) {
        continue;
      }
      md.append("### ").append(operationName(method)).append("\n\n");
      md.append(String.format("![%s frontier](frontier-%s.svg)%n%n", method, method));
      md.append(
          "*x: bytes per entry averaged over growth from 10^4 to 10^7; y: ns per "
              + operationName(method)
              + "; one panel per size.*\n\n");
      for (int size : sizes) {
        frontierTable(md, results, method, size);
      }
    }

    otherTimings(md, results);
    String flooding = collidingKeys(results.timings);
    if (!flooding.isEmpty()) {
      md.append(flooding).append("\n\n");
    }

    md.append("## Memory: bytes per entry over growth (JOL)\n\n");
    md.append(
        "Each int->int map grown from empty by inserting random keys, measured at "
            + sweepSizes.length
            + " log-spaced sizes from 10^4 to 10^7 (average, worst and best over them) and at the"
            + " benchmark sizes. Growth makes a saw-tooth: a map just past a doubling is at its"
            + " worst. Elastic maps allocate a segment when the batch schedule first reaches"
            + " it.\n\n");
    md.append(
        "| configuration | average | worst | best | at 10^3 | at 10^5 | at 10^7 |\n"
            + "| --- | --- | --- | --- | --- | --- | --- |\n");
    for (Memory.Footprint f : results.footprints.values()) {
      md.append("| ")
          .append(f.impl().label())
          .append(" | ")
          .append(f1(f.average()))
          .append(" | ")
          .append(f1(f.worst()))
          .append(" | ")
          .append(f1(f.best()));
      for (int size : SIZES) {
        Double b = f.atSize().get(size);
        md.append(" | ").append(b == null ? "" : f1(b));
      }
      md.append(" |\n");
    }
    md.append("\n![bytes per entry over growth](memory.svg)\n\n");
    if (!results.longObjectSweeps.isEmpty()) {
      md.append(
          "long->Object maps grown the same way through the same sizes, one shared value object"
              + " (not counted):\n\n"
              + "| configuration | average | worst | best |\n| --- | --- | --- | --- |\n");
      for (Memory.Sweep sweep : results.longObjectSweeps.values()) {
        md.append(
            String.format(
                Locale.ROOT,
                "| %s | %s | %s | %s |%n",
                sweep.impl().toLowerCase(Locale.ROOT),
                f1(sweep.average()),
                f1(sweep.worst()),
                f1(sweep.best())));
      }
      md.append('\n');
    }
    if (!otherMemory.isEmpty()) {
      otherMemoryTable(md, otherMemory);
    }

    md.append("## The paper's probe table\n\n");
    md.append(
        "A table of about 2^20 slots filled to 1 - delta, 3 seeds. *worst* is the largest"
            + " insertion probe count among the last delta-fraction of insertions, averaged over"
            + " the seeds. Elastic hashing runs on this library's core and counts groups of 7"
            + " slots (one 8-byte group word each); the grouped uniform-probing reference counts"
            + " groups of 8 slots, while uniform and linear probing count slots. Elastic lookups"
            + " inspect as many groups of a segment as the reach of their start group there says"
            + " the deepest key starting there went, and search later segments only when the"
            + " key's segment-0 start group counts a key there. *miss mean after churn* is"
            + " the elastic table's miss mean again after "
            + ProbeTable.CHURN_CAPACITIES
            + " capacities of churn at the same load (remove a random key, insert a fresh one;"
            + " first seed only):"
            + " misses then walk as far as the deepest live key of their start group went."
            + " An insertion after removals that walks past "
            + ElasticTable.CHURNED_RUN
            + " groups makes the table ask to grow; the churn then rebuilds into the larger table"
            + " as a map would, and *growths in churn* counts how often. The references have no"
            + " removal.\n\n");
    md.append(
        "| scheme | delta | unit | insert mean | insert worst | hit mean | miss mean"
            + " | miss mean after churn | growths in churn |\n"
            + "| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
    for (ProbeTable.Row r : probes) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | 1/%.0f | %s | %.2f | %.1f | %.2f | %.2f | %s | %s |%n",
              r.scheme(),
              1 / r.delta(),
              r.unit(),
              r.insertMean(),
              r.insertWorst(),
              r.hitMean(),
              r.missMean(),
              Double.isNaN(r.churnedMissMean())
                  ? "-"
                  : String.format(Locale.ROOT, "%.2f", r.churnedMissMean()),
              r.churnGrowths() < 0 ? "-" : String.valueOf(r.churnGrowths())));
    }
    md.append("\n![probes against delta](probes.svg)\n");
    return md.toString();
  }

  private static String iterationsText(boolean full) {
    Iterations usual =
        iterations(new Job("IntIntBenchmark", "getHit", "ELASTIC", 100_000, Keys.RANDOM), full);
    Iterations largeInsert =
        iterations(new Job("IntIntBenchmark", "insert", "ELASTIC", 10_000_000, Keys.RANDOM), full);
    Iterations objects =
        iterations(
            new Job("ObjectObjectBenchmark", "getHit", "ELASTIC", OTHER_MAPS_SIZE, Keys.RANDOM),
            full);
    String text =
        String.format(
            Locale.ROOT,
            "warmup %d x %d ms and measurement %d x %d ms, except insert at 10^7: %d warmup and %d"
                + " measured invocations (one per iteration)",
            usual.warmups(),
            usual.warmupMillis(),
            usual.measurements(),
            usual.measurementMillis(),
            largeInsert.warmups(),
            largeInsert.measurements());
    return objects.equals(usual)
        ? text
        : text
            + String.format(
                Locale.ROOT,
                ", and the object maps at %s: warmup %d x %d ms",
                power(OTHER_MAPS_SIZE),
                objects.warmups(),
                objects.warmupMillis());
  }

  private static void errorSummary(StringBuilder md, List<Timing> timings) {
    List<Timing> wide = timings.stream().filter(t -> t.relativeError() >= 0.10).toList();
    md.append(
        String.format(
            Locale.ROOT,
            "%d of %d timings have a 99.9%% error under 10%% of their score",
            timings.size() - wide.size(),
            timings.size()));
    if (wide.isEmpty()) {
      md.append(".\n\n");
    } else {
      md.append("; the others: ")
          .append(
              wide.stream()
                  .map(
                      t ->
                          String.format(
                              Locale.ROOT,
                              "%s %s %s %s (±%s)",
                              t.job().impl().toLowerCase(Locale.ROOT),
                              t.job().method(),
                              power(t.job().size()),
                              t.job().keys().name().toLowerCase(Locale.ROOT),
                              percent(t.relativeError())))
                  .collect(Collectors.joining(", ")))
          .append(".\n\n");
    }
  }

  private static void frontierTable(StringBuilder md, Results results, String method, int size) {
    List<Point> points = results.points(method, size);
    md.append(String.format("**%s, %s entries**%n%n", operationName(method), power(size)));
    md.append(
        "| configuration | bytes/entry, average over growth | worst | at "
            + power(size)
            + " | ns/op | ± ns | ± % | frontier |\n"
            + "| --- | --- | --- | --- | --- | --- | --- | --- |\n");
    List<Point> front = ourFront(points);
    for (Point p : points) {
      String verdict;
      if (p.impl().ours()) {
        verdict = front.contains(p) ? "on our front" : "behind our front";
      } else {
        List<Point> by = dominators(p, points);
        verdict =
            by.isEmpty()
                ? "**not dominated**"
                : "dominated by "
                    + by.stream().map(q -> q.impl().label()).collect(Collectors.joining(", "));
      }
      Double atSize = p.footprint().atSize().get(size);
      md.append(
          String.format(
              Locale.ROOT,
              "| %s%s | %.1f | %.1f | %s | %.2f | %.2f | %s | %s |%n",
              p.impl().label(),
              p.impl() == IntIntMaps.ELASTIC || p.impl() == IntIntMaps.FASTUTIL ? " (default)" : "",
              p.bytes(),
              p.footprint().worst(),
              atSize == null ? "" : f1(atSize),
              p.nanos(),
              p.timing().error(),
              percent(p.timing().relativeError()),
              verdict));
    }
    long peers = points.stream().filter(p -> p.impl().role() == IntIntMaps.Role.PEER).count();
    long dominated =
        points.stream()
            .filter(p -> p.impl().role() == IntIntMaps.Role.PEER)
            .filter(p -> !dominators(p, points).isEmpty())
            .count();
    md.append(String.format(Locale.ROOT, "%nDominated peers: %d of %d.%n%n", dominated, peers));
  }

  /** Timings outside the frontier tables: the 10^3 target runs, key patterns, full extras. */
  private static void otherTimings(StringBuilder md, Results results) {
    List<Timing> rest = new ArrayList<>();
    for (Timing t : results.timings) {
      Job j = t.job();
      boolean inFrontierTable =
          j.intInt()
              && j.keys() == Keys.RANDOM
              && frontierSizes(results, j.method()).contains(j.size())
              && results.frontier.stream().anyMatch(m -> m.name().equals(j.impl()));
      if (!inFrontierTable) {
        rest.add(t);
      }
    }
    if (rest.isEmpty()) {
      return;
    }
    md.append("## Other timings\n\n");
    md.append(
        "Timings not in the frontier tables, with the ratio to fastutil's default map of the same"
            + " row where it was measured.\n\n");
    md.append(
        "| map | operation | size | keys | configuration | ns/op | ± ns | ± % | / fastutil |\n"
            + "| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
    for (Timing t : rest) {
      Job j = t.job();
      Timing fastutil = null;
      for (Timing u : results.timings) {
        Job k = u.job();
        if (k.benchmark().equals(j.benchmark())
            && k.method().equals(j.method())
            && k.size() == j.size()
            && k.keys() == j.keys()
            && k.impl().equals("FASTUTIL")) {
          fastutil = u;
        }
      }
      String name = j.impl().toLowerCase(Locale.ROOT);
      if (j.intInt()) {
        name = IntIntMaps.valueOf(j.impl()).label();
      }
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %,d | %s | %s | %.2f | %.2f | %s | %s |%n",
              family(j.benchmark()),
              j.method(),
              j.size(),
              j.keys().name().toLowerCase(Locale.ROOT),
              name,
              t.nanos(),
              t.error(),
              percent(t.relativeError()),
              fastutil == null
                  ? ""
                  : String.format(Locale.ROOT, "%.2fx", t.nanos() / fastutil.nanos())));
    }
    md.append('\n');
  }

  private static void otherMemoryTable(StringBuilder md, List<Memory.Point> memory) {
    md.append(
        "Other maps at the benchmark sizes (values are one shared object; String keys are not"
            + " counted):\n\n");
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
        for (int size : SIZES) {
          Double b = impl.getValue().get(size);
          md.append(" | ").append(b == null ? "" : f1(b));
        }
        md.append(" |\n");
      }
    }
    md.append('\n');
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
        "## Hash flooding: %,d Strings with one hash code%n%n"
            + "Put, get and remove of each key in a default-constructed map (`CollidingKeysBenchmark`),"
            + " ns per key for the three: HashMap keeps such a bin as a tree, the elastic map"
            + " redirects the keys past %d on one probe run into its collision index.%n%n"
            + "| map | elastic ns | jdk ns | elastic / jdk |%n| --- | --- | --- | --- |%n"
            + "| colliding String->Object | %.0f | %.0f | **%.2fx** |%n",
        elastic.job().size(),
        org.elastichash.runtime.CollisionIndex.FLOOD_THRESHOLD,
        elastic.nanos(),
        jdk.nanos(),
        elastic.nanos() / jdk.nanos());
  }

  static void writeCharts(Path out, Results results, List<ProbeTable.Row> probes)
      throws IOException {
    for (String method : METHODS) {
      List<Integer> sizes = frontierSizes(results, method);
      if (!sizes.isEmpty()) {
        Files.writeString(
            out.resolve("frontier-" + method + ".svg"), frontierChart(results, method, sizes));
      }
    }

    List<Timing> intInt =
        results.timings.stream()
            .filter(t -> t.job().intInt() && t.job().keys() == Keys.RANDOM)
            .toList();
    List<String> categories = new ArrayList<>();
    List<String> impls = new ArrayList<>();
    for (Timing t : intInt) {
      String category = t.job().method() + "\n" + power(t.job().size());
      if (!categories.contains(category)) {
        categories.add(category);
      }
      if (!impls.contains(t.job().impl())) {
        impls.add(t.job().impl());
      }
    }
    double[][] values = new double[categories.size()][impls.size()];
    for (Timing t : intInt) {
      values[categories.indexOf(t.job().method() + "\n" + power(t.job().size()))][
              impls.indexOf(t.job().impl())] =
          t.nanos();
    }
    Files.writeString(
        out.resolve("int-int-time.svg"),
        Svg.bars(
            "int->int maps, random keys: ns per operation (log scale)",
            "ns per operation",
            categories,
            impls.stream().map(i -> IntIntMaps.valueOf(i).label()).toList(),
            values));

    List<Svg.Series> memorySeries = new ArrayList<>();
    for (Memory.Footprint f : results.footprints.values()) {
      memorySeries.add(
          new Svg.Series(
              f.impl().label(),
              f.sweep().stream().mapToDouble(Memory.Point::size).toArray(),
              f.sweep().stream().mapToDouble(Memory.Point::bytesPerEntry).toArray()));
    }
    Files.writeString(
        out.resolve("memory.svg"),
        Svg.lines(
            "int->int maps grown from empty: bytes per entry",
            "entries",
            "bytes per entry",
            memorySeries,
            false));

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

  static String frontierChart(Results results, String method, List<Integer> sizes) {
    List<Svg.Panel> panels = new ArrayList<>();
    boolean anyVariant = false;
    boolean anyDominated = false;
    boolean anyUndominated = false;
    for (int size : sizes) {
      List<Point> points = results.points(method, size);
      List<Svg.Marker> markers = new ArrayList<>();
      for (Point p : points) {
        IntIntMaps impl = p.impl();
        boolean dominated = !impl.ours() && !dominators(p, points).isEmpty();
        anyVariant |= impl.role() == IntIntMaps.Role.VARIANT;
        anyDominated |= dominated;
        anyUndominated |= !impl.ours() && !dominated;
        markers.add(
            new Svg.Marker(
                impl.label(),
                p.bytes(),
                p.nanos(),
                switch (impl.role()) {
                  case ELASTIC -> Svg.Shape.CIRCLE;
                  case VARIANT -> Svg.Shape.DIAMOND;
                  default -> Svg.Shape.SQUARE;
                },
                switch (impl.role()) {
                  case ELASTIC -> Svg.ELASTIC_COLOR;
                  case VARIANT -> Svg.VARIANT_COLOR;
                  default -> Svg.PEER_COLOR;
                },
                dominated));
      }
      List<double[]> front =
          ourFront(points).stream().map(p -> new double[] {p.bytes(), p.nanos()}).toList();
      panels.add(new Svg.Panel(power(size) + " entries", markers, front));
    }
    List<Svg.LegendEntry> legend = new ArrayList<>();
    legend.add(
        new Svg.LegendEntry(
            "elastic (this library)", Svg.Shape.CIRCLE, Svg.ELASTIC_COLOR, false, false));
    if (anyVariant) {
      legend.add(
          new Svg.LegendEntry(
              "prototype layout", Svg.Shape.DIAMOND, Svg.VARIANT_COLOR, false, false));
    }
    if (anyUndominated) {
      legend.add(
          new Svg.LegendEntry(
              "peer, not dominated", Svg.Shape.SQUARE, Svg.PEER_COLOR, false, false));
    }
    if (anyDominated) {
      legend.add(
          new Svg.LegendEntry("peer, dominated", Svg.Shape.SQUARE, Svg.PEER_COLOR, true, false));
    }
    legend.add(new Svg.LegendEntry("our Pareto front", null, Svg.ELASTIC_COLOR, false, true));
    return Svg.frontier(
        "int->int " + operationName(method) + ": memory against time",
        "bytes per entry, average over growth 10^4..10^7 (JOL)",
        "ns per operation",
        panels,
        legend);
  }

  private static String shortScheme(String scheme) {
    if (scheme.startsWith("elastic")) {
      return "elastic";
    }
    return scheme.replace("uniform probing over groups of 8", "uniform/8").replace(" probing", "");
  }
}
