package network.mtc.routing.sync;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * An immutable, sorted, duplicate-free snapshot of the item keys one side brings to a session. A session
 * works on a snapshot, so frames arriving meanwhile cannot shift ranges under the reconciler.
 *
 * @since 0.1
 */
public final class SyncItemSet {
  /** Most items a side reconciles in one session: a station's store, with headroom; 16 MiB of keys. */
  public static final int MAX_ITEMS = 1 << 20;

  private final ItemKey[] keys;

  private SyncItemSet(ItemKey[] sortedDistinct) {
    this.keys = sortedDistinct;
  }

  /** The set of {@code keys} (any order, duplicates dropped). */
  public static SyncItemSet of(Collection<ItemKey> keys) {
    if (keys.size() > MAX_ITEMS) {
      throw new IllegalArgumentException("at most " + MAX_ITEMS + " items");
    }
    ItemKey[] a = keys.toArray(new ItemKey[0]);
    Arrays.sort(a);
    int n = 0;
    for (int i = 0; i < a.length; i++) {
      if (n == 0 || a[n - 1].compareTo(a[i]) != 0) {
        a[n++] = a[i];
      }
    }
    return new SyncItemSet(Arrays.copyOf(a, n));
  }

  /** Number of items. */
  public int size() {
    return keys.length;
  }

  /** The i-th smallest key. */
  public ItemKey get(int i) {
    return keys[i];
  }

  /** True if {@code k} is in the set. */
  public boolean contains(ItemKey k) {
    return Arrays.binarySearch(keys, k) >= 0;
  }

  /** Index of the first key at or above {@code k} ({@link #size()} if none). */
  public int lowerIndex(ItemKey k) {
    int lo = 0;
    int hi = keys.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (keys[mid].compareTo(k) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Index of the first key at or above the bound ({@link #size()} for infinity). */
  public int indexOf(SyncBound b) {
    return b.isInfinite() ? keys.length : lowerIndex(b.key());
  }

  /** The keys in {@code [from, to)} as a list. */
  public List<ItemKey> slice(int from, int to) {
    return List.of(Arrays.copyOfRange(keys, from, to));
  }
}
