package org.elastichash.codegen;

import java.nio.file.Files;
import java.nio.file.Path;
import org.elastichash.templates.JavaType;
import org.elastichash.templates.MapSpec;

/**
 * Turns what a user asks the generator for, spelled as text, into a {@link MapSpec}. Every front
 * end goes through here (the CLI and the Maven plugin), so they accept and reject the same input
 * with the same messages, each naming the offending value.
 */
public final class SpecParser {

  private SpecParser() {}

  /**
   * Parses one collection to generate.
   *
   * @param key the key type, or for a set the element type, as {@link JavaType#parse} reads it
   * @param value the value type, or {@code null} for a set
   * @param packageName the package to generate into, or {@code null} for the library's own
   * @return the checked spec
   * @throws IllegalArgumentException naming the offending value if a type is missing or unknown,
   *     the key is boolean, or the package is not a valid qualified Java name
   */
  public static MapSpec parse(String key, String value, String packageName) {
    if (key == null) {
      throw new IllegalArgumentException(
          value == null ? "no key type given" : "value type '" + value + "' has no key type");
    }
    JavaType keyType = JavaType.parse(key);
    JavaType valueType = value == null ? null : JavaType.parse(value);
    if (!keyType.canBeKey()) {
      throw new IllegalArgumentException(
          value == null
              ? "element type '" + key + "' is not supported: there are no sets of boolean"
              : "key type '" + key + "' is not supported: keys cannot be boolean");
    }
    return new MapSpec(
        keyType, valueType, packageName == null ? MapSpec.LIBRARY_PACKAGE : packageName);
  }

  /**
   * Checks a directory to generate into: it may be missing (it is created), but must not be a file.
   *
   * @return {@code directory}
   * @throws IllegalArgumentException naming the path if it exists and is not a directory
   */
  public static Path outputDirectory(Path directory) {
    if (Files.exists(directory) && !Files.isDirectory(directory)) {
      throw new IllegalArgumentException("output directory is a file: " + directory);
    }
    return directory;
  }
}
