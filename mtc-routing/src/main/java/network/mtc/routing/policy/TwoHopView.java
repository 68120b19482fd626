package network.mtc.routing.policy;

import java.util.Arrays;

/**
 * What a node knows of its neighbourhood, as the relay decision reads it: up to {@link #MAX_NEIGHBOURS}
 * neighbours in numbered slots and, for each neighbour {@code x}, which other neighbours {@code x} hears
 * and how well (spec/routing-broadcast.md, section 2).
 *
 * <p>All qualities are announced integers (credits, eighths of a decade of loss, 0..{@link #CREDIT_MAX}):
 * <ul>
 *   <li>{@code creditOut(x)} = c(v, x): how well {@code x} hears this node, as {@code x} announced it;
 *   <li>{@code creditIn(x, w)} = c(w, x): how well {@code x} hears neighbour {@code w}, as {@code x}
 *       announced it (its announced 3-byte prefix of {@code w} matched against this node's neighbours).
 * </ul>
 * A link whose credit is below {@link #CREDIT_COUNTS} does not count as a link. Storage is fixed: a 64-bit
 * mask and 64 credit bytes per slot. Mutable and not thread-safe; the node runtime updates it from
 * verified ANNOUNCEs and the engine reads it.
 *
 * @since 0.1
 */
public final class TwoHopView {
  /** Slots: one bit per neighbour in a {@code long} mask, and the announce carries at most 64 entries. */
  public static final int MAX_NEIGHBOURS = 64;
  /** Largest credit: loss 10^-3, beyond which a radio link estimate means nothing. */
  public static final int CREDIT_MAX = 24;
  /** Smallest credit of a link that counts (loss about 0.56). */
  public static final int CREDIT_COUNTS = 2;

  /** Buckets of the prefix index: twice {@link #MAX_NEIGHBOURS}, so probe runs stay short. */
  private static final int PREFIX_BUCKETS = 2 * MAX_NEIGHBOURS;
  /** Low byte of a prefix-index entry whose prefix matches nothing (two neighbours share it). */
  private static final int SHARED = 0xFF;

  private long present;
  private final long[] address = new long[MAX_NEIGHBOURS];
  /** {@code prefixOf(address[s])}, kept with the address: prefix matching is the inner loop of a load. */
  private final int[] prefix = new int[MAX_NEIGHBOURS];
  private final int[] creditOut = new int[MAX_NEIGHBOURS];
  private final int[] degree = new int[MAX_NEIGHBOURS];
  private final boolean[] marked = new boolean[MAX_NEIGHBOURS];
  private final boolean[] truncated = new boolean[MAX_NEIGHBOURS];
  private final long[] hears = new long[MAX_NEIGHBOURS];
  private final byte[] creditIn = new byte[MAX_NEIGHBOURS * MAX_NEIGHBOURS];

  /**
   * Moves whenever what {@link Role#compute} reads may have changed: the neighbours (slots, addresses),
   * a degree, a MARKED flag or a {@code hears} mask. Credits alone leave it.
   */
  private long shapeVersion;
  /** The table {@link #load} read last, or null when a mutator changed the view since. */
  private NeighbourView loadedFrom;
  private long loadedVersion;
  private long loadedMembership;
  /**
   * The loaded neighbours by address prefix, for {@link #load}: open addressing over {@link
   * #PREFIX_BUCKETS} buckets (at most half full), each {@code prefix << 8 | slot + 1}, or {@code prefix << 8 |
   * SHARED} for a prefix two neighbours share, 0 if empty. Valid while the membership loaded last holds.
   */
  private final int[] prefixIndex = new int[PREFIX_BUCKETS];
  /**
   * Per slot, the table's {@link NeighbourView#announcedVersion} when the slot was read: a row depends
   * only on what its neighbour announced (and on membership, which reloads everything).
   */
  private final long[] loadedSlotVersion = new long[MAX_NEIGHBOURS];

