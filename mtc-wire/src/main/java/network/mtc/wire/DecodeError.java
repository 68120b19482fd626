package network.mtc.wire;

/**
 * The stable error codes with which every MTC decoder rejects input. The names are part of the wire
 * specification ({@code spec/wire.md}, section "Error codes") and of the conformance vectors: other
 * implementations report the same code for the same input.
 *
 * @since 0.1
 */
public enum DecodeError {
  /** The input ended before a field was complete. */
  TRUNCATED,
  /** Bytes are left over after a structure that must fill its input exactly. */
  TRAILING_BYTES,
  /** The input is longer than the structure allows (frame, reassembled message, serial frame). */
  TOO_LONG,
  /** A version field holds a value this implementation does not speak. */
  UNSUPPORTED_VERSION,
  /** A reserved bit or reserved value is set. */
  RESERVED,
  /** A varint uses more bytes than needed for its value, or a field is encoded in a second way. */
  NON_CANONICAL,
  /** A value does not fit its field (varint over 64 bits, trytes over the int64 range). */
  OVERFLOW,
  /** TLV records are not in strictly increasing type order. */
  TLV_ORDER,
  /** An unknown TLV record of even type ("it's OK to be odd"). */
  TLV_UNKNOWN_EVEN,
  /** A field holds a value outside its allowed set (wrong length of a known TLV, hop limit, ...). */
  INVALID_VALUE,
  /** A frame type's rules are broken (a type that must be signed is not, unicast-only type broadcast). */
  TYPE_RULE,
  /** A fragment header is inconsistent (count below 2, index past count). */
  FRAGMENT_HEADER,
  /** A fragment contradicts the earlier fragments of its message (count or chunk size differs). */
  FRAGMENT_MISMATCH,
  /** A COBS block points past the end of the frame or a zero byte appears inside it. */
  COBS_INVALID,
  /** The CRC-32C trailer of a serial frame does not match its content. */
  CRC_MISMATCH,
  /** A character outside the tryte alphabet {@code 9A-Z}. */
  INVALID_TRYTE,
  /** A trit outside {-1, 0, 1}. */
  INVALID_TRIT,
  /** A length that the codec cannot accept (odd number of trytes for b1t6, ...). */
  INVALID_LENGTH
}
