package org.elastichash.templates;

import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The one template every map and set is generated from. Given a {@link MapSpec} it emits the
 * collection class and the functional interfaces its methods take that {@code java.util.function}
 * lacks.
 *
 * <p>Everything that does not depend on the key and value types (control bytes, the batch schedule,
 * probe limits, hashing, growth) lives in the hand-written core {@code org.elastichash.runtime};
 * this template only writes what differs by type: the storage arrays, key equality and hashing
 * calls, the public signatures, boxing in the {@code java.util.Map} view. Method bodies are written
 * as Java text with named placeholders ({@code $k:T} is the key type, {@code $v:T} the value type,
 * and so on), all bound once per spec in a {@link TemplateContext}.
 *
 * <p>The template is one model of a collection written by builders, one per concern: {@link
 * DeclarationBuilder}, {@link StorageBuilder} (fields, constructors, position access), {@link
 * LookupBuilder}, {@link QueryBuilder}, {@link UpdateBuilder}, {@link ComputeBuilder}, {@link
 * BulkBuilder} (bulk operations, iteration, the cursor), {@link ViewBuilder}, {@link
 * ObjectMethodsBuilder}, {@link SerializationBuilder} and {@link InterfaceBuilder}. This class only
 * composes them: it decides which members a spec gets and in which order they appear in the
 * generated source.
 */
public final class MapTemplate {

  private final TemplateContext context;
  private final DeclarationBuilder declaration;
  private final StorageBuilder storage;
  private final LookupBuilder lookup;
  private final QueryBuilder queries;
  private final UpdateBuilder updates;
  private final ComputeBuilder compute;
  private final BulkBuilder bulk;
  private final ViewBuilder views;
  private final ObjectMethodsBuilder objectMethods;
  private final SerializationBuilder serialization;
  private final InterfaceBuilder interfaces;

  private MapTemplate(TemplateContext context) {
    this.context = context;
    this.declaration = new DeclarationBuilder(context);
    this.storage = new StorageBuilder(context);
    this.lookup = new LookupBuilder(context);
    this.queries = new QueryBuilder(context);
    this.updates = new UpdateBuilder(context);
    this.compute = new ComputeBuilder(context);
    this.bulk = new BulkBuilder(context);
    this.views = new ViewBuilder(context);
    this.objectMethods = new ObjectMethodsBuilder(context);
    this.serialization = new SerializationBuilder(context);
    this.interfaces = new InterfaceBuilder(context);
  }

  /** Generates the collection of {@code spec} and the functional interfaces it needs, if any. */
  public static List<JavaFile> generate(MapSpec spec) {
    return new MapTemplate(new TemplateContext(spec)).files();
  }

  private List<JavaFile> files() {
    List<JavaFile> files = new ArrayList<>();
    files.add(context.javaFile(collectionType()));
    for (TypeSpec helper : interfaces.interfaces()) {
      files.add(context.javaFile(helper));
    }
    return List.copyOf(files);
  }

  /** The collection class, its members in the order the generated source lists them. */
  private TypeSpec collectionType() {
    TypeSpec.Builder map = declaration.declaration();
    storage.addFields(map);
    storage.addConstructors(map);
    lookup.addLookup(map);
    queries.addQueries(map);
    updates.addUpdates(map);
    bulk.addBulkOperations(map);
    bulk.addIteration(map);
    storage.addStorage(map);
    if (context.hasValues) {
      updates.addConditionalUpdates(map);
      bulk.addKeyAndValueArrays(map);
      compute.addComputeAndMerge(map);
      if (context.dropIn) {
        views.addCollectionViews(map);
      } else {
        queries.addDefaultReturnValue(map);
        views.addViewAccessor(map);
        objectMethods.addObjectMethods(map);
        map.addType(views.mapViewType());
      }
      views.addViewSupport(map);
    } else {
      bulk.addElementArrayAndTrim(map);
      if (!context.dropIn) {
        views.addViewAccessor(map);
        objectMethods.addObjectMethods(map);
        map.addType(views.setViewType());
      }
      views.addKeyIteratorSupport(map);
    }
    serialization.addSerialization(map);
    return map.build();
  }
}
