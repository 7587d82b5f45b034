package org.elastichash.codegen;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.elastichash.templates.JavaType;
import org.elastichash.templates.MapSpec;
import org.elastichash.templates.ShippedMaps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pins the generated sources: regenerates every shipped map and set and the pairs the tests module
 * generates with the CLI, and compares a SHA-256 per file with the committed {@value #DIGEST_FILE}.
 * A refactoring of the template must leave every digest as it was; a change that means to alter the
 * output updates the digest in the same commit, with {@value #UPDATE_COMMAND}.
 */
class GeneratedDigestTest {

  /** The committed digest, relative to the codegen module. */
  static final String DIGEST_FILE = "src/test/resources/generated-digest.txt";

  /** The system property that rewrites the committed digest instead of checking it. */
  static final String UPDATE_PROPERTY = "elastic.updateDigest";

  static final String UPDATE_COMMAND =
      "mvn -B -pl codegen -am test -Dtest=GeneratedDigestTest"
          + " -Dsurefire.failIfNoSpecifiedTests=false -D"
          + UPDATE_PROPERTY
          + "=true";

  /** The package tests/pom.xml generates its CLI pairs into. */
  private static final String TEST_PACKAGE = "org.elastichash.generatedtest";

  /**
   * Everything the build generates: the shipped collections, then the tests module's CLI runs
   * (tests/pom.xml: short -> float, float -> int, a float set).
   */
  static List<MapSpec> generatedSpecs() {
    List<MapSpec> specs = new ArrayList<>(ShippedMaps.ALL);
    specs.add(new MapSpec(JavaType.SHORT, JavaType.FLOAT, TEST_PACKAGE));
    specs.add(new MapSpec(JavaType.FLOAT, JavaType.INT, TEST_PACKAGE));
    specs.add(new MapSpec(JavaType.FLOAT, null, TEST_PACKAGE));
    return specs;
  }

  @TempDir Path out;

  @Test
  void generatedSourcesMatchTheCommittedDigest() throws IOException {
    CodegenCli.write(generatedSpecs(), out);
    Map<String, String> actual = digestsUnder(out);
    Path digestFile = moduleDirectory().resolve(DIGEST_FILE);
    if (Boolean.getBoolean(UPDATE_PROPERTY)) {
      Files.writeString(digestFile, render(actual), StandardCharsets.UTF_8);
      return;
    }
    Map<String, String> expected =
        Files.exists(digestFile) ? parse(Files.readString(digestFile)) : Map.of();
    List<String> differences = new ArrayList<>();
    for (String file : union(expected, actual)) {
      String was = expected.get(file);
      String now = actual.get(file);
      if (was == null) {
        differences.add("  new:     " + file);
      } else if (now == null) {
        differences.add("  missing: " + file);
      } else if (!was.equals(now)) {
        differences.add("  changed: " + file);
      }
    }
    if (!differences.isEmpty()) {
      fail(
          "The generated sources differ from codegen/"
              + DIGEST_FILE
              + " in "
              + differences.size()
              + " file(s):\n"
              + String.join("\n", differences)
              + "\nIf the change to the output is intended, rewrite the digest and commit it with"
              + " the change:\n  "
              + UPDATE_COMMAND);
    }
  }

  /**
   * A SHA-256 per generated file, keyed by its path relative to {@code root} with {@code /}
   * separators. Line endings are normalized first, so the digest does not depend on the platform.
   */
  static Map<String, String> digestsUnder(Path root) throws IOException {
    Map<String, String> digests = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String text = Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
        String name = root.relativize(file).toString().replace('\\', '/');
        digests.put(name, sha256(text));
      }
    }
    return digests;
  }

  private static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every Java platform has SHA-256", e);
    }
  }

  /** The digest file: a comment saying how to regenerate it, then "sha256 path" sorted by path. */
  private static String render(Map<String, String> digests) {
    StringBuilder text =
        new StringBuilder()
            .append(
                "# SHA-256 of every generated source (line endings normalized to \\n), by path.\n")
            .append("# Checked by codegen's GeneratedDigestTest. To rewrite it on purpose:\n")
            .append("#   ")
            .append(UPDATE_COMMAND)
            .append('\n');
    new TreeMap<>(digests)
        .forEach((file, digest) -> text.append(digest).append("  ").append(file).append('\n'));
    return text.toString();
  }

  private static Map<String, String> parse(String text) {
    Map<String, String> digests = new TreeMap<>();
    for (String line : text.replace("\r\n", "\n").split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int separator = line.indexOf("  ");
      if (separator < 0) {
        throw new IllegalStateException("malformed line in " + DIGEST_FILE + ": " + line);
      }
      digests.put(line.substring(separator + 2).trim(), line.substring(0, separator));
    }
    return digests;
  }

  private static TreeSet<String> union(Map<String, String> a, Map<String, String> b) {
    TreeSet<String> keys = new TreeSet<>(a.keySet());
    keys.addAll(b.keySet());
    return keys;
  }

  /** The codegen module's directory: surefire's {@code basedir}, else the working directory. */
  private static Path moduleDirectory() {
    return Path.of(System.getProperty("basedir", "."));
  }
}
