package network.mtc.wire;

/**
 * One TLV record: a varint type, a varint length and that many value bytes. Streams of records follow the
 * "it's OK to be odd" rule: types appear in strictly increasing order, an unknown odd type is carried
 * uninterpreted and an unknown even type rejects the whole structure ({@link DecodeError#TLV_UNKNOWN_EVEN}).
 *
 * <pre>
 *   +-------------+---------------+----------------+
 *   | type varint | length varint | value (length) |
 *   +-------------+---------------+----------------+
 * </pre>
 *
 * @param type the record type, an unsigned 64-bit value
 * @param value the value bytes
 * @since 0.1
 */
public record Tlv(long type, Bytes value) {
  /** Validates the components. */
  public Tlv {
    if (value == null) {
      throw new IllegalArgumentException("value is required");
    }
  }

  /** True for odd types, which a reader that does not know them may skip. */
  public boolean isOdd() {
    return (type & 1) == 1;
  }

  /** The encoded size of this record. */
  public int encodedLength() {
    return Varint.encodedLength(type) + Varint.encodedLength(value.length()) + value.length();
  }

  /** Writes the record at {@code off}; returns the offset past it. */
  public int writeTo(byte[] dst, int off) {
    off = Varint.write(type, dst, off);
    off = Varint.write(value.length(), dst, off);
    return value.copyTo(dst, off);
  }
}
