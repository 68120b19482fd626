package network.mtc.routing.internal;

/**
 * The bounded set of messages a node has already seen, keyed by (source address, message id): what stops
 * a flood from looping (docs/routing-design.md, section 1.4).
 *
 * <p>Keys are 64-bit salted hashes in an open-addressing table (linear probing, load at most 1/2) with
 * an insertion ring that remembers the order of arrival. When the cache is full, the oldest entry is
 * evicted only if it is older than the retention time; otherwise the newcomer is refused ({@link
 * Result#FULL}), so a flood of forged ids can never make the node forget a message young enough to come
 * back and loop. The salt is per instance, so an attacker cannot aim collisions at a node's table.
 * Memory is fixed at construction: 8 bytes x 2 capacity for the table plus 12 bytes x capacity for the
 * ring. Not thread-safe.
 */
public final class DuplicateCache {
  /** What {@link #insert} did. */
  public enum Result {
    /** First sighting: recorded. */
    NEW,
    /** Seen before (and still remembered). */
    DUPLICATE,
    /** Full of entries younger than the retention time: not recorded. */
    FULL
  }

  private final int capacity;
  private final long retentionMillis;
  private final long salt;
  private final long[] table;
  private final int mask;
  private final long[] ringHash;
  private final long[] ringTime;
  private int ringHead;
  private int size;

  /**
   * @param capacity entries remembered at most
   * @param retentionMillis an entry younger than this is never evicted
   * @param salt per-node random value mixed into every key
   */
  public DuplicateCache(int capacity, long retentionMillis, long salt) {
    if (capacity < 1 || capacity > (1 << 28)) {
      throw new IllegalArgumentException("capacity must be 1..2^28");
    }
    this.capacity = capacity;
    this.retentionMillis = retentionMillis;
    this.salt = salt;
    int slots = Integer.highestOneBit(capacity * 2 - 1) << 1;
    this.table = new long[slots];
    this.mask = slots - 1;
    this.ringHash = new long[capacity];
    this.ringTime = new long[capacity];
  }

  /** Records (source, messageId) unless already present or the cache is full of young entries. */
  public Result insert(long source, int messageId, long nowMillis) {
    long h = hash(source, messageId);
    if (find(h) >= 0) {
      return Result.DUPLICATE;
    }
    if (size == capacity) {
      int oldest = ringHead;
      if (nowMillis - ringTime[oldest] < retentionMillis) {
        return Result.FULL;
      }
      delete(find(ringHash[oldest]));
      size--;
    }
    int slot = (int) (h & mask);
    while (table[slot] != 0) {
      slot = (slot + 1) & mask;
    }
    table[slot] = h;
    // The ring holds the live entries in arrival order, the oldest at ringHead.
    int ringSlot = (ringHead + size) % capacity;
    ringHash[ringSlot] = h;
    ringTime[ringSlot] = nowMillis;
    size++;
    return Result.NEW;
  }

  /** True if (source, messageId) is remembered. */
  public boolean contains(long source, int messageId) {
    return find(hash(source, messageId)) >= 0;
  }

  /** Entries remembered. */
  public int size() {
    return size;
  }

  /** The bound. */
  public int capacity() {
    return capacity;
  }

  private long hash(long source, int messageId) {
    long z = source * 0x9E37_79B9_7F4A_7C15L ^ (messageId & 0xFFFF_FFFFL) ^ salt;
    z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
    z ^= z >>> 31;
    return z == 0 ? 1 : z;
  }

  private int find(long h) {
    int slot = (int) (h & mask);
    while (table[slot] != 0) {
      if (table[slot] == h) {
        return slot;
      }
      slot = (slot + 1) & mask;
    }
    return -1;
  }

  /** Backward-shift deletion, which keeps linear probing correct without tombstones; advances the ring. */
  private void delete(int slot) {
    ringHead = (ringHead + 1) % capacity;
    int hole = slot;
    int i = (slot + 1) & mask;
    while (table[i] != 0) {
      int home = (int) (table[i] & mask);
      // Move the entry at i into the hole if the hole lies on its probe path (cyclically in [home, i)).
      boolean movable = hole <= i ? (home <= hole || home > i) : (home <= hole && home > i);
      if (movable) {
        table[hole] = table[i];
        hole = i;
      }
      i = (i + 1) & mask;
    }
    table[hole] = 0;
  }
}
