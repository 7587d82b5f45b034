package org.elastichash.internal;

import org.elastichash.runtime.ElasticTable;
import org.elastichash.runtime.SegmentGeometry;
import org.elastichash.runtime.SlotHashes;

/**
 * The hashes of a bare table's live keys by slot, for the probe-count benchmarks and the core tests
 * that drive an {@link ElasticTable} without a map: what a map's keys would tell the table when a
 * removal asks. Generated code does not call this, so it stays out of the exported runtime.
 */
public final class StoredHashes implements SlotHashes {

  private final long[][] bySlot;

  /**
   * Room for every slot of a table of this geometry.
   *
   * @param geometry the table's geometry
   */
  public StoredHashes(SegmentGeometry geometry) {
    bySlot = new long[geometry.segmentCount()][];
    for (int s = 0; s < bySlot.length; s++) {
      bySlot[s] = new long[geometry.slots(s)];
    }
  }

  /**
   * Records the hash of the key just claimed at {@code position}.
   *
   * @param position the claimed position
   * @param hash the key's table hash
   */
  public void put(long position, long hash) {
    bySlot[ElasticTable.segment(position)][ElasticTable.slot(position)] = hash;
  }

  @Override
  public long hashAt(int segment, int slot) {
    return bySlot[segment][slot];
  }
}
