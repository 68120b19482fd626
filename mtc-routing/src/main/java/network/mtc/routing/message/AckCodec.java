package network.mtc.routing.message;

import network.mtc.wire.DecodeError;
import network.mtc.wire.MtcDecodeException;

/**
 * Decodes and encodes {@link Ack} payloads (spec/routing-unicast.md section 2). The decoder checks, in
 * this order, with offsets relative to the payload's first byte: empty: TRUNCATED at 0; kind not 1 or 2:
 * INVALID_VALUE at 0; fewer bytes than the kind's length: TRUNCATED at the length; more: TRAILING_BYTES at
 * the kind's length; a HOP source of zero: RESERVED at 1; END hops of zero: INVALID_VALUE at 9.
 *
 * @since 0.1
 */
public final class AckCodec {
  private AckCodec() {}

  /** The kind byte of a payload that {@link #decode} would accept, or -1; for the receive path's dispatch. */
  public static int kindOf(byte[] buf, int off, int len) {
    if (len < 1) {
      return -1;
    }
    int kind = buf[off] & 0xFF;
    int want = kind == Ack.KIND_HOP ? Ack.Hop.LENGTH : kind == Ack.KIND_END ? Ack.End.LENGTH : -1;
    return want == len ? kind : -1;
  }

  /**
   * Decodes the ACK payload in {@code buf[off, off + len)}.
   *
   * @throws MtcDecodeException naming the first rule broken
   */
  public static Ack decode(byte[] buf, int off, int len) {
    if (len < 1) {
      throw new MtcDecodeException(DecodeError.TRUNCATED, "ack.kind", 0);
    }
    int kind = buf[off] & 0xFF;
    int want;
    if (kind == Ack.KIND_HOP) {
      want = Ack.Hop.LENGTH;
    } else if (kind == Ack.KIND_END) {
      want = Ack.End.LENGTH;
    } else {
      throw new MtcDecodeException(DecodeError.INVALID_VALUE, "ack.kind", 0, "kind " + kind + ", must be 1 or 2");
    }
    if (len < want) {
      throw new MtcDecodeException(DecodeError.TRUNCATED, kind == Ack.KIND_HOP ? "ack.hop" : "ack.end", len);
    }
    if (len > want) {
      throw new MtcDecodeException(DecodeError.TRAILING_BYTES, "ack", want);
    }
    if (kind == Ack.KIND_HOP) {
      long source = readLong(buf, off + 1);
      if (source == 0) {
        throw new MtcDecodeException(DecodeError.RESERVED, "ack.hop.source", 1);
      }
      return new Ack.Hop(source, readInt(buf, off + 9));
    }
    int hops = buf[off + 9] & 0xFF;
    if (hops == 0) {
      throw new MtcDecodeException(DecodeError.INVALID_VALUE, "ack.end.hops", 9, "hops 0");
    }
    return new Ack.End(readInt(buf, off + 1), readInt(buf, off + 5), hops);
  }

  /** The encoding of {@code ack}. */
  public static byte[] encode(Ack ack) {
    if (ack instanceof Ack.Hop h) {
      byte[] out = new byte[Ack.Hop.LENGTH];
      out[0] = Ack.KIND_HOP;
      writeLong(out, 1, h.source());
      writeInt(out, 9, h.messageId());
      return out;
    }
    Ack.End e = (Ack.End) ack;
    byte[] out = new byte[Ack.End.LENGTH];
    out[0] = Ack.KIND_END;
    writeInt(out, 1, e.messageId());
    writeInt(out, 5, e.firstId());
    out[9] = (byte) e.hops();
    return out;
  }

  static long readLong(byte[] b, int o) {
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = v << 8 | (b[o + i] & 0xFF);
    }
    return v;
  }

  static int readInt(byte[] b, int o) {
    return (b[o] & 0xFF) << 24 | (b[o + 1] & 0xFF) << 16 | (b[o + 2] & 0xFF) << 8 | (b[o + 3] & 0xFF);
  }

  private static void writeLong(byte[] b, int o, long v) {
    for (int i = 7; i >= 0; i--) {
      b[o + i] = (byte) v;
      v >>>= 8;
    }
  }

  private static void writeInt(byte[] b, int o, int v) {
    b[o] = (byte) (v >>> 24);
    b[o + 1] = (byte) (v >>> 16);
    b[o + 2] = (byte) (v >>> 8);
    b[o + 3] = (byte) v;
  }
}