  /** An empty view. */
  public TwoHopView() {}

  /**
   * Brings this view up to date with a node's neighbour table, keeping its slot numbers. Announced
   * adjacency entries are 3-byte prefixes: a prefix matches the neighbour whose address starts with it,
   * and a prefix that two neighbours share matches nothing.
   *
   * <p>The result is always the view a rebuild from scratch gives, but the work is incremental: nothing if
   * the table's version is the one loaded last; only the rows of slots whose announced content moved
   * ({@link NeighbourView#announcedVersion}) if no neighbour entered or
   * left ({@link NeighbourView#membershipVersion()}), since a row depends only on its own announce and on
   * which addresses are present; a rebuild otherwise.
   */
  public void load(NeighbourView table) {
    long version = table.version();
    if (table == loadedFrom && version == loadedVersion) {
      return;
    }
    long membership = table.membershipVersion();
    long live = table.presentMask() & (MAX_NEIGHBOURS == 64 ? -1L : (1L << MAX_NEIGHBOURS) - 1);
    if (table == loadedFrom && membership == loadedMembership && live == present) {
      for (long m = live; m != 0; m &= m - 1) {
        int x = Long.numberOfTrailingZeros(m);
        long sv = table.announcedVersion(x);
        if (sv != loadedSlotVersion[x]) {
          loadedSlotVersion[x] = sv;
          int oldDegree = degree[x];
          boolean oldMarked = marked[x];
          long oldHears = hears[x];
          loadScalars(table, x);
          loadRow(table, x);
          if (degree[x] != oldDegree || marked[x] != oldMarked || hears[x] != oldHears) {
            shapeVersion++;
          }
        }
      }
    } else {
      shapeVersion++;
      clearAll();
      for (long m = live; m != 0; m &= m - 1) {
        int x = Long.numberOfTrailingZeros(m);
        present |= 1L << x;
        loadedSlotVersion[x] = table.announcedVersion(x);
        loadScalars(table, x);
      }
      indexPrefixes();
      for (long m = live; m != 0; m &= m - 1) {
        loadRow(table, Long.numberOfTrailingZeros(m));
      }
    }
    loadedFrom = table;
    loadedVersion = version;
    loadedMembership = membership;
  }

  private void loadScalars(NeighbourView table, int x) {
    address[x] = table.address(x);
    prefix[x] = NeighbourView.prefixOf(address[x]);
    creditOut[x] = Math.min(CREDIT_MAX, table.outboundCredit(x));
    checkCredit(creditOut[x]);
    degree[x] = Math.max(0, table.adjacencyCount(x));
    int flags = table.flags(x);
    marked[x] = (flags & NeighbourView.FLAG_MARKED) != 0;
    truncated[x] = (flags & NeighbourView.FLAG_TRUNCATED) != 0;
  }

  /** Row {@code x} from its announce: the links it lists to this view's present neighbours. */
  private void loadRow(NeighbourView table, int x) {
    long row = 0;
    int base = x * MAX_NEIGHBOURS;
    Arrays.fill(creditIn, base, base + MAX_NEIGHBOURS, (byte) 0);
    int n = table.adjacencyCount(x);
    for (int i = 0; i < n; i++) {
      int w = matchLoaded(table.adjacencyPrefix(x, i));
      if (w >= 0 && w != x) {
        int credit = Math.min(CREDIT_MAX, table.adjacencyCredit(x, i));
        checkCredit(credit);
        if (credit < CREDIT_COUNTS) {
          row &= ~(1L << w);
          creditIn[base + w] = 0;
        } else {
          row |= 1L << w;
          creditIn[base + w] = (byte) credit;
        }
      }
    }
    hears[x] = row;
  }

