package org.elastichash.templates;

import static org.elastichash.templates.TemplateContext.UNCHECKED;

import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;

/**
 * Serialization: {@code writeObject} writes the delta, the size and each entry or element, and
 * {@code readObject} checks them and rebuilds the table.
 */
final class SerializationBuilder extends TemplateBuilder {

  SerializationBuilder(TemplateContext context) {
    super(context);
  }

  /** {@code writeObject} and {@code readObject}. */
  void addSerialization(TypeSpec.Builder map) {
    map.addMethod(
        privateMethod("writeObject")
            .addJavadoc(
                code(
                    """
                    Writes the delta, the size and then each $serialized:L.

                    @param out the stream
                    @throws IOException if writing fails
                    @serialData the delta (double), the size (int), then each $serialized:L
                    """))
            .addParameter(ObjectOutputStream.class, "out")
            .addException(IOException.class)
            .addCode(
                code(
                    """
                    out.defaultWriteObject();
                    out.writeDouble(table.geometry().delta());
                    out.writeInt(table.size());
                    for (long position = table.nextLive(-1); position >= 0; position = table.nextLive(position)) {
                      out.$writeKey:L(keyAt(position));
                    $writeValueStatement:L}
                    """))
            .build());
    MethodSpec.Builder read =
        privateMethod("readObject")
            .addJavadoc(
                "Reads what {@link #writeObject} wrote and rebuilds the table.\n\n"
                    + "@param in the stream\n"
                    + "@throws IOException if reading fails or the stream is corrupt (an\n"
                    + "    {@link java.io.InvalidObjectException} for a bad delta or size, or a\n"
                    + "    repeated key)\n"
                    + (hasValues
                        ? "@throws ClassNotFoundException if a key or value class is missing\n"
                        : "@throws ClassNotFoundException if an element class is missing\n"))
            .addParameter(ObjectInputStream.class, "in")
            .addException(IOException.class)
            .addException(ClassNotFoundException.class);
    if (key.isObject() || (hasValues && value.isObject())) {
      read.addAnnotation(UNCHECKED);
    }
    String readKey = key.isObject() ? "($k:T) in.readObject()" : "in.$readKey:L()";
    String readEntry =
        !hasValues
            ? "  add(READ_KEY);\n"
            : "  $k:T key = READ_KEY;\n  $v:T value = READ_VALUE;\n  put(key, value);\n";
    String readValue =
        hasValues && value.isObject() ? "($v:T) in.readObject()" : "in.$readValue:L()";
    read.addCode(
        code(
            """
            in.defaultReadObject();
            double delta = in.readDouble();
            int size = in.readInt();
            int expectedSize = $serialForm:T.expectedSize(delta, size);
            reset(new $table:T($geometry:T.forExpectedSize(expectedSize, delta)));
            for (int i = 0; i < size; i++) {
            READ_ENTRY}
            $serialForm:T.checkDistinct(size, table.size());
            """
                .replace("READ_ENTRY", readEntry)
                .replace("READ_KEY", readKey)
                .replace("READ_VALUE", readValue)));
    map.addMethod(read.build());
  }
}
