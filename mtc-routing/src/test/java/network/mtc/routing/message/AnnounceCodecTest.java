package network.mtc.routing.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import java.util.List;
import network.mtc.crypto.SigningKey;
import network.mtc.wire.Bytes;
import network.mtc.wire.DecodeError;
import network.mtc.wire.MtcDecodeException;
import network.mtc.wire.Tlv;
import org.junit.jupiter.api.Test;

class AnnounceCodecTest {
  private static final SigningKey KEY = SigningKey.fromSeed(new byte[32]);
  private static final long SOURCE = KEY.nodeAddress().value();

  private static Announce sample() {
    return new Announce(Announce.FLAG_RELAY, Bytes.copyOf(KEY.publicKey().toBytes()), 96,
        List.of(new NeighbourEntry(0x0a0b0c, 8, true, false), new NeighbourEntry(0x0a0b0d, 24, false, true)),
        List.of(new Tlv(Announce.TLV_UPLINKS, Bytes.copyOf(new byte[] {3}))));
  }

  @Test
  void layoutIsAsSpecified() {
    byte[] b = sample().encode();
    String hex = HexFormat.of().formatHex(b);
    assertEquals("0180" + KEY.publicKey().hex() + "60" + "02" + "0a0b0c" + "44" + "0a0b0d" + "c2" + "030103", hex);
    assertEquals(b.length, sample().encodedLength());
  }

  @Test
  void roundTrip() {
    Announce a = sample();
    byte[] b = a.encode();
    Announce back = AnnounceCodec.decode(b, 0, b.length, SOURCE);
    assertEquals(a, back);
    assertEquals(3, back.uplinks());
    assertNull(back.x25519Key());
    // at an offset, with the key-cache fast path
    byte[] padded = new byte[b.length + 5];
    System.arraycopy(b, 0, padded, 3, b.length);
    assertArrayEquals(b, AnnounceCodec.decode(padded, 3, b.length, SOURCE, (s, buf, off) -> true).encode());
  }

  @Test
  void keyMustHashToTheSource() {
    byte[] b = sample().encode();
    MtcDecodeException e = assertThrows(MtcDecodeException.class,
        () -> AnnounceCodec.decode(b, 0, b.length, SOURCE ^ 1));
    assertEquals(DecodeError.TYPE_RULE, e.code());
    assertEquals(2, e.offset());
  }

  @Test
  void constructorRefusesWhatTheDecoderRefuses() {
    Bytes key = Bytes.copyOf(KEY.publicKey().toBytes());
    assertThrows(IllegalArgumentException.class, () -> new Announce(0x01, key, 1, List.of(), List.of()));
    assertThrows(IllegalArgumentException.class, () -> new Announce(0, key, 0, List.of(), List.of()));
    assertThrows(IllegalArgumentException.class, () -> new Announce(0, key, 1,
        List.of(new NeighbourEntry(5, 0, false, false), new NeighbourEntry(5, 0, false, false)), List.of()));
    assertThrows(IllegalArgumentException.class, () -> new Announce(0, key, 1, List.of(),
        List.of(new Tlv(2, Bytes.EMPTY))));
    assertThrows(IllegalArgumentException.class, () -> new NeighbourEntry(0, 25, false, false));
  }
}
