package network.mtc.crypto.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link Ed25519Group#splitScalarMultVartime} against the width-5 NAF double multiplication (the plain
 * verification path) and against the constant-time comb of signing, on random and edge scalars and on
 * points of prime and of mixed order.
 */
class SplitTableTest {
  private static final BigInteger L =
      BigInteger.ONE.shiftLeft(252).add(new BigInteger("27742317777372353535851937790883648493"));
  /** A point of order 8 (speccheck case 0's key). */
  private static final String ORDER_8 = "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa";

  private static byte[] le(BigInteger v) {
    byte[] be = v.toByteArray();
    byte[] out = new byte[32];
    for (int i = 0; i < 32 && i < be.length; i++) {
      out[i] = be[be.length - 1 - i];
    }
    return out;
  }

  private static byte[] random(SplittableRandom rnd) {
    byte[] s = new byte[32];
    for (int i = 0; i < 32; i++) {
      s[i] = (byte) rnd.nextInt(256);
    }
    s[31] &= 0x7f;
    return s;
  }

  /** Scalars at the edges of the eight 32-bit parts and of the accepted range. */
  private static List<byte[]> edgeScalars() {
    List<byte[]> out = new ArrayList<>();
    BigInteger one = BigInteger.ONE;
    out.add(le(BigInteger.ZERO));
    out.add(le(one));
    for (int bits : new int[] {31, 32, 33, 63, 64, 65, 95, 96, 97, 127, 128, 129, 159, 160, 161, 191, 192,
        193, 223, 224, 225, 252, 253, 254, 255}) {
      out.add(le(one.shiftLeft(bits).subtract(one)));
      if (bits < 255) {
        out.add(le(one.shiftLeft(bits)));
      }
    }
    out.add(le(L.subtract(one)));
    out.add(le(L));
    out.add(le(L.add(one)));
    // Alternating bits make NAF carries cross every part boundary.
    out.add(le(new BigInteger("5555555555555555555555555555555555555555555555555555555555555555", 16)));
    out.add(le(new BigInteger("2aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 16)));
    return out;
  }

  private static EdPoint point(byte[] scalar) {
    EdPoint p = new EdPoint();
    Ed25519Group.scalarMultBase(scalar, p);
    return p;
  }

  private static EdPoint decode(String hex) {
    EdPoint p = new EdPoint();
    assertEquals(Ed25519Group.OK, Ed25519Group.decode(HexFormat.of().parseHex(hex), 0, p));
    return p;
  }

  private static byte[] split(byte[] a, SplitTable t, byte[] b) {
    EdPoint out = new EdPoint();
    Ed25519Group.splitScalarMultVartime(a, t, b, out);
    return out.encode();
  }

  private static byte[] plain(byte[] a, EdPoint.Cached[] odd, byte[] b) {
    EdPoint out = new EdPoint();
    Ed25519Group.doubleScalarMultVartime(a, odd, b, out);
    return out.encode();
  }

  @Test
  void agreesWithThePlainDoubleMultiplication() {
    SplittableRandom rnd = new SplittableRandom(0x5B1171L);
    EdPoint mixed = point(random(rnd));
    EdPoint.Cached torsion = new EdPoint.Cached();
    torsion.set(decode(ORDER_8));
    mixed.plus(torsion, new EdPoint.Scratch());
    List<EdPoint> points = List.of(point(random(rnd)), point(random(rnd)), mixed, decode(ORDER_8));
    List<byte[]> edges = edgeScalars();
    int checked = 0;
    for (EdPoint p : points) {
      EdPoint.Cached[] odd = Ed25519Group.oddMultiples(p, 8);
      for (int width : new int[] {2, 5, 8}) {
        SplitTable t = SplitTable.of(p, width);
        for (byte[] a : edges) {
          for (byte[] b : edges) {
            assertArrayEquals(plain(a, odd, b), split(a, t, b));
            checked++;
          }
        }
        for (int i = 0; i < 200; i++) {
          byte[] a = random(rnd);
          byte[] b = random(rnd);
          assertArrayEquals(plain(a, odd, b), split(a, t, b));
          checked++;
        }
      }
    }
    assertEquals(4 * 3 * (edgeScalars().size() * edgeScalars().size() + 200), checked);
  }

  @Test
  void baseTermAgreesWithTheSigningComb() {
    SplittableRandom rnd = new SplittableRandom(0x5B1172L);
    SplitTable t = SplitTable.of(point(random(rnd)), 8);
    byte[] zero = new byte[32];
    List<byte[]> scalars = new ArrayList<>(edgeScalars());
    for (int i = 0; i < 100; i++) {
      scalars.add(random(rnd));
    }
    for (byte[] b : scalars) {
      assertArrayEquals(point(b).encode(), split(zero, t, b));
    }
  }

  @Test
  void rejectsScalarsFromTwoTo255() {
    SplitTable t = SplitTable.of(point(le(BigInteger.TWO)), 8);
    byte[] big = le(BigInteger.ONE.shiftLeft(255));
    byte[] small = le(BigInteger.ONE);
    EdPoint out = new EdPoint();
    assertThrows(IllegalArgumentException.class, () -> Ed25519Group.splitScalarMultVartime(big, t, small, out));
    assertThrows(IllegalArgumentException.class, () -> Ed25519Group.splitScalarMultVartime(small, t, big, out));
    assertThrows(IllegalArgumentException.class, () -> SplitTable.of(out, 9));
    assertThrows(IllegalArgumentException.class, () -> SplitTable.of(out, 1));
  }

  @Test
  void sizeIsOneTableOfOddMultiplesPerPart() {
    EdPoint p = point(le(BigInteger.TEN));
    assertEquals(8 * 32 * 15 * 8, SplitTable.of(p, 7).sizeBytes()); // a key's table: 30 KiB
    assertEquals(8 * 64 * 15 * 8, SplitTable.of(p, SplitTable.MAX_WIDTH).sizeBytes());
  }
}
