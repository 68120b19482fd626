package network.mtc.wire;

/**
 * Unsigned LEB128 varints, canonical only. Seven bits per byte, least significant group first, the high
 * bit set on every byte but the last. A value takes at most {@link #MAX_LENGTH} bytes, and the shortest
 * encoding is the only one accepted: a last byte of {@code 0x00} after another byte is rejected as
 * {@link DecodeError#NON_CANONICAL}, so that every value has exactly one encoding (signed bytes, hashes
 * and duplicate caches depend on this).
 *
 * <pre>
 *   300 = 0b1_0010_1100  ->  1010_1100 0000_0010  (0xAC 0x02)
 * </pre>
 *
 * <p>Values are Java {@code long}s read as unsigned 64-bit integers.
 *
 * @since 0.1
 */
public final class Varint {
  /** 64 bits in 7-bit groups need 10 bytes; the 10th may carry only the top bit. */
  public static final int MAX_LENGTH = 10;

  private Varint() {}

  /** The number of bytes {@link #write} uses for {@code value} (unsigned). */
  public static int encodedLength(long value) {
    int bits = 64 - Long.numberOfLeadingZeros(value | 1);
    return (bits + 6) / 7;
  }

  /**
   * Writes {@code value} (unsigned) at {@code off}.
   *
   * @return the offset just past the written bytes
   * @throws IndexOutOfBoundsException if {@code dst} is too short (a caller bug, not bad input)
   */
  public static int write(long value, byte[] dst, int off) {
    while ((value & ~0x7FL) != 0) {
      dst[off++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    dst[off++] = (byte) value;
    return off;
  }

  /** Encodes {@code value} into a new array. */
  public static byte[] encode(long value) {
    byte[] out = new byte[encodedLength(value)];
    write(value, out, 0);
    return out;
  }

  /**
   * Reads a canonical varint from {@code buf[off, limit)}.
   *
   * @param field the field name reported on error
   * @return the value, unsigned; its length is {@link #encodedLength(long)} of it (the encoding is canonical)
   * @throws MtcDecodeException TRUNCATED if the input ends inside the varint, OVERFLOW past 64 bits,
   *     NON_CANONICAL for a needlessly long encoding
   */
  public static long read(byte[] buf, int off, int limit, String field) {
    return read(buf, off, limit, 0, field);
  }

  /**
   * As {@link #read(byte[], int, int, String)}, reporting error offsets as buffer index minus {@code base}
   * (for varints nested in a structure whose offsets count from its first byte).
   */
  public static long read(byte[] buf, int off, int limit, int base, String field) {
    long value = 0;
    int shift = 0;
    for (int i = off; ; i++) {
      if (i >= limit) {
        throw new MtcDecodeException(DecodeError.TRUNCATED, field, off - base);
      }
      int b = buf[i] & 0xFF;
      if (shift == 63 && b > 1) {
        throw new MtcDecodeException(DecodeError.OVERFLOW, field, off - base, "more than 64 bits");
      }
      value |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        if (b == 0 && i != off) {
          throw new MtcDecodeException(DecodeError.NON_CANONICAL, field, off - base, "trailing zero group");
        }
        return value;
      }
      shift += 7;
    }
  }

  /** Reads a whole-input varint from {@code buf}: the input must hold exactly one canonical varint. */
  public static long decode(byte[] buf) {
    long v = read(buf, 0, buf.length, "varint");
    int len = encodedLength(v);
    if (len != buf.length) {
      throw new MtcDecodeException(DecodeError.TRAILING_BYTES, "varint", len);
    }
    return v;
  }
}
