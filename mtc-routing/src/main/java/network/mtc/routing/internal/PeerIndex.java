package network.mtc.routing.internal;

/**
 * The live slots of a {@link NeighbourTable} by link binding ({@code (link index, peer)} to a mask of
 * slots): an open-addressing table with linear probing and backward-shift deletion, so the receive path
 * finds a frame's transmitter in one or two probes instead of scanning up to 64 slots. A binding normally
 * names one slot; the mask keeps the table exact if two entries ever share one (the lowest slot wins, as a
 * scan in slot order would find it). Not thread-safe.
 */
final class PeerIndex {
  private final int[] link;
  private final long[] peer;
  /** Slots bound to the key; 0 marks an empty bucket. */
  private final long[] slots;
  private final int mask;

  /** An index for a table of {@code capacity} slots (1..64); at most half the buckets are ever used. */
  PeerIndex(int capacity) {
    int buckets = Integer.highestOneBit(Math.max(1, capacity) * 2 - 1) << 1;
    link = new int[buckets];
    peer = new long[buckets];
    slots = new long[buckets];
    mask = buckets - 1;
  }

  /** The slots bound to {@code (linkIndex, linkPeer)} as a mask, 0 if none. */
  long slots(int linkIndex, long linkPeer) {
    for (int i = bucket(linkIndex, linkPeer); ; i = (i + 1) & mask) {
      long m = slots[i];
      if (m == 0) {
        return 0;
      }
      if (peer[i] == linkPeer && link[i] == linkIndex) {
        return m;
      }
    }
  }

  /** Binds {@code slot} to {@code (linkIndex, linkPeer)}. */
  void add(int linkIndex, long linkPeer, int slot) {
    int i = bucket(linkIndex, linkPeer);
    while (slots[i] != 0 && (peer[i] != linkPeer || link[i] != linkIndex)) {
      i = (i + 1) & mask;
    }
    link[i] = linkIndex;
    peer[i] = linkPeer;
    slots[i] |= 1L << slot;
  }

  /** Unbinds {@code slot} from {@code (linkIndex, linkPeer)}; nothing happens if it was not bound. */
  void remove(int linkIndex, long linkPeer, int slot) {
    int i = bucket(linkIndex, linkPeer);
    while (true) {
      if (slots[i] == 0) {
        return;
      }
      if (peer[i] == linkPeer && link[i] == linkIndex) {
        break;
      }
      i = (i + 1) & mask;
    }
    slots[i] &= ~(1L << slot);
    if (slots[i] != 0) {
      return;
    }
    // Backward-shift deletion: pull later members of the probe run into the hole.
    int hole = i;
    for (int j = (hole + 1) & mask; slots[j] != 0; j = (j + 1) & mask) {
      int home = bucket(link[j], peer[j]);
      if (((j - home) & mask) >= ((j - hole) & mask)) {
        link[hole] = link[j];
        peer[hole] = peer[j];
        slots[hole] = slots[j];
        slots[j] = 0;
        hole = j;
      }
    }
  }

  private int bucket(int linkIndex, long linkPeer) {
    long h = (linkPeer ^ ((long) linkIndex << 32 | linkIndex)) * 0x9E3779B97F4A7C15L;
    return (int) (h >>> 40) & mask;
  }
}
