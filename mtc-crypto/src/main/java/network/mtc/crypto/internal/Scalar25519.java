package network.mtc.crypto.internal;

import java.util.Objects;

/**
 * Arithmetic modulo the Ed25519 group order
 * {@code L = 2^252 + 27742317777372353535851937790883648493} (RFC 8032, section 5.1). Ed25519 uses
 * it to reduce SHA-512 digests to scalars and to compute the signature scalar
 * {@code S = (r + k * a) mod L}; batch verification multiplies scalars with {@link #mul}.
 *
 * <p>Scalars are 32-byte little-endian byte arrays; results are always fully reduced (below
 * {@code L}). Internally a number is held as {@code long} limbs of 21 bits each (limb {@code i}
 * weighs {@code 2^(21 i)}), so that {@code 2^252} falls exactly on limb 12 and every limb product
 * fits in 42 bits. Reduction folds everything at or above {@code 2^252} back down using
 * {@code 2^252 = -DELTA (mod L)}, where {@code DELTA = L - 2^252} is a 125-bit constant.
 *
 * <p>{@link #reduce} and {@link #mulAdd} (and {@link #mul}) are constant-time: they run the same
 * instruction sequence and touch the same array positions for every input of a given length. No
 * branch, loop bound or array index depends on the values of the inputs; selection is done with
 * arithmetic masks. Only {@link #isCanonical}, which works on public data (a signature's
 * {@code S}), branches on its input.
 */
public final class Scalar25519 {

  /** Size in bytes of a scalar. */
  public static final int SCALAR_BYTES = 32;

  /** Size in bytes of a wide input to {@link #reduce(byte[])} (a SHA-512 digest). */
  public static final int WIDE_BYTES = 64;

  private static final int BITS = 21;
  private static final long MASK = (1L << BITS) - 1;

  /** Limbs of a 32-byte value: 13 * 21 = 273 bits, the top limb holding 4 of the 256 bits. */
  private static final int SCALAR_LIMBS = 13;

  /** Limbs of a 64-byte value or of a product: 25 limbs, limb 24 holding the top 8 bits. */
  private static final int WIDE_LIMBS = 25;

  /** Index of the limb of weight 2^252. */
  private static final int TOP = 12;

  /** DELTA = L - 2^252 in unsigned 21-bit digits, least significant first. */
  private static final long[] DELTA = {1430509, 1626855, 1442968, 997804, 1960495, 683900};

  /** L as little-endian bytes (public constant, used by {@link #isCanonical}). */
  private static final byte[] L_BYTES = {
    (byte) 0xed, (byte) 0xd3, (byte) 0xf5, (byte) 0x5c, (byte) 0x1a, (byte) 0x63, (byte) 0x12,
    (byte) 0x58, (byte) 0xd6, (byte) 0x9c, (byte) 0xf7, (byte) 0xa2, (byte) 0xde, (byte) 0xf9,
    (byte) 0xde, (byte) 0x14, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0x10,
  };

  private Scalar25519() {}

  // ---------------------------------------------------------------------------------------------
  // Public API

  /** Per-thread limbs of {@link #reduce(byte[], int, byte[], int)}, so that reducing allocates nothing. */
  private static final ThreadLocal<long[]> REDUCE_TEMP = ThreadLocal.withInitial(() -> new long[WIDE_LIMBS]);

  /** Returns {@code in64 mod L}; {@code in64} is a 64-byte little-endian integer. */
  public static byte[] reduce(byte[] in64) {
    byte[] out = new byte[SCALAR_BYTES];
    reduce(in64, 0, out, 0);
    return out;
  }

  /** Writes {@code in64 mod L} into the 32-byte array {@code out32}. */
  public static void reduce(byte[] in64, byte[] out32) {
    Objects.requireNonNull(out32, "out32");
    if (out32.length != SCALAR_BYTES) {
      throw new IllegalArgumentException("out32 must be 32 bytes");
    }
    reduce(in64, 0, out32, 0);
  }

