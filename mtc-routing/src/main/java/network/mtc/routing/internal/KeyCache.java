package network.mtc.routing.internal;

import java.util.Arrays;
import network.mtc.crypto.PublicKey;

/**
 * Public keys of other nodes, learned only from verified announces (so an entry's key passed the key
 * rules and hashes to its address). Least recently used entries go first when the bound is reached; the
 * prepared {@link PublicKey} is built lazily, at the first signature to verify. The LRU order depends on
 * the sequence of accesses only, never on hash order.
 *
 * <p>Storage is primitive, since every node of a simulation holds one: entries live in numbered slots
 * (the address, 32 key bytes, the prepared key if any), an open-addressing table with linear probing and
 * backward-shift deletion maps addresses to slots, and the recency order is a doubly linked list in two
 * {@code int} arrays. The slot arrays grow by doubling up to the bound, so an idle cache stays small. A
 * hit ({@link #isKnown}, {@link #put}, {@link #get}) makes the entry the most recent, as an access-ordered
 * {@code LinkedHashMap} does; a miss changes no order.
 */
public final class KeyCache {
  /** Slots allocated at first: a node hears about this many neighbours. */
  private static final int INITIAL_SLOTS = 16;
  private static final int KEY_BYTES = 32;
  private static final int NONE = -1;

  private final int capacity;
  private long[] address;
  private byte[] bytes;
  private PublicKey[] prepared;
  private int[] prev;
  private int[] next;
  /** Open-addressing buckets holding slot + 1; 0 is empty. At most half full. */
  private int[] buckets;
  private int size;
  /** Least recently used slot (evicted first), or {@link #NONE}. */
  private int head = NONE;
  /** Most recently used slot, or {@link #NONE}. */
  private int tail = NONE;

  /** A cache of at most {@code capacity} keys (at least 1). */
  public KeyCache(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1");
    }
    this.capacity = capacity;
    allocate(Math.min(capacity, INITIAL_SLOTS));
  }

  /** True if {@code buf[off, off + 32)} is the cached key of {@code address}. */
  public boolean isKnown(long address, byte[] buf, int off) {
    int s = find(address);
    if (s == NONE) {
      return false;
    }
    touch(s);
    return Arrays.equals(bytes, s * KEY_BYTES, s * KEY_BYTES + KEY_BYTES, buf, off, off + KEY_BYTES);
  }

  /** Records the verified key of {@code address} (replacing another). */
  public void put(long address, byte[] key32) {
    if (key32.length != KEY_BYTES) {
      throw new IllegalArgumentException("a key is 32 bytes");
    }
    put(address, key32, 0);
  }

  /** Records the verified key of {@code address} held in {@code buf[off, off + 32)} (replacing another). */
  public void put(long address, byte[] buf, int off) {
    int s = find(address);
    if (s != NONE) {
      touch(s);
      if (!Arrays.equals(bytes, s * KEY_BYTES, s * KEY_BYTES + KEY_BYTES, buf, off, off + KEY_BYTES)) {
        System.arraycopy(buf, off, bytes, s * KEY_BYTES, KEY_BYTES);
        prepared[s] = null;
      }
      return;
    }
    if (size == capacity) {
      s = head;
      unlink(s);
      deleteBucket(this.address[s]);
    } else {
      if (size == this.address.length) {
        grow();
      }
      s = size++;
    }
    this.address[s] = address;
    System.arraycopy(buf, off, bytes, s * KEY_BYTES, KEY_BYTES);
    prepared[s] = null;
    insertBucket(address, s);
    linkLast(s);
  }

  /** The prepared key of {@code address}, or null. */
  public PublicKey get(long address) {
    int s = find(address);
    if (s == NONE) {
      return null;
    }
    touch(s);
    if (prepared[s] == null) {
      prepared[s] = PublicKey.fromBytes(Arrays.copyOfRange(bytes, s * KEY_BYTES, s * KEY_BYTES + KEY_BYTES));
    }
    return prepared[s];
  }

  /** Keys held. */
  public int size() {
    return size;
  }

  /** The bound. */
  public int capacity() {
    return capacity;
  }

  private void allocate(int slots) {
    address = new long[slots];
    bytes = new byte[slots * KEY_BYTES];
    prepared = new PublicKey[slots];
    prev = new int[slots];
    next = new int[slots];
    buckets = new int[Integer.highestOneBit(slots * 2 - 1) << 1];
  }

  private void grow() {
    int slots = (int) Math.min(capacity, 2L * address.length);
    address = Arrays.copyOf(address, slots);
    bytes = Arrays.copyOf(bytes, slots * KEY_BYTES);
    prepared = Arrays.copyOf(prepared, slots);
    prev = Arrays.copyOf(prev, slots);
    next = Arrays.copyOf(next, slots);
    buckets = new int[Integer.highestOneBit(slots * 2 - 1) << 1];
    for (int s = 0; s < size; s++) {
      insertBucket(address[s], s);
    }
  }

  private int bucketOf(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ h >>> 32) & (buckets.length - 1);
  }

  private int find(long key) {
    int mask = buckets.length - 1;
    for (int i = bucketOf(key); ; i = (i + 1) & mask) {
      int b = buckets[i];
      if (b == 0) {
        return NONE;
      }
      if (address[b - 1] == key) {
        return b - 1;
      }
    }
  }

  private void insertBucket(long key, int slot) {
    int mask = buckets.length - 1;
    int i = bucketOf(key);
    while (buckets[i] != 0) {
      i = (i + 1) & mask;
    }
    buckets[i] = slot + 1;
  }

  private void deleteBucket(long key) {
    int mask = buckets.length - 1;
    int i = bucketOf(key);
    while (address[buckets[i] - 1] != key) {
      i = (i + 1) & mask;
    }
    // Backward-shift deletion: pull later members of the probe run into the hole.
    int hole = i;
    for (int j = (hole + 1) & mask; buckets[j] != 0; j = (j + 1) & mask) {
      int home = bucketOf(address[buckets[j] - 1]);
      if (((j - home) & mask) >= ((j - hole) & mask)) {
        buckets[hole] = buckets[j];
        hole = j;
      }
    }
    buckets[hole] = 0;
  }

  private void touch(int s) {
    if (s != tail) {
      unlink(s);
      linkLast(s);
    }
  }

  private void unlink(int s) {
    int p = prev[s];
    int n = next[s];
    if (p == NONE) {
      head = n;
    } else {
      next[p] = n;
    }
    if (n == NONE) {
      tail = p;
    } else {
      prev[n] = p;
    }
  }

  private void linkLast(int s) {
    prev[s] = tail;
    next[s] = NONE;
    if (tail == NONE) {
      head = s;
    } else {
      next[tail] = s;
    }
    tail = s;
  }
}
