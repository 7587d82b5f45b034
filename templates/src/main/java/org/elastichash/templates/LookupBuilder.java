package org.elastichash.templates;

import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;

/**
 * Lookup: {@code indexOf}, the segment-0 fast path and the rest of the walk ({@code
 * indexOfBeyond}), and the boxed-key and boxed-value helpers of primitive maps.
 */
final class LookupBuilder extends TemplateBuilder {

  LookupBuilder(TemplateContext context) {
    super(context);
  }

  /** {@code indexOf} by key and by key and hash, and the boxed-argument lookups of the views. */
  void addLookup(TypeSpec.Builder map) {
    map.addMethod(
        privateMethod("indexOf")
            .addJavadoc(
                "The position of {@code key}, or $L if it is absent.\n",
                key.isObject() ? "a negative miss" : "-1")
            .returns(long.class)
            .addParameter(param("kQuery", "key"))
            .addStatement("return indexOf(key, hashOf(key))")
            .build());
    map.addMethod(
        privateMethod("hashOf")
            .addJavadoc(
                "The hash this $L places {@code key} by: its mix, with the table's seed if it has"
                    + " one.\n",
                bound("noun"))
            .returns(long.class)
            .addParameter(param("kQuery", "key"))
            .addStatement(code("return $hashing:T.seeded($hashing:T.mix(key), seed)"))
            .build());
    // Object keys count the unequal keys whose fingerprint matched, so that an insertion knows
    // whether its key floods the probe sequence, and end a miss in the collision index.
    boolean counted = key.isObject();
    String missReturn =
        counted ? "return $collisions:T.find(table.collisions, key, failed);" : "return -1;";
    String missDoc =
        counted
            ? "\n\n<p>A miss is negative: {@link $collisions:T#miss} of the unequal keys whose"
                + " fingerprint\nmatched, which tells an insertion whether its key floods the probe"
                + " sequence. Keys that\nflooded it are found in the table's collision index."
            : "";
    map.addMethod(
        privateMethod("indexOf")
            .addJavadoc(
                code(
                    """
                    The position of {@code key}, whose hash is {@code hash}, or MISS if it is absent.
                    Inspects the key's first group in segment 0, where most keys are; a miss there is
                    final when the group's metadata says that no key went on from it.DOC
                    """
                        .replace("MISS", counted ? "a miss" : "-1")
                        .replace("DOC", missDoc)))
            .returns(long.class)
            .addParameter(param("kQuery", "key"))
            .addParameter(long.class, "hash")
            .addCode(firstGroupLookup("return slot;", null))
            .build());
    MethodSpec.Builder pastFirstGroup =
        privateMethod("indexOfPastFirstGroup")
            .addJavadoc(
                "The rest of a lookup of {@code key} whose first segment-0 group, {@code start}"
                    + " with group\nword {@code startWord}, does not hold it: a miss when that"
                    + " group's metadata byte is\nzero, else {@code indexOfBeyond}.\n")
            .returns(long.class);
    addRestOfLookupParameters(pastFirstGroup);
    map.addMethod(
        pastFirstGroup
            .addCode(
                code(
                    """
                    if ($control:T.hasMetadata(startWord)) {
                      return indexOfBeyond(key, hash, HASH_CODE_ARGUMENTstart, startWordFAILED_ARGUMENT);
                    }
                    MISS
                    """
                        .replace("HASH_CODE_ARGUMENT", counted ? "hashCode, " : "")
                        .replace("FAILED_ARGUMENT", counted ? ", failed" : "")
                        .replace("MISS", missReturn)))
            .build());
    MethodSpec.Builder beyond =
        privateMethod("indexOfBeyond")
            .addJavadoc(
                code(
                    """
                    The rest of a lookup of {@code key} whose first segment-0 group, {@code start} with
                    group word {@code startWord}, does not hold it. Within each segment it follows the
                    key's probe sequence as far as the reach of its start group there says the deepest
                    key starting there went; segments after the first are searched only if the later
                    count of {@code startWord} says a key went there.
                    """))
            .returns(long.class);
    addRestOfLookupParameters(beyond);
    map.addMethod(
        beyond
            .addCode(
                code(
                    """
                    long fingerprints = $control:T.broadcast($control:T.fingerprint(hash));
                    $table:T table = this.table;
                    int depth = $control:T.searchDepth(startWord, table.longestProbe[0]);
                    if (depth > 1) {
                      long[] control = control0;
                      int group = start;
                      for (int probes = 2; probes <= depth; probes++) {
                        group = $hashing:T.nextGroup(group, probes - 1, control.length);
                        long word = control[group];
                        int first = $table:T.firstSlot(group);
                        for (long matches = $control:T.matchFingerprint(word, fingerprints);
                            matches != 0;
                            matches &= matches - 1) {
                          int slot = first + $control:T.lowestSlot(matches);
                          if ($keyMatchesInSegmentZero:L) {
                            return slot;
                          }
                          COUNT_FAILED
                        }
                      }
                    }
                    if (!$control:T.hasLater(startWord)) {
                      MISS
                    }
                    for (int s = 1; s < table.activeSegments; s++) {
                      long[] control = table.control[s];
                      $kStore:T[] segmentKeys = keys[s];
                      SEGMENT_HASH_CODES
                      int group = $hashing:T.startGroup(hash, s, control.length);
                      depth = $control:T.searchDepth(control[group], table.longestProbe[s]);
                      for (int probes = 1; ; probes++) {
                        long word = control[group];
                        int first = $table:T.firstSlot(group);
                        for (long matches = $control:T.matchFingerprint(word, fingerprints);
                            matches != 0;
                            matches &= matches - 1) {
                          int slot = first + $control:T.lowestSlot(matches);
                          if ($keyMatches:L) {
                            return $table:T.position(s, slot);
                          }
                          COUNT_FAILED
                        }
                        if (probes >= depth) {
                          break;
                        }
                        group = $hashing:T.nextGroup(group, probes, control.length);
                      }
                    }
                    MISS
                    """
                        .replace("      COUNT_FAILED\n", counted ? "      failed++;\n" : "")
                        .replace(
                            "  SEGMENT_HASH_CODES\n",
                            counted ? "  int[] segmentHashCodes = hashCodes[s];\n" : "")
                        .replace("MISS", missReturn)))
            .build());
    if (!key.isObject()) {
      map.addMethod(
          privateMethod("indexOfBoxed")
              .addJavadoc(
                  "The position of a boxed key, or -1 if it is absent or not a {@code $T}.\n",
                  key.boxed())
              .returns(long.class)
              .addParameter(Object.class, "key")
              .addStatement(
                  "return key instanceof $T ? indexOf(($T) key) : -1", key.boxed(), key.boxed())
              .build());
    }
    if (hasValues && !value.isObject()) {
      map.addMethod(
          privateMethod("containsBoxedValue")
              .addJavadoc(
                  "Whether some key maps to a boxed value; false if it is not a {@code $T}.\n",
                  value.boxed())
              .returns(boolean.class)
              .addParameter(Object.class, "value")
              .addStatement(
                  "return value instanceof $T && containsValue(($T) value)",
                  value.boxed(),
                  value.boxed())
              .build());
    }
  }

  /**
   * The parameters of the methods that go on with a lookup past its first segment-0 group: the key,
   * its hash (and for object keys its hash code), that group and its word, and for object keys the
   * unequal keys its fingerprint matched.
   */
  private void addRestOfLookupParameters(MethodSpec.Builder method) {
    method.addParameter(param("kQuery", "key")).addParameter(long.class, "hash");
    if (key.isObject()) {
      method.addParameter(int.class, "hashCode");
    }
    method.addParameter(int.class, "start").addParameter(long.class, "startWord");
    if (key.isObject()) {
      method.addParameter(int.class, "failed");
    }
  }
}