  /**
   * Reads 64 little-endian bytes at {@code in[inOff]} and writes their value modulo {@code L} as 32
   * little-endian bytes at {@code out[outOff]}. The input and output ranges may overlap.
   */
  public static void reduce(byte[] in, int inOff, byte[] out, int outOff) {
    Objects.checkFromIndexSize(inOff, WIDE_BYTES, in.length);
    Objects.checkFromIndexSize(outOff, SCALAR_BYTES, out.length);
    long[] s = REDUCE_TEMP.get();
    for (int i = 0; i < WIDE_LIMBS; i++) {
      s[i] = limb(in, inOff, WIDE_BYTES, i);
    }
    reduceLimbs(s);
    store(s, out, outOff);
  }

  /**
   * Returns {@code (a * b + c) mod L}. Each input is 32 little-endian bytes and may be any value
   * below {@code 2^256} (it need not be reduced).
   */
  public static byte[] mulAdd(byte[] a, byte[] b, byte[] c) {
    byte[] out = new byte[SCALAR_BYTES];
    mulAdd(a, 0, b, 0, c, 0, out, 0);
    return out;
  }

  /** Writes {@code (a * b + c) mod L} into the 32-byte array {@code out32}. */
  public static void mulAdd(byte[] a, byte[] b, byte[] c, byte[] out32) {
    checkScalar(a, "a");
    checkScalar(b, "b");
    checkScalar(c, "c");
    checkScalar(out32, "out32");
    mulAdd(a, 0, b, 0, c, 0, out32, 0);
  }

  /**
   * Computes {@code (a * b + c) mod L} on 32-byte little-endian values read at the given offsets
   * and writes the 32-byte result at {@code out[outOff]}. The output may overlap any input.
   */
  public static void mulAdd(
      byte[] a, int aOff, byte[] b, int bOff, byte[] c, int cOff, byte[] out, int outOff) {
    Objects.checkFromIndexSize(aOff, SCALAR_BYTES, a.length);
    Objects.checkFromIndexSize(bOff, SCALAR_BYTES, b.length);
    Objects.checkFromIndexSize(cOff, SCALAR_BYTES, c.length);
    Objects.checkFromIndexSize(outOff, SCALAR_BYTES, out.length);
    long[] x = new long[SCALAR_LIMBS];
    long[] y = new long[SCALAR_LIMBS];
    long[] s = new long[WIDE_LIMBS];
    for (int i = 0; i < SCALAR_LIMBS; i++) {
      x[i] = limb(a, aOff, SCALAR_BYTES, i);
      y[i] = limb(b, bOff, SCALAR_BYTES, i);
      s[i] = limb(c, cOff, SCALAR_BYTES, i);
    }
    // Schoolbook product: each column sums at most 13 products below 2^42, so below 2^46.
    for (int i = 0; i < SCALAR_LIMBS; i++) {
      for (int j = 0; j < SCALAR_LIMBS; j++) {
        s[i + j] += x[i] * y[j];
      }
    }
    reduceLimbs(s);
    store(s, out, outOff);
  }

  /** Returns {@code (a * b) mod L} for 32-byte little-endian values below {@code 2^256}. */
  public static byte[] mul(byte[] a, byte[] b) {
    return mulAdd(a, b, new byte[SCALAR_BYTES]);
  }

  /**
   * Returns whether the 32 little-endian bytes at {@code s[off]} encode a value below {@code L},
   * i.e. a canonical scalar. Not constant-time: meant for public values such as a signature's
   * {@code S}.
   */
  public static boolean isCanonical(byte[] s, int off) {
    Objects.checkFromIndexSize(off, SCALAR_BYTES, s.length);
    for (int i = SCALAR_BYTES - 1; i >= 0; i--) {
      int x = s[off + i] & 0xff;
      int l = L_BYTES[i] & 0xff;
      if (x != l) {
        return x < l;
      }
    }
    return false; // equal to L
  }

