package network.mtc.wire.frame;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import network.mtc.wire.Bytes;
import network.mtc.wire.NodeAddress;
import network.mtc.wire.Tlv;
import network.mtc.wire.TlvReader;

/**
 * A decoded frame as a view over the buffer it was decoded from: field values and the offsets of the
 * variable parts, no copies. A relay decodes into one reused view per link, reads the few fields it needs
 * and forwards or drops the bytes, allocating nothing. The view is valid until the buffer changes or
 * {@link FrameDecoder#decode(byte[], int, int, FrameView)} reuses it; {@link #toFrame()} makes a lasting
 * copy.
 *
 * @since 0.1
 */
public final class FrameView {
  byte[] buf;
  int off;
  int length;
  int type;
  int flags;
  int hopLimit;
  int messageId;
  long source;
  long destination;
  long sequence;
  int extensionsOffset;
  int extensionsLength;
  int payloadOffset;
  int payloadLength;
  private final TlvReader extensionReader = new TlvReader();

  /** The buffer the view reads from. */
  public byte[] buffer() {
    return buf;
  }

  /** Index of the frame's first byte in {@link #buffer()}. */
  public int offset() {
    return off;
  }

  /** Encoded length of the frame. */
  public int length() {
    return length;
  }

  /** Frame type number (1..63). */
  public int type() {
    return type;
  }

  /** Remaining hop limit. */
  public int hopLimit() {
    return hopLimit;
  }

  /** The 32-bit message id. */
  public int messageId() {
    return messageId;
  }

  /** Source address as its 64-bit value ({@link NodeAddress#value()}). */
  public long sourceValue() {
    return source;
  }

  /** True for unicast frames. */
  public boolean isUnicast() {
    return (flags & FrameEncoder.FLAG_DST) != 0;
  }

  /** Destination address value; meaningful only if {@link #isUnicast()}. */
  public long destinationValue() {
    return destination;
  }

  /** True if a sequence number is present. */
  public boolean hasSequence() {
    return (flags & FrameEncoder.FLAG_SEQ) != 0;
  }

  /** The sequence number; meaningful only if {@link #hasSequence()}. */
  public long sequenceValue() {
    return sequence;
  }

  /** True if the frame carries a signature. */
  public boolean isSigned() {
    return (flags & FrameEncoder.FLAG_SIG) != 0;
  }

  /** Index in {@link #buffer()} of the payload. */
  public int payloadOffset() {
    return payloadOffset;
  }

  /** Payload length. */
  public int payloadLength() {
    return payloadLength;
  }

  /** Index in {@link #buffer()} of the signature; meaningful only if {@link #isSigned()}. */
  public int signatureOffset() {
    return off + length - Frame.SIGNATURE_LENGTH;
  }

  /** The view's reusable TLV cursor, for the decoder's validation pass. */
  TlvReader reader() {
    return extensionReader;
  }

  /** A cursor over the (already validated) extensions; reused, so not valid across calls. */
  public TlvReader extensions() {
    return extensionReader.reset(buf, extensionsOffset, extensionsLength, off, "extensions");
  }

  /**
   * Rewrites the hop limit in place in the underlying buffer (what a relay does before forwarding). The
   * signature stays valid because it excludes the hop limit.
   */
  public void setHopLimit(int newHopLimit) {
    if (newHopLimit < 0 || newHopLimit > Frame.MAX_HOP_LIMIT) {
      throw new IllegalArgumentException("hop limit must be 0..255");
    }
    buf[off + 2] = (byte) newHopLimit;
    hopLimit = newHopLimit;
  }

  /** Length of the signed message ({@link Frame#signedMessage()}). */
  public int signedMessageLength() {
    int body = length - (isSigned() ? Frame.SIGNATURE_LENGTH : 0);
    return FrameEncoder.SIGNATURE_CONTEXT.length + body;
  }

  /** Writes the signed message into {@code dst} at {@code dstOff}; returns the offset past it. */
  public int writeSignedMessage(byte[] dst, int dstOff) {
    int ctx = FrameEncoder.SIGNATURE_CONTEXT.length;
    System.arraycopy(FrameEncoder.SIGNATURE_CONTEXT, 0, dst, dstOff, ctx);
    int body = length - (isSigned() ? Frame.SIGNATURE_LENGTH : 0);
    System.arraycopy(buf, off, dst, dstOff + ctx, body);
    dst[dstOff + ctx + 1] = (byte) (buf[off + 1] | FrameEncoder.FLAG_SIG);
    dst[dstOff + ctx + 2] = 0;
    return dstOff + ctx + body;
  }

  /** Copies the view into an immutable {@link Frame}. */
  public Frame toFrame() {
    List<Tlv> ext = new ArrayList<>();
    TlvReader r = extensions();
    while (r.next()) {
      ext.add(r.record());
    }
    return new Frame(type, hopLimit, messageId, new NodeAddress(source),
        isUnicast() ? new NodeAddress(destination) : null,
        hasSequence() ? OptionalLong.of(sequence) : OptionalLong.empty(), ext,
        Bytes.copyOf(buf, payloadOffset, payloadLength),
        isSigned() ? Bytes.copyOf(buf, signatureOffset(), Frame.SIGNATURE_LENGTH) : null);
  }
}
