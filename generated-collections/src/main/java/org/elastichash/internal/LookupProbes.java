package org.elastichash.internal;

import static org.elastichash.runtime.ElasticTable.segment;
import static org.elastichash.runtime.ElasticTable.slot;

import org.elastichash.runtime.ControlBytes;
import org.elastichash.runtime.ElasticTable;
import org.elastichash.runtime.Hashing;

/**
 * Counts the groups a lookup inspects, walking a table's segments exactly as the generated maps'
 * lookups do: for the probe-count benchmarks and the core tests. Generated code does not call this,
 * so it stays out of the exported runtime.
 */
public final class LookupProbes {

  private LookupProbes() {}

  /**
   * Groups a lookup inspects to find the key of hash {@code hash} at {@code position}.
   *
   * @throws IllegalArgumentException if no lookup for that hash reaches the position
   */
  public static int toFind(ElasticTable table, long hash, long position) {
    int probes = walk(table, hash, segment(position), slot(position) / ControlBytes.GROUP_SLOTS);
    if (probes < 0) {
      throw new IllegalArgumentException("no lookup for that hash reaches position " + position);
    }
    return probes;
  }

  /** Groups a lookup inspects before it concludes that no key of hash {@code hash} is present. */
  public static int toMiss(ElasticTable table, long hash) {
    return -walk(table, hash, -1, -1) - 1;
  }

  /**
   * Walks the lookup of hash {@code hash} as the maps do: the groups it inspects up to and
   * including group {@code targetGroup} of segment {@code targetSegment}, or {@code -1 - g} if it
   * ends after {@code g} groups without reaching that group (always, for segment -1).
   */
  private static int walk(ElasticTable table, long hash, int targetSegment, int targetGroup) {
    int probes = 0;
    for (int s = 0; s < table.activeSegments; s++) {
      if (s > 0 && !mayBeBeyondSegmentZero(table, hash)) {
        break;
      }
      long[] words = table.control[s];
      int group = Hashing.startGroup(hash, s, words.length);
      int depth = ControlBytes.searchDepth(words[group], table.longestProbe[s]);
      for (int p = 1; ; p++) {
        probes++;
        if (s == targetSegment && group == targetGroup) {
          return probes;
        }
        if (p >= depth) {
          break;
        }
        group = Hashing.nextGroup(group, p, words.length);
      }
    }
    return -probes - 1;
  }

  /** Whether a key of this hash may be in a segment after the first: its start group counts one. */
  private static boolean mayBeBeyondSegmentZero(ElasticTable table, long hash) {
    long[] words = table.control[0];
    return ControlBytes.hasLater(words[Hashing.startGroup(hash, 0, words.length)]);
  }
}
