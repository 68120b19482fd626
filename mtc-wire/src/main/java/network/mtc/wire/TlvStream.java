package network.mtc.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongPredicate;

/**
 * Whole TLV streams as lists of {@link Tlv} records, for callers that want values rather than a cursor.
 *
 * @since 0.1
 */
public final class TlvStream {
  private TlvStream() {}

  /**
   * Decodes a complete stream.
   *
   * @param known the types the embedding structure knows; an even type it does not know is rejected with
   *     {@link DecodeError#TLV_UNKNOWN_EVEN}, an odd one is kept uninterpreted
   */
  public static List<Tlv> decode(byte[] buf, int off, int len, LongPredicate known) {
    TlvReader r = new TlvReader().reset(buf, off, len, "tlv");
    List<Tlv> out = new ArrayList<>();
    int recordStart = off;
    while (r.next()) {
      if ((r.type() & 1) == 0 && !known.test(r.type())) {
        throw new MtcDecodeException(DecodeError.TLV_UNKNOWN_EVEN, "tlv.type", recordStart - off,
            "unknown even type " + Long.toUnsignedString(r.type()));
      }
      out.add(r.record());
      recordStart = r.valueOffset() + r.valueLength();
    }
    return out;
  }

  /** The encoded size of {@code records}. */
  public static int encodedLength(List<Tlv> records) {
    int n = 0;
    for (Tlv t : records) {
      n += t.encodedLength();
    }
    return n;
  }

  /**
   * Encodes records that are in strictly increasing type order.
   *
   * @throws IllegalArgumentException if the order is broken (the encoder never writes what the decoder
   *     would reject)
   */
  public static int write(List<Tlv> records, byte[] dst, int off) {
    checkOrder(records);
    for (Tlv t : records) {
      off = t.writeTo(dst, off);
    }
    return off;
  }

  /** Encodes records into a new array. */
  public static byte[] encode(List<Tlv> records) {
    byte[] out = new byte[encodedLength(records)];
    write(records, out, 0);
    return out;
  }

  /** Throws if types are not strictly increasing (unsigned). */
  public static void checkOrder(List<Tlv> records) {
    for (int i = 1; i < records.size(); i++) {
      if (Long.compareUnsigned(records.get(i - 1).type(), records.get(i).type()) >= 0) {
        throw new IllegalArgumentException("TLV types must strictly increase: "
            + Long.toUnsignedString(records.get(i - 1).type()) + " then "
            + Long.toUnsignedString(records.get(i).type()));
      }
    }
  }
}
