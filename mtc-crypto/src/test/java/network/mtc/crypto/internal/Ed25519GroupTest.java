package network.mtc.crypto.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The width-w NAF of {@link Ed25519Group#naf}: value, digit bounds and spacing, checked with BigInteger. */
class Ed25519GroupTest {
  private static byte[] le(BigInteger v) {
    byte[] be = v.toByteArray();
    byte[] out = new byte[32];
    for (int i = 0; i < 32 && i < be.length; i++) {
      out[i] = be[be.length - 1 - i];
    }
    return out;
  }

  private static List<BigInteger> scalars() {
    List<BigInteger> out = new ArrayList<>();
    BigInteger one = BigInteger.ONE;
    out.add(BigInteger.ZERO);
    out.add(one);
    for (int bits = 1; bits <= 255; bits++) {
      out.add(one.shiftLeft(bits).subtract(one)); // runs of ones force carries up to the top
      if (bits < 255) {
        out.add(one.shiftLeft(bits));
      }
    }
    SplittableRandom rnd = new SplittableRandom(0x4AFL);
    for (int i = 0; i < 2000; i++) {
      byte[] b = new byte[32];
      for (int j = 0; j < 32; j++) {
        b[j] = (byte) rnd.nextInt(256);
      }
      b[31] &= 0x7F;
      byte[] be = new byte[33];
      for (int j = 0; j < 32; j++) {
        be[32 - j] = b[j];
      }
      out.add(new BigInteger(be));
    }
    return out;
  }

  @Test
  void nafHasTheScalarsValueWithBoundedOddSpacedDigits() {
    int checked = 0;
    for (BigInteger k : scalars()) {
      for (int w = 2; w <= 8; w++) {
        byte[] r = Ed25519Group.naf(le(k), w);
        assertEquals(0, r[256]);
        BigInteger sum = BigInteger.ZERO;
        int last = -w;
        for (int i = 0; i < 256; i++) {
          if (r[i] == 0) {
            continue;
          }
          assertTrue((r[i] & 1) == 1 && Math.abs(r[i]) < (1 << (w - 1)), "digit " + r[i] + " at " + i);
          assertTrue(i - last >= w, "digits at " + last + " and " + i + " for width " + w);
          last = i;
          sum = sum.add(BigInteger.valueOf(r[i]).shiftLeft(i));
        }
        assertEquals(k, sum, "width " + w);
        checked++;
      }
    }
    assertEquals(scalars().size() * 7, checked);
  }

  @Test
  void nafRejectsScalarsFrom2To255AndBadWidths() {
    byte[] top = le(BigInteger.ONE.shiftLeft(255));
    assertThrows(IllegalArgumentException.class, () -> Ed25519Group.naf(top, 5));
    assertThrows(IllegalArgumentException.class, () -> Ed25519Group.naf(new byte[32], 1));
    assertThrows(IllegalArgumentException.class, () -> Ed25519Group.naf(new byte[32], 9));
  }
}
