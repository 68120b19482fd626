package network.mtc.crypto.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Field25519Test {
  static final BigInteger P = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19));

  static BigInteger value(int[] f) {
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

  static int[] fe(BigInteger v) {
    int[] f = Field25519.create();
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
      int[] fa = fe(a);
      int[] fb = fe(b);
      int[] h = Field25519.create();
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
}
