package org.elastichash.templates;

import java.util.Objects;
import javax.lang.model.SourceVersion;

/**
 * One map to generate: its key type, its value type and its package.
 *
 * @param key the key type; any type but boolean
 * @param value the value type
 * @param packageName the Java package the map and its helper interfaces go in
 */
public record MapSpec(JavaType key, JavaType value, String packageName) {

  /** The package of the maps the library ships. */
  public static final String LIBRARY_PACKAGE = "org.elastichash";

  /**
   * Checks the spec.
   *
   * @throws IllegalArgumentException if the key is boolean or the package name is not a valid
   *     qualified Java name
   */
  public MapSpec {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(packageName, "packageName");
    if (!key.canBeKey()) {
      throw new IllegalArgumentException("key type must not be boolean");
    }
    if (!SourceVersion.isName(packageName)) {
      throw new IllegalArgumentException(
          "package is not a valid Java package name: " + packageName);
    }
  }

  /** A spec in the library's own package. */
  public static MapSpec of(JavaType key, JavaType value) {
    return new MapSpec(key, value, LIBRARY_PACKAGE);
  }

  /**
   * Whether this is the drop-in {@code java.util.Map}: Object keys and Object values, generated as
   * {@code ElasticHashMap<K, V>}.
   */
  public boolean isDropInMap() {
    return key.isObject() && value.isObject();
  }

  /** The simple name of the generated class: {@code ElasticIntIntMap}, {@code ElasticHashMap}. */
  public String className() {
    return isDropInMap() ? "ElasticHashMap" : "Elastic" + key.label() + value.label() + "Map";
  }

  /** The simple name of the entry consumer interface: {@code IntIntConsumer}. */
  public String consumerName() {
    return key.label() + value.label() + "Consumer";
  }

  /**
   * The simple name of the entry predicate interface, for {@code removeIf}: {@code
   * IntIntPredicate}.
   */
  public String predicateName() {
    return key.label() + value.label() + "Predicate";
  }

  /**
   * The simple name of the interface mapping an entry to a new value, for {@code replaceAll}:
   * {@code IntIntFunction}.
   */
  public String functionName() {
    return key.label() + value.label() + "Function";
  }
}
