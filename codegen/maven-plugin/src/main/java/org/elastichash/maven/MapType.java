package org.elastichash.maven;

/**
 * One map to generate, configured as {@code <map><key>short</key><value>float</value></map>}. Types
 * are spelled as for the CLI: {@code byte short char int long float double Object}, and for values
 * also {@code boolean}.
 */
public class MapType {

  /** The key type, e.g. {@code short}; any type but {@code boolean}. */
  String key;

  /** The value type, e.g. {@code float}. */
  String value;

  /** For Maven, which fills the fields from the configuration. */
  public MapType() {}

  /**
   * A map from {@code key} to {@code value} types.
   *
   * @param key the key type
   * @param value the value type
   */
  public MapType(String key, String value) {
    this.key = key;
    this.value = value;
  }

  @Override
  public String toString() {
    return key + " -> " + value;
  }
}
