package network.mtc.routing.internal;

/**
 * The live slots of a {@link NeighbourTable} by a key held in the table's own arrays: its link binding
 * ({@code link[s], peer[s]}) or its address ({@code address[s]}), so the receive path finds a frame's
 * transmitter or source in one or two probes instead of scanning up to 64 slots.
 *
 * <p>Open addressing with linear probing and backward-shift deletion over {@code byte} buckets holding
 * {@code slot + 1} (0 is empty); the keys are not copied but read from the table's arrays, so an index
 * costs two bytes per slot. The table must {@link #remove} a slot before it overwrites the slot's key. A key
 * normally names one slot; if two live slots ever share one, a lookup returns the lower, as a scan in slot
 * order would. Not thread-safe.
 */
final class SlotIndex {
  private final long[] keys;
  /** The second key component per slot (link index), or null when the key is {@code keys[s]} alone. */
  private final int[] links;
  private final byte[] buckets;
  private final int mask;

  /**
   * An index over slots {@code 0..keys.length-1} (at most 64); at most half its buckets are ever used.
   *
   * @param links the link index of each slot, or null to key by {@code keys} alone
   */
  SlotIndex(long[] keys, int[] links) {
    if (keys.length < 1 || keys.length > 64) {
      throw new IllegalArgumentException("1..64 slots");
    }
    this.keys = keys;
    this.links = links;
    int n = Integer.highestOneBit(keys.length * 2 - 1) << 1;
    buckets = new byte[n];
    mask = n - 1;
  }

  /** The lowest live slot whose key is {@code (link, key)}, or -1 ({@code link} is ignored without links). */
  int find(int link, long key) {
    int found = -1;
    for (int i = bucket(link, key); ; i = (i + 1) & mask) {
      int s = buckets[i] - 1;
      if (s < 0) {
        return found;
      }
      if (keys[s] == key && (links == null || links[s] == link) && (found < 0 || s < found)) {
        found = s;
      }
    }
  }

  /** Indexes {@code slot} under its current key. */
  void add(int slot) {
    int i = bucket(linkOf(slot), keys[slot]);
    while (buckets[i] != 0) {
      i = (i + 1) & mask;
    }
    buckets[i] = (byte) (slot + 1);
  }

  /** Forgets {@code slot} (indexed under its current key); nothing happens if it is not indexed. */
  void remove(int slot) {
    int i = bucket(linkOf(slot), keys[slot]);
    while (buckets[i] != slot + 1) {
      if (buckets[i] == 0) {
        return;
      }
      i = (i + 1) & mask;
    }
    // Backward-shift deletion: pull later members of the probe run into the hole.
    int hole = i;
    for (int j = (hole + 1) & mask; buckets[j] != 0; j = (j + 1) & mask) {
      int s = buckets[j] - 1;
      int home = bucket(linkOf(s), keys[s]);
      if (((j - home) & mask) >= ((j - hole) & mask)) {
        buckets[hole] = buckets[j];
        hole = j;
      }
    }
    buckets[hole] = 0;
  }

  private int linkOf(int slot) {
    return links == null ? 0 : links[slot];
  }

  private int bucket(int link, long key) {
    long h = (key ^ (links == null ? 0 : (long) link << 32 | link)) * 0x9E3779B97F4A7C15L;
    return (int) (h >>> 40) & mask;
  }
}
