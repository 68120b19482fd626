package network.mtc.wire;

/**
 * A reusable cursor over a TLV stream that checks structure without allocating: every record's length
 * fits the stream and types are strictly increasing. Whether a type is known, and whether its value is
 * valid, is the caller's business (the registry of the structure that embeds the stream).
 *
 * <pre>{@code
 * TlvReader r = new TlvReader().reset(buf, off, len, "extensions");
 * while (r.next()) {
 *   switch ((int) r.type()) { ... r.valueOffset(), r.valueLength() ... }
 * }
 * }</pre>
 *
 * <p>Offsets in errors are absolute indexes into {@code buf} minus {@code base} (see {@link #reset}).
 *
 * @since 0.1
 */
public final class TlvReader {
  private byte[] buf;
  private int pos;
  private int limit;
  private int base;
  private String field;
  private boolean first;
  private long type;
  private int valueOffset;
  private int valueLength;

  /**
   * Points the cursor at {@code buf[off, off + len)}.
   *
   * @param base subtracted from buffer indexes when reporting error offsets
   * @param field field name reported in errors
   */
  public TlvReader reset(byte[] buf, int off, int len, int base, String field) {
    this.buf = buf;
    this.pos = off;
    this.limit = off + len;
    this.base = base;
    // The "<field>.type/.length/.value" names are built only when an error is thrown: the decode path
    // allocates nothing, even when callers alternate between field names.
    this.field = field;
    this.first = true;
    return this;
  }

  /** Shorthand for {@link #reset(byte[], int, int, int, String)} with errors relative to {@code off}. */
  public TlvReader reset(byte[] buf, int off, int len, String field) {
    return reset(buf, off, len, off, field);
  }

  /**
   * Advances to the next record.
   *
   * @return false at the end of the stream
   * @throws MtcDecodeException TRUNCATED, NON_CANONICAL, OVERFLOW from the varints, TLV_ORDER if the type
   *     does not increase
   */
  public boolean next() {
    if (pos >= limit) {
      return false;
    }
    int start = pos;
    long t = readVarint(".type");
    pos += Varint.encodedLength(t);
    if (!first && Long.compareUnsigned(t, type) <= 0) {
      throw new MtcDecodeException(DecodeError.TLV_ORDER, field + ".type", start - base,
          "type " + Long.toUnsignedString(t) + " after " + Long.toUnsignedString(type));
    }
    long l = readVarint(".length");
    pos += Varint.encodedLength(l);
    if (Long.compareUnsigned(l, limit - pos) > 0) {
      throw new MtcDecodeException(DecodeError.TRUNCATED, field + ".value", pos - base,
          "length " + Long.toUnsignedString(l) + " exceeds the " + (limit - pos) + " bytes left");
    }
    first = false;
    type = t;
    valueOffset = pos;
    valueLength = (int) l;
    pos += valueLength;
    return true;
  }

  /**
   * Reads the varint at {@code pos}. On the rare error path the read is repeated with the full field name
   * ({@code field + suffix}), which throws the same error, so the happy path builds no string.
   */
  private long readVarint(String suffix) {
    try {
      return Varint.read(buf, pos, limit, base, field);
    } catch (MtcDecodeException e) {
      Varint.read(buf, pos, limit, base, field + suffix);
      throw e; // unreachable: the second read throws the same error with the full name
    }
  }

  /** The current record's type. */
  public long type() {
    return type;
  }

  /** Index in the buffer of the current record's value. */
  public int valueOffset() {
    return valueOffset;
  }

  /** Length of the current record's value. */
  public int valueLength() {
    return valueLength;
  }

  /** The current record as an immutable value (allocates). */
  public Tlv record() {
    return new Tlv(type, Bytes.copyOf(buf, valueOffset, valueLength));
  }
}
