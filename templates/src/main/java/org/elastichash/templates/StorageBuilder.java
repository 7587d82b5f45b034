package org.elastichash.templates;

import static org.elastichash.templates.TemplateContext.ARGUMENTS;
import static org.elastichash.templates.TemplateContext.GEOMETRY;
import static org.elastichash.templates.TemplateContext.SLOT_HASHES;
import static org.elastichash.templates.TemplateContext.TABLE;
import static org.elastichash.templates.TemplateContext.UNCHECKED;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import java.util.Collection;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Storage and lookup: the fields, the constructors and {@code reset}, {@code indexOf} (the lookup
 * walk over segments, pass filters and the directory) with its boxed variants, and position access
 * ({@code keyAt}, {@code valueAt}, {@code setValueAt}, {@code removeAt}, {@code insert}, {@code
 * rebuild}, {@code store}). Every other builder reaches the arrays only through these members.
 */
final class StorageBuilder extends TemplateBuilder {

  StorageBuilder(TemplateContext context) {
    super(context);
  }

  /**
   * The fields: the table, the key and value arrays, the modification count, the default return
   * value and the cached view.
   */
  void addFields(TypeSpec.Builder map) {
    map.addField(
        FieldSpec.builder(
                long.class, "serialVersionUID", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .initializer("1L")
            .build());
    map.addField(
        FieldSpec.builder(TABLE, "table", Modifier.PRIVATE, Modifier.TRANSIENT)
            .addJavadoc("Control bytes, counts and the batch schedule: where each key goes.\n")
            .build());
    map.addField(
        FieldSpec.builder(
                ArrayTypeName.of(ArrayTypeName.of(type("kStore"))),
                "keys",
                Modifier.PRIVATE,
                Modifier.TRANSIENT)
            .addJavadoc(
                "Keys per segment; a segment's array is null until the segment is first used.\n")
            .build());
    if (key.isObject()) {
      map.addField(
          FieldSpec.builder(int[][].class, "hashCodes", Modifier.PRIVATE, Modifier.TRANSIENT)
              .addJavadoc(
                  """
                  Each key's {@code hashCode()} per segment, parallel to {@link #keys}: lookups compare
                  it before calling {@code equals}, and rebuilds rehash from it without reading the key.
                  """)
              .build());
    }
    if (hasValues) {
      map.addField(
          FieldSpec.builder(
                  ArrayTypeName.of(ArrayTypeName.of(type("vStore"))),
                  "values",
                  Modifier.PRIVATE,
                  Modifier.TRANSIENT)
              .addJavadoc("Values per segment, parallel to {@link #keys}.\n")
              .build());
    }
    map.addField(
        FieldSpec.builder(long.class, "seed", Modifier.PRIVATE, Modifier.TRANSIENT)
            .addJavadoc(
                "The table's seed, {@code table.seed}, kept here so hashing reads no table field.\n")
            .build());
    map.addField(
        FieldSpec.builder(long[].class, "control0", Modifier.PRIVATE, Modifier.TRANSIENT)
            .addJavadoc(
                "Segment 0's group words, {@code table.control[0]}: most lookups end in them.\n")
            .build());
    map.addField(
        FieldSpec.builder(
                ArrayTypeName.of(type("kStore")), "keys0", Modifier.PRIVATE, Modifier.TRANSIENT)
            .addJavadoc("Segment 0's keys, {@code keys[0]}.\n")
            .build());
    if (key.isObject()) {
      map.addField(
          FieldSpec.builder(int[].class, "hashCodes0", Modifier.PRIVATE, Modifier.TRANSIENT)
              .addJavadoc("Segment 0's key hash codes, {@code hashCodes[0]}.\n")
              .build());
    }
    if (hasValues) {
      map.addField(
          FieldSpec.builder(
                  ArrayTypeName.of(type("vStore")), "values0", Modifier.PRIVATE, Modifier.TRANSIENT)
              .addJavadoc("Segment 0's values, {@code values[0]}.\n")
              .build());
    }
    map.addField(
        FieldSpec.builder(SLOT_HASHES, "slotHashes", Modifier.PRIVATE, Modifier.TRANSIENT)
            .addJavadoc(
                "{@link #hashAt} for the table, which asks it when a removal lowers a reach; made"
                    + " on first use.\n")
            .build());
    map.addField(
        FieldSpec.builder(int.class, "modCount", Modifier.PRIVATE, Modifier.TRANSIENT)
            .addJavadoc("Structural modifications so far, for fail-fast iteration.\n")
            .build());
    if (!hasValues) {
      if (!dropIn) {
        map.addField(
            FieldSpec.builder(type("boxedSet"), "view", Modifier.PRIVATE, Modifier.TRANSIENT)
                .build());
      }
    } else if (!dropIn) {
      FieldSpec.Builder defaultReturnValue =
          FieldSpec.builder(type("v"), "defaultReturnValue", Modifier.PRIVATE)
              .addJavadoc("What queries return for a missing key.\n");
      if (value.isObject()) {
        // javac 18 and later lint a non-transient field of a type variable in a Serializable
        // class; like the values, it is serializable exactly when they are.
        defaultReturnValue
            .addJavadoc("Serialized with the map, so serializable exactly when the values are.\n")
            .addAnnotation(
                AnnotationSpec.builder(SuppressWarnings.class)
                    .addMember("value", "$S", "serial")
                    .build());
      }
      map.addField(defaultReturnValue.build());
      map.addField(
          FieldSpec.builder(type("boxedMap"), "view", Modifier.PRIVATE, Modifier.TRANSIENT)
              .build());
    }
  }

  /** The public constructors, the copy constructor and {@code reset}. */
  void addConstructors(TypeSpec.Builder map) {
    map.addMethod(
        MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PUBLIC)
            .addJavadoc(
                code("Creates an empty $noun:L with the default expected size and delta.\n"))
            .addStatement("this($T.DEFAULT_EXPECTED_SIZE, $T.DEFAULT_DELTA)", ARGUMENTS, ARGUMENTS)
            .build());
    map.addMethod(
        MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PUBLIC)
            .addJavadoc(
                code(
                    """
                    Creates an empty $noun:L that holds {@code expectedSize} $items:L without growing, with
                    the default delta.

                    @param expectedSize the number of $items:L the $noun:L should hold without growing
                    @throws IllegalArgumentException if {@code expectedSize} is negative
                    """))
            .addParameter(int.class, "expectedSize")
            .addStatement("this(expectedSize, $T.DEFAULT_DELTA)", ARGUMENTS)
            .build());
    map.addMethod(
        MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PUBLIC)
            .addJavadoc(
                code(
                    """
                    Creates an empty $noun:L that holds {@code expectedSize} $items:L without growing and
                    keeps a fraction {@code delta} of its slots free. Every delta in (0, 1) works: below
                    one slot in the table (down to {@link Double#MIN_VALUE}) the table fills to one slot
                    short of full; above {@code 1 - 2^-10} (up to {@code Math.nextDown(1.0)}) it keeps
                    {@code 1 - 2^-10} free, a thousand slots per $item:L, so that growth still adds room.

                    @param expectedSize the number of $items:L the $noun:L should hold without growing
                    @param delta the free fraction, in (0, 1): smaller saves memory, larger probes less
                    @throws IllegalArgumentException if {@code expectedSize} is negative or {@code delta}
                        is NaN or outside (0, 1)
                    """))
            .addParameter(int.class, "expectedSize")
            .addParameter(double.class, "delta")
            .addStatement("reset(new $T($T.forExpectedSize(expectedSize, delta)))", TABLE, GEOMETRY)
            .build());
    if (dropIn) {
      map.addMethod(dropInCopyConstructor());
    } else {
      StringBuilder copy =
          new StringBuilder(
              """
              $args:T.checkNotNull(other, "other");
              table = new $table:T(other.table);
              keys = other.keys.clone();
              """);
      if (key.isObject()) {
        copy.append("hashCodes = other.hashCodes.clone();\n");
      }
      if (hasValues) {
        copy.append("values = other.values.clone();\n");
      }
      copy.append("for (int s = 0; s < keys.length; s++) {\n  if (keys[s] != null) {\n");
      copy.append("    keys[s] = keys[s].clone();\n");
      if (key.isObject()) {
        copy.append("    hashCodes[s] = hashCodes[s].clone();\n");
      }
      if (hasValues) {
        copy.append("    values[s] = values[s].clone();\n");
      }
      copy.append("  }\n}\n");
      copy.append("cacheSegmentZero();\n");
      if (hasValues) {
        copy.append("defaultReturnValue = other.defaultReturnValue;\n");
      }
      map.addMethod(
          MethodSpec.constructorBuilder()
              .addModifiers(Modifier.PUBLIC)
              .addJavadoc(
                  code(
                      hasValues
                          ? """
                            Creates a copy of {@code other} with the same mappings, delta, layout and
                            default return value; the two maps share no state.

                            @param other the map to copy
                            @throws NullPointerException if {@code other} is null
                            """
                          : """
                            Creates a copy of {@code other} with the same elements, delta and layout; the
                            two sets share no state.

                            @param other the set to copy
                            @throws NullPointerException if {@code other} is null
                            """))
              .addParameter(type("self"), "other")
              .addCode(code(copy.toString()))
              .build());
    }
    MethodSpec.Builder reset =
        privateMethod("reset")
            .addParameter(TABLE, "newTable")
            .addCode(
                code(
                    """
                    table = newTable;
                    int segments = newTable.geometry().segmentCount();
                    int slots = newTable.geometry().slots(0);
                    keys = new $kStore:T[segments][];
                    keys[0] = new $kStore:T[slots];
                    """));
    if (key.isObject()) {
      reset.addCode("hashCodes = new int[segments][];\nhashCodes[0] = new int[slots];\n");
    }
    if (hasValues) {
      reset.addCode(
          code("values = new $vStore:T[segments][];\nvalues[0] = new $vStore:T[slots];\n"));
    }
    map.addMethod(reset.addStatement("cacheSegmentZero()").build());
    MethodSpec.Builder cache =
        privateMethod("cacheSegmentZero")
            .addJavadoc("Points the segment-0 fields at the current table's first segment.\n")
            .addStatement("control0 = table.control[0]")
            .addStatement("keys0 = keys[0]");
    if (key.isObject()) {
      cache.addStatement("hashCodes0 = hashCodes[0]");
    }
    cache.addStatement("seed = table.seed");
    if (hasValues) {
      cache.addStatement("values0 = values[0]");
    }
    map.addMethod(cache.build());
  }

  /** The drop-in collection's constructor from any {@code Map} or {@code Collection}. */
  private MethodSpec dropInCopyConstructor() {
    TypeName source =
        hasValues
            ? ParameterizedTypeName.get(
                ClassName.get(Map.class),
                WildcardTypeName.subtypeOf(type("k")),
                WildcardTypeName.subtypeOf(type("v")))
            : ParameterizedTypeName.get(
                ClassName.get(Collection.class), WildcardTypeName.subtypeOf(type("k")));
    return MethodSpec.constructorBuilder()
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc(
            code(
                hasValues
                    ? """
                      Creates a map with the same mappings as {@code map}.

                      @param map the mappings to copy
                      @throws NullPointerException if {@code map} is null
                      """
                    : """
                      Creates a set with the same elements as {@code elements}.

                      @param elements the elements to copy
                      @throws NullPointerException if {@code elements} is null
                      """))
        .addParameter(source, (String) bound("source"))
        .addCode(
            code(
                """
                this(
                    $args:T.checkNotNull($source:L, "$source:L").size(),
                    $source:L instanceof $selfRaw:T$wildcards:L elastic
                        ? elastic.table.geometry().delta()
                        : $args:T.DEFAULT_DELTA);
                $addAll:L($source:L);
                """))
        .build();
  }

  /**
   * Position access: {@code keyAt}, {@code valueAt} and {@code setValueAt}, {@code removeAt},
   * {@code insert}, {@code rebuild} and {@code store}.
   */
  void addStorage(TypeSpec.Builder map) {
    MethodSpec.Builder keyAt =
        privateMethod("keyAt").returns(type("k")).addParameter(long.class, "position");
    if (key.isObject()) {
      keyAt
          .addAnnotation(UNCHECKED)
          .addStatement(
              code("return ($k:T) keys[$table:T.segment(position)][$table:T.slot(position)]"));
    } else {
      keyAt.addStatement(code("return keys[$table:T.segment(position)][$table:T.slot(position)]"));
    }
    map.addMethod(keyAt.build());
    if (hasValues) {
      addValueAccess(map);
    }
    MethodSpec.Builder removeAtPosition =
        privateMethod("removeAt")
            .addJavadoc(
                "Removes the $L at {@code position}, rehashing its $L.\n",
                bound("item"),
                key.isObject() ? "stored hash code" : "key")
            .addParameter(long.class, "position");
    if (key.isObject()) {
      removeAtPosition
          .addStatement(
              code(
                  "int hashCode ="
                      + " hashCodes[$table:T.segment(position)][$table:T.slot(position)]"))
          .addStatement(code("removeAt(position, table.hash($hashing:T.mix(hashCode)))"));
    } else {
      removeAtPosition.addStatement(code("removeAt(position, hashOf(keyAt(position)))"));
    }
    map.addMethod(removeAtPosition.build());
    MethodSpec.Builder hashAt =
        privateMethod("hashAt")
            .addJavadoc(
                "The table hash of the key stored at a live slot, from its $L.\n",
                key.isObject() ? "stored hash code" : "key")
            .returns(long.class)
            .addParameter(int.class, "segment")
            .addParameter(int.class, "slot");
    if (key.isObject()) {
      hashAt.addStatement(code("return table.hash($hashing:T.mix(hashCodes[segment][slot]))"));
    } else {
      hashAt.addStatement("return hashOf(keys[segment][slot])");
    }
    map.addMethod(hashAt.build());
    MethodSpec.Builder removeAt =
        privateMethod("removeAt")
            .addJavadoc(
                "Removes the $L at {@code position}, whose key has the mixed hash {@code hash}.\n",
                bound("item"))
            .addParameter(long.class, "position")
            .addParameter(long.class, "hash");
    removeAt.addStatement("$T hashes = slotHashes", SLOT_HASHES);
    removeAt.beginControlFlow("if (hashes == null)");
    removeAt.addStatement("hashes = this::hashAt");
    removeAt.addStatement("slotHashes = hashes");
    removeAt.endControlFlow();
    removeAt.addStatement("table.release(position, hash, hashes)");
    if (key.isObject()) {
      removeAt.addStatement(
          code("keys[$table:T.segment(position)][$table:T.slot(position)] = null"));
    }
    if (hasValues && value.isObject()) {
      removeAt.addStatement(
          code("values[$table:T.segment(position)][$table:T.slot(position)] = null"));
    }
    map.addMethod(removeAt.addStatement("modCount++").build());
    MethodSpec.Builder insert =
        privateMethod("insert")
            .addJavadoc(
                "Adds $L known to be absent, growing or rebuilding first if full.\n",
                hasValues ? "an entry for a key" : "an element")
            .addParameter(param("k", "key"));
    if (hasValues) {
      insert.addParameter(param("v", "value"));
    }
    insert.addParameter(long.class, "hash");
    if (key.isObject()) {
      insert.addParameter(long.class, "miss");
    }
    String claim = key.isObject() ? "table.claim(key, hash, miss)" : "table.claim(hash)";
    map.addMethod(
        insert
            .addCode(
                code(
                    """
                    long position = CLAIM;
                    // At most twice: a rebuild that met a crowded run asks for one with a fresh seed.
                    while (position == $table:T.NEEDS_RESIZE) {
                      rebuild(table.resized());
                      hash = hashOf(key);
                      position = CLAIM;
                    }
                    DECLARE_HASH_CODE
                    if ($table:T.segment(position) == 0) {
                      keys0[(int) position] = key;
                      STORE_HASH_CODE_IN_SEGMENT_ZERO
                      STORE_VALUE_IN_SEGMENT_ZERO
                    } else {
                      store(table, keysHASH_CODES_ARRAY$valuesArgument:L, position, keyHASH_CODE_VALUE$valueParameter:L);
                    }
                    modCount++;
                    """
                        .replace("CLAIM", claim)
                        .replace(
                            "DECLARE_HASH_CODE\n",
                            forObjectKeys("int hashCode = $hashing:T.unmix(hash, seed);\n"))
                        .replace(
                            "  STORE_HASH_CODE_IN_SEGMENT_ZERO\n",
                            forObjectKeys("  hashCodes0[(int) position] = hashCode;\n"))
                        .replace("HASH_CODES_ARRAY", forObjectKeys(", hashCodes"))
                        .replace("HASH_CODE_VALUE", forObjectKeys(", hashCode"))
                        .replace(
                            "  STORE_VALUE_IN_SEGMENT_ZERO\n",
                            hasValues ? "  values0[(int) position] = value;\n" : "")))
            .build());
    MethodSpec.Builder rebuild =
        privateMethod("rebuild")
            .addJavadoc(
                code(
                    """
                    Moves every $item:L into {@code target}, which may be larger or smaller.
                    The new arrays are filled before they replace the old ones, so a failure midway (out
                    of memory) leaves the $noun:L as it was.
                    """))
            .addParameter(TABLE, "target")
            .addCode(
                code(
                    """
                    int segments = target.geometry().segmentCount();
                    int slots = target.geometry().slots(0);
                    $kStore:T[][] targetKeys = new $kStore:T[segments][];
                    $kStore:T[] targetKeys0 = new $kStore:T[slots];
                    targetKeys[0] = targetKeys0;
                    """));
    if (key.isObject()) {
      rebuild.addCode(
          "int[][] targetHashCodes = new int[segments][];\n"
              + "int[] targetHashCodes0 = new int[slots];\n"
              + "targetHashCodes[0] = targetHashCodes0;\n");
    }
    if (hasValues) {
      rebuild.addCode(
          code(
              "$vStore:T[][] targetValues = new $vStore:T[segments][];\n"
                  + "$vStore:T[] targetValues0 = new $vStore:T[slots];\n"
                  + "targetValues[0] = targetValues0;\n"));
    }
    // Walks the group words directly rather than through nextLive: a rebuild moves every entry.
    rebuild.addCode(
        code(
            """
            for (int s = 0; s < table.activeSegments; s++) {
              long[] words = table.control[s];
              $kStore:T[] sourceKeys = keys[s];
              SOURCE_HASH_CODES
              SOURCE_VALUES
              for (int group = 0; group < words.length; group++) {
                for (long live = $control:T.matchLive(words[group]); live != 0; live &= live - 1) {
                  int slot = $table:T.firstSlot(group) + $control:T.lowestSlot(live);
                  $kStore:T key = sourceKeys[slot];
                  HASH_CODE_OF_KEY
                  CLAIM_TARGET_POSITION
                  if ($table:T.segment(targetPosition) == 0) {
                    targetKeys0[(int) targetPosition] = key;
                    STORE_HASH_CODE_IN_SEGMENT_ZERO
                    STORE_VALUE_IN_SEGMENT_ZERO
                  } else {
                    STORE_IN_TARGET
                  }
                }
              }
            }
            table = target;
            keys = targetKeys;
            HASH_CODES_ARE_TARGET
            """
                .replace(
                    "  SOURCE_HASH_CODES\n",
                    forObjectKeys("  int[] sourceHashCodes = hashCodes[s];\n"))
                .replace(
                    "      HASH_CODE_OF_KEY\n",
                    forObjectKeys("      int hashCode = sourceHashCodes[slot];\n"))
                .replace(
                    "        STORE_HASH_CODE_IN_SEGMENT_ZERO\n",
                    forObjectKeys("        targetHashCodes0[(int) targetPosition] = hashCode;\n"))
                .replace("HASH_CODES_ARE_TARGET\n", forObjectKeys("hashCodes = targetHashCodes;\n"))
                .replace("STORE_IN_TARGET", storeInTarget())
                .replace(
                    "  SOURCE_VALUES\n",
                    hasValues ? "  $vStore:T[] sourceValues = values[s];\n" : "")
                .replace("VALUE)", hasValues ? ", sourceValues[slot])" : ")")
                .replace(
                    "        STORE_VALUE_IN_SEGMENT_ZERO\n",
                    hasValues
                        ? "        targetValues0[(int) targetPosition] = sourceValues[slot];\n"
                        : "")
                .replace("CLAIM_TARGET_POSITION", rebuildClaim())));
    if (hasValues) {
      rebuild.addStatement("values = targetValues");
    }
    map.addMethod(rebuild.addStatement("cacheSegmentZero()").build());
    MethodSpec.Builder store =
        privateMethod("store")
            .addModifiers(Modifier.STATIC)
            .addJavadoc(
                "Writes $L at a claimed position, allocating the segment's $L on first use.\n",
                hasValues ? "an entry" : "an element",
                hasValues || key.isObject() ? "arrays" : "array")
            .addParameter(TABLE, "table")
            .addParameter(ArrayTypeName.of(ArrayTypeName.of(type("kStore"))), "keys");
    if (key.isObject()) {
      store.addParameter(int[][].class, "hashCodes");
    }
    if (hasValues) {
      store.addParameter(ArrayTypeName.of(ArrayTypeName.of(type("vStore"))), "values");
    }
    store.addParameter(long.class, "position").addParameter(param("kStore", "key"));
    if (key.isObject()) {
      store.addParameter(int.class, "hashCode");
    }
    store.addCode(
        code(
            """
            int s = $table:T.segment(position);
            int slot = $table:T.slot(position);
            if (keys[s] == null) {
              int slots = table.geometry().slots(s);
              keys[s] = new $kStore:T[slots];
            """));
    if (key.isObject()) {
      store.addCode("  hashCodes[s] = new int[slots];\n");
    }
    if (hasValues) {
      store
          .addParameter(param("vStore", "value"))
          .addCode(
              code(
                  """
                    values[s] = new $vStore:T[slots];
                  }
                  keys[s][slot] = key;
                  HASH_CODE
                  values[s][slot] = value;
                  """
                      .replace("HASH_CODE\n", forObjectKeys("hashCodes[s][slot] = hashCode;\n"))));
    } else {
      store.addCode(
          "}\nkeys[s][slot] = key;\n" + forObjectKeys("hashCodes[s][slot] = hashCode;\n"));
    }
    map.addMethod(store.build());
  }

  private void addValueAccess(TypeSpec.Builder map) {
    MethodSpec.Builder valueAt =
        privateMethod("valueAt").returns(type("v")).addParameter(long.class, "position");
    if (value.isObject()) {
      valueAt
          .addAnnotation(UNCHECKED)
          .addStatement(
              code("return ($v:T) values[$table:T.segment(position)][$table:T.slot(position)]"));
    } else {
      valueAt.addStatement(
          code("return values[$table:T.segment(position)][$table:T.slot(position)]"));
    }
    map.addMethod(valueAt.build());
    MethodSpec.Builder valueInSegmentZero =
        privateMethod("valueInSegmentZero")
            .addJavadoc("The value at {@code slot} of segment 0.\n")
            .returns(type("v"))
            .addParameter(int.class, "slot");
    if (value.isObject()) {
      valueInSegmentZero.addAnnotation(UNCHECKED).addStatement(code("return ($v:T) values0[slot]"));
    } else {
      valueInSegmentZero.addStatement("return values0[slot]");
    }
    map.addMethod(valueInSegmentZero.build());
    map.addMethod(
        privateMethod("setValueAt")
            .returns(type("v"))
            .addParameter(long.class, "position")
            .addParameter(param("v", "value"))
            .addStatement("$T previous = valueAt(position)", type("v"))
            .addStatement(
                code("values[$table:T.segment(position)][$table:T.slot(position)] = value"))
            .addStatement("return previous")
            .build());
  }

  /**
   * The statement of {@code rebuild} that stores an entry outside segment 0 of the target, wrapped
   * as google-java-format would wrap it at its indentation there (six levels) when it does not fit
   * on one line.
   */
  private String storeInTarget() {
    if (!key.isObject()) {
      return "store(target, targetKeys$targetValuesArgument:L, targetPosition, keyVALUE);";
    }
    if (!hasValues) {
      return "store(target, targetKeys, targetHashCodes, targetPosition, key, hashCode);";
    }
    return """
        store(
                    target,
                    targetKeys,
                    targetHashCodes,
                    targetValues,
                    targetPosition,
                    key,
                    hashCode,
                    sourceValues[slot]);""";
  }

  /**
   * The statement of {@code rebuild} that claims an entry's position in the target table, wrapped
   * as google-java-format would wrap it at its indentation there (six levels): object keys pass the
   * source position, so that keys redirected off a flooded probe run stay redirected.
   */
  private String rebuildClaim() {
    if (!key.isObject()) {
      return "long targetPosition = target.claimRebuilt(target.hash($hashing:T.mix(key)));";
    }
    return """
        long targetPosition =
                  target.claimRebuilt(
                      key, target.hash($hashing:T.mix(hashCode)), table, $table:T.position(s, slot));""";
  }
}
