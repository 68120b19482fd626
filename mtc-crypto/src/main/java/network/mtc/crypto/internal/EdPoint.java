package network.mtc.crypto.internal;

import static network.mtc.crypto.internal.Field25519.add;
import static network.mtc.crypto.internal.Field25519.copy;
import static network.mtc.crypto.internal.Field25519.mul;
import static network.mtc.crypto.internal.Field25519.sq;
import static network.mtc.crypto.internal.Field25519.sub;

/**
 * A point of the Ed25519 curve -x^2 + y^2 = 1 + d x^2 y^2 in extended coordinates (X : Y : Z : T) with
 * x = X/Z, y = Y/Z, x y = T/Z (Hisil, Wong, Carter, Dawson 2008). Mutable, so that scalar multiplication
 * reuses its points instead of allocating; the formulas are complete for this curve (no exceptional
 * cases), so addition and doubling run in constant time.
 */
public final class EdPoint {
  final long[] x = Field25519.create();
  final long[] y = Field25519.create();
  final long[] z = Field25519.create();
  final long[] t = Field25519.create();

  private static final ThreadLocal<long[]> IDENTITY_TEMP = ThreadLocal.withInitial(Field25519::create);

  /** The identity (0, 1). */
  public static EdPoint identity() {
    EdPoint p = new EdPoint();
    p.setIdentity();
    return p;
  }

  void setIdentity() {
    Field25519.zero(x);
    Field25519.one(y);
    Field25519.one(z);
    Field25519.zero(t);
  }

  void set(EdPoint p) {
    copy(p.x, x);
    copy(p.y, y);
    copy(p.z, z);
    copy(p.t, t);
  }

  /** A copy. */
  public EdPoint copyOf() {
    EdPoint p = new EdPoint();
    p.set(this);
    return p;
  }

  /**
   * The cached form (Y + X, Y - X, 2 Z, 2 d T) of a point, for repeated additions of it.
   */
  static final class Cached {
    final long[] yPlusX = Field25519.create();
    final long[] yMinusX = Field25519.create();
    final long[] z2 = Field25519.create();
    final long[] t2d = Field25519.create();

    void set(EdPoint p) {
      add(p.y, p.x, yPlusX);
      sub(p.y, p.x, yMinusX);
      add(p.z, p.z, z2);
      mul(p.t, Ed25519Group.D2, t2d);
    }

    /**
     * The cached form of p normalised to Z = 1 (so that {@link #z2} is 2), for {@link
     * EdPoint#plusAffine}: costs one inversion, saves a multiplication per addition of it.
     */
    void setAffine(EdPoint p) {
      long[] zi = Field25519.create();
      Field25519.invert(p.z, zi);
      setAffine(p, zi);
    }

    /** As {@link #setAffine(EdPoint)} given zi = 1 / p.z. */
    private void setAffine(EdPoint p, long[] zi) {
      long[] ax = Field25519.create();
      long[] ay = Field25519.create();
      mul(p.x, zi, ax);
      mul(p.y, zi, ay);
      add(ay, ax, yPlusX);
      sub(ay, ax, yMinusX);
      Field25519.one(z2);
      add(z2, z2, z2);
      mul(ax, ay, t2d);
      mul(t2d, Ed25519Group.D2, t2d);
    }

    /**
     * The affine cached forms of many points with one inversion (Montgomery's trick); for the constant
     * tables. No Z may be zero (true of every curve point in extended coordinates).
     */
    static Cached[] affine(EdPoint[] ps) {
      int n = ps.length;
      long[][] prefix = new long[n][];
      for (int i = 0; i < n; i++) {
        prefix[i] = Field25519.create();
        if (i == 0) {
          copy(ps[0].z, prefix[0]);
        } else {
          mul(prefix[i - 1], ps[i].z, prefix[i]);
        }
      }
      long[] inv = Field25519.create();
      Field25519.invert(prefix[n - 1], inv);
      long[] zi = Field25519.create();
      Cached[] out = new Cached[n];
      for (int i = n - 1; i >= 0; i--) {
        if (i == 0) {
          copy(inv, zi);
        } else {
          mul(inv, prefix[i - 1], zi);
          mul(inv, ps[i].z, inv);
        }
        out[i] = new Cached();
        out[i].setAffine(ps[i], zi);
      }
      return out;
    }
  }

  /** Scratch field elements for the formulas; one per thread of use. */
  static final class Scratch {
    final long[] a = Field25519.create();
    final long[] b = Field25519.create();
    final long[] c = Field25519.create();
    final long[] d = Field25519.create();
    final long[] e = Field25519.create();
    final long[] f = Field25519.create();
    final long[] g = Field25519.create();
    final long[] h = Field25519.create();
  }

