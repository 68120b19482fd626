package network.mtc.crypto.internal;

/**
 * Arithmetic in GF(2^255 - 19), the field of Curve25519 and Ed25519.
 *
 * <p>An element is an {@code int[10]} of signed limbs in radix 2^25.5: limb {@code i} has weight
 * {@code 2^ceil(25.5 i)}, even limbs hold 26 bits and odd limbs 25 (with some slack after additions). Products
 * of limbs are accumulated in {@code long}s; reduction uses 2^255 = 19. This is the representation of the
 * ref10 reference code, chosen because every limb product fits a 64-bit multiply without 128-bit carries.
 *
 * <p>Security guarantees: every operation here runs in time independent of the values of its operands:
 * no branch, loop bound or array index depends on them ({@link #cmov} and {@link #cswap} select with
 * masks). Equality and zero tests go through the canonical encoding and a masked comparison.
 */
public final class Field25519 {
  /** Limbs per element. */
  public static final int SIZE = 10;

  private Field25519() {}

  /** A new zero element. */
  public static int[] create() {
    return new int[SIZE];
  }

  /** Sets {@code h} to 0. */
  public static void zero(int[] h) {
    java.util.Arrays.fill(h, 0);
  }

  /** Sets {@code h} to 1. */
  public static void one(int[] h) {
    java.util.Arrays.fill(h, 0);
    h[0] = 1;
  }

  /** h = f. */
  public static void copy(int[] f, int[] h) {
    System.arraycopy(f, 0, h, 0, SIZE);
  }

  /** h = f + g (no carry: callers keep limb growth within the slack of mul). */
  public static void add(int[] f, int[] g, int[] h) {
    for (int i = 0; i < SIZE; i++) {
      h[i] = f[i] + g[i];
    }
  }

  /** h = f - g (no carry). */
  public static void sub(int[] f, int[] g, int[] h) {
    for (int i = 0; i < SIZE; i++) {
      h[i] = f[i] - g[i];
    }
  }

  /** h = -f. */
  public static void neg(int[] f, int[] h) {
    for (int i = 0; i < SIZE; i++) {
      h[i] = -f[i];
    }
  }

  /** Replaces f with g if {@code b} is 1, leaves it if 0, in constant time. */
  public static void cmov(int[] f, int[] g, int b) {
    int mask = -b;
    for (int i = 0; i < SIZE; i++) {
      f[i] ^= (f[i] ^ g[i]) & mask;
    }
  }

  /** Swaps f and g if {@code b} is 1, in constant time. */
  public static void cswap(int[] f, int[] g, int b) {
    int mask = -b;
    for (int i = 0; i < SIZE; i++) {
      int x = (f[i] ^ g[i]) & mask;
      f[i] ^= x;
      g[i] ^= x;
    }
  }

  /** h = f * g. {@code h} may alias f or g. */
  public static void mul(int[] f, int[] g, int[] h) {
    long f0 = f[0], f1 = f[1], f2 = f[2], f3 = f[3], f4 = f[4];
    long f5 = f[5], f6 = f[6], f7 = f[7], f8 = f[8], f9 = f[9];
    long g0 = g[0], g1 = g[1], g2 = g[2], g3 = g[3], g4 = g[4];
    long g5 = g[5], g6 = g[6], g7 = g[7], g8 = g[8], g9 = g[9];
    long g1x19 = 19 * g1, g2x19 = 19 * g2, g3x19 = 19 * g3, g4x19 = 19 * g4, g5x19 = 19 * g5;
    long g6x19 = 19 * g6, g7x19 = 19 * g7, g8x19 = 19 * g8, g9x19 = 19 * g9;
    long f1x2 = 2 * f1, f3x2 = 2 * f3, f5x2 = 2 * f5, f7x2 = 2 * f7, f9x2 = 2 * f9;

    long h0 = f0 * g0 + f1x2 * g9x19 + f2 * g8x19 + f3x2 * g7x19 + f4 * g6x19 + f5x2 * g5x19
        + f6 * g4x19 + f7x2 * g3x19 + f8 * g2x19 + f9x2 * g1x19;
    long h1 = f0 * g1 + f1 * g0 + f2 * g9x19 + f3 * g8x19 + f4 * g7x19 + f5 * g6x19 + f6 * g5x19
        + f7 * g4x19 + f8 * g3x19 + f9 * g2x19;
    long h2 = f0 * g2 + f1x2 * g1 + f2 * g0 + f3x2 * g9x19 + f4 * g8x19 + f5x2 * g7x19 + f6 * g6x19
        + f7x2 * g5x19 + f8 * g4x19 + f9x2 * g3x19;
    long h3 = f0 * g3 + f1 * g2 + f2 * g1 + f3 * g0 + f4 * g9x19 + f5 * g8x19 + f6 * g7x19
        + f7 * g6x19 + f8 * g5x19 + f9 * g4x19;
    long h4 = f0 * g4 + f1x2 * g3 + f2 * g2 + f3x2 * g1 + f4 * g0 + f5x2 * g9x19 + f6 * g8x19
        + f7x2 * g7x19 + f8 * g6x19 + f9x2 * g5x19;
    long h5 = f0 * g5 + f1 * g4 + f2 * g3 + f3 * g2 + f4 * g1 + f5 * g0 + f6 * g9x19 + f7 * g8x19
        + f8 * g7x19 + f9 * g6x19;
    long h6 = f0 * g6 + f1x2 * g5 + f2 * g4 + f3x2 * g3 + f4 * g2 + f5x2 * g1 + f6 * g0
        + f7x2 * g9x19 + f8 * g8x19 + f9x2 * g7x19;
    long h7 = f0 * g7 + f1 * g6 + f2 * g5 + f3 * g4 + f4 * g3 + f5 * g2 + f6 * g1 + f7 * g0
        + f8 * g9x19 + f9 * g8x19;
    long h8 = f0 * g8 + f1x2 * g7 + f2 * g6 + f3x2 * g5 + f4 * g4 + f5x2 * g3 + f6 * g2 + f7x2 * g1
        + f8 * g0 + f9x2 * g9x19;
    long h9 = f0 * g9 + f1 * g8 + f2 * g7 + f3 * g6 + f4 * g5 + f5 * g4 + f6 * g3 + f7 * g2
        + f8 * g1 + f9 * g0;
    carry(h0, h1, h2, h3, h4, h5, h6, h7, h8, h9, h);
  }

