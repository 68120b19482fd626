package network.mtc.wire.serial;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import network.mtc.wire.DecodeError;
import network.mtc.wire.MtcDecodeException;

/**
 * Consistent Overhead Byte Stuffing (Cheshire and Baker, 1999): rewrites bytes so that no {@code 0x00}
 * remains, at a cost of one byte per 254, so {@code 0x00} can delimit frames on a serial line. Each block is
 * a code byte {@code c} (1..255) followed by {@code c - 1} non-zero data bytes; a block with {@code c < 255}
 * stands for its data followed by a zero, except at the end of the frame.
 *
 * <pre>
 *   11 22 00 33  ->  03 11 22 02 33
 * </pre>
 *
 * <p>Only the canonical encoding is accepted. Data that ends with a full run of 254 non-zero bytes
 * encodes to a final 255 block and nothing after it (as in the examples of the COBS article and its
 * reference C code); the longer form with an extra empty {@code 01} block decodes to the same bytes, so a
 * frame whose last block is {@code 01} right after a 255 block is rejected as
 * {@link DecodeError#NON_CANONICAL}. Zero bytes are found eight at a time, and runs are moved with
 * {@code System.arraycopy}.
 *
 * @since 0.1
 */
public final class Cobs {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101_0101_0101_0101L;
  private static final long HIGHS = 0x8080_8080_8080_8080L;

  private Cobs() {}

  /** The largest encoded length of {@code n} bytes: one code byte per 254 data bytes, plus one. */
  public static int maxEncodedLength(int n) {
    return n + n / 254 + 1;
  }

  /**
   * Encodes {@code src[off, off + len)} into {@code dst} at {@code dstOff}.
   *
   * @return the offset just past the encoded bytes (at most {@link #maxEncodedLength} bytes written)
   */
  public static int encode(byte[] src, int off, int len, byte[] dst, int dstOff) {
    int end = off + len;
    int p = off;
    int d = dstOff;
    while (true) {
      int runEnd = Math.min(end, p + 254);
      int zero = indexOfZero(src, p, runEnd);
      int n = (zero < 0 ? runEnd : zero) - p;
      dst[d] = (byte) (n + 1);
      System.arraycopy(src, p, dst, d + 1, n);
      d += n + 1;
      if (zero >= 0) {
        p = zero + 1;
      } else if (n == 254) {
        p = runEnd;
        if (p == end) {
          return d;
        }
      } else {
        return d;
      }
    }
  }

  /**
   * Decodes the encoded bytes {@code src[off, off + len)} (no delimiter) into {@code dst} at
   * {@code dstOff}. Decoding in place ({@code dst == src}, {@code dstOff <= off}) is allowed.
   *
   * @return the number of decoded bytes (at most {@code len - 1})
   * @throws MtcDecodeException COBS_INVALID for an empty input, a zero byte or a block past the end;
   *     NON_CANONICAL for a final empty block after a 255 block. Offsets are relative to {@code off}.
   */
  public static int decode(byte[] src, int off, int len, byte[] dst, int dstOff) {
    if (len < 1) {
      throw new MtcDecodeException(DecodeError.COBS_INVALID, "cobs", 0, "empty frame");
    }
    int end = off + len;
    int p = off;
    int d = dstOff;
    int previous = 0;
    while (true) {
      int code = src[p] & 0xFF;
      if (code == 0) {
        throw new MtcDecodeException(DecodeError.COBS_INVALID, "cobs", p - off, "zero byte");
      }
      int n = code - 1;
      if (n > end - p - 1) {
        throw new MtcDecodeException(DecodeError.COBS_INVALID, "cobs", p - off,
            "block of " + n + " bytes, " + (end - p - 1) + " left");
      }
      int zero = indexOfZero(src, p + 1, p + 1 + n);
      if (zero >= 0) {
        throw new MtcDecodeException(DecodeError.COBS_INVALID, "cobs", zero - off, "zero byte");
      }
      System.arraycopy(src, p + 1, dst, d, n);
      d += n;
      p += code;
      if (p == end) {
        if (code == 1 && previous == 255) {
          throw new MtcDecodeException(DecodeError.NON_CANONICAL, "cobs", p - 1 - off,
              "empty final block after a 255 block");
        }
        return d - dstOff;
      }
      if (code != 255) {
        dst[d++] = 0;
      }
      previous = code;
    }
  }

  /** Index of the first zero byte in {@code b[from, to)}, or -1. */
  static int indexOfZero(byte[] b, int from, int to) {
    int i = from;
    for (; i + 8 <= to; i += 8) {
      long v = (long) LONGS.get(b, i);
      long z = (v - ONES) & ~v & HIGHS;
      if (z != 0) {
        return i + (Long.numberOfTrailingZeros(z) >>> 3);
      }
    }
    for (; i < to; i++) {
      if (b[i] == 0) {
        return i;
      }
    }
    return -1;
  }
}
