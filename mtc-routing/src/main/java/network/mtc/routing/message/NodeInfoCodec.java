package network.mtc.routing.message;

import java.util.ArrayList;
import java.util.List;
import network.mtc.routing.NodeInfo;
import network.mtc.wire.Bytes;
import network.mtc.wire.DecodeError;
import network.mtc.wire.MtcDecodeException;
import network.mtc.wire.NodeAddress;
import network.mtc.wire.Tlv;
import network.mtc.wire.TlvReader;
import network.mtc.wire.TlvStream;
import network.mtc.wire.Varint;

/**
 * The payload of an {@code mtc/info/reply} message (spec/routing-unicast.md section 6.1): a TLV stream
 * (spec/wire.md section 3) whose records are all odd, so later versions can add fields old readers skip.
 * The decoder checks the TLV rules, then each known record's length and value, then that the request
 * nonce is present; errors name the field and the offset from the payload's first byte.
 *
 * @since 0.1
 */
public final class NodeInfoCodec {
  /** Record types, in the order they are written. */
  static final int NONCE = 1;
  static final int VERSION = 3;
  static final int UPTIME = 5;
  static final int NEIGHBOURS = 7;
  static final int CONGESTION = 9;
  static final int RELAYED = 11;
  static final int DELIVERED = 13;
  static final int FLAGS = 15;
  /** Bit of the flags record: the node has an uplink. */
  static final int FLAG_STATION = 0x01;

  private NodeInfoCodec() {}

  /** A decoded reply: the nonce of the request it answers, and the answer. */
  public record Reply(int nonce, NodeInfo info) {}

  /** The payload answering the request with {@code nonce}. */
  public static byte[] encode(int nonce, NodeInfo i) {
    List<Tlv> r = new ArrayList<>(8);
    r.add(new Tlv(NONCE, Bytes.copyOf(new byte[] {(byte) (nonce >>> 24), (byte) (nonce >>> 16),
        (byte) (nonce >>> 8), (byte) nonce})));
    r.add(new Tlv(VERSION, Bytes.copyOf(new byte[] {(byte) i.protocolVersion()})));
    r.add(new Tlv(UPTIME, Bytes.copyOf(Varint.encode(i.uptimeSeconds()))));
    r.add(new Tlv(NEIGHBOURS, Bytes.copyOf(Varint.encode(i.neighbours()))));
    r.add(new Tlv(CONGESTION, Bytes.copyOf(new byte[] {(byte) i.congestionLevel()})));
    r.add(new Tlv(RELAYED, Bytes.copyOf(Varint.encode(i.relayed()))));
    r.add(new Tlv(DELIVERED, Bytes.copyOf(Varint.encode(i.delivered()))));
    r.add(new Tlv(FLAGS, Bytes.copyOf(new byte[] {(byte) (i.station() ? FLAG_STATION : 0)})));
    return TlvStream.encode(r);
  }

  /**
   * Decodes a reply from {@code node}.
   *
   * @throws MtcDecodeException TLV and varint errors; a known record of the wrong length or an out-of-range value
   *     (version 0, congestion above 2, a reserved flag bit, a varint above 2^63-1): INVALID_VALUE at the
   *     value; an unknown even type: TLV_UNKNOWN_EVEN at the record; no nonce: INVALID_VALUE at 0
   */
  public static Reply decode(byte[] buf, int off, int len, NodeAddress node) {
    TlvReader r = new TlvReader().reset(buf, off, len, "info");
    boolean hasNonce = false;
    int nonce = 0;
    int version = 1;
    long uptime = 0;
    long neighbours = 0;
    int congestion = 0;
    long relayed = 0;
    long delivered = 0;
    int flags = 0;
    while (r.next()) {
      long t = r.type();
      int v = r.valueOffset();
      int l = r.valueLength();
      int at = v - off;
      if ((t & 1) == 0) {
        throw new MtcDecodeException(DecodeError.TLV_UNKNOWN_EVEN, "info.type",
            at - Varint.encodedLength(l) - Varint.encodedLength(t),
            "unknown even type " + Long.toUnsignedString(t));
      }
      if (t == NONCE) {
        exact(l, 4, at, "info.nonce");
        nonce = AckCodec.readInt(buf, v);
        hasNonce = true;
      } else if (t == VERSION) {
        exact(l, 1, at, "info.version");
        version = buf[v] & 0xFF;
        if (version == 0) {
          throw new MtcDecodeException(DecodeError.INVALID_VALUE, "info.version", at, "version 0");
        }
      } else if (t == UPTIME) {
        uptime = varint(buf, v, l, at, "info.uptime");
      } else if (t == NEIGHBOURS) {
        neighbours = varint(buf, v, l, at, "info.neighbours");
        if (neighbours > Integer.MAX_VALUE) {
          throw new MtcDecodeException(DecodeError.INVALID_VALUE, "info.neighbours", at);
        }
      } else if (t == CONGESTION) {
        exact(l, 1, at, "info.congestion");
        congestion = buf[v] & 0xFF;
        if (congestion > 2) {
          throw new MtcDecodeException(DecodeError.INVALID_VALUE, "info.congestion", at, "level " + congestion);
        }
      } else if (t == RELAYED) {
        relayed = varint(buf, v, l, at, "info.relayed");
      } else if (t == DELIVERED) {
        delivered = varint(buf, v, l, at, "info.delivered");
      } else if (t == FLAGS) {
        exact(l, 1, at, "info.flags");
        flags = buf[v] & 0xFF;
        if ((flags & ~FLAG_STATION) != 0) {
          throw new MtcDecodeException(DecodeError.INVALID_VALUE, "info.flags", at, "reserved bit set");
        }
      }
    }
    if (!hasNonce) {
      throw new MtcDecodeException(DecodeError.INVALID_VALUE, "info.nonce", 0, "no nonce record");
    }
    return new Reply(nonce, new NodeInfo(node, version, uptime, (int) neighbours, congestion, relayed, delivered,
        (flags & FLAG_STATION) != 0));
  }

  private static void exact(int len, int want, int at, String field) {
    if (len != want) {
      throw new MtcDecodeException(DecodeError.INVALID_VALUE, field, at, "length " + len + ", must be " + want);
    }
  }

  private static long varint(byte[] buf, int v, int l, int at, String field) {
    if (l == 0) {
      throw new MtcDecodeException(DecodeError.INVALID_VALUE, field, at, "empty");
    }
    long x = Varint.read(buf, v, v + l, v - at, field); // v - at: offsets count from the payload
    if (Varint.encodedLength(x) != l || x < 0) {
      throw new MtcDecodeException(DecodeError.INVALID_VALUE, field, at, "not one canonical varint below 2^63");
    }
    return x;
  }
}