  private void indexPrefixes() {
    Arrays.fill(prefixIndex, 0);
    for (long m = present; m != 0; m &= m - 1) {
      int s = Long.numberOfTrailingZeros(m);
      int p = prefix[s];
      int i = prefixBucket(p);
      while (prefixIndex[i] != 0 && prefixIndex[i] >>> 8 != p) {
        i = (i + 1) & (PREFIX_BUCKETS - 1);
      }
      prefixIndex[i] = p << 8 | (prefixIndex[i] == 0 ? s + 1 : SHARED);
    }
  }

  /** {@link #matchPrefix} through the prefix index built by {@link #load}. */
  private int matchLoaded(int p) {
    for (int i = prefixBucket(p); ; i = (i + 1) & (PREFIX_BUCKETS - 1)) {
      int e = prefixIndex[i];
      if (e == 0) {
        return -1;
      }
      if (e >>> 8 == p) {
        return (e & 0xFF) == SHARED ? -1 : (e & 0xFF) - 1;
      }
    }
  }

  private static int prefixBucket(int p) {
    return (p * 0x9E3779B1) >>> 25 & (PREFIX_BUCKETS - 1);
  }

  /** The slot of the only neighbour whose address has this 3-byte prefix, or -1 (none, or ambiguous). */
  public int matchPrefix(int prefix) {
    int found = -1;
    for (long m = present; m != 0; m &= m - 1) {
      int s = Long.numberOfTrailingZeros(m);
      if (this.prefix[s] == prefix) {
        if (found >= 0) {
          return -1;
        }
        found = s;
      }
    }
    return found;
  }

  /**
   * A counter that moves whenever the neighbours, a neighbour's degree, MARKED flag or {@link #hears}
   * mask may have changed (every mutator moves it; a {@link #load} that only changed credits does not), so
   * a caller can keep what it derived from those, such as the {@link Role}.
   */
  public long shapeVersion() {
    return shapeVersion;
  }

  /** Empties the view. */
  public void clear() {
    loadedFrom = null;
    shapeVersion++;
    clearAll();
  }

  private void clearAll() {
    present = 0;
    Arrays.fill(hears, 0);
    Arrays.fill(creditIn, (byte) 0);
  }

  /** Puts a neighbour in a given slot (replacing whatever was there, links included). */
  public void set(int slot, long address, int creditOut, int degree, boolean marked) {
    checkSlot(slot);
    checkCredit(creditOut);
    if ((present >>> slot & 1) != 0) {
      remove(slot);
    }
    loadedFrom = null;
    shapeVersion++;
    present |= 1L << slot;
    this.address[slot] = address;
    this.prefix[slot] = NeighbourView.prefixOf(address);
    this.creditOut[slot] = creditOut;
    this.degree[slot] = Math.max(0, degree);
    this.marked[slot] = marked;
    this.truncated[slot] = false;
    hears[slot] = 0;
    Arrays.fill(creditIn, slot * MAX_NEIGHBOURS, (slot + 1) * MAX_NEIGHBOURS, (byte) 0);
  }

  /**
   * Adds or updates a neighbour.
   *
   * @param address the neighbour's node address
   * @param creditOut c(v, x), 0..{@link #CREDIT_MAX}
   * @param degree the number of neighbours it announced (its priority in the role rules)
   * @param marked whether it announced itself MARKED
   * @return its slot, or -1 if the view is full
   */
  public int put(long address, int creditOut, int degree, boolean marked) {
    checkCredit(creditOut);
    if (degree < 0) {
      throw new IllegalArgumentException("degree must be >= 0");
    }
    int slot = slotOf(address);
    loadedFrom = null;
    shapeVersion++;
    if (slot < 0) {
      long free = ~present;
      if (free == 0) {
        return -1;
      }
      slot = Long.numberOfTrailingZeros(free);
      present |= 1L << slot;
      this.address[slot] = address;
      this.prefix[slot] = NeighbourView.prefixOf(address);
      hears[slot] = 0;
      Arrays.fill(creditIn, slot * MAX_NEIGHBOURS, (slot + 1) * MAX_NEIGHBOURS, (byte) 0);
    }
    this.creditOut[slot] = creditOut;
    this.degree[slot] = degree;
    this.marked[slot] = marked;
    this.truncated[slot] = false;
    return slot;
  }

