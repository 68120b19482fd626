package network.mtc.routing.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import java.util.List;
import network.mtc.wire.DecodeError;
import network.mtc.wire.MtcDecodeException;
import org.junit.jupiter.api.Test;

class SyncMessageCodecTest {
  static byte[] hex(String s) {
    return HexFormat.of().parseHex(s);
  }

  static void rejects(String hex, DecodeError code, int offset) {
    MtcDecodeException e = assertThrows(MtcDecodeException.class, () -> SyncMessageCodec.decode(hex(hex)));
    assertEquals(code, e.code(), e.getMessage());
    assertEquals(offset, e.offset(), e.getMessage());
  }

  @Test
  void encodesTheLayoutOfSection4() {
    ItemKey k = ItemKey.fromHex("6a0b0c0d" + "11".repeat(12));
    SyncMessage m = new SyncMessage.Ranges(0x01020304, List.of(
        new SyncRange.Fingerprint(SyncBound.of(ItemKey.fromHex("6a0b" + "00".repeat(14))), 5, 300),
        new SyncRange.IdList(SyncBound.INFINITY, List.of(k))));
    String expected = "02" + "01020304" + "02" + "026a0b" + "01" + "0000000000000005" + "ac02"
        + "ff" + "02" + "01" + k.hex();
    assertEquals(expected, HexFormat.of().formatHex(SyncMessageCodec.encode(m)));
    assertEquals(m, SyncMessageCodec.decode(hex(expected)));
    assertEquals(expected.length() / 2, SyncMessageCodec.encodedLength(m));
    assertEquals("040000000b", HexFormat.of().formatHex(SyncMessageCodec.encode(new SyncMessage.Done(11))));
  }

  @Test
  void rejectsInSpecOrder() {
    rejects("", DecodeError.TRUNCATED, 0);
    rejects("07", DecodeError.INVALID_VALUE, 0);
    rejects("0701", DecodeError.INVALID_VALUE, 0);
    rejects("02010203", DecodeError.TRUNCATED, 1);
    rejects("01010203040201020304050607081001ff00", DecodeError.UNSUPPORTED_VERSION, 5);
    rejects("0201020304" + "02" + "01aa03" + "ff00", DecodeError.INVALID_VALUE, 8);
    rejects("0201020304" + "01" + "01aa00", DecodeError.NON_CANONICAL, 6);
    rejects("0401020304ff", DecodeError.TRAILING_BYTES, 5);
    rejects("02" + "00".repeat(4010), DecodeError.TOO_LONG, SyncMessageCodec.MAX_PAYLOAD);
  }

  @Test
  void constructorsEnforceTheDecoderRules() {
    assertThrows(IllegalArgumentException.class, () -> new SyncMessage.Ranges(1, List.of()));
    assertThrows(IllegalArgumentException.class, () -> new SyncMessage.Ranges(1,
        List.of(new SyncRange.Skip(SyncBound.of(ItemKey.fromHex("01" + "00".repeat(15)))))));
    assertThrows(IllegalArgumentException.class, () -> new SyncMessage.Open(1, 0, 1,
        List.of(new SyncRange.Skip(SyncBound.INFINITY))));
    assertThrows(IllegalArgumentException.class, () -> new SyncMessage.Want(1, List.of()));
  }

  @Test
  void boundBetweenIsTheShortestSeparatingPrefix() {
    ItemKey a = ItemKey.fromHex("6a0b0c0d" + "11".repeat(12));
    ItemKey b = ItemKey.fromHex("6a0b0c0d" + "22".repeat(12));
    SyncBound s = SyncBound.between(a, b);
    assertEquals(5, s.prefixLength());
    assertEquals(ItemKey.fromHex("6a0b0c0d22" + "00".repeat(11)), s.key());
    assertEquals(true, s.above(a) == false || a.compareTo(s.key()) < 0);
    assertEquals(false, s.above(b));
  }

  @Test
  void itemKeyIgnoresTheHopLimitAndSaturatesExpiry() {
    byte[] f = hex("4100070000000100000000000000010102");
    byte[] g = f.clone();
    g[2] = 1;
    assertEquals(ItemKey.of(100, f, 0, f.length), ItemKey.of(100, g, 0, g.length));
    assertEquals(0xFFFF_FFFFL, ItemKey.of(1L << 40, f, 0, f.length).expiresAt());
    f[3] = 9;
    assertEquals(false, ItemKey.of(100, f, 0, f.length).equals(ItemKey.of(100, g, 0, g.length)));
  }
}
