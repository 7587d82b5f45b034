package org.elastichash.tests.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.elastichash.codegen.CodegenCli;
import org.elastichash.runtime.CodegenContract;
import org.elastichash.templates.JavaType;
import org.elastichash.templates.MapSpec;
import org.elastichash.templates.MapTemplate;
import org.elastichash.templates.RuntimeApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CodegenCliTest {

  @TempDir Path out;

  private record Result(int status, String stdout, String stderr) {}

  private static Result run(String... args) {
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    int status =
        CodegenCli.run(
            args,
            new PrintStream(stdout, true, StandardCharsets.UTF_8),
            new PrintStream(stderr, true, StandardCharsets.UTF_8));
    return new Result(
        status, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
  }

  private List<Path> filesUnder(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).toList();
    }
  }

  static Stream<List<String>> badArguments() {
    return Stream.of(
        List.<String>of(),
        List.of("--key", "int", "--value", "int"),
        List.of("--value", "int", "--out", "x"),
        List.of("--key", "boolean", "--out", "x"),
        List.of("--key", "boolean", "--value", "int", "--out", "x"),
        List.of("--key", "string", "--value", "int", "--out", "x"),
        List.of("--key", "int", "--value", "void", "--out", "x"),
        List.of("--key", "int", "--value", "int", "--package", "1bad", "--out", "x"),
        List.of("--key", "int", "--value", "int", "--out"),
        List.of("--key", "int", "--key", "long", "--value", "int", "--out", "x"),
        List.of("--key", "int", "--value", "int", "--out", "x", "--frobnicate"),
        List.of("--shipped", "--key", "int", "--out", "x"));
  }

  @ParameterizedTest
  @MethodSource("badArguments")
  void badArgumentsExitWithTwoAndWriteNothing(List<String> args) throws IOException {
    String[] resolved = args.toArray(new String[0]);
    for (int i = 0; i < resolved.length; i++) {
      if (resolved[i].equals("x")) {
        resolved[i] = out.resolve("generated").toString();
      }
    }
    Result result = run(resolved);
    assertEquals(CodegenCli.USAGE_ERROR, result.status());
    assertTrue(result.stderr().contains("usage:"), result.stderr());
    assertTrue(result.stderr().startsWith("error: "), result.stderr());
    assertEquals("", result.stdout());
    assertTrue(filesUnder(out).isEmpty(), "nothing is written");
  }

  @Test
  void helpPrintsUsageAndSucceeds() {
    Result result = run("--help");
    assertEquals(0, result.status());
    assertTrue(result.stdout().contains("--key <type>"));
  }

  @Test
  void generatesACompilableShortFloatMapInTheRequestedPackage() throws IOException {
    Result result =
        run("--key", "short", "--value", "float", "--package", "com.acme", "--out", out.toString());
    assertEquals(0, result.status(), result.stderr());
    Path map = out.resolve("com/acme/ElasticShortFloatMap.java");
    Path consumer = out.resolve("com/acme/ShortFloatConsumer.java");
    assertTrue(Files.exists(map));
    assertTrue(Files.exists(consumer));
    assertTrue(Files.exists(out.resolve("com/acme/ShortFloatPredicate.java")));
    assertTrue(Files.exists(out.resolve("com/acme/ShortFloatFunction.java")));
    assertEquals(4, filesUnder(out).size());
    String source = Files.readString(map);
    assertTrue(source.startsWith("package com.acme;"));
    assertTrue(source.contains("public float get(short key)"));
    assertFalse(source.contains("Object[][]"), "no reference storage for a primitive pair");
    compile(filesUnder(out));
  }

  @Test
  void aRerunWithTheSameArgumentsRewritesNothing() throws IOException {
    String[] args = {"--key", "short", "--value", "float", "--out", out.toString()};
    assertEquals(0, run(args).status());
    FileTime past = FileTime.fromMillis(1_000_000_000_000L);
    List<Path> files = filesUnder(out);
    for (Path file : files) {
      Files.setLastModifiedTime(file, past);
    }
    Result rerun = run(args);
    assertEquals(0, rerun.status(), rerun.stderr());
    assertTrue(rerun.stdout().contains("0 written, 4 unchanged"), rerun.stdout());
    assertEquals(files, filesUnder(out));
    for (Path file : files) {
      assertEquals(past, Files.getLastModifiedTime(file), file + " was rewritten");
    }
  }

  @Test
  void keyWithoutValueGeneratesACompilableSet() throws IOException {
    Result result = run("--key", "short", "--package", "com.acme", "--out", out.toString());
    assertEquals(0, result.status(), result.stderr());
    Path set = out.resolve("com/acme/ElasticShortSet.java");
    assertTrue(Files.exists(set));
    assertTrue(Files.exists(out.resolve("com/acme/ShortConsumer.java")));
    assertTrue(Files.exists(out.resolve("com/acme/ShortPredicate.java")));
    assertEquals(3, filesUnder(out).size());
    String source = Files.readString(set);
    assertTrue(source.contains("public boolean add(short key)"));
    assertTrue(source.contains("public Set<Short> asSet()"));
    assertFalse(source.contains("values"), "a set stores no values");
    compile(filesUnder(out));
  }

  @Test
  void setsOfJdkFunctionalTypesNeedNoHelperInterfaces() throws IOException {
    Result result = run("--key", "int", "--package", "com.acme", "--out", out.toString());
    assertEquals(0, result.status(), result.stderr());
    assertEquals(List.of(out.resolve("com/acme/ElasticIntSet.java")), filesUnder(out));
    String source = Files.readString(out.resolve("com/acme/ElasticIntSet.java"));
    assertTrue(source.contains("public void forEach(IntConsumer action)"), source);
    assertTrue(source.contains("public boolean removeIf(IntPredicate filter)"), source);
  }

  @Test
  void everyTypePairCompilesAgainstTheLibrary() throws IOException {
    List<Path> sources = new ArrayList<>();
    for (JavaType key : JavaType.values()) {
      if (!key.canBeKey()) {
        continue;
      }
      for (JavaType value : JavaType.values()) {
        MapSpec spec = new MapSpec(key, value, "org.elastichash.roundtrip");
        sources.addAll(CodegenCli.write(List.of(spec), out));
        assertFalse(MapTemplate.generate(spec).isEmpty());
      }
      sources.addAll(
          CodegenCli.write(List.of(new MapSpec(key, null, "org.elastichash.roundtrip")), out));
    }
    assertEquals(
        8 * 9 * 4 - 3 + 4 + 4 * 3,
        sources.size(),
        "a map and its consumer, predicate and function per pair, but Object->Object alone; a set"
            + " per key type, with a consumer and predicate where java.util.function has none");
    compile(sources);
  }

  /** The library on this test's class path: target/classes in a reactor build, else the jar. */
  private static String libraryPath() {
    return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> entry.contains("generated-collections"))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void moduleExportsTheCollectionsAndTheRuntimeButNotTheInternals() throws IOException {
    Path app = Files.createDirectories(out.resolve("app/com/acme/app"));
    Files.writeString(
        out.resolve("app/module-info.java"), "module com.acme.app { requires org.elastichash; }");
    Files.writeString(
        app.resolve("Uses.java"),
        "package com.acme.app; class Uses { Object map = new org.elastichash.ElasticIntIntMap();"
            + " Object runtime = org.elastichash.runtime.ElasticTable.class; }");
    Result allowed = compileModule(List.of(), out.resolve("app"));
    assertEquals(0, allowed.status(), allowed.stderr());
    Files.writeString(
        app.resolve("Internal.java"),
        "package com.acme.app;"
            + " class Internal { Object o = org.elastichash.internal.ProbeLimit.class; }");
    Result denied = compileModule(List.of(), out.resolve("app"));
    assertTrue(denied.status() != 0, "org.elastichash.internal must not be exported");
    assertTrue(denied.stderr().contains("org.elastichash.internal"), denied.stderr());
  }

  @Test
  void generatedPairCompilesInAModuleWithoutAddExports() throws IOException {
    Path sources = out.resolve("app");
    Files.createDirectories(sources);
    Files.writeString(
        sources.resolve("module-info.java"), "module com.acme.app { requires org.elastichash; }");
    Result generated =
        run(
            "--key",
            "short",
            "--value",
            "float",
            "--package",
            "com.acme.app",
            "--out",
            sources.toString());
    assertEquals(0, generated.status(), generated.stderr());
    // -path: javac's default class path is this JVM's, which names directories that may not exist.
    Result compiled = compileModule(List.of("-Xlint:all,-path", "-Werror"), sources);
    assertEquals(0, compiled.status(), compiled.stderr());
  }

  @Test
  void generatedClassesCheckTheRuntimeContractTheyWereGeneratedFor() throws IOException {
    assertEquals(RuntimeApi.CONTRACT_VERSION, CodegenContract.VERSION);
    run("--key", "short", "--package", "com.acme", "--out", out.toString());
    String set = Files.readString(out.resolve("com/acme/ElasticShortSet.java"));
    assertTrue(
        set.contains(
            "CodegenContract.check(CodegenContract.VERSION_"
                + RuntimeApi.CONTRACT_VERSION
                + ", ElasticShortSet.class);"),
        set);
    assertFalse(set.contains("org.elastichash.internal"), "generated code calls only the runtime");
  }

  private Result compileModule(List<String> options, Path sourceRoot) throws IOException {
    List<String> args = new ArrayList<>(options);
    args.addAll(
        List.of(
            "-proc:none",
            "-d",
            Files.createTempDirectory(out, "classes").toString(),
            "--module-path",
            libraryPath()));
    try (Stream<Path> files = Files.walk(sourceRoot)) {
      files.filter(f -> f.toString().endsWith(".java")).forEach(f -> args.add(f.toString()));
    }
    ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
    int status =
        ToolProvider.getSystemJavaCompiler()
            .run(null, diagnostics, diagnostics, args.toArray(new String[0]));
    return new Result(status, "", diagnostics.toString(StandardCharsets.UTF_8));
  }

  /** The test class path without entries that do not exist, which javac would warn about. */
  private static String existingClassPath() {
    return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> Files.exists(Path.of(entry)))
        .collect(Collectors.joining(File.pathSeparator));
  }

  private void compile(List<Path> sources) throws IOException {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    Path classes = Files.createDirectories(out.resolve("classes"));
    List<String> args = new ArrayList<>();
    args.addAll(
        List.of(
            "-Xlint:all",
            "-Werror",
            "-proc:none",
            "-d",
            classes.toString(),
            "-cp",
            existingClassPath()));
    sources.forEach(source -> args.add(source.toString()));
    ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
    int status = compiler.run(null, diagnostics, diagnostics, args.toArray(new String[0]));
    assertEquals(0, status, diagnostics.toString(StandardCharsets.UTF_8));
  }
}