  /** h = f^2. {@code h} may alias f. */
  public static void sq(int[] f, int[] h) {
    long f0 = f[0], f1 = f[1], f2 = f[2], f3 = f[3], f4 = f[4];
    long f5 = f[5], f6 = f[6], f7 = f[7], f8 = f[8], f9 = f[9];
    long f0x2 = 2 * f0, f1x2 = 2 * f1, f2x2 = 2 * f2, f3x2 = 2 * f3, f4x2 = 2 * f4;
    long f5x2 = 2 * f5, f6x2 = 2 * f6, f7x2 = 2 * f7;
    long f5x38 = 38 * f5, f6x19 = 19 * f6, f7x38 = 38 * f7, f8x19 = 19 * f8, f9x38 = 38 * f9;

    long h0 = f0 * f0 + f1x2 * f9x38 + f2x2 * f8x19 + f3x2 * f7x38 + f4x2 * f6x19 + f5 * f5x38;
    long h1 = f0x2 * f1 + f2 * f9x38 + f3x2 * f8x19 + f4 * f7x38 + f5x2 * f6x19;
    long h2 = f0x2 * f2 + f1x2 * f1 + f3x2 * f9x38 + f4x2 * f8x19 + f5x2 * f7x38 + f6 * f6x19;
    long h3 = f0x2 * f3 + f1x2 * f2 + f4 * f9x38 + f5x2 * f8x19 + f6 * f7x38;
    long h4 = f0x2 * f4 + f1x2 * f3x2 + f2 * f2 + f5x2 * f9x38 + f6x2 * f8x19 + f7 * f7x38;
    long h5 = f0x2 * f5 + f1x2 * f4 + f2x2 * f3 + f6 * f9x38 + f7x2 * f8x19;
    long h6 = f0x2 * f6 + f1x2 * f5x2 + f2x2 * f4 + f3x2 * f3 + f7x2 * f9x38 + f8 * f8x19;
    long h7 = f0x2 * f7 + f1x2 * f6 + f2x2 * f5 + f3x2 * f4 + f8 * f9x38;
    long h8 = f0x2 * f8 + f1x2 * f7x2 + f2x2 * f6 + f3x2 * f5x2 + f4 * f4 + f9 * f9x38;
    long h9 = f0x2 * f9 + f1x2 * f8 + f2x2 * f7 + f3x2 * f6 + f4x2 * f5;
    carry(h0, h1, h2, h3, h4, h5, h6, h7, h8, h9, h);
  }

  /** h = f^(2^n), n >= 1. */
  public static void sqn(int[] f, int n, int[] h) {
    sq(f, h);
    for (int i = 1; i < n; i++) {
      sq(h, h);
    }
  }

