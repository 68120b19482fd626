package network.mtc.channels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import network.mtc.wire.DecodeError;
import network.mtc.wire.MtcDecodeException;
import org.junit.jupiter.api.Test;

class SignedStateTest {
  @Test
  void roundTripsAndReportsProofErrorsAtTheirOffsetInTheWhole() {
    Fixture f = new Fixture(Asset.ETH, 1000, 500).funded();
    SignedState s = f.pay(Party.A, 7);
    byte[] enc = s.encode();
    assertEquals(128 + s.proof().encode().length, enc.length);
    assertEquals(s, SignedState.decode(enc));
    assertArrayEquals(enc, SignedState.decode(enc).encode());
    MtcDecodeException a = assertThrows(MtcDecodeException.class, () -> SignedState.decode(new byte[10]));
    assertEquals("sig_a", a.field());
    MtcDecodeException b = assertThrows(MtcDecodeException.class, () -> SignedState.decode(new byte[100]));
    assertEquals("sig_b", b.field());
    assertEquals(64, b.offset());
    byte[] bad = enc.clone();
    bad[128 + 34] = 0;
    MtcDecodeException c = assertThrows(MtcDecodeException.class, () -> SignedState.decode(bad));
    assertEquals(DecodeError.INVALID_VALUE, c.code());
    assertEquals("asset", c.field());
    assertEquals(128 + 34, c.offset());
    MtcDecodeException d = assertThrows(MtcDecodeException.class,
        () -> SignedState.decode(Arrays.copyOf(enc, SignedState.MAX_LENGTH + 1)));
    assertEquals(DecodeError.TOO_LONG, d.code());
  }
}
