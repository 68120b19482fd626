package network.mtc.wire.trinary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import network.mtc.wire.DecodeError;
import network.mtc.wire.MtcDecodeException;
import org.junit.jupiter.api.Test;

class TrinaryTest {
  @Test
  void b1t6RoundTripsEveryByte() {
    byte[] all = new byte[256];
    for (int i = 0; i < 256; i++) {
      all[i] = (byte) i;
    }
    assertArrayEquals(all, B1t6.decode(B1t6.encode(all)));
  }

  @Test
  void intsRoundTripAndAreShortest() {
    SplittableRandom rnd = new SplittableRandom(40);
    long[] edges = {0, 1, -1, Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE - 1, Long.MIN_VALUE + 1};
    for (long v : edges) {
      assertEquals(v, TrinaryInts.fromTrytes(TrinaryInts.toTrytes(v)));
      assertEquals(v, TrinaryInts.fromTrits(TrinaryInts.toTrits(v)));
    }
    for (int i = 0; i < 100_000; i++) {
      long v = rnd.nextLong() >> rnd.nextInt(64);
      byte[] t = TrinaryInts.toTrits(v);
      assertEquals(v, TrinaryInts.fromTrits(t));
      String s = TrinaryInts.toTrytes(v);
      assertEquals(v, TrinaryInts.fromTrytes(s));
      assertEquals(t.length == 1 || t[t.length - 1] != 0, true);
      assertEquals((t.length + 2) / 3, s.length());
    }
  }

  @Test
  void t5b1RoundTripsAnyLength() {
    SplittableRandom rnd = new SplittableRandom(41);
    for (int i = 0; i < 10_000; i++) {
      byte[] t = new byte[rnd.nextInt(60)];
      for (int k = 0; k < t.length; k++) {
        t[k] = (byte) (rnd.nextInt(3) - 1);
      }
      assertArrayEquals(t, T5b1.decode(T5b1.encode(t), t.length));
    }
  }

  @Test
  void everyByteIsDecodedOrRejectedWithItsOffset() {
    for (int b = -128; b < 128; b++) {
      byte[] in = {0, (byte) b};
      if (Math.abs(b) <= 121) {
        assertArrayEquals(in, T5b1.encode(T5b1.decode(in)));
      } else {
        MtcDecodeException e = assertThrows(MtcDecodeException.class, () -> T5b1.decode(in));
        assertEquals(DecodeError.INVALID_VALUE, e.code());
        assertEquals(1, e.offset());
      }
    }
  }
}
