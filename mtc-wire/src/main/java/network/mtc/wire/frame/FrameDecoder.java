package network.mtc.wire.frame;

import network.mtc.wire.DecodeError;
import network.mtc.wire.MtcDecodeException;
import network.mtc.wire.TlvReader;
import network.mtc.wire.Varint;

/**
 * Decodes v1 frames, checking every rule of spec/wire.md ("Frames", "Rejection rules") in the order the
 * spec lists them, so that every implementation reports the same first error for the same input. Decoding
 * into a {@link FrameView} allocates nothing; the input must be exactly one frame (the link layer delimits
 * frames).
 *
 * <p>Errors are {@link MtcDecodeException}s with offsets relative to the first byte of the frame.
 *
 * @since 0.1
 */
public final class FrameDecoder {
  private FrameDecoder() {}

  /** Decodes {@code buf} (one whole frame) into a new immutable {@link Frame}. */
  public static Frame decode(byte[] buf) {
    FrameView v = new FrameView();
    decode(buf, 0, buf.length, v);
    return v.toFrame();
  }

  /**
   * Decodes the frame in {@code buf[off, off + len)} into {@code into}, without allocating.
   *
   * @throws MtcDecodeException naming the rule, field and offset of the first problem
   */
  public static void decode(byte[] buf, int off, int len, FrameView into) {
    if (len > Frame.MAX_LENGTH) {
      throw new MtcDecodeException(DecodeError.TOO_LONG, "frame", Frame.MAX_LENGTH,
          len + " bytes, at most " + Frame.MAX_LENGTH);
    }
    if (len < 1) {
      throw new MtcDecodeException(DecodeError.TRUNCATED, "version", 0);
    }
    int b0 = buf[off] & 0xFF;
    if ((b0 >>> 6) != Frame.VERSION) {
      throw new MtcDecodeException(DecodeError.UNSUPPORTED_VERSION, "version", 0,
          "version " + (b0 >>> 6));
    }
    int type = b0 & 0x3F;
    if (type == 0) {
      throw new MtcDecodeException(DecodeError.RESERVED, "type", 0, "type 0 is reserved");
    }
    if (len < 2) {
      throw new MtcDecodeException(DecodeError.TRUNCATED, "flags", 1);
    }
    int b1 = buf[off + 1] & 0xFF;
    if ((b1 & FrameEncoder.RESERVED_FLAGS) != 0) {
      throw new MtcDecodeException(DecodeError.RESERVED, "flags", 1, "reserved flag bits set");
    }
    boolean unicast = (b1 & FrameEncoder.FLAG_DST) != 0;
    int header = unicast ? Frame.UNICAST_HEADER_LENGTH : Frame.BROADCAST_HEADER_LENGTH;
    if (len < 3) {
      throw new MtcDecodeException(DecodeError.TRUNCATED, "hop_limit", 2);
    }
    if (len < 7) {
      throw new MtcDecodeException(DecodeError.TRUNCATED, "message_id", 3);
    }
    if (len < 15) {
      throw new MtcDecodeException(DecodeError.TRUNCATED, "source", 7);
    }
    long source = readLong(buf, off + 7);
    if (source == 0) {
      throw new MtcDecodeException(DecodeError.RESERVED, "source", 7, "zero address");
    }
    long destination = 0;
    if (unicast) {
      if (len < header) {
        throw new MtcDecodeException(DecodeError.TRUNCATED, "destination", 15);
      }
      destination = readLong(buf, off + 15);
      if (destination == 0) {
        throw new MtcDecodeException(DecodeError.RESERVED, "destination", 15, "zero address");
      }
    }
    int end = off + len;
    int p = off + header;
    long sequence = 0;
    if ((b1 & FrameEncoder.FLAG_SEQ) != 0) {
      sequence = Varint.read(buf, p, end, off, "sequence");
      if (sequence < 0 || sequence > Frame.MAX_SEQUENCE) {
        throw new MtcDecodeException(DecodeError.INVALID_VALUE, "sequence", p - off,
            "above 2^32-1");
      }
      p += Varint.encodedLength(sequence);
    }
    boolean signed = (b1 & FrameEncoder.FLAG_SIG) != 0;
    int bodyEnd = end;
    if (signed) {
      if (end - p < Frame.SIGNATURE_LENGTH) {
        throw new MtcDecodeException(DecodeError.TRUNCATED, "signature", p - off,
            (end - p) + " bytes left for a 64-byte signature");
      }
      bodyEnd = end - Frame.SIGNATURE_LENGTH;
    }
    int hopLimit = buf[off + 2] & 0xFF;
    int extOff = p;
    int extLen = 0;
    if ((b1 & FrameEncoder.FLAG_EXT) != 0) {
      int lenAt = p;
      long l = Varint.read(buf, p, bodyEnd, off, "extensions.length");
      p += Varint.encodedLength(l);
      if (l == 0) {
        throw new MtcDecodeException(DecodeError.NON_CANONICAL, "extensions.length", lenAt - off,
            "EXT flag set with no extension");
      }
      if (Long.compareUnsigned(l, bodyEnd - p) > 0) {
        throw new MtcDecodeException(DecodeError.TRUNCATED, "extensions", p - off,
            "length " + Long.toUnsignedString(l) + " exceeds the " + (bodyEnd - p) + " bytes left");
      }
      extOff = p;
      extLen = (int) l;
      validateExtensions(buf, extOff, extLen, hopLimit, off, into);
      p += extLen;
    }
    String broken = FrameType.ruleViolation(type, unicast, signed);
    if (broken != null) {
      throw new MtcDecodeException(DecodeError.TYPE_RULE, "flags", 1, broken);
    }
    into.buf = buf;
    into.off = off;
    into.length = len;
    into.type = type;
    into.flags = b1;
    into.hopLimit = hopLimit;
    into.messageId = (buf[off + 3] & 0xFF) << 24 | (buf[off + 4] & 0xFF) << 16
        | (buf[off + 5] & 0xFF) << 8 | (buf[off + 6] & 0xFF);
    into.source = source;
    into.destination = destination;
    into.sequence = sequence;
    into.extensionsOffset = extOff;
    into.extensionsLength = extLen;
    into.payloadOffset = p;
    into.payloadLength = bodyEnd - p;
  }

  private static void validateExtensions(byte[] buf, int extOff, int extLen, int hopLimit, int base,
      FrameView scratch) {
    TlvReader r = scratch.reader().reset(buf, extOff, extLen, base, "extensions");
    int recordStart = extOff;
    while (r.next()) {
      FrameExtension.validate(r.type(), buf, r.valueOffset(), r.valueLength(), hopLimit,
          recordStart - base, base);
      recordStart = r.valueOffset() + r.valueLength();
    }
  }

  private static long readLong(byte[] buf, int off) {
    return ((long) (buf[off] & 0xFF) << 56) | ((long) (buf[off + 1] & 0xFF) << 48)
        | ((long) (buf[off + 2] & 0xFF) << 40) | ((long) (buf[off + 3] & 0xFF) << 32)
        | ((long) (buf[off + 4] & 0xFF) << 24) | ((buf[off + 5] & 0xFF) << 16)
        | ((buf[off + 6] & 0xFF) << 8) | (buf[off + 7] & 0xFF);
  }
}
