package org.elastichash.tests.properties;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.elastichash.ElasticStats;

/**
 * What the reflective adapters of generated maps and sets share: the collection, calls by name, the
 * methods every elastic collection has, and a serialization round trip.
 */
abstract class ReflectiveCollection {

  private final Object target;

  ReflectiveCollection(Object target) {
    this.target = target;
  }

  /** A new collection of {@code type} from its {@code (expectedSize, delta)} constructor. */
  static Object newInstance(Class<?> type, int expectedSize, double delta) {
    try {
      return type.getConstructor(int.class, double.class).newInstance(expectedSize, delta);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  final Object target() {
    return target;
  }

  final Object call(String name, Class<?>[] types, Object... args) {
    return Reflection.call(target, name, types, args);
  }

  final int size() {
    return (Integer) call("size", new Class<?>[0]);
  }

  final boolean isEmpty() {
    return (Boolean) call("isEmpty", new Class<?>[0]);
  }

  final void clear() {
    call("clear", new Class<?>[0]);
  }

  final void ensureCapacity(int expectedSize) {
    call("ensureCapacity", new Class<?>[] {int.class}, expectedSize);
  }

  final boolean trimToSize() {
    return (Boolean) call("trimToSize", new Class<?>[0]);
  }

  final ElasticStats stats() {
    return (ElasticStats) call("stats", new Class<?>[0]);
  }

  /** The collection after a Java serialization round trip. */
  final Object serializedTarget() {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(target);
      }
      try (ObjectInputStream in =
          new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
        return in.readObject();
      }
    } catch (IOException | ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }

  @Override
  public final String toString() {
    return target.toString();
  }
}
