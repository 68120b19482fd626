package network.mtc.wire.trinary;

import java.math.BigInteger;
import network.mtc.wire.DecodeError;
import network.mtc.wire.MtcDecodeException;

/**
 * Signed 64-bit integers in balanced ternary, as IOTA's {@code IntToTrits}/{@code TritsToInt}: least
 * significant trit first, the shortest form has no trailing zero trit (zero is the single trit {@code 0}).
 * The shortest tryte form pads the shortest trits with zero trits to a multiple of three. Every long fits in
 * 41 trits, so in 14 trytes.
 *
 * <p>Unlike iota.go's lenient {@code TrytesToInt}, {@link #fromTrytes} accepts only the shortest form (a
 * trailing '9' tryte is NON_CANONICAL) so that each integer has one encoding; {@link #fromTrits} accepts any
 * length, as IOTA does, and checks the int64 range.
 *
 * @since 0.1
 */
public final class TrinaryInts {
  /** Most trits a long needs. */
  public static final int MAX_TRITS = 41;
  /** Most trytes a long needs. */
  public static final int MAX_TRYTES = 14;

  private static final BigInteger MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger MAX = BigInteger.valueOf(Long.MAX_VALUE);
  /** Up to this many trits, (3^n - 1) / 2 fits in a long and Horner's rule cannot overflow. */
  private static final int SAFE_TRITS = 39;

  private TrinaryInts() {}

  /** The shortest trits of {@code value}. */
  public static byte[] toTrits(long value) {
    byte[] tmp = new byte[MAX_TRITS];
    int n = 0;
    long v = value;
    while (v != 0) {
      long r = Math.floorMod(v, 3L);
      v = Math.floorDiv(v, 3L);
      if (r == 2) {
        r = -1;
        v += 1;
      }
      tmp[n++] = (byte) r;
    }
    return java.util.Arrays.copyOf(tmp, Math.max(n, 1));
  }

  /** The shortest trytes of {@code value}. */
  public static String toTrytes(long value) {
    byte[] t = toTrits(value);
    return Trytes.fromTrits(java.util.Arrays.copyOf(t, (t.length + 2) / 3 * 3));
  }

  /**
   * The value of trits of any length (trailing zeros allowed).
   *
   * @throws MtcDecodeException INVALID_TRIT, or OVERFLOW if the value is outside the int64 range
   */
  public static long fromTrits(byte[] trits) {
    Trytes.checkTrits(trits);
    int n = trits.length;
    while (n > 0 && trits[n - 1] == 0) {
      n--;
    }
    if (n <= SAFE_TRITS) {
      long v = 0;
      for (int i = n - 1; i >= 0; i--) {
        v = v * 3 + trits[i];
      }
      return v;
    }
    BigInteger v = BigInteger.ZERO;
    BigInteger three = BigInteger.valueOf(3);
    for (int i = n - 1; i >= 0; i--) {
      v = v.multiply(three).add(BigInteger.valueOf(trits[i]));
    }
    if (v.compareTo(MIN) < 0 || v.compareTo(MAX) > 0) {
      throw new MtcDecodeException(DecodeError.OVERFLOW, "trits", 0, "outside the int64 range");
    }
    return v.longValueExact();
  }

  /**
   * The value of trytes in their shortest form.
   *
   * @throws MtcDecodeException INVALID_LENGTH for an empty string, INVALID_TRYTE, NON_CANONICAL for a
   *     trailing '9' (other than "9" for zero), OVERFLOW outside the int64 range (offsets are characters)
   */
  public static long fromTrytes(CharSequence trytes) {
    int len = trytes.length();
    if (len == 0) {
      throw new MtcDecodeException(DecodeError.INVALID_LENGTH, "trytes", 0, "empty");
    }
    for (int i = 0; i < len; i++) {
      Trytes.valueAt(trytes, i);
    }
    if (len > 1 && trytes.charAt(len - 1) == '9') {
      throw new MtcDecodeException(DecodeError.NON_CANONICAL, "trytes", len - 1,
          "trailing zero tryte");
    }
    if (len > MAX_TRYTES) {
      throw new MtcDecodeException(DecodeError.OVERFLOW, "trytes", MAX_TRYTES,
          len + " trytes exceed the int64 range");
    }
    return fromTrits(Trytes.toTrits(trytes));
  }
}
