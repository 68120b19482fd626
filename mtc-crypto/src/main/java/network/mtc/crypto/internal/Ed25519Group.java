package network.mtc.crypto.internal;

import java.math.BigInteger;

/**
 * The Ed25519 group: curve constants, strict point decoding, the constant-time fixed-base multiplication
 * used for keys and signing, and the variable-time multi-scalar multiplications used for verification
 * (which handles public data only).
 */
public final class Ed25519Group {
  // Per-thread temporaries first: the static initialisers below already use decode().
  /** Temporaries of the variable-time (verification) routines, one set per thread. */
  private static final class VartimeTemps {
    final EdPoint q = new EdPoint();
    final EdPoint.Scratch scratch = new EdPoint.Scratch();
    final byte[] nafA = new byte[257];
    final byte[] nafB = new byte[257];
    final EdPoint.Cached entry = new EdPoint.Cached();
  }

  private static final ThreadLocal<VartimeTemps> VARTIME_TEMPS =
      ThreadLocal.withInitial(VartimeTemps::new);

  /** Temporaries of {@link #decode}, one set per thread, so decoding allocates nothing. */
  private static final class DecodeTemps {
    final long[] y = Field25519.create();
    final long[] u = Field25519.create();
    final long[] v = Field25519.create();
    final long[] one = Field25519.create();
    final long[] v3 = Field25519.create();
    final long[] x = Field25519.create();
    final long[] t = Field25519.create();
    final long[] check = Field25519.create();
    final byte[] canon = new byte[32];
  }

  private static final ThreadLocal<DecodeTemps> DECODE_TEMPS = ThreadLocal.withInitial(DecodeTemps::new);

