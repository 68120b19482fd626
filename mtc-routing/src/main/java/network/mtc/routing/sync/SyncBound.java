package network.mtc.routing.sync;

/**
 * The upper end of a range of {@link ItemKey}s: a key (exclusive), or infinity. On the wire a finite bound
 * is the shortest prefix of its key whose zero padding gives the key back (spec/routing-sync.md, 4.2), so
 * a bound between two neighbouring items costs one or two bytes instead of sixteen.
 *
 * @param key the bound key, or null for infinity
 * @since 0.1
 */
public record SyncBound(ItemKey key) implements Comparable<SyncBound> {
  /** Above every key: the bound of the last range of every message. */
  public static final SyncBound INFINITY = new SyncBound(null);

  /** A finite bound. */
  public static SyncBound of(ItemKey key) {
    if (key == null) {
      throw new IllegalArgumentException("use SyncBound.INFINITY");
    }
    return new SyncBound(key);
  }

  /**
   * The shortest bound above {@code below} and at most {@code atOrAbove}: the prefix of {@code atOrAbove}
   * one byte longer than what the two keys share. Requires {@code below < atOrAbove}.
   */
  public static SyncBound between(ItemKey below, ItemKey atOrAbove) {
    byte[] a = below.toBytes();
    byte[] b = atOrAbove.toBytes();
    int shared = 0;
    while (shared < ItemKey.LENGTH && a[shared] == b[shared]) {
      shared++;
    }
    if (shared == ItemKey.LENGTH || Byte.toUnsignedInt(a[shared]) > Byte.toUnsignedInt(b[shared])) {
      throw new IllegalArgumentException("below must be smaller than atOrAbove");
    }
    byte[] p = new byte[ItemKey.LENGTH];
    System.arraycopy(b, 0, p, 0, shared + 1);
    return new SyncBound(ItemKey.read(p, 0));
  }

  /** True for infinity. */
  public boolean isInfinite() {
    return key == null;
  }

  /** The encoded prefix length L: 255 for infinity, else 16 minus the key's trailing zero bytes. */
  public int prefixLength() {
    if (key == null) {
      return 255;
    }
    byte[] b = key.toBytes();
    int l = ItemKey.LENGTH;
    while (l > 0 && b[l - 1] == 0) {
      l--;
    }
    return l;
  }

  /** True if {@code k} lies below this bound. */
  public boolean above(ItemKey k) {
    return key == null || k.compareTo(key) < 0;
  }

  @Override
  public int compareTo(SyncBound o) {
    if (key == null || o.key == null) {
      return key == null ? (o.key == null ? 0 : 1) : -1;
    }
    return key.compareTo(o.key);
  }

  @Override
  public String toString() {
    return key == null ? "inf" : key.hex().substring(0, 2 * Math.max(1, prefixLength()));
  }
}
