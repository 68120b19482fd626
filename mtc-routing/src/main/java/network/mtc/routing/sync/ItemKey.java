package network.mtc.routing.sync;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.OptionalLong;
import network.mtc.wire.TlvReader;
import network.mtc.wire.Varint;
import network.mtc.wire.frame.FrameExtension;
import network.mtc.wire.frame.FrameView;

/**
 * The 16-byte key under which a held frame takes part in set reconciliation (spec/routing-sync.md,
 * section 3.1), compared as an unsigned big-endian byte string:
 *
 * <pre>
 *   0                4                                               16
 *   +----------------+-----------------------------------------------+
 *   | expires_at (BE)| SHA-256("mtc-sync-item-v1" || frame, hop = 0)[0..12)
 *   +----------------+-----------------------------------------------+
 * </pre>
 *
 * <p>Keys sort by expiry first, so the items two nodes hold cluster in time and a range of keys is a
 * window of time, as in negentropy. The digest covers the frame with its hop-limit byte zeroed, because
 * relays rewrite that byte: two copies of a message that travelled different paths have one key.
 * {@code expires_at} saturates at 2^32-1 (year 2106) instead of wrapping, so the order stays the order
 * of time.
 *
 * @param hi bytes 0..7 (expires_at and the first 4 digest bytes), big-endian
 * @param lo bytes 8..15, big-endian
 * @since 0.1
 */
public record ItemKey(long hi, long lo) implements Comparable<ItemKey> {
  /** Encoded length. */
  public static final int LENGTH = 16;
  /** The smallest key, the lower end of the first range of every message. */
  public static final ItemKey ZERO = new ItemKey(0, 0);

  private static final byte[] ITEM_CONTEXT = "mtc-sync-item-v1".getBytes(StandardCharsets.US_ASCII);
  /** Index of the hop-limit byte in a frame (spec/wire.md, section 5.1). */
  private static final int HOP_LIMIT_INDEX = 2;

  /** The key of a frame held in {@code buf[off, off+len)} that expires at {@code expiresAt} (Unix s). */
  public static ItemKey of(long expiresAt, byte[] buf, int off, int len) {
    MessageDigest sha = sha256();
    sha.update(ITEM_CONTEXT);
    if (len <= HOP_LIMIT_INDEX) {
      sha.update(buf, off, len);
    } else {
      sha.update(buf, off, HOP_LIMIT_INDEX);
      sha.update((byte) 0);
      sha.update(buf, off + HOP_LIMIT_INDEX + 1, len - HOP_LIMIT_INDEX - 1);
    }
    byte[] d = sha.digest();
    long exp = expiresAt < 0 || expiresAt > 0xFFFF_FFFFL ? 0xFFFF_FFFFL : expiresAt;
    long hi = exp << 32 | (readInt(d, 0) & 0xFFFF_FFFFL);
    return new ItemKey(hi, readLong(d, 4));
  }

  /**
   * The key of a decoded frame, or null if the frame carries no {@code expires_at} (such frames are never
   * held or reconciled).
   */
  public static ItemKey ofFrame(FrameView frame) {
    OptionalLong exp = expiresAt(frame);
    if (exp.isEmpty()) {
      return null;
    }
    return of(exp.getAsLong(), frame.buffer(), frame.offset(), frame.length());
  }

  /** The {@code expires_at} extension of a decoded (hence validated) frame, if present. */
  public static OptionalLong expiresAt(FrameView frame) {
    TlvReader r = frame.extensions();
    while (r.next()) {
      if (r.type() == FrameExtension.EXPIRES_AT.type()) {
        return OptionalLong.of(Varint.read(frame.buffer(), r.valueOffset(), r.valueOffset() + r.valueLength(),
            "extensions.expires_at"));
      }
    }
    return OptionalLong.empty();
  }

  /** Reads a key from 16 bytes at {@code off}. */
  public static ItemKey read(byte[] buf, int off) {
    return new ItemKey(readLong(buf, off), readLong(buf, off + 8));
  }

  /** The key from its 32 hex digits. */
  public static ItemKey fromHex(String hex) {
    byte[] b = java.util.HexFormat.of().parseHex(hex);
    if (b.length != LENGTH) {
      throw new IllegalArgumentException("an item key has 16 bytes");
    }
    return read(b, 0);
  }

  /** The {@code expires_at} part (Unix seconds, saturated at 2^32-1). */
  public long expiresAt() {
    return hi >>> 32;
  }

  /** Writes the 16 bytes at {@code off}; returns the offset past them. */
  public int writeTo(byte[] dst, int off) {
    writeLong(hi, dst, off);
    writeLong(lo, dst, off + 8);
    return off + LENGTH;
  }

  /** The 16 bytes. */
  public byte[] toBytes() {
    byte[] b = new byte[LENGTH];
    writeTo(b, 0);
    return b;
  }

  /** Lower-case hex of the 16 bytes. */
  public String hex() {
    return java.util.HexFormat.of().formatHex(toBytes());
  }

  @Override
  public int compareTo(ItemKey o) {
    int c = Long.compareUnsigned(hi, o.hi);
    return c != 0 ? c : Long.compareUnsigned(lo, o.lo);
  }

  @Override
  public String toString() {
    return hex();
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK provides SHA-256", e);
    }
  }

  static long readLong(byte[] b, int off) {
    return (long) readInt(b, off) << 32 | (readInt(b, off + 4) & 0xFFFF_FFFFL);
  }

  static int readInt(byte[] b, int off) {
    return (b[off] & 0xFF) << 24 | (b[off + 1] & 0xFF) << 16 | (b[off + 2] & 0xFF) << 8 | (b[off + 3] & 0xFF);
  }

  static void writeInt(int v, byte[] dst, int off) {
    dst[off] = (byte) (v >>> 24);
    dst[off + 1] = (byte) (v >>> 16);
    dst[off + 2] = (byte) (v >>> 8);
    dst[off + 3] = (byte) v;
  }

  static void writeLong(long v, byte[] dst, int off) {
    for (int i = 7; i >= 0; i--) {
      dst[off + i] = (byte) v;
      v >>>= 8;
    }
  }
}