  static final BigInteger P = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19));
  /** d = -121665 / 121666. */
  static final long[] D = constant(BigInteger.valueOf(-121665)
      .multiply(BigInteger.valueOf(121666).modInverse(P)).mod(P));
  /** 2 d. */
  static final long[] D2 = constant(BigInteger.valueOf(-121665)
      .multiply(BigInteger.valueOf(121666).modInverse(P)).multiply(BigInteger.TWO).mod(P));
  /** sqrt(-1) = 2^((p - 1) / 4). */
  static final long[] SQRT_M1 = constant(BigInteger.TWO.modPow(P.subtract(BigInteger.ONE)
      .shiftRight(2), P));

  /** Decoding status: a valid point. */
  public static final int OK = 0;
  /** Decoding status: y is not below p, or x = 0 with the sign bit set. */
  public static final int NON_CANONICAL = 1;
  /** Decoding status: no point has this y. */
  public static final int NOT_ON_CURVE = 2;

  /** The base point B, encoded (y = 4/5, x even). */
  static final byte[] BASE_ENCODED = new byte[32];

  static {
    BASE_ENCODED[0] = 0x58;
    for (int i = 1; i < 32; i++) {
      BASE_ENCODED[i] = 0x66;
    }
  }

  static final EdPoint BASE = decodeOrThrow(BASE_ENCODED);

  /** Longs per entry of {@link #BASE_TABLE}: Y + X, Y - X and 2 d T (Z = 1 is implied). */
  private static final int ENTRY = 3 * Field25519.SIZE;
  /**
   * Entry 8 i + j holds (j + 1) 256^i B in affine cached form, for the constant-time comb of {@link
   * #scalarMultBase}: 32 rows of 8 entries, flat, so that a row's look-up streams through 960 bytes.
   */
  private static final long[] BASE_TABLE = new long[32 * 8 * ENTRY];
  /** Odd multiples B, 3B, ..., 127B (affine cached form) for the width-8 NAF of verification. */
  private static final EdPoint.Cached[] BASE_ODD = oddMultiplesAffine(BASE, 64);
  /** NAF width of {@link #BASE_SPLIT}. */
  static final int BASE_SPLIT_WIDTH = 8;
  /**
   * The split table of B (8 x 64 entries, 60 KiB) for {@link #splitScalarMultVartime}: built once at class
   * load, so the first verification with a key prepared for many verifications is not slower than the rest.
   */
  private static final SplitTable BASE_SPLIT = SplitTable.of(BASE, BASE_SPLIT_WIDTH);

  static {
    EdPoint.Scratch s = new EdPoint.Scratch();
    EdPoint row = BASE.copyOf();
    EdPoint[] pts = new EdPoint[32 * 8];
    for (int i = 0; i < 32; i++) {
      EdPoint acc = row.copyOf();
      EdPoint.Cached rowCached = new EdPoint.Cached();
      rowCached.set(row);
      for (int j = 0; j < 8; j++) {
        pts[8 * i + j] = acc.copyOf();
        acc.plus(rowCached, s);
      }
      for (int k = 0; k < 8; k++) {
        row.dbl(s);
      }
    }
    EdPoint.Cached[] affine = EdPoint.Cached.affine(pts);
    for (int i = 0; i < affine.length; i++) {
      System.arraycopy(affine[i].yPlusX, 0, BASE_TABLE, i * ENTRY, Field25519.SIZE);
      System.arraycopy(affine[i].yMinusX, 0, BASE_TABLE, i * ENTRY + Field25519.SIZE, Field25519.SIZE);
      System.arraycopy(affine[i].t2d, 0, BASE_TABLE, i * ENTRY + 2 * Field25519.SIZE, Field25519.SIZE);
    }
  }

  private Ed25519Group() {}

  private static long[] constant(BigInteger v) {
    byte[] le = new byte[32];
    byte[] be = v.toByteArray();
    for (int i = 0; i < 32 && i < be.length; i++) {
      le[i] = be[be.length - 1 - i];
    }
    long[] f = Field25519.create();
    Field25519.decode(le, 0, f);
    return f;
  }

  private static EdPoint decodeOrThrow(byte[] s) {
    EdPoint p = new EdPoint();
    if (decode(s, 0, p) != OK) {
      throw new IllegalStateException("bad constant");
    }
    return p;
  }

  /**
   * Decodes a 32-byte point encoding strictly (RFC 8032 5.1.3 with canonical y and no "negative zero").
   *
   * @return {@link #OK}, {@link #NON_CANONICAL} or {@link #NOT_ON_CURVE}; {@code out} is set only on OK
   */
  public static int decode(byte[] s, int off, EdPoint out) {
    DecodeTemps w = DECODE_TEMPS.get();
    long[] y = w.y;
    Field25519.decode(s, off, y);
    byte[] canon = w.canon;
    Field25519.encode(y, canon, 0);
    for (int i = 0; i < 31; i++) {
      if (canon[i] != s[off + i]) {
        return NON_CANONICAL;
      }
    }
    if (canon[31] != (s[off + 31] & 0x7F)) {
      return NON_CANONICAL;
    }
    int sign = (s[off + 31] >>> 7) & 1;
    long[] u = w.u;
    long[] v = w.v;
    long[] one = w.one;
    Field25519.one(one);
    Field25519.sq(y, u);
    Field25519.mul(u, D, v);
    Field25519.sub(u, one, u); // u = y^2 - 1
    Field25519.add(v, one, v); // v = d y^2 + 1
    long[] v3 = w.v3;
    long[] x = w.x;
    long[] t = w.t;
    Field25519.sq(v, v3);
    Field25519.mul(v3, v, v3); // v^3
    Field25519.sq(v3, x);
    Field25519.mul(x, v, x);
    Field25519.mul(x, u, x); // u v^7
    Field25519.pow22523(x, x);
    Field25519.mul(x, v3, x);
    Field25519.mul(x, u, x); // x = u v^3 (u v^7)^((p-5)/8)
    Field25519.sq(x, t);
    Field25519.mul(t, v, t); // v x^2
    long[] check = w.check;
    Field25519.sub(t, u, check);
    if (Field25519.isZero(check) == 0) {
      Field25519.add(t, u, check);
      if (Field25519.isZero(check) == 0) {
        return NOT_ON_CURVE;
      }
      Field25519.mul(x, SQRT_M1, x);
    }
    if (Field25519.isZero(x) == 1 && sign == 1) {
      return NON_CANONICAL;
    }
    if (Field25519.isNegative(x) != sign) {
      Field25519.neg(x, x);
    }
    Field25519.copy(x, out.x);
    Field25519.copy(y, out.y);
    Field25519.one(out.z);
    Field25519.mul(x, y, out.t);
    return OK;
  }


  /** 1 if [8] p is the identity (p has small order), else 0. Variable time (public points only). */
  public static boolean hasSmallOrder(EdPoint p) {
    VartimeTemps w = VARTIME_TEMPS.get();
    EdPoint q = w.q;
    q.set(p);
    EdPoint.Scratch s = w.scratch;
    q.dblNoT(s); // isIdentity reads X, Y, Z only
    q.dblNoT(s);
    q.dblNoT(s);
    return q.isIdentity() == 1;
  }

  /**
   * out = [a] B for a secret scalar a (32 bytes little-endian, a[31] <= 127), in constant time: signed
   * radix-16 digits, 64 table look-ups that read every entry of a row, 4 doublings.
   */
  public static void scalarMultBase(byte[] a, EdPoint out) {
    byte[] e = new byte[64];
    for (int i = 0; i < 32; i++) {
      e[2 * i] = (byte) (a[i] & 15);
      e[2 * i + 1] = (byte) ((a[i] >>> 4) & 15);
    }
    int carry = 0;
    for (int i = 0; i < 63; i++) {
      e[i] += carry;
      carry = (e[i] + 8) >> 4;
      e[i] -= carry << 4;
    }
    e[63] += carry;
    EdPoint.Scratch s = new EdPoint.Scratch();
    EdPoint.Cached t = new EdPoint.Cached();
    out.setIdentity();
    for (int i = 1; i < 64; i += 2) {
      select(t, i / 2, e[i]);
      out.plusAffine(t, s);
    }
    out.dblNoT(s);
    out.dblNoT(s);
    out.dblNoT(s);
    out.dbl(s);
    for (int i = 0; i < 64; i += 2) {
      select(t, i / 2, e[i]);
      out.plusAffine(t, s);
    }
  }

  /**
   * t = [b] 256^pos B for a signed digit b in [-8, 8], in constant time: every entry of the row is read
   * and merged under a mask, and the negation is a masked swap and negation. Sets the fields {@link
   * EdPoint#plusAffine} reads (not z2).
   */
  private static void select(EdPoint.Cached t, int pos, byte b) {
    int bnegative = (b >>> 7) & 1;
    int babs = b - (((-bnegative) & b) << 1);
    long[] tab = BASE_TABLE;
    // The identity: Y + X = 1, Y - X = 1, 2 d T = 0.
    long p0 = 1, p1 = 0, p2 = 0, p3 = 0, p4 = 0;
    long m0 = 1, m1 = 0, m2 = 0, m3 = 0, m4 = 0;
    long d0 = 0, d1 = 0, d2 = 0, d3 = 0, d4 = 0;
    int o = pos * 8 * ENTRY;
    for (int j = 1; j <= 8; j++, o += ENTRY) {
      long mask = -(long) equal(babs, j);
      p0 ^= (p0 ^ tab[o]) & mask;
      p1 ^= (p1 ^ tab[o + 1]) & mask;
      p2 ^= (p2 ^ tab[o + 2]) & mask;
      p3 ^= (p3 ^ tab[o + 3]) & mask;
      p4 ^= (p4 ^ tab[o + 4]) & mask;
      m0 ^= (m0 ^ tab[o + 5]) & mask;
      m1 ^= (m1 ^ tab[o + 6]) & mask;
      m2 ^= (m2 ^ tab[o + 7]) & mask;
      m3 ^= (m3 ^ tab[o + 8]) & mask;
      m4 ^= (m4 ^ tab[o + 9]) & mask;
      d0 ^= (d0 ^ tab[o + 10]) & mask;
      d1 ^= (d1 ^ tab[o + 11]) & mask;
      d2 ^= (d2 ^ tab[o + 12]) & mask;
      d3 ^= (d3 ^ tab[o + 13]) & mask;
      d4 ^= (d4 ^ tab[o + 14]) & mask;
    }
    // -P swaps Y + X with Y - X and negates 2 d T.
    long neg = -(long) bnegative;
    long x;
    long[] yp = t.yPlusX;
    long[] ym = t.yMinusX;
    long[] td = t.t2d;
    x = (p0 ^ m0) & neg; yp[0] = p0 ^ x; ym[0] = m0 ^ x;
    x = (p1 ^ m1) & neg; yp[1] = p1 ^ x; ym[1] = m1 ^ x;
    x = (p2 ^ m2) & neg; yp[2] = p2 ^ x; ym[2] = m2 ^ x;
    x = (p3 ^ m3) & neg; yp[3] = p3 ^ x; ym[3] = m3 ^ x;
    x = (p4 ^ m4) & neg; yp[4] = p4 ^ x; ym[4] = m4 ^ x;
    td[0] = d0 ^ ((d0 ^ -d0) & neg);
    td[1] = d1 ^ ((d1 ^ -d1) & neg);
    td[2] = d2 ^ ((d2 ^ -d2) & neg);
    td[3] = d3 ^ ((d3 ^ -d3) & neg);
    td[4] = d4 ^ ((d4 ^ -d4) & neg);
  }

  private static int equal(int a, int b) {
    int x = a ^ b;
    return ((x - 1) >>> 31);
  }

  /** The points p, 3p, ..., (2n - 1)p. */
  static EdPoint[] oddMultiplePoints(EdPoint p, int n) {
    EdPoint[] pts = new EdPoint[n];
    EdPoint.Scratch s = new EdPoint.Scratch();
    EdPoint twice = p.copyOf();
    twice.dbl(s);
    EdPoint.Cached twiceCached = new EdPoint.Cached();
    twiceCached.set(twice);
    EdPoint acc = p.copyOf();
    for (int i = 0; i < n; i++) {
      pts[i] = acc.copyOf();
      acc.plus(twiceCached, s);
    }
    return pts;
  }

  /**
   * Odd multiples p, 3p, ..., (2n - 1)p in affine cached form (one batch inversion): for the tables of
   * keys that verify many signatures, where additions then cost 7M instead of 8M.
   */
  static EdPoint.Cached[] oddMultiplesAffine(EdPoint p, int n) {
    return EdPoint.Cached.affine(oddMultiplePoints(p, n));
  }

  /** Odd multiples p, 3p, ..., (2n - 1)p in (projective) cached form. */
  static EdPoint.Cached[] oddMultiples(EdPoint p, int n) {
    EdPoint[] pts = oddMultiplePoints(p, n);
    EdPoint.Cached[] out = new EdPoint.Cached[n];
    for (int i = 0; i < n; i++) {
      out[i] = new EdPoint.Cached();
      out[i].set(pts[i]);
    }
    return out;
  }


  /**
   * Width-w non-adjacent form of a 32-byte little-endian scalar below 2^255: 256 digits (bits 0 to 255),
   * each zero or odd and below 2^(w - 1) in magnitude, any two non-zero digits at least w positions
   * apart; r[256] is 0. Variable time (public scalars only).
   *
   * @throws IllegalArgumentException if the scalar is 2^255 or above, or w is outside [2, 8]
   */
  static byte[] naf(byte[] a, int w) {
    return naf(a, w, new byte[257]);
  }

  /** As {@link #naf(byte[], int)}, into {@code r} (at least 257 bytes, overwritten). */
  static byte[] naf(byte[] a, int w, byte[] r) {
    if (a[31] < 0) {
      throw new IllegalArgumentException("NAF takes scalars below 2^255");
    }
    if (w < 2 || w > 8) {
      throw new IllegalArgumentException("NAF width " + w + " outside [2, 8]: digits are bytes");
    }
    long x0 = le64(a, 0);
    long x1 = le64(a, 8);
    long x2 = le64(a, 16);
    long x3 = le64(a, 24);
    java.util.Arrays.fill(r, 0, 257, (byte) 0);
    int width = 1 << w;
    long mask = width - 1;
    int carry = 0;
    int pos = 0;
    // Scan up: a window of w bits (plus the carry) that is odd becomes a digit in (-2^(w-1), 2^(w-1)),
    // a negative digit carrying 2^w up; an even one is a zero digit. Below 2^255 no carry is left at the end.
    while (pos < 256) {
      int bit = pos & 63;
      long lo;
      long hi;
      switch (pos >>> 6) {
        case 0 -> { lo = x0; hi = x1; }
        case 1 -> { lo = x1; hi = x2; }
        case 2 -> { lo = x2; hi = x3; }
        default -> { lo = x3; hi = 0; }
      }
      long buf = bit == 0 ? lo : (lo >>> bit) | (hi << (64 - bit));
      int window = carry + (int) (buf & mask);
      if ((window & 1) == 0) {
        pos++;
        continue;
      }
      if (window < width / 2) {
        carry = 0;
        r[pos] = (byte) window;
      } else {
        carry = 1;
        r[pos] = (byte) (window - width);
      }
      pos += w;
    }
    return r;
  }

  private static long le64(byte[] a, int off) {
    long v = 0;
    for (int i = 7; i >= 0; i--) {
      v = (v << 8) | (a[off + i] & 0xFFL);
    }
    return v;
  }

  /**
   * out = [a] A + [b] B in variable time (verification: a, b and A are public). A is given by its odd
   * multiples (see {@link #oddMultiples}, 8 of them, width 5).
   */
  public static void doubleScalarMultVartime(byte[] a, EdPoint.Cached[] aOdd, byte[] b, EdPoint out) {
    doubleScalarMultVartime(a, aOdd, false, b, out);
  }

  /**
   * As above, with A's table given as 8 projective (width-5 NAF) or 64 affine (width-8 NAF, {@code
   * aAffine}) odd multiples.
   */
  public static void doubleScalarMultVartime(byte[] a, EdPoint.Cached[] aOdd, boolean aAffine, byte[] b,
      EdPoint out) {
    VartimeTemps w = VARTIME_TEMPS.get();
    byte[] an = naf(a, aOdd.length == 64 ? 8 : 5, w.nafA);
    byte[] bn = naf(b, 8, w.nafB);
    int i = 255;
    while (i >= 0 && an[i] == 0 && bn[i] == 0) {
      i--;
    }
    EdPoint.Scratch s = w.scratch;
    out.setIdentity();
    for (; i >= 0; i--) {
      if (i > 0 && an[i] == 0 && bn[i] == 0) {
        out.dblNoT(s); // another doubling follows: T is not needed (the last step must set it)
        continue;
      }
      out.dbl(s);
      if (an[i] > 0) {
        if (aAffine) {
          out.plusAffine(aOdd[an[i] >> 1], s);
        } else {
          out.plus(aOdd[an[i] >> 1], s);
        }
      } else if (an[i] < 0) {
        if (aAffine) {
          out.minusAffine(aOdd[(-an[i]) >> 1], s);
        } else {
          out.minus(aOdd[(-an[i]) >> 1], s);
        }
      }
      if (bn[i] > 0) {
        out.plusAffine(BASE_ODD[bn[i] >> 1], s);
      } else if (bn[i] < 0) {
        out.minusAffine(BASE_ODD[(-bn[i]) >> 1], s);
      }
    }
  }

  /**
   * out = [a] A + [b] B in variable time (verification: a, b and A are public), A given by its {@link
   * SplitTable}: both scalars are cut into eight 32-bit parts that share one chain of 32 doublings (see
   * SplitTable). Both scalars must be below 2^255 (their NAF then ends at bit 255), as every reduced
   * scalar and every canonical S is.
   *
   * @throws IllegalArgumentException if a scalar is 2^255 or above
   */
  public static void splitScalarMultVartime(byte[] a, SplitTable aTable, byte[] b, EdPoint out) {
    if (a[31] < 0 || b[31] < 0) {
      throw new IllegalArgumentException("split multiplication takes scalars below 2^255");
    }
    VartimeTemps w = VARTIME_TEMPS.get();
    byte[] an = naf(a, aTable.width, w.nafA);
    byte[] bn = naf(b, BASE_SPLIT_WIDTH, w.nafB);
    final int span = SplitTable.SPAN;
    final int parts = SplitTable.PARTS;
    int top = span - 1;
    while (top >= 0 && !anyDigit(an, bn, top)) {
      top--;
    }
    EdPoint.Scratch s = w.scratch;
    EdPoint.Cached c = w.entry;
    out.setIdentity();
    for (int r = top; r >= 0; r--) {
      if (!anyDigit(an, bn, r)) {
        if (r > 0) {
          out.dblNoT(s); // another doubling follows: T is not needed (the last step must set it)
        } else {
          out.dbl(s);
        }
        continue;
      }
      out.dbl(s);
      for (int j = 0; j < parts; j++) {
        int da = an[j * span + r];
        if (da > 0) {
          aTable.load(j, da >> 1, c);
          out.plusAffine(c, s);
        } else if (da < 0) {
          aTable.load(j, (-da) >> 1, c);
          out.minusAffine(c, s);
        }
        int db = bn[j * span + r];
        if (db > 0) {
          BASE_SPLIT.load(j, db >> 1, c);
          out.plusAffine(c, s);
        } else if (db < 0) {
          BASE_SPLIT.load(j, (-db) >> 1, c);
          out.minusAffine(c, s);
        }
      }
    }
  }

  /** True if a digit of either NAF sits at bit {@code r} of some part. */
  private static boolean anyDigit(byte[] an, byte[] bn, int r) {
    for (int j = 0; j < SplitTable.PARTS; j++) {
      int i = j * SplitTable.SPAN + r;
      if ((an[i] | bn[i]) != 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * out = sum [scalars[i]] points[i] + [b] B in variable time (Straus' interleaving, width-5 NAF per
   * point): one chain of doublings shared by every term, for batch verification.
   */
  public static void multiScalarMultVartime(byte[][] scalars, EdPoint.Cached[][] odd, int n, byte[] b,
      EdPoint out) {
    byte[][] nafs = new byte[n][];
    int top = -1;
    for (int k = 0; k < n; k++) {
      nafs[k] = naf(scalars[k], 5);
      for (int i = 255; i > top; i--) {
        if (nafs[k][i] != 0) {
          top = i;
          break;
        }
      }
    }
    byte[] bn = naf(b, 8);
    for (int i = 255; i > top; i--) {
      if (bn[i] != 0) {
        top = i;
        break;
      }
    }
    EdPoint.Scratch s = new EdPoint.Scratch();
    out.setIdentity();
    for (int i = top; i >= 0; i--) {
      boolean any = bn[i] != 0;
      for (int k = 0; k < n && !any; k++) {
        any = nafs[k][i] != 0;
      }
      if (i > 0 && !any) {
        out.dblNoT(s); // another doubling follows: T is not needed (the last step must set it)
        continue;
      }
      out.dbl(s);
      for (int k = 0; k < n; k++) {
        int d = nafs[k][i];
        if (d > 0) {
          out.plus(odd[k][d >> 1], s);
        } else if (d < 0) {
          out.minus(odd[k][(-d) >> 1], s);
        }
      }
      if (bn[i] > 0) {
        out.plusAffine(BASE_ODD[bn[i] >> 1], s);
      } else if (bn[i] < 0) {
        out.minusAffine(BASE_ODD[(-bn[i]) >> 1], s);
      }
    }
  }
}
