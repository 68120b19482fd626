package network.mtc.crypto.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Field25519Test {
  static final BigInteger P = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19));

  static BigInteger value(long[] f) {
    byte[] s = new byte[32];
    Field25519.encode(f, s, 0);
    return le(s);
  }

  static BigInteger le(byte[] s) {
    byte[] be = new byte[s.length];
    for (int i = 0; i < s.length; i++) {
      be[i] = s[s.length - 1 - i];
    }
    return new BigInteger(1, be);
  }

  static byte[] toLe(BigInteger v) {
    byte[] out = new byte[32];
    byte[] be = v.toByteArray();
    for (int i = 0; i < be.length && i < 33; i++) {
      int j = be.length - 1 - i;
      if (i < 32) {
        out[i] = be[j];
      }
    }
    return out;
  }

  static long[] fe(BigInteger v) {
    long[] f = Field25519.create();
    Field25519.decode(toLe(v), 0, f);
    return f;
  }

  static BigInteger random(SplittableRandom rnd) {
    switch (rnd.nextInt(4)) {
      case 0:
        return P.subtract(BigInteger.valueOf(rnd.nextInt(40)));
      case 1:
        return BigInteger.valueOf(rnd.nextInt(40));
      default:
        byte[] b = new byte[32];
        for (int i = 0; i < 32; i++) {
          b[i] = (byte) rnd.nextInt(256);
        }
        b[31] &= 0x7F;
        return le(b);
    }
  }

  @Test
  void matchesBigIntegerArithmetic() {
    SplittableRandom rnd = new SplittableRandom(50);
    for (int i = 0; i < 20_000; i++) {
      BigInteger a = random(rnd);
      BigInteger b = random(rnd);
      long[] fa = fe(a);
      long[] fb = fe(b);
      long[] h = Field25519.create();
      assertEquals(a.mod(P), value(fa), "decode/encode");
      Field25519.mul(fa, fb, h);
      assertEquals(a.multiply(b).mod(P), value(h), "mul");
      Field25519.sq(fa, h);
      assertEquals(a.multiply(a).mod(P), value(h), "sq");
      Field25519.add(fa, fb, h);
      Field25519.mul(h, h, h);
      assertEquals(a.add(b).pow(2).mod(P), value(h), "add then mul");
      Field25519.sub(fa, fb, h);
      Field25519.sq(h, h);
      assertEquals(a.subtract(b).pow(2).mod(P), value(h), "sub then sq");
      Field25519.mul121666(fa, h);
      assertEquals(a.multiply(BigInteger.valueOf(121666)).mod(P), value(h), "mul121666");
      if (i % 20 == 0) {
        Field25519.invert(fa, h);
        BigInteger expect = a.mod(P).signum() == 0 ? BigInteger.ZERO : a.modInverse(P);
        assertEquals(expect, value(h), "invert");
        Field25519.pow22523(fa, h);
        assertEquals(a.modPow(BigInteger.ONE.shiftLeft(252).subtract(BigInteger.valueOf(3)), P),
            value(h), "pow22523");
      }
      assertEquals(a.mod(P).signum() == 0 ? 1 : 0, Field25519.isZero(fa));
    }
  }

  @Test
  void encodingIsCanonicalForValuesAtAndAboveP() {
    for (int k = 0; k < 19; k++) {
      BigInteger v = P.add(BigInteger.valueOf(k));
      assertEquals(BigInteger.valueOf(k), value(fe(v)));
    }
    assertEquals(BigInteger.ONE.shiftLeft(255).subtract(BigInteger.ONE).mod(P),
        value(fe(BigInteger.ONE.shiftLeft(255).subtract(BigInteger.ONE))));
  }

  static BigInteger limbValue(long[] f) {
    BigInteger v = BigInteger.ZERO;
    for (int i = Field25519.SIZE - 1; i >= 0; i--) {
      v = v.shiftLeft(51).add(BigInteger.valueOf(f[i]));
    }
    return v;
  }

  /** Limbs at the documented input bound (|limb| < 2^53, e.g. sums of 7 products), extremes included. */
  @Test
  void extremeLimbsStayExact() {
    SplittableRandom rnd = new SplittableRandom(51);
    long max = (1L << 53) - 1;
    long outBound = (1L << 50) + (1L << 16);
    for (int i = 0; i < 20_000; i++) {
      long[] fa = Field25519.create();
      long[] fb = Field25519.create();
      for (int j = 0; j < Field25519.SIZE; j++) {
        switch (i % 4) {
          case 0:
            fa[j] = max;
            fb[j] = rnd.nextBoolean() ? max : -max;
            break;
          case 1:
            fa[j] = -max;
            fb[j] = -max;
            break;
          default:
            fa[j] = rnd.nextLong(-max, max + 1);
            fb[j] = rnd.nextLong(-max, max + 1);
        }
      }
      BigInteger a = limbValue(fa).mod(P);
      BigInteger b = limbValue(fb).mod(P);
      assertEquals(a, value(fa), "encode");
      long[] h = Field25519.create();
      Field25519.mul(fa, fb, h);
      assertEquals(a.multiply(b).mod(P), limbValue(h).mod(P), "mul");
      assertEquals(a.multiply(b).mod(P), value(h), "mul encode");
      for (long x : h) {
        org.junit.jupiter.api.Assertions.assertTrue(Math.abs(x) <= outBound, "mul bound");
      }
      Field25519.sq(fa, h);
      assertEquals(a.multiply(a).mod(P), limbValue(h).mod(P), "sq");
      for (long x : h) {
        org.junit.jupiter.api.Assertions.assertTrue(Math.abs(x) <= outBound, "sq bound");
      }
      Field25519.mul121666(fa, h);
      assertEquals(a.multiply(BigInteger.valueOf(121666)).mod(P), limbValue(h).mod(P), "mul121666");
      for (long x : h) {
        org.junit.jupiter.api.Assertions.assertTrue(Math.abs(x) <= outBound, "mul121666 bound");
      }
      assertEquals(a.signum() == 0 ? 1 : 0, Field25519.isZero(fa), "isZero");
      assertEquals(a.testBit(0) ? 1 : 0, Field25519.isNegative(fa), "isNegative");
    }
  }
}
