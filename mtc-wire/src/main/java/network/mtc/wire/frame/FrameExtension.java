package network.mtc.wire.frame;

import network.mtc.wire.DecodeError;
import network.mtc.wire.MtcDecodeException;
import network.mtc.wire.Varint;

/**
 * The frame extension (TLV) types that wire v1 knows, and the validation of their values. Unknown odd types
 * are carried uninterpreted; unknown even types reject the frame (spec/wire.md, "Extensions").
 *
 * @since 0.1
 */
public enum FrameExtension {
  /**
   * Type 1, odd: the hop limit the source set, one byte, never below the frame's current hop limit.
   * Lets a receiver tell how many hops a frame travelled. Relays that do not know it lose nothing.
   */
  ORIGIN_HOP_LIMIT(1),
  /**
   * Type 2, even: expiry time as a canonical varint of Unix seconds filling the value exactly. Even because
   * a store-and-forward node that ignored it would hold the frame forever.
   */
  EXPIRES_AT(2),
  /**
   * Type 3, odd: on an end-to-end retry of a unicast message, the message id of its first attempt, 4 bytes
   * (spec/routing-unicast.md). The receiver suppresses the second delivery by it; relays need not know it.
   */
  FIRST_ID(3),
  /** Type 4, even: the publish/subscribe topic, 1 to {@value #MAX_TOPIC_LENGTH} bytes. */
  TOPIC(4);

  /** Longest topic: short enough to leave payload room in one BLE 5 packet. */
  public static final int MAX_TOPIC_LENGTH = 32;

  private final long type;

  FrameExtension(long type) {
    this.type = type;
  }

  /** The TLV type number. */
  public long type() {
    return type;
  }

  /** The known extension with this TLV type, or null. */
  public static FrameExtension of(long type) {
    if (type == 1) {
      return ORIGIN_HOP_LIMIT;
    } else if (type == 2) {
      return EXPIRES_AT;
    } else if (type == 3) {
      return FIRST_ID;
    } else if (type == 4) {
      return TOPIC;
    }
    return null;
  }

  /**
   * Validates one extension record of a frame.
   *
   * @param recordOffset offset of the record's type byte, relative to the frame, for error reports
   * @param valueOffset index of the value in {@code buf}
   * @param base subtracted from buffer indexes in error offsets
   */
  static void validate(long type, byte[] buf, int valueOffset, int valueLength, int hopLimit,
      int recordOffset, int base) {
    FrameExtension known = of(type);
    if (known == null) {
      if ((type & 1) == 0) {
        throw new MtcDecodeException(DecodeError.TLV_UNKNOWN_EVEN, "extensions.type", recordOffset,
            "unknown even extension " + Long.toUnsignedString(type));
      }
      return;
    }
    int at = valueOffset - base;
    switch (known) {
      case ORIGIN_HOP_LIMIT -> {
        if (valueLength != 1) {
          throw new MtcDecodeException(DecodeError.INVALID_VALUE, "extensions.origin_hop_limit", at,
              "length " + valueLength + ", must be 1");
        }
        int v = buf[valueOffset] & 0xFF;
        if (v < hopLimit) {
          throw new MtcDecodeException(DecodeError.INVALID_VALUE, "extensions.origin_hop_limit", at,
              "value " + v + " is below the hop limit " + hopLimit);
        }
      }
      case EXPIRES_AT -> {
        long v = Varint.read(buf, valueOffset, valueOffset + valueLength, base, "extensions.expires_at");
        if (Varint.encodedLength(v) != valueLength) {
          throw new MtcDecodeException(DecodeError.TRAILING_BYTES, "extensions.expires_at",
              at + Varint.encodedLength(v));
        }
      }
      case FIRST_ID -> {
        if (valueLength != 4) {
          throw new MtcDecodeException(DecodeError.INVALID_VALUE, "extensions.first_id", at,
              "length " + valueLength + ", must be 4");
        }
      }
      case TOPIC -> {
        if (valueLength < 1 || valueLength > MAX_TOPIC_LENGTH) {
          throw new MtcDecodeException(DecodeError.INVALID_VALUE, "extensions.topic", at,
              "length " + valueLength + ", must be 1.." + MAX_TOPIC_LENGTH);
        }
      }
    }
  }
}
