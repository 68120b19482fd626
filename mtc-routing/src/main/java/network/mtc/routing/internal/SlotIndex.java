package network.mtc.routing.internal;

/**
 * The live slots of a {@link NeighbourTable} by a key: its link binding {@code (link index, peer)}, or its
 * address (as {@code (0, address)} in a second index). An open-addressing table with linear probing and
 * backward-shift deletion maps a key to a mask of slots, so the receive path finds a frame's transmitter
 * or source in one or two probes instead of scanning up to 64 slots. A key normally names one slot; the
 * mask keeps the index exact if two entries ever share one (the lowest slot wins, as a scan in slot order
 * would find it). Not thread-safe.
 *
 * <p>A bucket is three adjacent {@code long}s (peer, link index, slot mask; a zero mask marks it empty) in
 * one array, so a lookup, which in a simulation of many nodes rarely finds the node's data in cache,
 * touches one cache line where three parallel arrays would touch three.
 */
final class SlotIndex {
  private static final int PEER = 0;
  private static final int LINK = 1;
  private static final int SLOTS = 2;
  private static final int WIDTH = 3;

  private final long[] table;
  /** Buckets - 1 (a power of two minus one). */
  private final int mask;

  /** An index for a table of {@code capacity} slots (1..64); at most half the buckets are ever used. */
  SlotIndex(int capacity) {
    int buckets = Integer.highestOneBit(Math.max(1, capacity) * 2 - 1) << 1;
    table = new long[buckets * WIDTH];
    mask = buckets - 1;
  }

  /** The slots bound to {@code (linkIndex, linkPeer)} as a mask, 0 if none. */
  long slots(int linkIndex, long linkPeer) {
    long[] t = table;
    for (int i = bucket(linkIndex, linkPeer); ; i = (i + 1) & mask) {
      int b = i * WIDTH;
      long m = t[b + SLOTS];
      if (m == 0) {
        return 0;
      }
      if (t[b + PEER] == linkPeer && t[b + LINK] == linkIndex) {
        return m;
      }
    }
  }

  /** Binds {@code slot} to {@code (linkIndex, linkPeer)}. */
  void add(int linkIndex, long linkPeer, int slot) {
    int i = bucket(linkIndex, linkPeer);
    while (table[i * WIDTH + SLOTS] != 0
        && (table[i * WIDTH + PEER] != linkPeer || table[i * WIDTH + LINK] != linkIndex)) {
      i = (i + 1) & mask;
    }
    int b = i * WIDTH;
    table[b + PEER] = linkPeer;
    table[b + LINK] = linkIndex;
    table[b + SLOTS] |= 1L << slot;
  }

  /** Unbinds {@code slot} from {@code (linkIndex, linkPeer)}; nothing happens if it was not bound. */
  void remove(int linkIndex, long linkPeer, int slot) {
    int i = bucket(linkIndex, linkPeer);
    while (true) {
      int b = i * WIDTH;
      if (table[b + SLOTS] == 0) {
        return;
      }
      if (table[b + PEER] == linkPeer && table[b + LINK] == linkIndex) {
        break;
      }
      i = (i + 1) & mask;
    }
    table[i * WIDTH + SLOTS] &= ~(1L << slot);
    if (table[i * WIDTH + SLOTS] != 0) {
      return;
    }
    // Backward-shift deletion: pull later members of the probe run into the hole.
    int hole = i;
    for (int j = (hole + 1) & mask; table[j * WIDTH + SLOTS] != 0; j = (j + 1) & mask) {
      int home = bucket((int) table[j * WIDTH + LINK], table[j * WIDTH + PEER]);
      if (((j - home) & mask) >= ((j - hole) & mask)) {
        System.arraycopy(table, j * WIDTH, table, hole * WIDTH, WIDTH);
        table[j * WIDTH + SLOTS] = 0;
        hole = j;
      }
    }
  }

  private int bucket(int linkIndex, long linkPeer) {
    long h = (linkPeer ^ ((long) linkIndex << 32 | linkIndex)) * 0x9E3779B97F4A7C15L;
    return (int) (h >>> 40) & mask;
  }
}