  /** h = f * 121666 (the X25519 ladder constant (A + 2) / 4). */
  public static void mul121666(int[] f, int[] h) {
    carry(f[0] * 121666L, f[1] * 121666L, f[2] * 121666L, f[3] * 121666L, f[4] * 121666L,
        f[5] * 121666L, f[6] * 121666L, f[7] * 121666L, f[8] * 121666L, f[9] * 121666L, h);
  }

  private static void carry(long h0, long h1, long h2, long h3, long h4, long h5, long h6, long h7,
      long h8, long h9, int[] h) {
    long c;
    c = (h0 + (1L << 25)) >> 26; h1 += c; h0 -= c << 26;
    c = (h4 + (1L << 25)) >> 26; h5 += c; h4 -= c << 26;
    c = (h1 + (1L << 24)) >> 25; h2 += c; h1 -= c << 25;
    c = (h5 + (1L << 24)) >> 25; h6 += c; h5 -= c << 25;
    c = (h2 + (1L << 25)) >> 26; h3 += c; h2 -= c << 26;
    c = (h6 + (1L << 25)) >> 26; h7 += c; h6 -= c << 26;
    c = (h3 + (1L << 24)) >> 25; h4 += c; h3 -= c << 25;
    c = (h7 + (1L << 24)) >> 25; h8 += c; h7 -= c << 25;
    c = (h4 + (1L << 25)) >> 26; h5 += c; h4 -= c << 26;
    c = (h8 + (1L << 25)) >> 26; h9 += c; h8 -= c << 26;
    c = (h9 + (1L << 24)) >> 25; h0 += c * 19; h9 -= c << 25;
    c = (h0 + (1L << 25)) >> 26; h1 += c; h0 -= c << 26;
    h[0] = (int) h0; h[1] = (int) h1; h[2] = (int) h2; h[3] = (int) h3; h[4] = (int) h4;
    h[5] = (int) h5; h[6] = (int) h6; h[7] = (int) h7; h[8] = (int) h8; h[9] = (int) h9;
  }

  /** out = z^(p - 2) = 1 / z (0 for z = 0). */
  public static void invert(int[] z, int[] out) {
    int[] t0 = create();
    int[] t1 = create();
    int[] t2 = create();
    int[] t3 = create();
    sq(z, t0);
    sqn(t0, 2, t1);
    mul(z, t1, t1);
    mul(t0, t1, t0);
    sq(t0, t2);
    mul(t1, t2, t1);
    sqn(t1, 5, t2);
    mul(t2, t1, t1);
    sqn(t1, 10, t2);
    mul(t2, t1, t2);
    sqn(t2, 20, t3);
    mul(t3, t2, t2);
    sqn(t2, 10, t2);
    mul(t2, t1, t1);
    sqn(t1, 50, t2);
    mul(t2, t1, t2);
    sqn(t2, 100, t3);
    mul(t3, t2, t2);
    sqn(t2, 50, t2);
    mul(t2, t1, t1);
    sqn(t1, 5, t1);
    mul(t1, t0, out);
  }

  /** out = z^((p - 5) / 8) = z^(2^252 - 3), the core of square roots. */
  public static void pow22523(int[] z, int[] out) {
    int[] t0 = create();
    int[] t1 = create();
    int[] t2 = create();
    sq(z, t0);
    sqn(t0, 2, t1);
    mul(z, t1, t1);
    mul(t0, t1, t0);
    sq(t0, t0);
    mul(t1, t0, t0);
    sqn(t0, 5, t1);
    mul(t1, t0, t0);
    sqn(t0, 10, t1);
    mul(t1, t0, t1);
    sqn(t1, 20, t2);
    mul(t2, t1, t1);
    sqn(t1, 10, t1);
    mul(t1, t0, t0);
    sqn(t0, 50, t1);
    mul(t1, t0, t1);
    sqn(t1, 100, t2);
    mul(t2, t1, t1);
    sqn(t1, 50, t1);
    mul(t1, t0, t0);
    sqn(t0, 2, t0);
    mul(t0, z, out);
  }

  /** Decodes 32 little-endian bytes, ignoring bit 255; the value may be p or above (not reduced). */
  public static void decode(byte[] s, int off, int[] h) {
    long lo = load(s, off, 8);
    long m1 = load(s, off + 8, 8);
    long m2 = load(s, off + 16, 8);
    long hi = load(s, off + 24, 8) & 0x7FFF_FFFF_FFFF_FFFFL;
    h[0] = (int) (lo & 0x3FFFFFF);
    h[1] = (int) ((lo >>> 26) & 0x1FFFFFF);
    h[2] = (int) (((lo >>> 51) | (m1 << 13)) & 0x3FFFFFF);
    h[3] = (int) ((m1 >>> 13) & 0x1FFFFFF);
    h[4] = (int) ((m1 >>> 38) & 0x3FFFFFF);
    h[5] = (int) (m2 & 0x1FFFFFF);
    h[6] = (int) ((m2 >>> 25) & 0x3FFFFFF);
    h[7] = (int) (((m2 >>> 51) | (hi << 13)) & 0x1FFFFFF);
    h[8] = (int) ((hi >>> 12) & 0x3FFFFFF);
    h[9] = (int) ((hi >>> 38) & 0x1FFFFFF);
  }

