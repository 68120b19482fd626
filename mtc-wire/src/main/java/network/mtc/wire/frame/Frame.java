package network.mtc.wire.frame;

import java.util.List;
import java.util.OptionalLong;
import network.mtc.wire.Bytes;
import network.mtc.wire.MtcDecodeException;
import network.mtc.wire.NodeAddress;
import network.mtc.wire.Tlv;
import network.mtc.wire.TlvStream;

/**
 * One MTC frame, as an immutable value: what a node originates and what travels hop by hop. The byte layout
 * (spec/wire.md, "Frames") keeps a broadcast header at 15 bytes and a unicast header at 23, within the
 * 16 and 24-byte budgets even with a short sequence number:
 *
 * <pre>
 *  0       1       2       3               7                       15                      23
 *  +-------+-------+-------+---------------+-----------------------+-----------------------+
 *  |ver|typ| flags |  hop  |  message id   |    source address     | destination (if DST)  |
 *  +-------+-------+-------+---------------+-----------------------+-----------------------+
 *  | sequence varint (if SEQ) | ext length varint + TLVs (if EXT) | payload | signature (64, if SIG) |
 *  +--------------------------+-----------------------------------+---------+-----------------------+
 *  byte 0: version (2 bits, = 01) | type (6 bits)
 *  byte 1: flags DST 0x80, SEQ 0x40, EXT 0x20, SIG 0x10; low 4 bits reserved (zero)
 *  byte 2: hop limit, 0..255 (receivers cap it; a 1,000-node mesh is about 25 hops across)
 * </pre>
 *
 * <p>The compact constructor enforces every rule the decoder enforces, so a {@code Frame} that exists can
 * always be encoded, and encodes to the one byte string that decodes back to it.
 *
 * @param type frame type, 1..63 ({@link FrameType} for assigned ones)
 * @param hopLimit remaining hops, 0..255; relays decrement it, so signatures exclude it
 * @param messageId 32-bit message id chosen by the source (unsigned); (source, id) identifies the message
 * @param source the originating node
 * @param destination the addressee of a unicast frame, or null for a broadcast
 * @param sequence per-source sequence number, 0..2^32-1, if present
 * @param extensions TLV extensions in strictly increasing type order (unknown odd types included)
 * @param payload the payload, possibly empty
 * @param signature the 64-byte Ed25519 signature over {@link #signedMessage()}, or null if unsigned
 * @since 0.1
 */
public record Frame(
    int type,
    int hopLimit,
    int messageId,
    NodeAddress source,
    NodeAddress destination,
    OptionalLong sequence,
    List<Tlv> extensions,
    Bytes payload,
    Bytes signature) {

  /** Wire format version carried in the top two bits of byte 0. */
  public static final int VERSION = 1;
  /** Largest encoded frame: 256 fragments of 16 bytes at the smallest MTU (20 - 4-byte fragment header). */
  public static final int MAX_LENGTH = 4096;
  /** Largest hop limit (one byte). */
  public static final int MAX_HOP_LIMIT = 255;
  /** Ed25519 signature length. */
  public static final int SIGNATURE_LENGTH = 64;
  /** Fixed header of a broadcast frame. */
  public static final int BROADCAST_HEADER_LENGTH = 15;
  /** Fixed header of a unicast frame. */
  public static final int UNICAST_HEADER_LENGTH = 23;
  /** Largest sequence number (32 bits). */
  public static final long MAX_SEQUENCE = 0xFFFF_FFFFL;

  /** Validates the frame against every rule of spec/wire.md. */
  public Frame {
    if (type < 1 || type > FrameType.MAX_CODE) {
      throw new IllegalArgumentException("type must be 1..63, got " + type);
    }
    if (hopLimit < 0 || hopLimit > MAX_HOP_LIMIT) {
      throw new IllegalArgumentException("hop limit must be 0..255, got " + hopLimit);
    }
    if (source == null || sequence == null || extensions == null || payload == null) {
      throw new IllegalArgumentException("source, sequence, extensions and payload are required");
    }
    if (sequence.isPresent() && (sequence.getAsLong() < 0 || sequence.getAsLong() > MAX_SEQUENCE)) {
      throw new IllegalArgumentException("sequence must be 0..2^32-1");
    }
    if (signature != null && signature.length() != SIGNATURE_LENGTH) {
      throw new IllegalArgumentException("signature must be 64 bytes");
    }
    extensions = List.copyOf(extensions);
    TlvStream.checkOrder(extensions);
    for (Tlv t : extensions) {
      byte[] v = t.value().toByteArray();
      try {
        FrameExtension.validate(t.type(), v, 0, v.length, hopLimit, 0, 0);
      } catch (MtcDecodeException e) {
        throw new IllegalArgumentException("extension " + Long.toUnsignedString(t.type()) + ": "
            + e.getMessage(), e);
      }
    }
    String broken = FrameType.ruleViolation(type, destination != null, signature != null);
    if (broken != null) {
      throw new IllegalArgumentException(broken);
    }
    int length = FrameEncoder.encodedLength(destination != null, sequence, extensions, payload.length(),
        signature != null);
    if (length > MAX_LENGTH) {
      throw new IllegalArgumentException("frame of " + length + " bytes exceeds " + MAX_LENGTH);
    }
  }

  /** A broadcast DATA frame with no sequence number, extension or signature. */
  public static Frame broadcast(int hopLimit, int messageId, NodeAddress source, Bytes payload) {
    return new Frame(FrameType.DATA.code(), hopLimit, messageId, source, null, OptionalLong.empty(),
        List.of(), payload, null);
  }

  /** A unicast DATA frame with no sequence number, extension or signature. */
  public static Frame unicast(int hopLimit, int messageId, NodeAddress source, NodeAddress destination,
      Bytes payload) {
    return new Frame(FrameType.DATA.code(), hopLimit, messageId, source, destination,
        OptionalLong.empty(), List.of(), payload, null);
  }

  /** True if the frame has a destination. */
  public boolean isUnicast() {
    return destination != null;
  }

  /** True if the frame carries a signature. */
  public boolean isSigned() {
    return signature != null;
  }

  /** The assigned type, or null for an unassigned type number. */
  public FrameType knownType() {
    return FrameType.of(type);
  }

  /** This frame with another hop limit (what a relay sends on). */
  public Frame withHopLimit(int newHopLimit) {
    return new Frame(type, newHopLimit, messageId, source, destination, sequence, extensions, payload,
        signature);
  }

  /** This frame with a signature attached (or replaced). */
  public Frame withSignature(Bytes newSignature) {
    return new Frame(type, hopLimit, messageId, source, destination, sequence, extensions, payload,
        newSignature);
  }

  /**
   * The bytes a signature over this frame covers: the context string {@code "mtc-frame-v1"} followed by
   * the encoded frame up to the signature, with the SIG flag set and the hop limit set to zero (relays
   * change the hop limit; nothing else in the frame may change in transit). The same for the frame before
   * and after {@link #withSignature}.
   */
  public byte[] signedMessage() {
    return FrameEncoder.signedMessage(this);
  }

  /** Encodes the frame ({@link FrameEncoder#encode(Frame)}). */
  public byte[] encode() {
    return FrameEncoder.encode(this);
  }
}
