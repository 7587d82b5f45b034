package org.elastichash.runtime;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Where an object-key table keeps the keys that would flood one probe sequence: many distinct keys
 * with one {@code hashCode} (or hash codes crafted to share a fingerprint and a start group), which
 * would otherwise make every operation on them walk all the others, as {@code java.util.HashMap}
 * without tree bins would.
 *
 * <p>A lookup counts the keys whose fingerprint matched but that were not equal to its key. When an
 * insertion's lookup counted {@link #FLOOD_THRESHOLD} or more, the key is <em>redirected</em>: it
 * is still stored in the table (so iteration, views and serialization see it as any other entry),
 * but at a slot claimed with a substitute hash drawn from a per-table sequence, which scatters the
 * flooding keys over the table instead of lining them up along one probe run; and it is indexed
 * here, in a tree ordered by hash code, then class, then {@code compareTo} when the class is
 * comparable to itself. Keys that compare equal in that order without being equal (two keys of a
 * non-comparable class with one hash code, or {@code BigDecimal} 1.0 and 1.00) share a bucket,
 * searched linearly with {@code equals}, as {@code HashMap}'s tree bins search them. So an
 * operation on a flooded hash costs {@code FLOOD_THRESHOLD} comparisons along the probe run plus
 * {@code O(log n)} in the tree for comparable keys, and is linear only where {@code HashMap} is.
 *
 * <p>A table without redirected keys has no index ({@link ElasticTable#collisions} is null), so a
 * lookup's miss path pays one null check for all this.
 */
public final class CollisionIndex {

  /**
   * Unequal keys with a matching fingerprint that an insertion's lookup may pass before the key is
   * redirected. Random keys get about 0.1 such matches per lookup, so they are never redirected.
   */
  public static final int FLOOD_THRESHOLD = 8;

  /**
   * The class {@link #compareKeys} last asked about, so a flood of one class asks once. Racy by
   * design: a record's fields are final, so any thread sees a whole one, if maybe an older one.
   */
  private static Comparability lastAsked = new Comparability(Object.class, false);

  /** Whether instances of {@code type} compare with each other by their own compareTo. */
  private record Comparability(Class<?> type, boolean selfComparable) {}

  /** Whether each class's instances can be compared with each other by their own compareTo. */
  private static final ClassValue<Boolean> SELF_COMPARABLE =
      new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
          return isSelfComparable(type);
        }
      };

  /** A redirected entry: its key, where it is, and the hash its slot was claimed with. */
  private static final class Entry {
    final Object key;
    final long position;
    final long claimHash;
    Entry next;

    Entry(Object key, long position, long claimHash, Entry next) {
      this.key = key;
      this.position = position;
      this.claimHash = claimHash;
      this.next = next;
    }
  }

  /** Buckets of keys that compare equal in {@link #compareKeys} order. */
  private final TreeMap<Object, Entry> byKey;

  /** Every redirected entry by position, for removals and rebuilds that come by position. */
  private final HashMap<Long, Entry> byPosition;

  CollisionIndex() {
    this.byKey = new TreeMap<>(CollisionIndex::compareKeys);
    this.byPosition = new HashMap<>();
  }

  /** A deep copy: no bucket is shared. */
  CollisionIndex(CollisionIndex other) {
    this();
    for (Entry e : other.byPosition.values()) {
      add(e.key, e.position, e.claimHash);
    }
  }

  /**
   * The value a lookup returns for a miss after {@code failedComparisons} unequal keys with a
   * matching fingerprint: negative, like every miss.
   *
   * @param failedComparisons unequal keys with the fingerprint the lookup compared
   * @return the miss value, at most -1
   */
  public static long miss(int failedComparisons) {
    return -1L - failedComparisons;
  }

  /**
   * Whether an insertion after a lookup that returned {@code miss} should be redirected: its lookup
   * passed {@link #FLOOD_THRESHOLD} or more unequal keys with its fingerprint.
   *
   * @param miss what the lookup returned
   * @return whether to redirect the insertion
   */
  public static boolean floods(long miss) {
    return miss <= -1L - FLOOD_THRESHOLD;
  }

  /**
   * The end of a lookup that did not find {@code key} along its probe sequence: the position of
   * {@code key} if {@code index} holds it redirected, else {@link #miss miss(failedComparisons)}.
   *
   * @param index the table's {@link ElasticTable#collisions}, null when nothing is redirected
   * @param key the key looked up
   * @param failedComparisons unequal keys with its fingerprint the lookup passed
   * @return the key's position, or a miss
   */
  public static long find(CollisionIndex index, Object key, int failedComparisons) {
    return index == null ? miss(failedComparisons) : index.positionOf(key, failedComparisons);
  }

  private long positionOf(Object key, int failedComparisons) {
    for (Entry e = byKey.get(key); e != null; e = e.next) {
      if (Objects.equals(e.key, key)) {
        return e.position;
      }
    }
    return miss(failedComparisons);
  }

  /**
   * Redirected entries.
   *
   * @return the number of redirected entries
   */
  public int size() {
    return byPosition.size();
  }

  /** Whether the entry at {@code position} is redirected. */
  boolean holds(long position) {
    return byPosition.containsKey(position);
  }

  /** The hash the entry at {@code position} was claimed with: its substitute hash if redirected. */
  long claimHashAt(long position, long hash) {
    Entry entry = byPosition.get(position);
    return entry == null ? hash : entry.claimHash;
  }

  void add(Object key, long position, long claimHash) {
    Entry entry = new Entry(key, position, claimHash, null);
    Entry bucket = byKey.putIfAbsent(key, entry);
    if (bucket != null) {
      entry.next = bucket.next;
      bucket.next = entry;
    }
    byPosition.put(position, entry);
  }

  /**
   * Forgets the entry at {@code position} if it is redirected, returning the hash its slot was
   * claimed with; else returns {@code hash}, the key's own.
   */
  long remove(long position, long hash) {
    Entry entry = byPosition.remove(position);
    if (entry == null) {
      return hash;
    }
    // Remove the bucket, then put back what stays: a put over a compare-equal key would keep the
    // removed key in the tree.
    Entry bucket = byKey.remove(entry.key);
    if (bucket == entry) {
      bucket = entry.next;
    } else {
      Entry before = bucket;
      while (before.next != entry) {
        before = before.next;
      }
      before.next = entry.next;
    }
    if (bucket != null) {
      byKey.put(bucket.key, bucket);
    }
    return entry.claimHash;
  }

  /**
   * The substitute hash for the {@code n}-th redirection of a table: SplitMix64's finalizer over a
   * Weyl sequence, so consecutive redirections land in unrelated groups of every segment.
   */
  static long substituteHash(long n) {
    long z = n * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /**
   * The index's order: hash code, then class (by name, then by identity for classes of one name
   * from different loaders), then {@code compareTo} for classes comparable to themselves; 0 for
   * keys the index cannot tell apart, which share a bucket.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static int compareKeys(Object a, Object b) {
    if (a == b) {
      return 0;
    }
    int byHash = Integer.compare(Objects.hashCode(a), Objects.hashCode(b));
    if (byHash != 0) {
      return byHash;
    }
    if (a == null || b == null) {
      return a == null ? -1 : 1;
    }
    Class<?> ca = a.getClass();
    Class<?> cb = b.getClass();
    if (ca != cb) {
      int byName = ca.getName().compareTo(cb.getName());
      return byName != 0
          ? byName
          : Integer.compare(System.identityHashCode(ca), System.identityHashCode(cb));
    }
    Comparability known = lastAsked;
    if (known.type() != ca) {
      known = new Comparability(ca, SELF_COMPARABLE.get(ca));
      lastAsked = known;
    }
    return known.selfComparable() ? ((Comparable) a).compareTo(b) : 0;
  }

  /**
   * Whether {@code type} or a superclass declares {@code Comparable<T>} for a {@code T} that {@code
   * type} extends, so that two instances of {@code type} can be compared without a {@link
   * ClassCastException}; enums always can.
   */
  private static boolean isSelfComparable(Class<?> type) {
    if (Enum.class.isAssignableFrom(type)) {
      return true;
    }
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      for (Type declared : c.getGenericInterfaces()) {
        if (declared instanceof ParameterizedType p
            && p.getRawType() == Comparable.class
            && p.getActualTypeArguments()[0] instanceof Class<?> argument
            && argument.isAssignableFrom(type)) {
          return true;
        }
      }
    }
    return false;
  }
}
