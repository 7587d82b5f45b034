package org.elastichash.tests.properties;

import java.util.List;
import org.elastichash.ElasticHashMap;
import org.elastichash.ElasticIntIntMap;
import org.elastichash.ElasticIntLongMap;
import org.elastichash.ElasticIntObjectMap;
import org.elastichash.ElasticLongIntMap;
import org.elastichash.ElasticLongLongMap;
import org.elastichash.ElasticLongObjectMap;
import org.elastichash.ElasticObjectIntMap;
import org.elastichash.ElasticObjectLongMap;
import org.elastichash.generatedtest.ElasticFloatIntMap;
import org.elastichash.generatedtest.ElasticShortFloatMap;
import org.quicktheories.core.Gen;

/**
 * A map class under test: its key and value types, the key generators that stress it, a value
 * generator, and what its queries return for a missing key.
 */
record Fixture(
    String name,
    Class<?> mapClass,
    Class<?> keyType,
    Class<?> valueType,
    List<Keys.Named> keys,
    Gen<Object> values,
    Object absent) {

  @Override
  public String toString() {
    return name;
  }

  ReflectiveMap create(int expectedSize, double delta) {
    return ReflectiveMap.create(mapClass, keyType, valueType, expectedSize, delta);
  }

  /** Every shipped map, plus the pairs the test build generates with the CLI. */
  static List<Fixture> all() {
    return List.of(
        new Fixture(
            "ElasticIntIntMap",
            ElasticIntIntMap.class,
            int.class,
            int.class,
            Keys.intKeys(),
            Keys.intValues(),
            0),
        new Fixture(
            "ElasticIntLongMap",
            ElasticIntLongMap.class,
            int.class,
            long.class,
            Keys.intKeys(),
            Keys.longValues(),
            0L),
        new Fixture(
            "ElasticIntObjectMap",
            ElasticIntObjectMap.class,
            int.class,
            Object.class,
            Keys.intKeys(),
            Keys.objectValues(),
            null),
        new Fixture(
            "ElasticLongIntMap",
            ElasticLongIntMap.class,
            long.class,
            int.class,
            Keys.longKeys(),
            Keys.intValues(),
            0),
        new Fixture(
            "ElasticLongLongMap",
            ElasticLongLongMap.class,
            long.class,
            long.class,
            Keys.longKeys(),
            Keys.longValues(),
            0L),
        new Fixture(
            "ElasticLongObjectMap",
            ElasticLongObjectMap.class,
            long.class,
            Object.class,
            Keys.longKeys(),
            Keys.objectValues(),
            null),
        new Fixture(
            "ElasticObjectIntMap",
            ElasticObjectIntMap.class,
            Object.class,
            int.class,
            Keys.objectKeys(),
            Keys.intValues(),
            0),
        new Fixture(
            "ElasticObjectLongMap",
            ElasticObjectLongMap.class,
            Object.class,
            long.class,
            Keys.objectKeys(),
            Keys.longValues(),
            0L),
        new Fixture(
            "ElasticHashMap",
            ElasticHashMap.class,
            Object.class,
            Object.class,
            Keys.objectKeys(),
            Keys.objectValues(),
            null),
        new Fixture(
            "ElasticShortFloatMap (CLI)",
            ElasticShortFloatMap.class,
            short.class,
            float.class,
            Keys.shortKeys(),
            Keys.floatValues(),
            0.0f),
        new Fixture(
            "ElasticFloatIntMap (CLI)",
            ElasticFloatIntMap.class,
            float.class,
            int.class,
            Keys.floatKeys(),
            Keys.intValues(),
            0));
  }
}
