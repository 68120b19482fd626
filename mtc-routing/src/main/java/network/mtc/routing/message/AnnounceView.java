package network.mtc.routing.message;

import network.mtc.crypto.PublicKey;
import network.mtc.crypto.Verdict;
import network.mtc.wire.DecodeError;
import network.mtc.wire.MtcDecodeException;
import network.mtc.wire.NodeAddress;
import network.mtc.wire.TlvReader;

/**
 * An ANNOUNCE payload checked in place and read as a view over its bytes (the layout of {@link Announce}):
 * a node's receive path validates an announce and copies its neighbour list straight into its tables,
 * allocating nothing when the key is already known. {@link #reset} applies every rule of
 * {@link AnnounceCodec}'s decoder, in the same order, with the same errors; {@link AnnounceCodec#decode}
 * is this check followed by building the records.
 *
 * <p>Reusable; the view is valid until the buffer changes or the next {@link #reset}. Not thread-safe.
 *
 * @since 0.1
 */
public final class AnnounceView {
  private final TlvReader tlvs = new TlvReader();
  private byte[] buf;
  private int off;
  private int len;
  private int flags;
  private int interval;
  private int count;
  private int extensionsOffset;

  /**
   * Checks the payload in {@code buf[off, off + len)} of an ANNOUNCE frame from {@code source} and points
   * the view at it.
   *
   * @param known keys already checked, or null
   * @return this view
   * @throws MtcDecodeException naming the first rule broken (see {@link AnnounceCodec})
   */
  public AnnounceView reset(byte[] buf, int off, int len, long source, AnnounceCodec.KnownKeys known) {
    this.buf = null;
    if (len < Announce.FIXED_LENGTH) {
      throw new MtcDecodeException(DecodeError.TRUNCATED, len < 2 ? "version" : len < 34 ? "public_key"
          : "count", len, len + " bytes, an announce has at least " + Announce.FIXED_LENGTH);
    }
    if ((buf[off] & 0xFF) != Announce.VERSION) {
      throw new MtcDecodeException(DecodeError.UNSUPPORTED_VERSION, "version", 0,
          "version " + (buf[off] & 0xFF));
    }
    int f = buf[off + 1] & 0xFF;
    if ((f & Announce.RESERVED_FLAGS) != 0) {
      throw new MtcDecodeException(DecodeError.INVALID_VALUE, "flags", 1, "reserved flag bits set");
    }
    if (known == null || !known.isKnown(source, buf, off + 2)) {
      byte[] key = new byte[32];
      System.arraycopy(buf, off + 2, key, 0, 32);
      Verdict v = PublicKey.check(key);
      if (v != Verdict.VALID) {
        throw new MtcDecodeException(DecodeError.INVALID_VALUE, "public_key", 2, v.name());
      }
      if (NodeAddress.fromPublicKey(key).value() != source) {
        throw new MtcDecodeException(DecodeError.TYPE_RULE, "public_key", 2,
            "the key's address is not the frame source");
      }
    }
    int iv = buf[off + 34] & 0xFF;
    if (iv == 0) {
      throw new MtcDecodeException(DecodeError.INVALID_VALUE, "interval", 34, "interval 0");
    }
    int k = buf[off + 35] & 0xFF;
    if (k > Announce.MAX_ENTRIES) {
      throw new MtcDecodeException(DecodeError.INVALID_VALUE, "count", 35,
          k + " entries, at most " + Announce.MAX_ENTRIES);
    }
    int p = Announce.FIXED_LENGTH;
    int previous = -1;
    for (int i = 0; i < k; i++, p += Announce.ENTRY_LENGTH) {
      if (len - p < Announce.ENTRY_LENGTH) {
        throw new MtcDecodeException(DecodeError.TRUNCATED, "neighbours", p, "entry " + i + " of " + k);
      }
      int prefix = (buf[off + p] & 0xFF) << 16 | (buf[off + p + 1] & 0xFF) << 8 | (buf[off + p + 2] & 0xFF);
      int q = buf[off + p + 3] & 0xFF;
      if ((q >>> 3) > Announce.MAX_CREDIT || (q & 1) != 0) {
        throw new MtcDecodeException(DecodeError.INVALID_VALUE, "neighbours.q", p + 3,
            "credit " + (q >>> 3) + ((q & 1) != 0 ? " with the reserved bit set" : ""));
      }
      if (prefix <= previous) {
        throw new MtcDecodeException(DecodeError.NON_CANONICAL, "neighbours.prefix", p,
            "prefixes must strictly increase");
      }
      previous = prefix;
    }
    TlvReader r = tlvs.reset(buf, off + p, len - p, off, "extensions");
    int recordStart = p;
    while (r.next()) {
      long t = r.type();
      int need = t == Announce.TLV_X25519_KEY ? 32 : t == Announce.TLV_UPLINKS ? 1 : -1;
      if (need >= 0 && r.valueLength() != need) {
        throw new MtcDecodeException(DecodeError.INVALID_VALUE,
            t == Announce.TLV_UPLINKS ? "extensions.uplinks" : "extensions.x25519_key",
            r.valueOffset() - off, "length " + r.valueLength() + ", must be " + need);
      }
      if (need < 0 && (t & 1) == 0) {
        throw new MtcDecodeException(DecodeError.TLV_UNKNOWN_EVEN, "extensions.type", recordStart,
            "unknown even type " + Long.toUnsignedString(t));
      }
      recordStart = r.valueOffset() + r.valueLength() - off;
    }
    this.buf = buf;
    this.off = off;
    this.len = len;
    this.flags = f;
    this.interval = iv;
    this.count = k;
    this.extensionsOffset = p;
    return this;
  }

  /** The buffer the view reads from. */
  public byte[] buffer() {
    return buf;
  }

  /** Index in {@link #buffer()} of the 32-byte public key. */
  public int publicKeyOffset() {
    return off + 2;
  }

  /** Role flags (low 3 bits zero). */
  public int flags() {
    return flags;
  }

  /** Seconds until the node's next announce at the latest, 1..255. */
  public int intervalSeconds() {
    return interval;
  }

  /** Neighbour entries listed, 0..{@value Announce#MAX_ENTRIES}. */
  public int neighbourCount() {
    return count;
  }

  /** The address prefix of entry {@code i} (entries are in strictly increasing prefix order). */
  public int prefix(int i) {
    int p = entry(i);
    return (buf[p] & 0xFF) << 16 | (buf[p + 1] & 0xFF) << 8 | (buf[p + 2] & 0xFF);
  }

  /** Entry {@code i}'s last byte: credit in bits 7-3, RELAY bit 2, MARKED bit 1, bit 0 zero. */
  public int quality(int i) {
    return buf[entry(i) + 3] & 0xFF;
  }

  /** Entry {@code i}'s credit, 0..{@value Announce#MAX_CREDIT}. */
  public int credit(int i) {
    return quality(i) >>> 3;
  }

  /** Offset of the TLV stream relative to the payload's first byte. */
  public int extensionsOffset() {
    return extensionsOffset;
  }

  /** The payload length. */
  public int length() {
    return len;
  }

  private int entry(int i) {
    if (i < 0 || i >= count) {
      throw new IndexOutOfBoundsException(i);
    }
    return off + Announce.FIXED_LENGTH + i * Announce.ENTRY_LENGTH;
  }
}
