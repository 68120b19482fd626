package network.mtc.wire.frame;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalLong;
import network.mtc.wire.Tlv;
import network.mtc.wire.TlvStream;
import network.mtc.wire.Varint;

/**
 * Writes {@link Frame}s in the v1 layout. Stateless: it writes into a caller-supplied array at an offset,
 * so a node can encode into a pooled buffer without allocating.
 *
 * @since 0.1
 */
public final class FrameEncoder {
  /** Prefix of every signed message, so a frame signature can never be replayed as another signature. */
  static final byte[] SIGNATURE_CONTEXT = "mtc-frame-v1".getBytes(StandardCharsets.US_ASCII);

  static final int FLAG_DST = 0x80;
  static final int FLAG_SEQ = 0x40;
  static final int FLAG_EXT = 0x20;
  static final int FLAG_SIG = 0x10;
  static final int RESERVED_FLAGS = 0x0F;

  private FrameEncoder() {}

  /** The encoded length of {@code frame}. */
  public static int encodedLength(Frame frame) {
    return encodedLength(frame.isUnicast(), frame.sequence(), frame.extensions(),
        frame.payload().length(), frame.isSigned());
  }

  static int encodedLength(boolean unicast, OptionalLong sequence, List<Tlv> extensions,
      int payloadLength, boolean signed) {
    int n = unicast ? Frame.UNICAST_HEADER_LENGTH : Frame.BROADCAST_HEADER_LENGTH;
    if (sequence.isPresent()) {
      n += Varint.encodedLength(sequence.getAsLong());
    }
    if (!extensions.isEmpty()) {
      int ext = TlvStream.encodedLength(extensions);
      n += Varint.encodedLength(ext) + ext;
    }
    n += payloadLength;
    return signed ? n + Frame.SIGNATURE_LENGTH : n;
  }

  /**
   * Writes {@code frame} at {@code off}.
   *
   * @return the offset just past the frame
   * @throws IndexOutOfBoundsException if {@code dst} has less than {@link #encodedLength(Frame)} bytes
   *     from {@code off}
   */
  public static int encode(Frame frame, byte[] dst, int off) {
    int end = writeBody(frame, dst, off, frame.hopLimit(), frame.isSigned());
    if (frame.isSigned()) {
      end = frame.signature().copyTo(dst, end);
    }
    return end;
  }

  /** Encodes {@code frame} into a new array of exactly its length. */
  public static byte[] encode(Frame frame) {
    byte[] out = new byte[encodedLength(frame)];
    encode(frame, out, 0);
    return out;
  }

  /** The signed message of {@code frame}: see {@link Frame#signedMessage()}. */
  static byte[] signedMessage(Frame frame) {
    int bodyLength = encodedLength(frame) - (frame.isSigned() ? Frame.SIGNATURE_LENGTH : 0);
    byte[] out = new byte[SIGNATURE_CONTEXT.length + bodyLength];
    System.arraycopy(SIGNATURE_CONTEXT, 0, out, 0, SIGNATURE_CONTEXT.length);
    writeBody(frame, out, SIGNATURE_CONTEXT.length, 0, true);
    return out;
  }

  /** Writes everything but the signature, with the given hop limit and SIG flag. */
  private static int writeBody(Frame frame, byte[] dst, int off, int hopLimit, boolean sigFlag) {
    int flags = 0;
    if (frame.isUnicast()) {
      flags |= FLAG_DST;
    }
    if (frame.sequence().isPresent()) {
      flags |= FLAG_SEQ;
    }
    if (!frame.extensions().isEmpty()) {
      flags |= FLAG_EXT;
    }
    if (sigFlag) {
      flags |= FLAG_SIG;
    }
    dst[off] = (byte) ((Frame.VERSION << 6) | frame.type());
    dst[off + 1] = (byte) flags;
    dst[off + 2] = (byte) hopLimit;
    int id = frame.messageId();
    dst[off + 3] = (byte) (id >>> 24);
    dst[off + 4] = (byte) (id >>> 16);
    dst[off + 5] = (byte) (id >>> 8);
    dst[off + 6] = (byte) id;
    int p = frame.source().writeTo(dst, off + 7);
    if (frame.isUnicast()) {
      p = frame.destination().writeTo(dst, p);
    }
    if (frame.sequence().isPresent()) {
      p = Varint.write(frame.sequence().getAsLong(), dst, p);
    }
    if (!frame.extensions().isEmpty()) {
      p = Varint.write(TlvStream.encodedLength(frame.extensions()), dst, p);
      p = TlvStream.write(frame.extensions(), dst, p);
    }
    return frame.payload().copyTo(dst, p);
  }
}
