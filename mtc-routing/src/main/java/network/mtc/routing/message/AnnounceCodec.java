package network.mtc.routing.message;

import java.util.ArrayList;
import java.util.List;
import network.mtc.wire.Bytes;
import network.mtc.wire.MtcDecodeException;
import network.mtc.wire.Tlv;
import network.mtc.wire.TlvReader;
import network.mtc.wire.TlvStream;

/**
 * Decodes and encodes {@link Announce} payloads. The decoder checks the rules of spec/routing.md
 * ("ANNOUNCE") in the order listed there and throws {@link MtcDecodeException} with the code, field and
 * offset (relative to the payload's first byte) of the first rule broken:
 *
 * <ol>
 *   <li>fewer than 36 bytes: TRUNCATED at the length; version not 1: UNSUPPORTED_VERSION at 0; a
 *       reserved flag bit: INVALID_VALUE at 1;
 *   <li>the key breaks spec/crypto.md A1-A3: INVALID_VALUE at 2; its address is not the frame source:
 *       TYPE_RULE at 2; interval 0: INVALID_VALUE at 34; count above 32: INVALID_VALUE at 35;
 *   <li>entry by entry: fewer than 4 bytes left: TRUNCATED at the entry; credit above 24 or bit 0 set:
 *       INVALID_VALUE at the entry's byte 3; prefix not above the previous: NON_CANONICAL at the entry;
 *   <li>the rest is a TLV stream (wire section 3): type 1 of other than 32 bytes or type 3 of other than
 *       1 byte: INVALID_VALUE at the value; an unknown even type: TLV_UNKNOWN_EVEN at the record.
 * </ol>
 *
 * <p>Stateless; the encoder writes into a caller's array. {@link AnnounceView} applies the same checks and
 * reads the payload in place, without building records.
 *
 * @since 0.1
 */
public final class AnnounceCodec {
  private AnnounceCodec() {}

  /**
   * Tells the decoder that a key was checked before: it passed A1-A3 and its address is {@code source}
   * (a node's key cache), so the decoder can skip the point decompression and the hash.
   */
  @FunctionalInterface
  public interface KnownKeys {
    /** True if {@code buf[keyOff, keyOff + 32)} is the verified key of {@code source}. */
    boolean isKnown(long source, byte[] buf, int keyOff);
  }

  /** Decodes with every check ({@link #decode(byte[], int, int, long, KnownKeys)} with no known keys). */
  public static Announce decode(byte[] buf, int off, int len, long source) {
    return decode(buf, off, len, source, null);
  }

  /**
   * Decodes the payload in {@code buf[off, off + len)} of an ANNOUNCE frame from {@code source}.
   *
   * @param known keys already checked, or null
   * @throws MtcDecodeException naming the first rule broken
   */
  public static Announce decode(byte[] buf, int off, int len, long source, KnownKeys known) {
    AnnounceView v = new AnnounceView().reset(buf, off, len, source, known);
    List<NeighbourEntry> entries = new ArrayList<>(v.neighbourCount());
    for (int i = 0; i < v.neighbourCount(); i++) {
      int q = v.quality(i);
      entries.add(new NeighbourEntry(v.prefix(i), q >>> 3, (q & 0x04) != 0, (q & 0x02) != 0));
    }
    List<Tlv> tlvs = new ArrayList<>(2);
    int p = v.extensionsOffset();
    TlvReader r = new TlvReader().reset(buf, off + p, len - p, off, "extensions");
    while (r.next()) {
      tlvs.add(r.record());
    }
    return new Announce(v.flags(), Bytes.copyOf(buf, off + 2, 32), v.intervalSeconds(), entries, tlvs);
  }

  /** The encoded length of {@code a}. */
  public static int encodedLength(Announce a) {
    return Announce.FIXED_LENGTH + Announce.ENTRY_LENGTH * a.neighbours().size()
        + TlvStream.encodedLength(a.extensions());
  }

  /** Writes {@code a} at {@code off}; returns the offset past it. */
  public static int encode(Announce a, byte[] dst, int off) {
    dst[off] = (byte) Announce.VERSION;
    dst[off + 1] = (byte) a.flags();
    a.publicKey().copyTo(dst, off + 2);
    dst[off + 34] = (byte) a.intervalSeconds();
    dst[off + 35] = (byte) a.neighbours().size();
    int p = off + Announce.FIXED_LENGTH;
    for (NeighbourEntry e : a.neighbours()) {
      dst[p] = (byte) (e.prefix() >>> 16);
      dst[p + 1] = (byte) (e.prefix() >>> 8);
      dst[p + 2] = (byte) e.prefix();
      dst[p + 3] = (byte) e.quality();
      p += Announce.ENTRY_LENGTH;
    }
    return TlvStream.write(a.extensions(), dst, p);
  }

  /** Encodes {@code a} into a new array of exactly its length. */
  public static byte[] encode(Announce a) {
    byte[] out = new byte[encodedLength(a)];
    encode(a, out, 0);
    return out;
  }
}
