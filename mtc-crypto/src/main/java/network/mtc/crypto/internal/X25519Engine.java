package network.mtc.crypto.internal;

/**
 * X25519 (RFC 7748 section 5): the Montgomery ladder on Curve25519, in constant time (a fixed 255
 * iterations with masked conditional swaps).
 */
public final class X25519Engine {
  private X25519Engine() {}

  /** The u-coordinate of the base point, 9. */
  public static final byte[] BASE = new byte[32];

  static {
    BASE[0] = 9;
  }

  /** out = X25519(k, u); k is clamped here, u's top bit is ignored (both as RFC 7748 requires). */
  public static void scalarMult(byte[] k, byte[] u, byte[] out) {
    byte[] e = k.clone();
    e[0] &= (byte) 248;
    e[31] &= 127;
    e[31] |= 64;
    long[] x1 = Field25519.create();
    Field25519.decode(u, 0, x1);
    long[] x2 = Field25519.create();
    long[] z2 = Field25519.create();
    long[] x3 = Field25519.create();
    long[] z3 = Field25519.create();
    long[] a = Field25519.create();
    long[] aa = Field25519.create();
    long[] b = Field25519.create();
    long[] bb = Field25519.create();
    long[] ee = Field25519.create();
    long[] c = Field25519.create();
    long[] d = Field25519.create();
    long[] da = Field25519.create();
    long[] cb = Field25519.create();
    Field25519.one(x2);
    Field25519.copy(x1, x3);
    Field25519.one(z3);
    int swap = 0;
    for (int t = 254; t >= 0; t--) {
      int bit = (e[t >>> 3] >>> (t & 7)) & 1;
      swap ^= bit;
      Field25519.cswap(x2, x3, swap);
      Field25519.cswap(z2, z3, swap);
      swap = bit;
      Field25519.add(x2, z2, a);
      Field25519.sq(a, aa);
      Field25519.sub(x2, z2, b);
      Field25519.sq(b, bb);
      Field25519.sub(aa, bb, ee);
      Field25519.add(x3, z3, c);
      Field25519.sub(x3, z3, d);
      Field25519.mul(d, a, da);
      Field25519.mul(c, b, cb);
      Field25519.add(da, cb, x3);
      Field25519.sq(x3, x3);
      Field25519.sub(da, cb, z3);
      Field25519.sq(z3, z3);
      Field25519.mul(z3, x1, z3);
      Field25519.mul(aa, bb, x2);
      Field25519.mul121666(ee, z2);
      Field25519.add(z2, bb, z2);
      Field25519.mul(z2, ee, z2);
    }
    Field25519.cswap(x2, x3, swap);
    Field25519.cswap(z2, z3, swap);
    Field25519.invert(z2, z2);
    Field25519.mul(x2, z2, x2);
    Field25519.encode(x2, out, 0);
    java.util.Arrays.fill(e, (byte) 0);
  }
}
