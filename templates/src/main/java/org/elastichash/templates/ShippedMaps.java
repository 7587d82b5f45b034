package org.elastichash.templates;

import java.util.List;

/** The maps and sets the library ships in {@code generated-collections}. */
public final class ShippedMaps {

  /** Every shipped map and set, in the library's package. */
  public static final List<MapSpec> ALL =
      List.of(
          MapSpec.of(JavaType.INT, JavaType.INT),
          MapSpec.of(JavaType.INT, JavaType.LONG),
          MapSpec.of(JavaType.INT, JavaType.OBJECT),
          MapSpec.of(JavaType.LONG, JavaType.INT),
          MapSpec.of(JavaType.LONG, JavaType.LONG),
          MapSpec.of(JavaType.LONG, JavaType.OBJECT),
          MapSpec.of(JavaType.OBJECT, JavaType.INT),
          MapSpec.of(JavaType.OBJECT, JavaType.LONG),
          MapSpec.of(JavaType.OBJECT, JavaType.OBJECT),
          MapSpec.setOf(JavaType.INT),
          MapSpec.setOf(JavaType.LONG),
          MapSpec.setOf(JavaType.OBJECT));

  private ShippedMaps() {}
}
