package network.mtc.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TlvStreamTest {
  @Test
  void roundTripsRandomStreams() {
    SplittableRandom rnd = new SplittableRandom(3);
    for (int i = 0; i < 20_000; i++) {
      List<Tlv> records = new ArrayList<>();
      long type = rnd.nextInt(4);
      for (int k = rnd.nextInt(6); k > 0; k--) {
        byte[] v = new byte[rnd.nextInt(300)];
        records.add(new Tlv(type, Bytes.copyOf(v)));
        type += 1 + rnd.nextInt(1000);
      }
      byte[] enc = TlvStream.encode(records);
      assertEquals(records, TlvStream.decode(enc, 0, enc.length, t -> true));
      assertArrayEquals(enc, TlvStream.encode(TlvStream.decode(enc, 0, enc.length, t -> true)));
    }
  }

  @Test
  void encoderRefusesWhatTheDecoderRejects() {
    assertThrows(IllegalArgumentException.class,
        () -> TlvStream.encode(List.of(new Tlv(3, Bytes.EMPTY), new Tlv(3, Bytes.EMPTY))));
  }

  @Test
  void unknownEvenRejectedUnknownOddKept() {
    byte[] odd = {5, 1, 9};
    assertEquals(1, TlvStream.decode(odd, 0, 3, t -> false).size());
    byte[] even = {6, 1, 9};
    MtcDecodeException e = assertThrows(MtcDecodeException.class,
        () -> TlvStream.decode(even, 0, 3, t -> false));
    assertEquals(DecodeError.TLV_UNKNOWN_EVEN, e.code());
  }
}
