package org.elastichash.tests.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.elastichash.ElasticHashSet;
import org.elastichash.ElasticIntSet;
import org.elastichash.ElasticLongSet;
import org.elastichash.generatedtest.ElasticFloatSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Stateful properties of the sets: generated command sequences replayed on a set and on a {@link
 * HashSet} model, through the set's own primitive API (by reflection, so one harness covers every
 * shipped set and the one the test build generates) and through its {@code java.util.Set} view.
 */
class StatefulSetPropertiesTest {

  enum Op {
    ADD,
    REMOVE,
    CONTAINS,
    VIEW_ADD,
    VIEW_REMOVE,
    VIEW_CONTAINS,
    ITERATOR_REMOVE,
    CURSOR_REMOVE,
    FOR_EACH,
    TO_ARRAY,
    REMOVE_IF,
    CLEAR,
    ENSURE_CAPACITY,
    TRIM_TO_SIZE,
    COPY,
    SERIALIZE,
    EQUALS_AND_TEXT,
    BULK_ADD,
    BULK_REMOVE,
    REJECTED_CALL
  }

  record Command(Op op, Object element, int salt, List<Object> bulk) {}

  record Scenario(double delta, int expectedSize, List<Command> commands) {}

  /** A set class under test and the element generators that stress it. */
  record SetFixture(String name, Class<?> setClass, Class<?> elementType, List<Keys.Named> keys) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<SetFixture> fixtures() {
    return List.of(
        new SetFixture("ElasticIntSet", ElasticIntSet.class, int.class, Keys.intKeys()),
        new SetFixture("ElasticLongSet", ElasticLongSet.class, long.class, Keys.longKeys()),
        new SetFixture("ElasticHashSet", ElasticHashSet.class, Object.class, Keys.objectKeys()),
        new SetFixture(
            "ElasticFloatSet (CLI)", ElasticFloatSet.class, float.class, Keys.floatKeys()));
  }

  static Stream<Arguments> properties() {
    return fixtures().stream()
        .flatMap(fixture -> fixture.keys().stream().map(keys -> Arguments.of(fixture, keys)));
  }

  @ParameterizedTest(name = "{0} with {1}")
  @MethodSource("properties")
  void behavesLikeHashSet(SetFixture fixture, Keys.Named keys) {
    qt().withExamples(StatefulMapPropertiesTest.EXAMPLES)
        .withShrinkCycles(2_000)
        .forAll(scenarios(keys.gen()))
        .checkAssert(scenario -> replay(fixture, scenario));
  }

  static Gen<Scenario> scenarios(Gen<Object> elements) {
    Gen<Integer> salts = Generate.range(0, 1_000);
    Gen<Command> single =
        Generate.enumValues(Op.class)
            .zip(elements, salts, (op, e, salt) -> new Command(op, e, salt, List.of()));
    Gen<Command> weighted =
        Generate.frequency(
            Pair.of(30, elements.map(e -> new Command(Op.ADD, e, 0, List.of()))),
            Pair.of(12, elements.map(e -> new Command(Op.REMOVE, e, 0, List.of()))),
            Pair.of(8, elements.map(e -> new Command(Op.CONTAINS, e, 0, List.of()))),
            Pair.of(30, single),
            Pair.of(
                2,
                lists()
                    .of(elements)
                    .ofSizeBetween(20, 250)
                    .map(bulk -> new Command(Op.BULK_ADD, null, 0, bulk))),
            Pair.of(
                1,
                lists()
                    .of(elements)
                    .ofSizeBetween(20, 250)
                    .map(bulk -> new Command(Op.BULK_REMOVE, null, 0, bulk))));
    return Parameters.deltas()
        .zip(
            Parameters.expectedSizes(),
            lists().of(weighted).ofSizeBetween(1, 60),
            (delta, size, commands) ->
                new Scenario(delta, Parameters.affordable(size, delta), commands));
  }

  static void replay(SetFixture fixture, Scenario scenario) {
    ReflectiveSet set = ReflectiveSet.create(fixture, scenario.expectedSize(), scenario.delta());
    Set<Object> model = new HashSet<>();
    List<Command> commands = scenario.commands();
    for (int step = 0; step < commands.size(); step++) {
      Command c = commands.get(step);
      String where = fixture + " delta " + scenario.delta() + ", step " + step + ": " + c;
      set = apply(set, model, c, where);
      assertEquals(model.size(), set.size(), where + ": size");
      assertEquals(model.isEmpty(), set.isEmpty(), where + ": isEmpty");
    }
    assertSameContents(set, model, fixture + " at the end of " + commands.size() + " steps");
  }

