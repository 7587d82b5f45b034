package org.elastichash.tests.properties;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Reflection helpers for the adapters that drive generated maps and sets through their own API:
 * calls that rethrow what the collection threw, and proxies of its functional parameter types.
 */
final class Reflection {

  private Reflection() {}

  /** Calls {@code method}; an exception the method throws reaches the caller unwrapped. */
  static Object invoke(Method method, Object target, Object... args) {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new AssertionError(e.getCause());
    } catch (IllegalAccessException e) {
      throw new AssertionError(e);
    }
  }

  /** Calls the public method {@code name} with exactly these parameter types. */
  static Object call(Object target, String name, Class<?>[] types, Object... args) {
    try {
      return invoke(target.getClass().getMethod(name, types), target, args);
    } catch (NoSuchMethodException e) {
      throw new AssertionError(e);
    }
  }

  /** The first public method of {@code target} named {@code name} that {@code which} accepts. */
  static Method method(Object target, String name, Predicate<Method> which) {
    return Arrays.stream(target.getClass().getMethods())
        .filter(m -> m.getName().equals(name) && which.test(m))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " on " + target.getClass()));
  }

  /**
   * An instance of the functional interface {@code type} whose abstract method runs {@code body} on
   * its arguments. Calling one of its default methods fails the test: the collection is meant to
   * call the abstract one.
   */
  static Object proxy(Class<?> type, Function<Object[], Object> body) {
    return Proxy.newProxyInstance(
        Reflection.class.getClassLoader(),
        new Class<?>[] {type},
        (proxy, m, args) -> {
          if (m.getDeclaringClass() == Object.class) {
            return m.getName().equals("hashCode") ? 0 : null;
          }
          if (m.isDefault()) {
            throw new AssertionError("the collection called a default method: " + m);
          }
          return body.apply(args);
        });
  }
}
