package org.elastichash.templates;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import java.util.Locale;
import java.util.Objects;

/**
 * The key and value types a map can be generated for, with everything the template needs to know
 * about each: how it is stored, boxed, compared, hashed, serialized and printed in a class name.
 */
public enum JavaType {
  BYTE(TypeName.BYTE, Byte.class, "(byte) 0", "Byte"),
  SHORT(TypeName.SHORT, Short.class, "(short) 0", "Short"),
  CHAR(TypeName.CHAR, Character.class, "(char) 0", "Char"),
  INT(TypeName.INT, Integer.class, "0", "Int"),
  LONG(TypeName.LONG, Long.class, "0L", "Long"),
  FLOAT(TypeName.FLOAT, Float.class, "0.0f", "Float"),
  DOUBLE(TypeName.DOUBLE, Double.class, "0.0", "Double"),
  BOOLEAN(TypeName.BOOLEAN, Boolean.class, "false", "Boolean"),
  OBJECT(ClassName.OBJECT, Object.class, "null", "Object");

  private final TypeName primitive;
  private final ClassName boxed;
  private final String zero;
  private final String label;

  JavaType(TypeName primitive, Class<?> boxed, String zero, String label) {
    this.primitive = primitive;
    this.boxed = ClassName.get(boxed);
    this.zero = zero;
    this.label = label;
  }

  /**
   * Parses a type as the CLI spells it: {@code byte short char int long float double boolean
   * Object} (case-insensitive).
   *
   * @throws IllegalArgumentException naming the text if it is not a type
   */
  public static JavaType parse(String text) {
    Objects.requireNonNull(text, "text");
    for (JavaType type : values()) {
      if (type.name().equalsIgnoreCase(text)) {
        return type;
      }
    }
    throw new IllegalArgumentException(
        "unknown type '"
            + text
            + "': expected byte, short, char, int, long, float, double, boolean"
            + " or Object");
  }

  /** Whether values of this type are references rather than primitives. */
  public boolean isObject() {
    return this == OBJECT;
  }

  /** Whether values of this type can be added to, for counting maps' {@code addTo}. */
  public boolean isNumeric() {
    return this != BOOLEAN && this != CHAR && this != OBJECT;
  }

  /**
   * The cast that brings an arithmetic result back to this type: {@code "(byte) "} for byte and
   * short, whose sums widen to int; empty for the others.
   */
  public String narrowing() {
    return this == BYTE || this == SHORT ? "(" + name().toLowerCase(Locale.ROOT) + ") " : "";
  }

  /** Whether this type may be a key type: every type but boolean. */
  public boolean canBeKey() {
    return this != BOOLEAN;
  }

  /** The name used in class names: {@code Int} in {@code ElasticIntIntMap}. */
  public String label() {
    return label;
  }

  /** The type as the CLI and the docs spell it: {@code int}, {@code Object}. */
  public String spelling() {
    return isObject() ? "Object" : name().toLowerCase(Locale.ROOT);
  }

  /** The primitive type, or {@code Object} for {@link #OBJECT}. */
  public TypeName primitive() {
    return primitive;
  }

  /** The wrapper class, or {@code Object} for {@link #OBJECT}. */
  public ClassName boxed() {
    return boxed;
  }

  /** Source text of the type's zero value: {@code 0}, {@code 0L}, {@code false}, {@code null}. */
  public String zero() {
    return zero;
  }

  /**
   * An expression that is true when {@code a} equals {@code b} as the boxed types' {@code equals}
   * would say: bit patterns for floating point, so NaN equals NaN and -0.0 differs from 0.0.
   */
  public CodeBlock equal(String a, String b) {
    switch (this) {
      case FLOAT:
        return CodeBlock.of(
            "$T.floatToIntBits($L) == $T.floatToIntBits($L)", Float.class, a, Float.class, b);
      case DOUBLE:
        return CodeBlock.of(
            "$T.doubleToLongBits($L) == $T.doubleToLongBits($L)", Double.class, a, Double.class, b);
      case OBJECT:
        return CodeBlock.of("$T.equals($L, $L)", Objects.class, a, b);
      default:
        return CodeBlock.of("$L == $L", a, b);
    }
  }

  /** An expression for the {@code hashCode} of the boxed value of {@code expression}. */
  public CodeBlock hashCodeOf(String expression) {
    return isObject()
        ? CodeBlock.of("$T.hashCode($L)", Objects.class, expression)
        : CodeBlock.of("$T.hashCode($L)", boxed, expression);
  }

  /** The {@code ObjectOutput} method that writes this type: {@code writeInt}. */
  public String writeMethod() {
    return "write" + ioSuffix();
  }

  /** The {@code ObjectInput} method that reads this type: {@code readInt}. */
  public String readMethod() {
    return "read" + ioSuffix();
  }

  private String ioSuffix() {
    return this == CHAR ? "Char" : label;
  }
}
