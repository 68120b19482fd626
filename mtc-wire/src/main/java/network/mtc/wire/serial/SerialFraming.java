package network.mtc.wire.serial;

import java.util.zip.CRC32C;
import network.mtc.wire.DecodeError;
import network.mtc.wire.MtcDecodeException;
import network.mtc.wire.frame.Frame;

/**
 * Serial framing for UART-attached BLE and LoRa modules (spec/wire.md, "Serial framing"): each link packet
 * travels as
 *
 * <pre>
 *   COBS( packet || CRC-32C(packet) as 4 bytes little-endian ) || 0x00
 * </pre>
 *
 * <p>CRC-32C is the Castagnoli polynomial as in iSCSI (check value of "123456789": 0xE3069283). The
 * zero delimiter lets a receiver that started mid-stream or lost bytes find the next frame; the CRC rejects
 * what noise corrupted. {@link SerialFrameDecoder} is the streaming receiver; this class encodes, and
 * decodes one delimited frame at a time.
 *
 * @since 0.1
 */
public final class SerialFraming {
  /** CRC trailer length. */
  public static final int CRC_LENGTH = 4;
  /** Largest packet a serial frame carries: one whole frame. */
  public static final int MAX_PACKET_LENGTH = Frame.MAX_LENGTH;
  /** Largest encoded frame, delimiter excluded. */
  public static final int MAX_ENCODED_LENGTH = Cobs.maxEncodedLength(MAX_PACKET_LENGTH + CRC_LENGTH);

  private SerialFraming() {}

  /** Bytes needed to encode a packet of {@code len} bytes, delimiter included. */
  public static int maxFramedLength(int len) {
    return Cobs.maxEncodedLength(len + CRC_LENGTH) + 1;
  }

  /**
   * Encodes {@code packet[off, off + len)} with its CRC and the trailing delimiter into {@code dst} at
   * {@code dstOff}, using {@code scratch} (at least {@code len + 4} bytes) for the CRC'd packet.
   *
   * @return the offset just past the delimiter
   */
  public static int encode(byte[] packet, int off, int len, byte[] scratch, byte[] dst, int dstOff) {
    if (len < 0 || len > MAX_PACKET_LENGTH) {
      throw new IllegalArgumentException("packet length must be 0.." + MAX_PACKET_LENGTH);
    }
    System.arraycopy(packet, off, scratch, 0, len);
    int crc = crc32c(packet, off, len);
    scratch[len] = (byte) crc;
    scratch[len + 1] = (byte) (crc >>> 8);
    scratch[len + 2] = (byte) (crc >>> 16);
    scratch[len + 3] = (byte) (crc >>> 24);
    int end = Cobs.encode(scratch, 0, len + CRC_LENGTH, dst, dstOff);
    dst[end] = 0;
    return end + 1;
  }

  /** Encodes one packet into a new array, delimiter included. */
  public static byte[] encode(byte[] packet) {
    byte[] out = new byte[maxFramedLength(packet.length)];
    int end = encode(packet, 0, packet.length, new byte[packet.length + CRC_LENGTH], out, 0);
    return java.util.Arrays.copyOf(out, end);
  }

  /**
   * Decodes one frame {@code src[off, off + len)} (without its delimiter) in place.
   *
   * @return the packet length; the packet is at {@code src[off, off + result)}
   * @throws MtcDecodeException TOO_LONG, COBS_INVALID, NON_CANONICAL, TRUNCATED (no room for the CRC) or
   *     CRC_MISMATCH, with offsets relative to {@code off}
   */
  public static int decodeInPlace(byte[] src, int off, int len) {
    if (len > MAX_ENCODED_LENGTH) {
      throw new MtcDecodeException(DecodeError.TOO_LONG, "serial.frame", MAX_ENCODED_LENGTH);
    }
    int n = Cobs.decode(src, off, len, src, off);
    if (n < CRC_LENGTH) {
      throw new MtcDecodeException(DecodeError.TRUNCATED, "serial.crc", n,
          n + " decoded bytes, a CRC alone takes 4");
    }
    int packetLength = n - CRC_LENGTH;
    int crc = crc32c(src, off, packetLength);
    int got = (src[off + packetLength] & 0xFF) | (src[off + packetLength + 1] & 0xFF) << 8
        | (src[off + packetLength + 2] & 0xFF) << 16 | (src[off + packetLength + 3] & 0xFF) << 24;
    if (crc != got) {
      throw new MtcDecodeException(DecodeError.CRC_MISMATCH, "serial.crc", packetLength,
          String.format("computed %08x, frame says %08x", crc, got));
    }
    return packetLength;
  }

  /** Decodes one frame given without its delimiter into a new array. */
  public static byte[] decode(byte[] encoded) {
    byte[] work = encoded.clone();
    int n = decodeInPlace(work, 0, work.length);
    return java.util.Arrays.copyOf(work, n);
  }

  static int crc32c(byte[] b, int off, int len) {
    CRC32C c = new CRC32C();
    c.update(b, off, len);
    return (int) c.getValue();
  }
}
