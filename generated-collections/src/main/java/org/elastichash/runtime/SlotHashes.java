package org.elastichash.runtime;

/**
 * What a table asks of its map when a removal takes the deepest key off its start group's reach
 * (see {@link ControlBytes}): the hash of the key stored at a live slot, from which the table tells
 * the next deepest key of that start group among the few groups in between. The table stores
 * fingerprints only, so it cannot tell a key's start group on its own.
 */
@FunctionalInterface
public interface SlotHashes {

  /**
   * The table hash of the key at a live slot: {@link ElasticTable#hash} of its {@link Hashing#mix
   * mix}, the hash the key was claimed with unless the table redirected it.
   *
   * @param segment the slot's segment
   * @param slot the slot index in the segment
   * @return the key's table hash
   */
  long hashAt(int segment, int slot);
}
