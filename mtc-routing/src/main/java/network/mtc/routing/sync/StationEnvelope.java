package network.mtc.routing.sync;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import network.mtc.crypto.PublicKey;
import network.mtc.crypto.SigningKey;
import network.mtc.wire.Bytes;
import network.mtc.wire.DecodeError;
import network.mtc.wire.MtcDecodeException;
import network.mtc.wire.NodeAddress;
import network.mtc.wire.Varint;
import network.mtc.wire.frame.Frame;
import network.mtc.wire.frame.FrameDecoder;
import network.mtc.wire.frame.FrameView;

/**
 * A mesh frame as a station carries it over the uplink (spec/routing-sync.md, section 6; never on radio).
 * Signed by the station key, so a {@code station} field is a proof, not a claim (MESH-LESSONS 6):
 *
 * <pre>
 *  0                14             22                 +v       +1                      end-64
 *  +----------------+--------------+------------------+--------+-----------------------+-----------+
 *  | "mtc-station-v1" | station (8) | received_at varint | flags | frame (wire v1, whole) | signature |
 *  +----------------+--------------+------------------+--------+-----------------------+-----------+
 *  flags: 0x80 via_station (the frame came down from the wide area); 0x7F reserved (0)
 *  signature: Ed25519 by the station key over every byte before it, the context string included
 * </pre>
 *
 * <p>The context string differs from the frame signature context ("mtc-frame-v1"), so neither signature
 * can be replayed as the other. The frame inside is carried byte for byte (its payload stays end-to-end
 * encrypted: the broker sees ciphertext only, MESH-LESSONS 7).
 *
 * @param station the station that signed
 * @param receivedAt when the station received the frame, Unix seconds
 * @param viaStation true if the station got the frame from the wide area (never uplinked again)
 * @param frame the encoded frame
 * @param signature the 64-byte station signature
 * @since 0.1
 */
public record StationEnvelope(NodeAddress station, long receivedAt, boolean viaStation, Bytes frame,
    Bytes signature) {
  /** The context string that starts every envelope. */
  public static final String CONTEXT = "mtc-station-v1";
  /** The via_station flag. */
  public static final int FLAG_VIA_STATION = 0x80;
  /** Largest envelope: context, address, a 10-byte varint, flags, a maximal frame and the signature. */
  public static final int MAX_LENGTH = 14 + 8 + Varint.MAX_LENGTH + 1 + Frame.MAX_LENGTH + 64;

  private static final byte[] CTX = CONTEXT.getBytes(StandardCharsets.US_ASCII);

  /** Checks field sizes. */
  public StationEnvelope {
    if (station == null || frame == null || signature == null || signature.length() != 64) {
      throw new IllegalArgumentException("station, frame and a 64-byte signature are required");
    }
    if (frame.length() == 0 || frame.length() > Frame.MAX_LENGTH) {
      throw new IllegalArgumentException("frame must be 1..4096 bytes");
    }
  }

  /** Wraps and signs {@code frame} with the station key. */
  public static StationEnvelope sign(SigningKey stationKey, long receivedAt, boolean viaStation,
      byte[] frame) {
    byte[] body = body(stationKey.nodeAddress(), receivedAt, viaStation, frame);
    return new StationEnvelope(stationKey.nodeAddress(), receivedAt, viaStation, Bytes.copyOf(frame),
        Bytes.copyOf(stationKey.sign(body)));
  }

  private static byte[] body(NodeAddress station, long receivedAt, boolean via, byte[] frame) {
    byte[] out = new byte[CTX.length + 8 + Varint.encodedLength(receivedAt) + 1 + frame.length];
    System.arraycopy(CTX, 0, out, 0, CTX.length);
    int p = station.writeTo(out, CTX.length);
    p = Varint.write(receivedAt, out, p);
    out[p++] = (byte) (via ? FLAG_VIA_STATION : 0);
    System.arraycopy(frame, 0, out, p, frame.length);
    return out;
  }

  /** The bytes the signature covers. */
  public byte[] signedBytes() {
    return body(station, receivedAt, viaStation, frame.toByteArray());
  }

  /** True if {@code key} is the station's key and the signature is valid. */
  public boolean verify(PublicKey key) {
    return key.nodeAddress().equals(station) && key.verify(signedBytes(), signature.toByteArray());
  }

  /** The encoded envelope. */
  public byte[] encode() {
    byte[] body = signedBytes();
    byte[] out = Arrays.copyOf(body, body.length + 64);
    signature.copyTo(out, body.length);
    return out;
  }

  /**
   * Decodes an envelope (signature not verified: see {@link #verify}).
   *
   * @throws MtcDecodeException for the first rule of spec/routing-sync.md 6.1 the input breaks
   */
  public static StationEnvelope decode(byte[] buf) {
    if (buf.length > MAX_LENGTH) {
      throw new MtcDecodeException(DecodeError.TOO_LONG, "envelope", MAX_LENGTH);
    }
    if (buf.length < CTX.length) {
      throw new MtcDecodeException(DecodeError.TRUNCATED, "envelope.context", 0);
    }
    if (!Arrays.equals(buf, 0, CTX.length, CTX, 0, CTX.length)) {
      throw new MtcDecodeException(DecodeError.INVALID_VALUE, "envelope.context", 0);
    }
    int p = CTX.length;
    if (buf.length - p < 8) {
      throw new MtcDecodeException(DecodeError.TRUNCATED, "envelope.station", p);
    }
    NodeAddress station = new NodeAddress(ItemKey.readLong(buf, p));
    p += 8;
    long receivedAt = Varint.read(buf, p, buf.length, "envelope.received_at");
    p += Varint.encodedLength(receivedAt);
    if (p >= buf.length) {
      throw new MtcDecodeException(DecodeError.TRUNCATED, "envelope.flags", p);
    }
    int flags = buf[p] & 0xFF;
    if ((flags & ~FLAG_VIA_STATION) != 0) {
      throw new MtcDecodeException(DecodeError.RESERVED, "envelope.flags", p);
    }
    p++;
    int frameLen = buf.length - p - 64;
    if (frameLen < 0) {
      throw new MtcDecodeException(DecodeError.TRUNCATED, "envelope.signature", p);
    }
    try {
      FrameDecoder.decode(buf, p, frameLen, new FrameView());
    } catch (MtcDecodeException e) {
      throw new MtcDecodeException(e.code(), "envelope.frame." + e.field(), p + e.offset());
    }
    return new StationEnvelope(station, receivedAt, flags != 0, Bytes.copyOf(buf, p, frameLen),
        Bytes.copyOf(buf, p + frameLen, 64));
  }
}