  // ---------------------------------------------------------------------------------------------
  // Limb arithmetic (all loops have fixed bounds; no branch depends on limb values)

  /**
   * Reduces the value held in the 25 limbs of {@code s} modulo L, leaving it in limbs 0..12 as
   * 21-bit digits of a number in [0, L) and zeros above. Requires a value in [0, 2^512) with limbs
   * below 2^46 in magnitude.
   *
   * <p>Bounds, writing V_n for the value after fold n and H for the part at or above 2^252:
   * V_0 in [0, 2^512) so H < 2^260 and V_1 in (-2^385, 2^252); then H in [-2^133, 0] and
   * V_2 in [0, 2^258); then H in [0, 2^6) and V_3 in (-2^132, 2^252), which is inside (-L, L).
   * One masked addition of L makes it canonical.
   */
  private static void reduceLimbs(long[] s) {
    for (int round = 0; round < 3; round++) {
      carry(s);
      fold(s);
    }
    carry(s);
    // s[WIDE_LIMBS - 1] is now -1 if the value is negative, 0 otherwise.
    long negative = s[WIDE_LIMBS - 1] >> 63;
    for (int j = 0; j < DELTA.length; j++) {
      s[j] += DELTA[j] & negative;
    }
    s[TOP] += 1 & negative;
    carry(s);
  }

  /**
   * Propagates carries so that limbs 0..23 hold digits in [0, 2^21) and the top limb holds the
   * (signed) rest. Uses arithmetic shifts, so negative values carry correctly.
   */
  private static void carry(long[] s) {
    for (int i = 0; i < WIDE_LIMBS - 1; i++) {
      long c = s[i] >> BITS;
      s[i] &= MASK;
      s[i + 1] += c;
    }
  }

  /**
   * Replaces H * 2^252 by -H * DELTA, H being the number in limbs 12..24, leaving the value
   * unchanged modulo L. Limbs must be carried first, so each product is below 2^42 in magnitude
   * and each target limb gains at most six of them.
   *
   * <p>Limb 12+k lands in limbs k..k+5. Going up in k, the only high limbs written are 12+k' with
   * k' <= k-7, already cleared in this pass; so each high limb is folded with its value from before
   * the pass, and what lands at 12 or above waits for the next pass.
   */
  private static void fold(long[] s) {
    for (int k = 0; k + TOP < WIDE_LIMBS; k++) {
      long h = s[TOP + k];
      s[TOP + k] = 0;
      for (int j = 0; j < DELTA.length; j++) {
        s[k + j] -= h * DELTA[j];
      }
    }
  }

  /** Returns bits [21 i, 21 i + 21) of the {@code len}-byte little-endian number at in[off]. */
  private static long limb(byte[] in, int off, int len, int i) {
    int bit = BITS * i;
    int first = bit >>> 3;
    long v = 0;
    for (int k = 0; k < 4 && first + k < len; k++) {
      v |= (in[off + first + k] & 0xffL) << (8 * k);
    }
    return (v >>> (bit & 7)) & MASK;
  }

  /** Writes limbs 0..12 (21-bit digits of a value below 2^256) as 32 little-endian bytes. */
  private static void store(long[] s, byte[] out, int off) {
    for (int i = 0; i < SCALAR_BYTES; i++) {
      int bit = 8 * i;
      int n = bit / BITS;
      int shift = bit % BITS;
      long v = s[n] >>> shift;
      if (shift > BITS - 8) {
        v |= s[n + 1] << (BITS - shift);
      }
      out[off + i] = (byte) v;
    }
  }

  private static void checkScalar(byte[] x, String name) {
    Objects.requireNonNull(x, name);
    if (x.length != SCALAR_BYTES) {
      throw new IllegalArgumentException(name + " must be 32 bytes");
    }
  }
}
