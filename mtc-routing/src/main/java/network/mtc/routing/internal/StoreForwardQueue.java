package network.mtc.routing.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import network.mtc.routing.sync.ItemKey;

/**
 * Frames held for destinations that are unreachable now (spec/routing-sync.md, section 2), handed over
 * when a neighbour, a route or a station appears. Only frames with {@code expires_at} are held, each until
 * it expires.
 *
 * <p>Entries are ordered by {@link ItemKey} (expires_at first), which is at once the eviction order (when
 * full: expired frames, then the earliest {@code expires_at}), the handover order and the order the
 * reconciler needs; the order never depends on hashing. Bounds: {@code maxFrames} frames and {@code
 * maxBytes} bytes in total, and at most 1/8 of either per source, so one sender cannot fill the queue.
 * Sources the caller does not know (STRANGER class: any freshly minted address) share a single 1/8 quota,
 * so a flood of forged source addresses can hold at most 1/8 of the queue however many addresses it mints.
 * Not thread-safe: the node's event loop owns it.
 */
public final class StoreForwardQueue {
  /** Phone default (design 1.4): 256 frames. */
  public static final int DEFAULT_MAX_FRAMES = 256;
  /** Phone default (design 1.4): 256 KiB. */
  public static final int DEFAULT_MAX_BYTES = 256 * 1024;
  /** A source's share of the queue: 1/QUOTA_DIVISOR of the frames and of the bytes. */
  public static final int QUOTA_DIVISOR = 8;
  /** The quota key of every STRANGER source (not a valid address's role: it is never looked up as one). */
  private static final long STRANGERS = 0;

  /** What {@link #offer} did. */
  public enum Outcome {
    /** Held. */
    STORED,
    /** The same frame (up to its hop limit) is already held. */
    DUPLICATE,
    /** Expired already (or no expires_at): not held. */
    EXPIRED,
    /** Larger than the byte bound allows. */
    TOO_LARGE,
    /** The source (or the strangers together) already hold their share. */
    SOURCE_QUOTA,
    /** Full of live frames that expire later than this one. */
    QUEUE_FULL
  }

  /**
   * One held frame.
   *
   * @param key its reconciliation key (expires_at first)
   * @param frame the encoded frame, as received (never modified; a handover resets nothing)
   * @param source the source address value
   * @param destination the destination address value, meaningful if {@code unicast}
   */
  public record Held(ItemKey key, byte[] frame, long source, boolean unicast, long destination,
      boolean stranger) {}

  private final int maxFrames;
  private final int maxBytes;
  private final TreeMap<ItemKey, Held> byKey = new TreeMap<>();
  /** Per quota key: {frames, bytes}. Lookups only, never iterated, so hash order cannot leak. */
  private final Map<Long, int[]> usage = new HashMap<>();
  private int bytes;

  /** A queue with the phone defaults. */
  public StoreForwardQueue() {
    this(DEFAULT_MAX_FRAMES, DEFAULT_MAX_BYTES);
  }

  /** A queue of at most {@code maxFrames} frames and {@code maxBytes} bytes (each at least 8). */
  public StoreForwardQueue(int maxFrames, int maxBytes) {
    if (maxFrames < QUOTA_DIVISOR || maxBytes < QUOTA_DIVISOR) {
      throw new IllegalArgumentException("bounds must be at least " + QUOTA_DIVISOR);
    }
    this.maxFrames = maxFrames;
    this.maxBytes = maxBytes;
  }

  /**
   * Offers a frame for holding.
   *
   * @param frame the encoded frame (copied)
   * @param expiresAt its expires_at, Unix seconds
   * @param stranger true if the source is of class STRANGER (shares one quota with every other stranger)
   * @param nowSeconds the current Unix time
   */
  public Outcome offer(byte[] frame, long expiresAt, long source, boolean unicast, long destination,
      boolean stranger, long nowSeconds) {
    if (expiresAt <= nowSeconds) {
      return Outcome.EXPIRED;
    }
    sweep(nowSeconds);
    if (frame.length > maxBytes / QUOTA_DIVISOR) {
      return Outcome.TOO_LARGE;
    }
    ItemKey key = ItemKey.of(expiresAt, frame, 0, frame.length);
    if (byKey.containsKey(key)) {
      return Outcome.DUPLICATE;
    }
    long quotaKey = stranger ? STRANGERS : source;
    int[] u = usage.get(quotaKey);
    if (u != null && (u[0] + 1 > maxFrames / QUOTA_DIVISOR || u[1] + frame.length > maxBytes / QUOTA_DIVISOR)) {
      return Outcome.SOURCE_QUOTA;
    }
    while (byKey.size() + 1 > maxFrames || bytes + frame.length > maxBytes) {
      ItemKey first = byKey.firstKey();
      if (key.compareTo(first) < 0) {
        return Outcome.QUEUE_FULL;
      }
      remove(first);
    }
    Held h = new Held(key, frame.clone(), source, unicast, destination, stranger);
    byKey.put(key, h);
    bytes += frame.length;
    int[] uu = usage.computeIfAbsent(quotaKey, k -> new int[2]);
    uu[0]++;
    uu[1] += frame.length;
    return Outcome.STORED;
  }

  /** Drops every frame with expires_at at or before {@code nowSeconds}; returns how many. */
  public int sweep(long nowSeconds) {
    int n = 0;
    while (!byKey.isEmpty() && byKey.firstKey().expiresAt() <= nowSeconds) {
      remove(byKey.firstKey());
      n++;
    }
    return n;
  }

  /** Removes a frame (after a successful handover); returns it, or null. */
  public Held remove(ItemKey key) {
    Held h = byKey.remove(key);
    if (h != null) {
      bytes -= h.frame().length;
      long quotaKey = h.stranger() ? STRANGERS : h.source();
      int[] u = usage.get(quotaKey);
      u[0]--;
      u[1] -= h.frame().length;
      if (u[0] == 0) {
        usage.remove(quotaKey);
      }
    }
    return h;
  }

  /** The held frame with this key, or null. */
  public Held get(ItemKey key) {
    return byKey.get(key);
  }

  /** Live unicast frames for {@code destination}, in key order (expiring first). Not removed. */
  public List<Held> framesFor(long destination, long nowSeconds) {
    sweep(nowSeconds);
    List<Held> out = new ArrayList<>();
    for (Held h : byKey.values()) {
      if (h.unicast() && h.destination() == destination) {
        out.add(h);
      }
    }
    return out;
  }

  /** Every live frame, in key order (what a station sync offers). Not removed. */
  public List<Held> all(long nowSeconds) {
    sweep(nowSeconds);
    return List.copyOf(byKey.values());
  }

  /** The keys of every live frame, in order. */
  public List<ItemKey> keys(long nowSeconds) {
    sweep(nowSeconds);
    return List.copyOf(byKey.keySet());
  }

  /** Frames held. */
  public int size() {
    return byKey.size();
  }

  /** Bytes held. */
  public int bytes() {
    return bytes;
  }

  /** Number of distinct quota holders (sources, strangers counted once): at most maxFrames. */
  int quotaHolders() {
    return usage.size();
  }

  /** Iteration in key order, for tests and the station store. */
  Iterator<Held> iterator() {
    return byKey.values().iterator();
  }
}
