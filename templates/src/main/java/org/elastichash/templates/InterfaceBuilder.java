package org.elastichash.templates;

import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The functional interfaces generated beside a collection: a primitive map's entry consumer,
 * predicate and function ({@code IntIntConsumer}, {@code IntIntPredicate}, {@code IntIntFunction}),
 * and a set's element consumer and predicate where {@code java.util.function} has none ({@code
 * ShortConsumer}, {@code ShortPredicate}).
 */
final class InterfaceBuilder extends TemplateBuilder {

  InterfaceBuilder(TemplateContext context) {
    super(context);
  }

  /**
   * The functional interfaces the collection's methods take that {@code java.util.function} lacks,
   * in the order their files are written.
   */
  List<TypeSpec> interfaces() {
    if (!hasValues) {
      return context.hasJdkElementInterfaces()
          ? List.of()
          : List.of(
              (elementInterface(
                  spec.consumerName(),
                  "accept",
                  TypeName.VOID,
                  "An operation on one element of a set",
                  "Performs this operation on one element.\n")),
              (elementInterface(
                  spec.predicateName(),
                  "test",
                  TypeName.BOOLEAN,
                  "A condition on one element of a set",
                  "Whether the element satisfies this condition.\n")));
    }
    if (dropIn) {
      return List.of();
    }
    return List.of(
        (entryInterface(
            spec.consumerName(),
            "accept",
            TypeName.VOID,
            "An operation on one entry of a map",
            "Performs this operation on one entry.\n")),
        (entryInterface(
            spec.predicateName(),
            "test",
            TypeName.BOOLEAN,
            "A condition on one entry of a map",
            "Whether the entry satisfies this condition.\n")),
        (entryInterface(
            spec.functionName(),
            "apply",
            type("v"),
            "A function from one entry of a map to a new value for\nit",
            "The new value for the entry.\n")));
  }

  /** A functional interface taking one element of a set, in the set's package. */
  private TypeSpec elementInterface(
      String name, String method, TypeName returns, String summary, String methodDoc) {
    return TypeSpec.interfaceBuilder(name)
        .addModifiers(Modifier.PUBLIC)
        .addAnnotation(FunctionalInterface.class)
        .addJavadoc(code(summary + " of {@code $kName:L} elements.\n"))
        .addMethod(
            MethodSpec.methodBuilder(method)
                .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
                .addJavadoc(
                    methodDoc
                        + "\n@param key the element\n"
                        + (returns.equals(TypeName.VOID)
                            ? ""
                            : "@return whether the element satisfies the condition\n"))
                .returns(returns)
                .addParameter(type("k"), "key")
                .build())
        .build();
  }

  /** A functional interface taking one entry's key and value, in the map's package. */
  private TypeSpec entryInterface(
      String name, String method, TypeName returns, String summary, String methodDoc) {
    return TypeSpec.interfaceBuilder(name)
        .addModifiers(Modifier.PUBLIC)
        .addAnnotation(FunctionalInterface.class)
        .addTypeVariables(typeVariables)
        .addJavadoc(
            code(
                summary
                    + " with {@code $kName:L} keys and {@code $vName:L} values.\n"
                    + (typeVariables.isEmpty() ? "" : typeParameterDocs())))
        .addMethod(
            MethodSpec.methodBuilder(method)
                .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
                .addJavadoc(
                    methodDoc
                        + "\n@param key the key\n@param value the value\n"
                        + (returns.equals(TypeName.VOID)
                            ? ""
                            : returns.equals(TypeName.BOOLEAN)
                                ? "@return whether the entry satisfies the condition\n"
                                : "@return the new value\n"))
                .returns(returns)
                .addParameter(type("k"), "key")
                .addParameter(type("v"), "value")
                .build())
        .build();
  }
}
