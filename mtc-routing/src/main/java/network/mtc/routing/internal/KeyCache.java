package network.mtc.routing.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import network.mtc.crypto.PublicKey;

/**
 * Public keys of other nodes, learned only from verified announces (so an entry's key passed the key
 * rules and hashes to its address). Least recently used entries go first when the bound is reached; the
 * prepared {@link PublicKey} is built lazily, at the first signature to verify. The LRU order depends on
 * the sequence of accesses only, never on hash order.
 */
public final class KeyCache {
  private final int capacity;
  private final LinkedHashMap<Long, Entry> map;

  private static final class Entry {
    final byte[] bytes;
    PublicKey key;

    Entry(byte[] bytes) {
      this.bytes = bytes;
    }
  }

  /** A cache of at most {@code capacity} keys. */
  public KeyCache(int capacity) {
    this.capacity = capacity;
    this.map = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Long, Entry> eldest) {
        return size() > KeyCache.this.capacity;
      }
    };
  }

  /** True if {@code buf[off, off + 32)} is the cached key of {@code address}. */
  public boolean isKnown(long address, byte[] buf, int off) {
    Entry e = map.get(address);
    return e != null && Arrays.equals(e.bytes, 0, 32, buf, off, off + 32);
  }

  /** Records the verified key of {@code address} (replacing another). */
  public void put(long address, byte[] key32) {
    Entry e = map.get(address);
    if (e == null || !Arrays.equals(e.bytes, key32)) {
      map.put(address, new Entry(key32.clone()));
    }
  }

  /** The prepared key of {@code address}, or null. */
  public PublicKey get(long address) {
    Entry e = map.get(address);
    if (e == null) {
      return null;
    }
    if (e.key == null) {
      e.key = PublicKey.fromBytes(e.bytes);
    }
    return e.key;
  }

  /** Keys held. */
  public int size() {
    return map.size();
  }

  /** The bound. */
  public int capacity() {
    return capacity;
  }
}