  private static ReflectiveSet apply(
      ReflectiveSet set, Set<Object> model, Command c, String where) {
    Object e = c.element();
    Set<Object> view = set.view();
    switch (c.op()) {
      case ADD -> assertEquals(model.add(e), set.add(e), where);
      case REMOVE -> assertEquals(model.remove(e), set.remove(e), where);
      case CONTAINS -> assertEquals(model.contains(e), set.contains(e), where);
      case VIEW_ADD -> assertEquals(model.add(e), view.add(e), where);
      case VIEW_REMOVE -> assertEquals(model.remove(e), view.remove(e), where);
      case VIEW_CONTAINS -> assertEquals(model.contains(e), view.contains(e), where);
      case ITERATOR_REMOVE -> {
        Predicate<Object> doomed = selector(c);
        Set<Object> seen = new HashSet<>();
        for (Iterator<Object> it = view.iterator(); it.hasNext(); ) {
          Object element = it.next();
          assertTrue(seen.add(element), where + ": iterator repeats " + element);
          if (doomed.test(element)) {
            it.remove();
          }
        }
        assertEquals(model, seen, where + ": iterated elements");
        model.removeIf(doomed);
      }
      case CURSOR_REMOVE -> {
        Predicate<Object> doomed = selector(c);
        assertEquals(model, set.walkCursorRemoving(doomed), where + ": cursor elements");
        model.removeIf(doomed);
      }
      case FOR_EACH -> assertEquals(model, set.elementsByForEach(), where + ": forEach");
      case TO_ARRAY -> {
        List<Object> elements = set.toArrayList();
        assertEquals(model.size(), elements.size(), where + ": toArray length");
        assertEquals(model, new HashSet<>(elements), where + ": toArray elements");
      }
      case REMOVE_IF -> {
        Predicate<Object> doomed = selector(c);
        assertEquals(model.removeIf(doomed), set.removeIf(doomed), where);
      }
      case CLEAR -> {
        model.clear();
        set.clear();
      }
      case ENSURE_CAPACITY -> set.ensureCapacity(model.size() + 100);
      case TRIM_TO_SIZE -> {
        set.trimToSize();
        assertTrue(set.stats().maxUsedSlots() >= model.size(), where + ": room after trimToSize");
        assertSameContents(set, model, where + ": after trimToSize");
      }
      case COPY -> {
        ReflectiveSet copy = set.copy();
        assertSameContents(copy, model, where + ": copy");
        boolean before = model.contains(e);
        copy.remove(e);
        assertEquals(before, set.contains(e), where + ": a copy shares state with its original");
        copy.add(e);
        assertEquals(before, set.contains(e), where + ": a copy shares state with its original");
      }
      case REJECTED_CALL -> {
        // A call that throws must leave the set exactly as it was: contents and statistics.
        org.elastichash.ElasticStats before = set.stats();
        ReflectiveSet target = set;
        org.junit.jupiter.api.function.Executable call =
            model.isEmpty() || c.salt() % 2 == 0
                ? () -> target.ensureCapacity(-1)
                : () ->
                    target.removeIf(
                        element -> {
                          throw new IllegalStateException("refused by the test");
                        });
        org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, call, where);
        assertEquals(before, set.stats(), where + ": a rejected call changed the statistics");
        assertSameContents(set, model, where + ": after a rejected call");
      }
      case SERIALIZE -> {
        set = set.serialized();
        assertSameContents(set, model, where + ": after a serialization round trip");
      }
      case EQUALS_AND_TEXT -> {
        ReflectiveSet copy = set.copy();
        assertEquals(set.target(), copy.target(), where + ": equals its copy");
        copy.add(e);
        assertEquals(model.contains(e), set.target().equals(copy.target()), where + ": equals");
        String text = set.target().toString();
        assertTrue(text.startsWith("[") && text.endsWith("]"), where + ": toString " + text);
        if (model.size() == 1) {
          assertEquals(model.toString(), text, where + ": toString of one element");
        }
      }
      case BULK_ADD -> {
        if (set.hasPrimitiveAddAll()) {
          assertEquals(model.addAll(c.bulk()), set.addAll(c.bulk()), where + ": addAll");
        } else {
          for (Object element : c.bulk()) {
            assertEquals(model.add(element), set.add(element), where);
          }
        }
      }
      case BULK_REMOVE -> {
        for (Object element : c.bulk()) {
          assertEquals(model.remove(element), set.remove(element), where);
        }
      }
    }
    return set;
  }

  /** Removes about a third of the elements, chosen by the command's salt. */
  private static Predicate<Object> selector(Command c) {
    return element -> Math.floorMod(Objects.hashCode(element) * 31 + c.salt(), 3) == 0;
  }

  static void assertSameContents(ReflectiveSet set, Set<Object> model, String where) {
    Set<Object> view = set.view();
    assertEquals(model.size(), set.size(), where + ": size");
    for (Object element : model) {
      assertTrue(set.contains(element), where + ": lookup misses " + element);
    }
    assertEquals(model, view, where + ": view equals model");
    assertEquals(view, model, where + ": model equals view");
    assertEquals(model.hashCode(), view.hashCode(), where + ": view hashCode");
    assertEquals(model.hashCode(), set.target().hashCode(), where + ": set hashCode");
    assertEquals(model.size(), set.stats().size(), where + ": stats size");
  }

  /**
   * Drives a generated set through its own primitive API by reflection; arguments are boxed and
   * reflection unboxes them into the primitive signatures users call.
   */
  static final class ReflectiveSet extends ReflectiveCollection {

    private final Object set;
    private final Class<?> elementType;

    ReflectiveSet(Object set, Class<?> elementType) {
      super(set);
      this.set = set;
      this.elementType = elementType;
    }

    static ReflectiveSet create(SetFixture fixture, int expectedSize, double delta) {
      return new ReflectiveSet(
          newInstance(fixture.setClass(), expectedSize, delta), fixture.elementType());
    }

    private boolean isDropIn() {
      return set instanceof Set<?>;
    }

    private Class<?> query() {
      return elementType.isPrimitive() ? elementType : Object.class;
    }

    boolean add(Object element) {
      return (Boolean) call("add", new Class<?>[] {elementType}, element);
    }

    /** Whether the set has the boxing-free {@code addAll(e...)}: every set but the drop-in one. */
    boolean hasPrimitiveAddAll() {
      return elementType.isPrimitive();
    }

    /** {@code addAll} with the elements in an array of the element type. */
    boolean addAll(List<Object> elements) {
      Object array = Array.newInstance(elementType, elements.size());
      for (int i = 0; i < elements.size(); i++) {
        Array.set(array, i, elements.get(i));
      }
      return (Boolean) call("addAll", new Class<?>[] {array.getClass()}, array);
    }

    boolean remove(Object element) {
      return (Boolean) call("remove", new Class<?>[] {query()}, element);
    }

    boolean contains(Object element) {
      return (Boolean) call("contains", new Class<?>[] {query()}, element);
    }

    @SuppressWarnings("unchecked")
    Set<Object> view() {
      return isDropIn() ? (Set<Object>) set : (Set<Object>) call("asSet", new Class<?>[0]);
    }

    /** {@code toArray()} (the primitive one, or Collection's for the drop-in set) as a list. */
    List<Object> toArrayList() {
      Object array = call("toArray", new Class<?>[0]);
      List<Object> elements = new ArrayList<>();
      for (int i = 0; i < Array.getLength(array); i++) {
        elements.add(Array.get(array, i));
      }
      return elements;
    }

    /** Calls the one-argument method {@code name} with a proxy of the set's functional type. */
    private Object callWithFunction(String name, java.util.function.Function<Object, Object> body) {
      Method method =
          Reflection.method(
              set,
              name,
              m -> m.getParameterCount() == 1 && m.getDeclaringClass() == set.getClass());
      Object function =
          Reflection.proxy(method.getParameterTypes()[0], args -> body.apply(args[0]));
      return Reflection.invoke(method, set, function);
    }

    boolean removeIf(Predicate<Object> filter) {
      return (Boolean) callWithFunction("removeIf", filter::test);
    }

    Set<Object> elementsByForEach() {
      Set<Object> seen = new HashSet<>();
      callWithFunction(
          "forEach",
          element -> {
            if (!seen.add(element)) {
              throw new AssertionError("forEach visited an element twice: " + element);
            }
            return null;
          });
      return seen;
    }

    Set<Object> walkCursorRemoving(Predicate<Object> remove) {
      Object cursor = call("cursor", new Class<?>[0]);
      Set<Object> seen = new HashSet<>();
      try {
        Method advance = cursor.getClass().getMethod("advance");
        Method key = cursor.getClass().getMethod("key");
        Method removeMethod = cursor.getClass().getMethod("remove");
        while ((Boolean) Reflection.invoke(advance, cursor)) {
          Object element = Reflection.invoke(key, cursor);
          assertFalse(seen.contains(element), "cursor visited an element twice: " + element);
          seen.add(element);
          if (remove.test(element)) {
            Reflection.invoke(removeMethod, cursor);
          }
        }
      } catch (NoSuchMethodException e) {
        throw new AssertionError(e);
      }
      return seen;
    }

    ReflectiveSet copy() {
      try {
        Class<?> parameter = isDropIn() ? Collection.class : set.getClass();
        return new ReflectiveSet(
            set.getClass().getConstructor(parameter).newInstance(set), elementType);
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(e);
      }
    }

    ReflectiveSet serialized() {
      return new ReflectiveSet(serializedTarget(), elementType);
    }
  }
}