  private static long load(byte[] s, int off, int n) {
    long v = 0;
    for (int i = n - 1; i >= 0; i--) {
      v = (v << 8) | (s[off + i] & 0xFF);
    }
    return v;
  }

  /** Encodes h canonically (fully reduced mod p) as 32 little-endian bytes; bit 255 is 0. */
  public static void encode(int[] h, byte[] s, int off) {
    long h0 = h[0], h1 = h[1], h2 = h[2], h3 = h[3], h4 = h[4];
    long h5 = h[5], h6 = h[6], h7 = h[7], h8 = h[8], h9 = h[9];
    // Bring limbs into range first so that the quotient estimate below is exact.
    long c;
    for (int r = 0; r < 2; r++) {
      c = h0 >> 26; h1 += c; h0 -= c << 26;
      c = h1 >> 25; h2 += c; h1 -= c << 25;
      c = h2 >> 26; h3 += c; h2 -= c << 26;
      c = h3 >> 25; h4 += c; h3 -= c << 25;
      c = h4 >> 26; h5 += c; h4 -= c << 26;
      c = h5 >> 25; h6 += c; h5 -= c << 25;
      c = h6 >> 26; h7 += c; h6 -= c << 26;
      c = h7 >> 25; h8 += c; h7 -= c << 25;
      c = h8 >> 26; h9 += c; h8 -= c << 26;
      c = h9 >> 25; h0 += c * 19; h9 -= c << 25;
    }
    // Now 0 <= value < 2^255 + small; q = 1 if value >= p.
    long q = (19 * h9 + (1L << 24)) >> 25;
    q = (h0 + q) >> 26;
    q = (h1 + q) >> 25;
    q = (h2 + q) >> 26;
    q = (h3 + q) >> 25;
    q = (h4 + q) >> 26;
    q = (h5 + q) >> 25;
    q = (h6 + q) >> 26;
    q = (h7 + q) >> 25;
    q = (h8 + q) >> 26;
    q = (h9 + q) >> 25;
    h0 += 19 * q;
    c = h0 >> 26; h1 += c; h0 -= c << 26;
    c = h1 >> 25; h2 += c; h1 -= c << 25;
    c = h2 >> 26; h3 += c; h2 -= c << 26;
    c = h3 >> 25; h4 += c; h3 -= c << 25;
    c = h4 >> 26; h5 += c; h4 -= c << 26;
    c = h5 >> 25; h6 += c; h5 -= c << 25;
    c = h6 >> 26; h7 += c; h6 -= c << 26;
    c = h7 >> 25; h8 += c; h7 -= c << 25;
    c = h8 >> 26; h9 += c; h8 -= c << 26;
    c = h9 >> 25; h9 -= c << 25;
    long lo = h0 | (h1 << 26) | (h2 << 51);
    long m1 = (h2 >>> 13) | (h3 << 13) | (h4 << 38);
    long m2 = h5 | (h6 << 25) | (h7 << 51);
    long hi = (h7 >>> 13) | (h8 << 12) | (h9 << 38);
    store(lo, s, off);
    store(m1, s, off + 8);
    store(m2, s, off + 16);
    store(hi, s, off + 24);
  }

  private static void store(long v, byte[] s, int off) {
    for (int i = 0; i < 8; i++) {
      s[off + i] = (byte) (v >>> (8 * i));
    }
  }

  /** 1 if f is zero mod p, else 0; constant time. */
  public static int isZero(int[] f) {
    byte[] s = new byte[32];
    encode(f, s, 0);
    int acc = 0;
    for (byte b : s) {
      acc |= b;
    }
    return ((acc & 0xFF) - 1) >>> 31;
  }

  /** 1 if f mod p is odd (the "negative" sign bit of RFC 8032), else 0. */
  public static int isNegative(int[] f) {
    byte[] s = new byte[32];
    encode(f, s, 0);
    return s[0] & 1;
  }

  /** 1 if f == g mod p, else 0. */
  public static int equal(int[] f, int[] g) {
    int[] d = create();
    sub(f, g, d);
    return isZero(d);
  }
}