  /** Removes the neighbour in {@code slot}, and every other neighbour's link to it. */
  public void remove(int slot) {
    checkSlot(slot);
    loadedFrom = null;
    shapeVersion++;
    present &= ~(1L << slot);
    hears[slot] = 0;
    long bit = 1L << slot;
    for (int x = 0; x < MAX_NEIGHBOURS; x++) {
      hears[x] &= ~bit;
      creditIn[x * MAX_NEIGHBOURS + slot] = 0;
    }
  }

  /**
   * Records that neighbour {@code x} announced neighbour {@code w} with credit c(w, x); a credit below
   * {@link #CREDIT_COUNTS} removes the link.
   */
  public void setHears(int x, int w, int credit) {
    checkSlot(x);
    checkSlot(w);
    checkCredit(credit);
    if (x == w) {
      throw new IllegalArgumentException("a neighbour does not hear itself");
    }
    loadedFrom = null;
    shapeVersion++;
    if (credit < CREDIT_COUNTS) {
      hears[x] &= ~(1L << w);
      creditIn[x * MAX_NEIGHBOURS + w] = 0;
    } else {
      hears[x] |= 1L << w;
      creditIn[x * MAX_NEIGHBOURS + w] = (byte) credit;
    }
  }

  /** Forgets every link {@code x} announced (before its new announce is applied). */
  public void clearHears(int x) {
    checkSlot(x);
    loadedFrom = null;
    shapeVersion++;
    hears[x] = 0;
    Arrays.fill(creditIn, x * MAX_NEIGHBOURS, (x + 1) * MAX_NEIGHBOURS, (byte) 0);
  }

  /** The slot of {@code address}, or -1. */
  public int slotOf(long address) {
    for (long m = present; m != 0; m &= m - 1) {
      int s = Long.numberOfTrailingZeros(m);
      if (this.address[s] == address) {
        return s;
      }
    }
    return -1;
  }

  /** The occupied slots as a bit mask. */
  public long presentMask() {
    return present;
  }

  /** Number of neighbours. */
  public int size() {
    return Long.bitCount(present);
  }

  /** The address in {@code slot}. */
  public long address(int slot) {
    return address[slot];
  }

  /** c(v, x) for the neighbour in {@code slot}. */
  public int creditOut(int slot) {
    return creditOut[slot];
  }

  /** The neighbour's announced degree. */
  public int degree(int slot) {
    return degree[slot];
  }

  /** The neighbour's announced MARKED flag. */
  public boolean marked(int slot) {
    return marked[slot];
  }

  /**
   * True if every node the neighbour announced is this node or one of its neighbours, so that no
   * transmitter it hears is hidden from this node: its degree is at most its links here plus one, and
   * its announce was not TRUNCATED.
   */
  public boolean complete(int x) {
    return !truncated[x] && degree[x] <= Long.bitCount(hears[x]) + 1;
  }

  /** The neighbours that {@code x} hears, as a mask of slots. */
  public long hears(int x) {
    return hears[x];
  }

  /** c(w, x), 0 if x does not hear w. */
  public int creditIn(int x, int w) {
    return creditIn[x * MAX_NEIGHBOURS + w];
  }

  /** True if either of two neighbours announced the other: the undirected adjacency of the role rules. */
  public boolean adjacent(int a, int b) {
    return (hears[a] >>> b & 1) != 0 || (hears[b] >>> a & 1) != 0;
  }

  private static void checkCredit(int credit) {
    if (credit < 0 || credit > CREDIT_MAX) {
      throw new IllegalArgumentException("credit must be 0.." + CREDIT_MAX);
    }
  }

  private static void checkSlot(int slot) {
    if (slot < 0 || slot >= MAX_NEIGHBOURS) {
      throw new IllegalArgumentException("slot must be 0..63");
    }
  }
}
