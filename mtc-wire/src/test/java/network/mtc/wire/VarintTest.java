package network.mtc.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class VarintTest {
  private static byte[] hex(String s) {
    return HexFormat.of().parseHex(s);
  }

  @Test
  void encodesKnownValues() {
    assertArrayEquals(hex("00"), Varint.encode(0));
    assertArrayEquals(hex("7f"), Varint.encode(127));
    assertArrayEquals(hex("8001"), Varint.encode(128));
    assertArrayEquals(hex("ac02"), Varint.encode(300));
    assertArrayEquals(hex("ffffffffffffffffff01"), Varint.encode(-1L));
    assertEquals(10, Varint.encodedLength(-1L));
    assertEquals(1, Varint.encodedLength(0));
  }

  @Test
  void roundTripsRandomValuesOfEveryLength() {
    SplittableRandom rnd = new SplittableRandom(1);
    for (int i = 0; i < 100_000; i++) {
      long v = rnd.nextLong() >>> rnd.nextInt(64);
      byte[] e = Varint.encode(v);
      assertEquals(Varint.encodedLength(v), e.length);
      assertEquals(v, Varint.decode(e));
    }
  }

  @Test
  void rejectsNonCanonicalAndOverflowWithOffsets() {
    MtcDecodeException e = assertThrows(MtcDecodeException.class, () -> Varint.decode(hex("8000")));
    assertEquals(DecodeError.NON_CANONICAL, e.code());
    assertEquals(0, e.offset());
    e = assertThrows(MtcDecodeException.class,
        () -> Varint.read(hex("aaaa80808080808080808002"), 2, 12, 0, "x"));
    assertEquals(DecodeError.OVERFLOW, e.code());
    assertEquals(2, e.offset());
    assertEquals("x", e.field());
    e = assertThrows(MtcDecodeException.class, () -> Varint.decode(hex("ff")));
    assertEquals(DecodeError.TRUNCATED, e.code());
  }

  @Test
  void everyByteStringIsRejectedOrCanonical() {
    SplittableRandom rnd = new SplittableRandom(2);
    for (int i = 0; i < 200_000; i++) {
      byte[] b = new byte[1 + rnd.nextInt(11)];
      for (int j = 0; j < b.length; j++) {
        b[j] = (byte) (rnd.nextBoolean() ? rnd.nextInt(256) : (rnd.nextBoolean() ? 0x80 : 0));
      }
      try {
        long v = Varint.decode(b);
        assertArrayEquals(b, Varint.encode(v), "accepted input must be the canonical encoding");
      } catch (MtcDecodeException expected) {
        // rejection is fine; any other exception fails the test
      }
    }
  }
}
