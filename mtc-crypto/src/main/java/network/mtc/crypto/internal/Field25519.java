package network.mtc.crypto.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Arithmetic in GF(2^255 - 19), the field of Curve25519 and Ed25519.
 *
 * <p>An element is a {@code long[5]} of signed limbs in radix 2^51: the value is {@code sum h[i] 2^(51 i)}.
 * After {@link #mul}, {@link #sq}, {@link #mul121666} and {@link #decode} every limb satisfies
 * {@code |h[i]| <= 2^51}; {@link #add}, {@link #sub} and {@link #neg} do not carry, and the inputs of the
 * multiplications may be sums or differences of up to 7 such elements ({@code |h[i]| < 2^53}).
 *
 * <p>Multiplication computes each 102-bit limb product with two 64-bit multiplies: one operand is
 * pre-shifted left by 10 bits, so that {@link Math#multiplyHigh} (a JIT intrinsic) returns
 * {@code floor(a b / 2^54)} and the low word shifted right by 10 returns {@code a b mod 2^54}; both halves
 * are then accumulated in plain {@code long}s without 128-bit carries. 25 limb products per multiplication
 * (15 per squaring) instead of the 100 of a 10-limb radix-2^25.5 representation.
 *
 * <p>Security guarantees: every operation here runs in time independent of the values of its operands:
 * no branch, loop bound or array index depends on them ({@link #cmov} and {@link #cswap} select with
 * masks; 64-bit multiplies run in constant time on the platforms we target). Equality and zero tests go
 * through the canonical form and a masked comparison.
 */
public final class Field25519 {
  /** Limbs per element. */
  public static final int SIZE = 5;

  private static final long M51 = (1L << 51) - 1;
  private static final long R51 = 1L << 50;
  private static final VarHandle LE64 =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private Field25519() {}

  /**
   * Per-thread temporaries of {@link #invert} and {@link #pow22523}, so that neither allocates (they
   * never run nested within each other).
   */
  private static final ThreadLocal<long[][]> POW_TEMPS =
      ThreadLocal.withInitial(() -> new long[4][SIZE]);

  /** Reduced limbs for encode, isZero and isNegative (none calls another). */
  private static final ThreadLocal<long[]> REDUCED = ThreadLocal.withInitial(() -> new long[SIZE]);
  private static final ThreadLocal<long[]> DIFFERENCE = ThreadLocal.withInitial(() -> new long[SIZE]);

  /** A new zero element. */
  public static long[] create() {
    return new long[SIZE];
  }

  /** Sets {@code h} to 0. */
  public static void zero(long[] h) {
    h[0] = 0;
    h[1] = 0;
    h[2] = 0;
    h[3] = 0;
    h[4] = 0;
  }

  /** Sets {@code h} to 1. */
  public static void one(long[] h) {
    h[0] = 1;
    h[1] = 0;
    h[2] = 0;
    h[3] = 0;
    h[4] = 0;
  }

  /** h = f. */
  public static void copy(long[] f, long[] h) {
    h[0] = f[0];
    h[1] = f[1];
    h[2] = f[2];
    h[3] = f[3];
    h[4] = f[4];
  }

  /** h = f + g (no carry: callers keep limb growth within the slack of mul). */
  public static void add(long[] f, long[] g, long[] h) {
    h[0] = f[0] + g[0];
    h[1] = f[1] + g[1];
    h[2] = f[2] + g[2];
    h[3] = f[3] + g[3];
    h[4] = f[4] + g[4];
  }

  /** h = f - g (no carry; limbs are signed). */
  public static void sub(long[] f, long[] g, long[] h) {
    h[0] = f[0] - g[0];
    h[1] = f[1] - g[1];
    h[2] = f[2] - g[2];
    h[3] = f[3] - g[3];
    h[4] = f[4] - g[4];
  }

  /** h = -f. */
  public static void neg(long[] f, long[] h) {
    h[0] = -f[0];
    h[1] = -f[1];
    h[2] = -f[2];
    h[3] = -f[3];
    h[4] = -f[4];
  }

  /** Replaces f with g if {@code b} is 1, leaves it if 0, in constant time. */
  public static void cmov(long[] f, long[] g, int b) {
    long mask = -(long) b;
    f[0] ^= (f[0] ^ g[0]) & mask;
    f[1] ^= (f[1] ^ g[1]) & mask;
    f[2] ^= (f[2] ^ g[2]) & mask;
    f[3] ^= (f[3] ^ g[3]) & mask;
    f[4] ^= (f[4] ^ g[4]) & mask;
  }

  /** Swaps f and g if {@code b} is 1, in constant time. */
  public static void cswap(long[] f, long[] g, int b) {
    long mask = -(long) b;
    long x;
    x = (f[0] ^ g[0]) & mask; f[0] ^= x; g[0] ^= x;
    x = (f[1] ^ g[1]) & mask; f[1] ^= x; g[1] ^= x;
    x = (f[2] ^ g[2]) & mask; f[2] ^= x; g[2] ^= x;
    x = (f[3] ^ g[3]) & mask; f[3] ^= x; g[3] ^= x;
    x = (f[4] ^ g[4]) & mask; f[4] ^= x; g[4] ^= x;
  }

  /**
   * h = f * g. {@code h} may alias f or g.
   *
   * <p>For a limb product a b with {@code bs = b << 10}: {@code (a * bs) >>> 10 = a b mod 2^54} (the "low"
   * part, in [0, 2^54)) and {@code multiplyHigh(a, bs) = floor(a b / 2^54)} (the "high" part, signed), so
   * a b = high 2^54 + low = 8 high 2^51 + low: the low part stays at its position, 8 times the high part
   * goes one position up. Positions 5..9 wrap to 0..4 times 19 (2^255 = 19).
   */
  public static void mul(long[] f, long[] g, long[] h) {
    long f0 = f[0], f1 = f[1], f2 = f[2], f3 = f[3], f4 = f[4];
    long g0 = g[0] << 10, g1 = g[1] << 10, g2 = g[2] << 10, g3 = g[3] << 10, g4 = g[4] << 10;

    // Position 0..4 sums (no wrap).
    long l0 = (f0 * g0) >>> 10;
    long u0 = Math.multiplyHigh(f0, g0);
    long l1 = ((f0 * g1) >>> 10) + ((f1 * g0) >>> 10);
    long u1 = Math.multiplyHigh(f0, g1) + Math.multiplyHigh(f1, g0);
    long l2 = ((f0 * g2) >>> 10) + ((f1 * g1) >>> 10) + ((f2 * g0) >>> 10);
    long u2 = Math.multiplyHigh(f0, g2) + Math.multiplyHigh(f1, g1) + Math.multiplyHigh(f2, g0);
    long l3 = ((f0 * g3) >>> 10) + ((f1 * g2) >>> 10) + ((f2 * g1) >>> 10) + ((f3 * g0) >>> 10);
    long u3 = Math.multiplyHigh(f0, g3) + Math.multiplyHigh(f1, g2) + Math.multiplyHigh(f2, g1)
        + Math.multiplyHigh(f3, g0);
    long l4 = ((f0 * g4) >>> 10) + ((f1 * g3) >>> 10) + ((f2 * g2) >>> 10) + ((f3 * g1) >>> 10)
        + ((f4 * g0) >>> 10);
    long u4 = Math.multiplyHigh(f0, g4) + Math.multiplyHigh(f1, g3) + Math.multiplyHigh(f2, g2)
        + Math.multiplyHigh(f3, g1) + Math.multiplyHigh(f4, g0);
    // Positions 5..8 (wrap to 0..3 times 19).
    long l5 = ((f1 * g4) >>> 10) + ((f2 * g3) >>> 10) + ((f3 * g2) >>> 10) + ((f4 * g1) >>> 10);
    long u5 = Math.multiplyHigh(f1, g4) + Math.multiplyHigh(f2, g3) + Math.multiplyHigh(f3, g2)
        + Math.multiplyHigh(f4, g1);
    long l6 = ((f2 * g4) >>> 10) + ((f3 * g3) >>> 10) + ((f4 * g2) >>> 10);
    long u6 = Math.multiplyHigh(f2, g4) + Math.multiplyHigh(f3, g3) + Math.multiplyHigh(f4, g2);
    long l7 = ((f3 * g4) >>> 10) + ((f4 * g3) >>> 10);
    long u7 = Math.multiplyHigh(f3, g4) + Math.multiplyHigh(f4, g3);
    long l8 = (f4 * g4) >>> 10;
    long u8 = Math.multiplyHigh(f4, g4);

    long c0 = l0 + 19 * (l5 + (u4 << 3));
    long c1 = l1 + (u0 << 3) + 19 * (l6 + (u5 << 3));
    long c2 = l2 + (u1 << 3) + 19 * (l7 + (u6 << 3));
    long c3 = l3 + (u2 << 3) + 19 * (l8 + (u7 << 3));
    long c4 = l4 + (u3 << 3) + 19 * (u8 << 3);
    carry(c0, c1, c2, c3, c4, h);
  }

  /** h = f^2. {@code h} may alias f. */
  public static void sq(long[] f, long[] h) {
    long f0 = f[0], f1 = f[1], f2 = f[2], f3 = f[3], f4 = f[4];
    long s0 = f0 << 10, s1 = f1 << 10, s2 = f2 << 10, s3 = f3 << 10, s4 = f4 << 10;
    long d0 = f0 << 1, d1 = f1 << 1, d2 = f2 << 1, d3 = f3 << 1;

    long l0 = (f0 * s0) >>> 10;
    long u0 = Math.multiplyHigh(f0, s0);
    long l1 = (d0 * s1) >>> 10;
    long u1 = Math.multiplyHigh(d0, s1);
    long l2 = ((d0 * s2) >>> 10) + ((f1 * s1) >>> 10);
    long u2 = Math.multiplyHigh(d0, s2) + Math.multiplyHigh(f1, s1);
    long l3 = ((d0 * s3) >>> 10) + ((d1 * s2) >>> 10);
    long u3 = Math.multiplyHigh(d0, s3) + Math.multiplyHigh(d1, s2);
    long l4 = ((d0 * s4) >>> 10) + ((d1 * s3) >>> 10) + ((f2 * s2) >>> 10);
    long u4 = Math.multiplyHigh(d0, s4) + Math.multiplyHigh(d1, s3) + Math.multiplyHigh(f2, s2);
    long l5 = ((d1 * s4) >>> 10) + ((d2 * s3) >>> 10);
    long u5 = Math.multiplyHigh(d1, s4) + Math.multiplyHigh(d2, s3);
    long l6 = ((d2 * s4) >>> 10) + ((f3 * s3) >>> 10);
    long u6 = Math.multiplyHigh(d2, s4) + Math.multiplyHigh(f3, s3);
    long l7 = (d3 * s4) >>> 10;
    long u7 = Math.multiplyHigh(d3, s4);
    long l8 = (f4 * s4) >>> 10;
    long u8 = Math.multiplyHigh(f4, s4);

    long c0 = l0 + 19 * (l5 + (u4 << 3));
    long c1 = l1 + (u0 << 3) + 19 * (l6 + (u5 << 3));
    long c2 = l2 + (u1 << 3) + 19 * (l7 + (u6 << 3));
    long c3 = l3 + (u2 << 3) + 19 * (l8 + (u7 << 3));
    long c4 = l4 + (u3 << 3) + 19 * (u8 << 3);
    carry(c0, c1, c2, c3, c4, h);
  }

  /** h = f^(2^n), n >= 1. */
  public static void sqn(long[] f, int n, long[] h) {
    sq(f, h);
    for (int i = 1; i < n; i++) {
      sq(h, h);
    }
  }

  /** h = f * 121666 (the X25519 ladder constant (A + 2) / 4). */
  public static void mul121666(long[] f, long[] h) {
    final long k = 121666L << 10;
    long f0 = f[0], f1 = f[1], f2 = f[2], f3 = f[3], f4 = f[4];
    long c0 = ((f0 * k) >>> 10) + 19 * (Math.multiplyHigh(f4, k) << 3);
    long c1 = ((f1 * k) >>> 10) + (Math.multiplyHigh(f0, k) << 3);
    long c2 = ((f2 * k) >>> 10) + (Math.multiplyHigh(f1, k) << 3);
    long c3 = ((f3 * k) >>> 10) + (Math.multiplyHigh(f2, k) << 3);
    long c4 = ((f4 * k) >>> 10) + (Math.multiplyHigh(f3, k) << 3);
    carry(c0, c1, c2, c3, c4, h);
  }

  /** Rounding carries (two interleaved chains) leaving every limb within 2^50 + 2^13 in magnitude. */
  private static void carry(long c0, long c1, long c2, long c3, long c4, long[] h) {
    long k;
    k = (c0 + R51) >> 51; c1 += k; c0 -= k << 51;
    k = (c3 + R51) >> 51; c4 += k; c3 -= k << 51;
    k = (c1 + R51) >> 51; c2 += k; c1 -= k << 51;
    k = (c4 + R51) >> 51; c0 += 19 * k; c4 -= k << 51;
    k = (c2 + R51) >> 51; c3 += k; c2 -= k << 51;
    k = (c0 + R51) >> 51; c1 += k; c0 -= k << 51;
    h[0] = c0;
    h[1] = c1;
    h[2] = c2;
    h[3] = c3;
    h[4] = c4;
  }

  /** out = z^(p - 2) = 1 / z (0 for z = 0). */
  public static void invert(long[] z, long[] out) {
    long[][] t = POW_TEMPS.get();
    pow2p250m1(z, t[0], t[1], t[2], t[3]);
    sqn(t[1], 5, t[1]);
    mul(t[1], t[0], out); // z^(2^255 - 32) * z^11 = z^(p - 2)
  }

  /** out = z^((p - 5) / 8) = z^(2^252 - 3), the core of square roots. */
  public static void pow22523(long[] z, long[] out) {
    long[][] t = POW_TEMPS.get();
    pow2p250m1(z, t[0], t[1], t[2], t[3]);
    sqn(t[1], 2, t[1]);
    mul(t[1], z, out); // z^(2^252 - 4) * z
  }

  /**
   * The addition chain both exponentiations share (ref10's): z11 = z^11 and r = z^(2^250 - 1), with
   * t2 and t3 as scratch. None of the outputs may alias z.
   */
  private static void pow2p250m1(long[] z, long[] z11, long[] r, long[] t2, long[] t3) {
    sq(z, z11);
    sqn(z11, 2, r);
    mul(z, r, r); // z^9
    mul(z11, r, z11); // z^11
    sq(z11, t2);
    mul(r, t2, r); // z^(2^5 - 1)
    sqn(r, 5, t2);
    mul(t2, r, r); // z^(2^10 - 1)
    sqn(r, 10, t2);
    mul(t2, r, t2); // z^(2^20 - 1)
    sqn(t2, 20, t3);
    mul(t3, t2, t2); // z^(2^40 - 1)
    sqn(t2, 10, t2);
    mul(t2, r, r); // z^(2^50 - 1)
    sqn(r, 50, t2);
    mul(t2, r, t2); // z^(2^100 - 1)
    sqn(t2, 100, t3);
    mul(t3, t2, t2); // z^(2^200 - 1)
    sqn(t2, 50, t2);
    mul(t2, r, r); // z^(2^250 - 1)
  }

  /** Decodes 32 little-endian bytes, ignoring bit 255; the value may be p or above (not reduced). */
  public static void decode(byte[] s, int off, long[] h) {
    long lo = (long) LE64.get(s, off);
    long m1 = (long) LE64.get(s, off + 8);
    long m2 = (long) LE64.get(s, off + 16);
    long hi = (long) LE64.get(s, off + 24);
    h[0] = lo & M51;
    h[1] = ((lo >>> 51) | (m1 << 13)) & M51;
    h[2] = ((m1 >>> 38) | (m2 << 26)) & M51;
    h[3] = ((m2 >>> 25) | (hi << 39)) & M51;
    h[4] = (hi >>> 12) & M51;
  }

  /**
   * out = f fully reduced: limbs in [0, 2^51) and value in [0, p). {@code out} may alias f.
   */
  public static void reduce(long[] f, long[] out) {
    long h0 = f[0], h1 = f[1], h2 = f[2], h3 = f[3], h4 = f[4];
    long c;
    // Two floor-carry passes: afterwards every limb is in [0, 2^51) except that h0 may exceed it by
    // at most 19, so that 0 <= value < 2^255 + 19.
    c = h0 >> 51; h1 += c; h0 &= M51;
    c = h1 >> 51; h2 += c; h1 &= M51;
    c = h2 >> 51; h3 += c; h2 &= M51;
    c = h3 >> 51; h4 += c; h3 &= M51;
    c = h4 >> 51; h0 += 19 * c; h4 &= M51;
    c = h0 >> 51; h1 += c; h0 &= M51;
    c = h1 >> 51; h2 += c; h1 &= M51;
    c = h2 >> 51; h3 += c; h2 &= M51;
    c = h3 >> 51; h4 += c; h3 &= M51;
    c = h4 >> 51; h0 += 19 * c; h4 &= M51;
    // q = 1 if value >= p, i.e. value + 19 >= 2^255.
    long q = (h0 + 19) >> 51;
    q = (h1 + q) >> 51;
    q = (h2 + q) >> 51;
    q = (h3 + q) >> 51;
    q = (h4 + q) >> 51;
    h0 += 19 * q;
    c = h0 >> 51; h1 += c; h0 &= M51;
    c = h1 >> 51; h2 += c; h1 &= M51;
    c = h2 >> 51; h3 += c; h2 &= M51;
    c = h3 >> 51; h4 += c; h3 &= M51;
    h4 &= M51;
    out[0] = h0;
    out[1] = h1;
    out[2] = h2;
    out[3] = h3;
    out[4] = h4;
  }

  /** Encodes h canonically (fully reduced mod p) as 32 little-endian bytes; bit 255 is 0. */
  public static void encode(long[] h, byte[] s, int off) {
    long[] r = REDUCED.get();
    reduce(h, r);
    LE64.set(s, off, r[0] | (r[1] << 51));
    LE64.set(s, off + 8, (r[1] >>> 13) | (r[2] << 38));
    LE64.set(s, off + 16, (r[2] >>> 26) | (r[3] << 25));
    LE64.set(s, off + 24, (r[3] >>> 39) | (r[4] << 12));
  }

  /** 1 if f is zero mod p, else 0; constant time. */
  public static int isZero(long[] f) {
    long[] r = REDUCED.get();
    reduce(f, r);
    long acc = r[0] | r[1] | r[2] | r[3] | r[4];
    return (int) ((acc - 1) >>> 63);
  }

  /** 1 if f mod p is odd (the "negative" sign bit of RFC 8032), else 0. */
  public static int isNegative(long[] f) {
    long[] r = REDUCED.get();
    reduce(f, r);
    return (int) (r[0] & 1);
  }

  /** 1 if f == g mod p, else 0. */
  public static int equal(long[] f, long[] g) {
    long[] d = DIFFERENCE.get();
    sub(f, g, d);
    return isZero(d);
  }
}
