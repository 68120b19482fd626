package network.mtc.routing.internal;

/**
 * Unicast routes learned from reverse paths (spec/routing-unicast.md section 3): for each destination the
 * neighbour to hand frames to, the hop count and an expiry. Bounded: at most {@code capacity} entries;
 * when full, a new destination replaces the entry that expires first. The arrays are created at the first
 * route learned, so a node that never carries unicast pays nothing. Lookups scan the entries, which at the
 * 64-256 entries a node holds is cheaper than hashing and allocates nothing.
 */
public final class RouteTable {
  private final int capacity;
  private final long lifetimeMillis;
  private long[] destination;
  private long[] nextHop;
  private int[] hops;
  private long[] expiresAt;
  private int size;

  /**
   * @param capacity most entries held
   * @param lifetimeMillis how long a route lives after it was last learned or confirmed
   */
  public RouteTable(int capacity, long lifetimeMillis) {
    if (capacity < 1 || lifetimeMillis < 1) {
      throw new IllegalArgumentException("capacity and lifetime must be positive");
    }
    this.capacity = capacity;
    this.lifetimeMillis = lifetimeMillis;
  }

  /** What {@link #learn} did. */
  public enum Learned {
    /** A destination without a live route got one. */
    ADDED,
    /** The live route changed next hop (strictly fewer hops) or was refreshed through the same one. */
    UPDATED,
    /** The live route is as short and goes through another neighbour: kept unchanged. */
    KEPT
  }

  /**
   * A frame from {@code dest} arrived through neighbour {@code via} after {@code hopCount} hops. The route
   * is taken if there is no live one, if it goes through the same neighbour (refreshed, hop count
   * replaced), or if it is strictly shorter.
   */
  public Learned learn(long dest, long via, int hopCount, long now) {
    if (destination == null) {
      destination = new long[capacity];
      nextHop = new long[capacity];
      hops = new int[capacity];
      expiresAt = new long[capacity];
    }
    int i = indexOf(dest);
    if (i >= 0 && expiresAt[i] > now) {
      if (nextHop[i] != via && hopCount >= hops[i]) {
        return Learned.KEPT;
      }
      nextHop[i] = via;
      hops[i] = hopCount;
      expiresAt[i] = now + lifetimeMillis;
      return Learned.UPDATED;
    }
    if (i < 0) {
      if (size < capacity) {
        i = size++;
      } else {
        i = 0;
        for (int k = 1; k < size; k++) {
          if (expiresAt[k] < expiresAt[i]) {
            i = k;
          }
        }
      }
    }
    destination[i] = dest;
    nextHop[i] = via;
    hops[i] = hopCount;
    expiresAt[i] = now + lifetimeMillis;
    return Learned.ADDED;
  }

  /** The next hop of a live route to {@code dest}, or 0 if there is none. */
  public long nextHop(long dest, long now) {
    int i = indexOf(dest);
    return i >= 0 && expiresAt[i] > now ? nextHop[i] : 0;
  }

  /** The hop count of a live route to {@code dest}, or -1. */
  public int hops(long dest, long now) {
    int i = indexOf(dest);
    return i >= 0 && expiresAt[i] > now ? hops[i] : -1;
  }

  /** Forgets the route to {@code dest} (its next hop did not acknowledge). */
  public void remove(long dest) {
    int i = indexOf(dest);
    if (i >= 0) {
      expiresAt[i] = Long.MIN_VALUE;
    }
  }

  /** Entries held, expired ones included until they are replaced. */
  public int size() {
    return size;
  }

  /** The bound on entries. */
  public int capacity() {
    return capacity;
  }

  private int indexOf(long dest) {
    long[] d = destination;
    if (d == null) {
      return -1;
    }
    for (int i = 0; i < size; i++) {
      if (d[i] == dest) {
        return i;
      }
    }
    return -1;
  }
}
