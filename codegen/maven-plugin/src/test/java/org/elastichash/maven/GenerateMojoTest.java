package org.elastichash.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateMojoTest {

  @TempDir Path temp;

  private Path out() {
    return temp.resolve("generated-sources/elastic");
  }

  private GenerateMojo mojo(List<MapType> maps, List<String> sets, String packageName) {
    GenerateMojo mojo = new GenerateMojo();
    mojo.maps = new ArrayList<>(maps);
    mojo.sets = new ArrayList<>(sets);
    mojo.packageName = packageName;
    mojo.outputDirectory = out().toFile();
    mojo.project = new MavenProject();
    return mojo;
  }

  private GenerateMojo shortFloatMapAndCharSet() {
    return mojo(List.of(new MapType("short", "float")), List.of("char"), "com.acme.collections");
  }

  private List<Path> filesUnder(Path root) throws IOException {
    if (!Files.exists(root)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).sorted().toList();
    }
  }

  @Test
  void generatesTheConfiguredMapsAndSetsAndAddsTheCompileSourceRoot() throws Exception {
    GenerateMojo mojo = shortFloatMapAndCharSet();
    mojo.execute();
    Path pkg = out().resolve("com/acme/collections");
    assertEquals(
        List.of(
            pkg.resolve("CharConsumer.java"),
            pkg.resolve("CharPredicate.java"),
            pkg.resolve("ElasticCharSet.java"),
            pkg.resolve("ElasticShortFloatMap.java"),
            pkg.resolve("ShortFloatConsumer.java"),
            pkg.resolve("ShortFloatFunction.java"),
            pkg.resolve("ShortFloatPredicate.java")),
        filesUnder(out()));
    String map = Files.readString(pkg.resolve("ElasticShortFloatMap.java"));
    assertTrue(map.startsWith("package com.acme.collections;"), map);
    assertTrue(map.contains("public float get(short key)"), map);
    assertTrue(
        Files.readString(pkg.resolve("ElasticCharSet.java"))
            .contains("public boolean add(char key)"));
    assertEquals(List.of(out().toString()), mojo.project.getCompileSourceRoots());
  }

  @Test
  void aSecondRunWithTheSameConfigurationTouchesNothing() throws Exception {
    shortFloatMapAndCharSet().execute();
    FileTime past = FileTime.fromMillis(1_000_000_000_000L);
    Map<Path, String> contents = new HashMap<>();
    for (Path file : filesUnder(out())) {
      Files.setLastModifiedTime(file, past);
      contents.put(file, Files.readString(file));
    }
    shortFloatMapAndCharSet().execute();
    for (Path file : filesUnder(out())) {
      assertEquals(past, Files.getLastModifiedTime(file), file + " was rewritten");
      assertEquals(contents.get(file), Files.readString(file));
    }
    assertEquals(contents.keySet().size(), filesUnder(out()).size());
  }

  @Test
  void aChangedFileIsRegeneratedAndOnlyThatOne() throws Exception {
    shortFloatMapAndCharSet().execute();
    FileTime past = FileTime.fromMillis(1_000_000_000_000L);
    for (Path file : filesUnder(out())) {
      Files.setLastModifiedTime(file, past);
    }
    Path edited = out().resolve("com/acme/collections/ElasticCharSet.java");
    String original = Files.readString(edited);
    Files.writeString(edited, "// edited by hand\n");
    Files.setLastModifiedTime(edited, past);
    shortFloatMapAndCharSet().execute();
    assertEquals(original, Files.readString(edited));
    for (Path file : filesUnder(out())) {
      assertEquals(
          file.equals(edited), !Files.getLastModifiedTime(file).equals(past), file.toString());
    }
  }

  private void assertFailsNamingAndWritesNothing(GenerateMojo mojo, String... named) {
    MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);
    for (String text : named) {
      assertTrue(failure.getMessage().contains(text), failure.getMessage());
    }
    assertFalse(Files.exists(out()), "nothing is written, not even the directory");
    assertTrue(mojo.project.getCompileSourceRoots().isEmpty());
  }

  @Test
  void anUnknownKeyTypeFailsNamingItAndWritesNothing() {
    assertFailsNamingAndWritesNothing(
        mojo(
            List.of(new MapType("short", "float"), new MapType("string", "int")),
            List.of("char"),
            "com.acme"),
        "maps[1]",
        "'string'");
  }

  @Test
  void anUnknownValueTypeFailsNamingIt() {
    assertFailsNamingAndWritesNothing(
        mojo(List.of(new MapType("int", "void")), List.of(), "com.acme"), "maps[0]", "'void'");
  }

  @Test
  void anUnknownElementTypeFailsNamingItEvenAfterGoodMaps() {
    assertFailsNamingAndWritesNothing(
        mojo(List.of(new MapType("short", "float")), List.of("char", "str"), "com.acme"),
        "sets[1]",
        "'str'");
  }

  @Test
  void booleanKeysAndSetsFailNamingThem() {
    assertFailsNamingAndWritesNothing(
        mojo(List.of(new MapType("boolean", "int")), List.of(), "com.acme"), "'boolean'");
    assertFailsNamingAndWritesNothing(
        mojo(List.of(), List.of("boolean"), "com.acme"), "sets[0]", "'boolean'");
  }

  @Test
  void aMapWithoutKeyOrValueFails() {
    assertFailsNamingAndWritesNothing(
        mojo(List.of(new MapType(null, "float")), List.of(), "com.acme"), "maps[0]", "'float'");
    assertFailsNamingAndWritesNothing(
        mojo(List.of(new MapType("short", null)), List.of(), "com.acme"), "maps[0]", "<value>");
  }

  @Test
  void aMissingOrInvalidPackageFails() {
    assertFailsNamingAndWritesNothing(
        mojo(List.of(new MapType("short", "float")), List.of(), null), "packageName");
    assertFailsNamingAndWritesNothing(
        mojo(List.of(new MapType("short", "float")), List.of(), "com.1acme"), "com.1acme");
  }

  @Test
  void anEmptyConfigurationFails() {
    assertFailsNamingAndWritesNothing(
        mojo(List.of(), List.of(), "com.acme"), "nothing to generate");
  }

  @Test
  void theSameCollectionTwiceFails() {
    assertFailsNamingAndWritesNothing(
        mojo(List.of(), List.of("char", "char"), "com.acme"), "com.acme.ElasticCharSet");
  }

  @Test
  void anOutputDirectoryThatIsAFileFails() throws IOException {
    Files.createDirectories(out().getParent());
    Files.writeString(out(), "not a directory");
    GenerateMojo mojo = shortFloatMapAndCharSet();
    MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);
    assertTrue(failure.getMessage().contains(out().toString()), failure.getMessage());
    assertEquals("not a directory", Files.readString(out()));
  }
}
