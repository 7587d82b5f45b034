package org.elastichash.templates;

import java.util.Objects;
import javax.lang.model.SourceVersion;

/**
 * One collection to generate: its key type, its value type and its package. A spec without a value
 * type is a set: the same template emits it as a map that stores no values.
 *
 * @param key the key (for a set, element) type; any type but boolean
 * @param value the value type, or {@code null} for a set
 * @param packageName the Java package the collection and its helper interfaces go in
 */
public record MapSpec(JavaType key, JavaType value, String packageName) {

  /** The package of the collections the library ships. */
  public static final String LIBRARY_PACKAGE = "org.elastichash";

  /**
   * Checks the spec.
   *
   * @throws IllegalArgumentException if the key is boolean or the package name is not a valid
   *     qualified Java name
   */
  public MapSpec {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(packageName, "packageName");
    if (!key.canBeKey()) {
      throw new IllegalArgumentException("key type must not be boolean");
    }
    if (!SourceVersion.isName(packageName)) {
      throw new IllegalArgumentException(
          "package is not a valid Java package name: " + packageName);
    }
  }

  /** A map spec in the library's own package. */
  public static MapSpec of(JavaType key, JavaType value) {
    return new MapSpec(key, Objects.requireNonNull(value, "value"), LIBRARY_PACKAGE);
  }

  /** A set spec in the library's own package. */
  public static MapSpec setOf(JavaType element) {
    return new MapSpec(element, null, LIBRARY_PACKAGE);
  }

  /** Whether this is a set: a map with no values. */
  public boolean isSet() {
    return value == null;
  }

  /**
   * Whether this is a drop-in {@code java.util} collection: the Object-to-Object map, generated as
   * {@code ElasticHashMap<K, V>}, or the Object set, generated as {@code ElasticHashSet<E>}.
   */
  public boolean isDropIn() {
    return key.isObject() && (value == null || value.isObject());
  }

  /**
   * The simple name of the generated class: {@code ElasticIntIntMap}, {@code ElasticHashMap},
   * {@code ElasticIntSet}, {@code ElasticHashSet}.
   */
  public String className() {
    if (isSet()) {
      return key.isObject() ? "ElasticHashSet" : "Elastic" + key.label() + "Set";
    }
    return isDropIn() ? "ElasticHashMap" : "Elastic" + key.label() + value.label() + "Map";
  }

  /**
   * The simple name of the entry consumer interface: {@code IntIntConsumer}; for a set, the element
   * consumer {@code ShortConsumer} (used only where {@code java.util.function} has none).
   */
  public String consumerName() {
    return labels() + "Consumer";
  }

  /**
   * The simple name of the entry predicate interface, for {@code removeIf}: {@code
   * IntIntPredicate}; for a set, {@code ShortPredicate}.
   */
  public String predicateName() {
    return labels() + "Predicate";
  }

  /**
   * The simple name of the interface mapping an entry to a new value, for {@code replaceAll}:
   * {@code IntIntFunction}. Maps only.
   */
  public String functionName() {
    return labels() + "Function";
  }

  private String labels() {
    return key.label() + (isSet() ? "" : value.label());
  }
}