  /** this = this + q (unified addition, 8M + adds; complete). */
  void plus(Cached q, Scratch s) {
    sub(y, x, s.a);
    mul(s.a, q.yMinusX, s.a);
    add(y, x, s.b);
    mul(s.b, q.yPlusX, s.b);
    mul(t, q.t2d, s.c);
    mul(z, q.z2, s.d);
    sub(s.b, s.a, s.e);
    sub(s.d, s.c, s.f);
    add(s.d, s.c, s.g);
    add(s.b, s.a, s.h);
    mul(s.e, s.f, x);
    mul(s.g, s.h, y);
    mul(s.e, s.h, t);
    mul(s.f, s.g, z);
  }

  /** this = this + q for q in affine cached form (Z = 1, see {@link Cached#setAffine}): 7M. */
  void plusAffine(Cached q, Scratch s) {
    sub(y, x, s.a);
    mul(s.a, q.yMinusX, s.a);
    add(y, x, s.b);
    mul(s.b, q.yPlusX, s.b);
    mul(t, q.t2d, s.c);
    add(z, z, s.d);
    sub(s.b, s.a, s.e);
    sub(s.d, s.c, s.f);
    add(s.d, s.c, s.g);
    add(s.b, s.a, s.h);
    mul(s.e, s.f, x);
    mul(s.g, s.h, y);
    mul(s.e, s.h, t);
    mul(s.f, s.g, z);
  }

  /** this = this - q for q in affine cached form: 7M. */
  void minusAffine(Cached q, Scratch s) {
    sub(y, x, s.a);
    mul(s.a, q.yPlusX, s.a);
    add(y, x, s.b);
    mul(s.b, q.yMinusX, s.b);
    mul(t, q.t2d, s.c);
    add(z, z, s.d);
    sub(s.b, s.a, s.e);
    add(s.d, s.c, s.f);
    sub(s.d, s.c, s.g);
    add(s.b, s.a, s.h);
    mul(s.e, s.f, x);
    mul(s.g, s.h, y);
    mul(s.e, s.h, t);
    mul(s.f, s.g, z);
  }

  /** this = this - q. */
  void minus(Cached q, Scratch s) {
    sub(y, x, s.a);
    mul(s.a, q.yPlusX, s.a);
    add(y, x, s.b);
    mul(s.b, q.yMinusX, s.b);
    mul(t, q.t2d, s.c);
    mul(z, q.z2, s.d);
    sub(s.b, s.a, s.e);
    add(s.d, s.c, s.f);
    sub(s.d, s.c, s.g);
    add(s.b, s.a, s.h);
    mul(s.e, s.f, x);
    mul(s.g, s.h, y);
    mul(s.e, s.h, t);
    mul(s.f, s.g, z);
  }

  /** this = 2 this (4M + 4S). */
  void dbl(Scratch s) {
    sq(x, s.a);
    sq(y, s.b);
    sq(z, s.c);
    add(s.c, s.c, s.c);
    add(x, y, s.h);
    sq(s.h, s.h);
    sub(s.h, s.a, s.e);
    sub(s.e, s.b, s.e); // E = (X+Y)^2 - A - B
    sub(s.b, s.a, s.g); // G = B - A  (a = -1: D + B with D = -A)
    sub(s.g, s.c, s.f); // F = G - C
    add(s.a, s.b, s.h);
    Field25519.neg(s.h, s.h); // H = -A - B
    mul(s.e, s.f, x);
    mul(s.g, s.h, y);
    mul(s.e, s.h, t);
    mul(s.f, s.g, z);
  }

  /**
   * this = 2 this without computing T (3M + 4S): T is left stale, so the result may only be doubled
   * again (dbl reads X, Y, Z only) before any addition.
   */
  void dblNoT(Scratch s) {
    sq(x, s.a);
    sq(y, s.b);
    sq(z, s.c);
    add(s.c, s.c, s.c);
    add(x, y, s.h);
    sq(s.h, s.h);
    sub(s.h, s.a, s.e);
    sub(s.e, s.b, s.e);
    sub(s.b, s.a, s.g);
    sub(s.g, s.c, s.f);
    add(s.a, s.b, s.h);
    Field25519.neg(s.h, s.h);
    mul(s.e, s.f, x);
    mul(s.g, s.h, y);
    mul(s.f, s.g, z);
  }

  /** 1 if this is the identity (X = 0 and Y = Z), else 0. */
  public int isIdentity() {
    long[] d = IDENTITY_TEMP.get();
    sub(y, z, d);
    return Field25519.isZero(x) & Field25519.isZero(d);
  }

  /** Encodes as 32 bytes: y with the sign of x in bit 255 (RFC 8032 5.1.2). */
  public void encode(byte[] out, int off) {
    long[] zi = Field25519.create();
    long[] ax = Field25519.create();
    long[] ay = Field25519.create();
    Field25519.invert(z, zi);
    mul(x, zi, ax);
    mul(y, zi, ay);
    Field25519.encode(ay, out, off);
    out[off + 31] |= (byte) (Field25519.isNegative(ax) << 7);
  }

  /** The 32-byte encoding. */
  public byte[] encode() {
    byte[] out = new byte[32];
    encode(out, 0);
    return out;
  }
}
