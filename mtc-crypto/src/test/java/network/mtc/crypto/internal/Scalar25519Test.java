package network.mtc.crypto.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Scalar25519Test {
  private static final BigInteger L =
      BigInteger.ONE.shiftLeft(252).add(new BigInteger("27742317777372353535851937790883648493"));
  private static final BigInteger TWO_256 = BigInteger.ONE.shiftLeft(256);
  private static final BigInteger TWO_512 = BigInteger.ONE.shiftLeft(512);
  private static final int CASES = 100_000;

  // ---- conversions -----------------------------------------------------------------------------

  private static BigInteger toBig(byte[] le) {
    byte[] be = new byte[le.length + 1]; // leading zero byte keeps the value non-negative
    for (int i = 0; i < le.length; i++) {
      be[be.length - 1 - i] = le[i];
    }
    return new BigInteger(be);
  }

  private static byte[] toLe(BigInteger v, int len) {
    if (v.signum() < 0 || v.bitLength() > 8 * len) {
      throw new IllegalArgumentException("out of range: " + v);
    }
    byte[] be = v.toByteArray();
    byte[] le = new byte[len];
    for (int i = 0; i < len && i < be.length; i++) {
      le[i] = be[be.length - 1 - i];
    }
    return le;
  }

  // ---- input generators -------------------------------------------------------------------------

  /** A value in [0, 2^bits) from one of the edge-case families or uniform random bytes. */
  private static BigInteger draw(SplittableRandom rnd, int bits) {
    BigInteger top = BigInteger.ONE.shiftLeft(bits);
    BigInteger v;
    switch (rnd.nextInt(12)) {
      case 0:
        v = BigInteger.ZERO;
        break;
      case 1:
        v = L.subtract(BigInteger.ONE);
        break;
      case 2:
        v = L;
        break;
      case 3:
        v = L.add(BigInteger.ONE);
        break;
      case 4:
        v = TWO_256.subtract(BigInteger.ONE);
        break;
      case 5:
        v = top.subtract(BigInteger.ONE); // all-0xFF (2^512-1 for wide inputs)
        break;
      case 6: { // near a multiple of L: k*L + d, |d| small
        BigInteger k = new BigInteger(bits - 252, new java.util.Random(rnd.nextLong()));
        v = k.multiply(L).add(BigInteger.valueOf(rnd.nextInt(-3, 4)));
        break;
      }
      case 7: { // near a multiple of 2^252 (the fold boundary)
        BigInteger k = new BigInteger(bits - 252, new java.util.Random(rnd.nextLong()));
        v = k.shiftLeft(252).add(BigInteger.valueOf(rnd.nextInt(-3, 4)));
        break;
      }
      case 8: { // random with a random number of leading bits cleared or set
        BigInteger r = new BigInteger(bits, new java.util.Random(rnd.nextLong()));
        int keep = rnd.nextInt(1, bits + 1);
        v = rnd.nextBoolean() ? r.mod(BigInteger.ONE.shiftLeft(keep))
            : r.or(top.subtract(BigInteger.ONE.shiftLeft(keep)));
        break;
      }
      default: {
        byte[] b = new byte[bits / 8];
        rnd.nextBytes(b);
        v = toBig(b);
        break;
      }
    }
    return v.mod(top);
  }

  // ---- reduce -----------------------------------------------------------------------------------

  @Test
  void reduceMatchesBigInteger() {
    SplittableRandom rnd = new SplittableRandom(0x5ca1a7L);
    byte[] out = new byte[32];
    byte[] buf = new byte[70];
    for (int n = 0; n < CASES; n++) {
      BigInteger x = draw(rnd, 512);
      byte[] in = toLe(x, 64);
      byte[] want = toLe(x.mod(L), 32);
      assertArrayEquals(want, Scalar25519.reduce(in), () -> "reduce " + x.toString(16));
      Scalar25519.reduce(in, out);
      assertArrayEquals(want, out);
      if (n % 16 == 0) { // offset variant, in place
        System.arraycopy(in, 0, buf, 3, 64);
        Scalar25519.reduce(buf, 3, buf, 5);
        assertArrayEquals(want, Arrays.copyOfRange(buf, 5, 37));
      }
    }
  }

  @Test
  void reduceFixedValues() {
    BigInteger[] xs = {
      BigInteger.ZERO, BigInteger.ONE, L.subtract(BigInteger.ONE), L, L.add(BigInteger.ONE),
      TWO_256.subtract(BigInteger.ONE), TWO_512.subtract(BigInteger.ONE),
      TWO_512.subtract(L), TWO_512.divide(L).multiply(L),
      TWO_512.divide(L).multiply(L).subtract(BigInteger.ONE),
      L.multiply(L), L.multiply(L).subtract(BigInteger.ONE), BigInteger.ONE.shiftLeft(504),
    };
    for (BigInteger x : xs) {
      assertArrayEquals(toLe(x.mod(L), 32), Scalar25519.reduce(toLe(x, 64)), x.toString(16));
    }
  }

  // ---- mulAdd / mul -----------------------------------------------------------------------------

  @Test
  void mulAddMatchesBigInteger() {
    SplittableRandom rnd = new SplittableRandom(0xadd5L);
    byte[] out = new byte[32];
    for (int n = 0; n < CASES; n++) {
      BigInteger a = draw(rnd, 256);
      BigInteger b = draw(rnd, 256);
      BigInteger c = draw(rnd, 256);
      byte[] ab = toLe(a, 32);
      byte[] bb = toLe(b, 32);
      byte[] cb = toLe(c, 32);
      byte[] want = toLe(a.multiply(b).add(c).mod(L), 32);
      assertArrayEquals(want, Scalar25519.mulAdd(ab, bb, cb),
          () -> "mulAdd " + a.toString(16) + " " + b.toString(16) + " " + c.toString(16));
      Scalar25519.mulAdd(ab, bb, cb, out);
      assertArrayEquals(want, out);
      if (n % 16 == 0) {
        assertArrayEquals(toLe(a.multiply(b).mod(L), 32), Scalar25519.mul(ab, bb));
        Scalar25519.mulAdd(ab, 0, bb, 0, cb, 0, ab, 0); // output aliasing an input
        assertArrayEquals(want, ab);
      }
    }
  }

  @Test
  void mulAddExtremes() {
    BigInteger max = TWO_256.subtract(BigInteger.ONE);
    BigInteger[] vs = {
      BigInteger.ZERO, BigInteger.ONE, L.subtract(BigInteger.ONE), L, L.add(BigInteger.ONE), max,
    };
    for (BigInteger a : vs) {
      for (BigInteger b : vs) {
        for (BigInteger c : vs) {
          assertArrayEquals(toLe(a.multiply(b).add(c).mod(L), 32),
              Scalar25519.mulAdd(toLe(a, 32), toLe(b, 32), toLe(c, 32)));
        }
      }
    }
  }

  // ---- isCanonical ------------------------------------------------------------------------------

  @Test
  void isCanonicalAtTheBoundary() {
    assertTrue(Scalar25519.isCanonical(toLe(BigInteger.ZERO, 32), 0));
    assertTrue(Scalar25519.isCanonical(toLe(L.subtract(BigInteger.ONE), 32), 0));
    assertFalse(Scalar25519.isCanonical(toLe(L, 32), 0));
    assertFalse(Scalar25519.isCanonical(toLe(L.add(BigInteger.ONE), 32), 0));
    assertFalse(Scalar25519.isCanonical(toLe(TWO_256.subtract(BigInteger.ONE), 32), 0));
    byte[] shifted = new byte[40];
    System.arraycopy(toLe(L.subtract(BigInteger.ONE), 32), 0, shifted, 7, 32);
    assertTrue(Scalar25519.isCanonical(shifted, 7));
    System.arraycopy(toLe(L, 32), 0, shifted, 7, 32);
    assertFalse(Scalar25519.isCanonical(shifted, 7));
  }

  @Test
  void isCanonicalMatchesBigInteger() {
    SplittableRandom rnd = new SplittableRandom(0xca7L);
    for (int n = 0; n < CASES; n++) {
      BigInteger x = draw(rnd, 256);
      if (n % 2 == 0) { // half the cases just around L
        x = L.add(BigInteger.valueOf(rnd.nextInt(-1 << 20, 1 << 20)));
      }
      BigInteger v = x;
      assertEquals(v.compareTo(L) < 0, Scalar25519.isCanonical(toLe(v, 32), 0),
          () -> v.toString(16));
    }
  }

  // ---- RFC 8032 ---------------------------------------------------------------------------------

  /**
   * RFC 8032 section 7.1, tests 1-3: with the public key A and R taken from the vectors,
   * S = (SHA-512(prefix || M) + SHA-512(R || A || M) * s) mod L must equal the signature's S.
   */
  @Test
  void rfc8032SignatureScalars() throws NoSuchAlgorithmException {
    String[][] vectors = {
      {"9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
        "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "",
        "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"},
      {"4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
        "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72",
        "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"},
      {"c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
        "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025", "af82",
        "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a"},
    };
    HexFormat hex = HexFormat.of();
    for (String[] v : vectors) {
      byte[] secret = hex.parseHex(v[0]);
      byte[] pub = hex.parseHex(v[1]);
      byte[] msg = hex.parseHex(v[2]);
      byte[] sig = hex.parseHex(v[3]);
      MessageDigest sha = MessageDigest.getInstance("SHA-512");
      byte[] h = sha.digest(secret);
      byte[] s = Arrays.copyOf(h, 32);
      s[0] &= (byte) 248;
      s[31] &= 127;
      s[31] |= 64;
      sha.update(h, 32, 32);
      sha.update(msg);
      byte[] r = Scalar25519.reduce(sha.digest());
      sha.update(sig, 0, 32);
      sha.update(pub);
      sha.update(msg);
      byte[] k = Scalar25519.reduce(sha.digest());
      byte[] bigS = Scalar25519.mulAdd(k, s, r);
      assertArrayEquals(Arrays.copyOfRange(sig, 32, 64), bigS, v[0]);
      assertTrue(Scalar25519.isCanonical(sig, 32));
    }
  }
}
