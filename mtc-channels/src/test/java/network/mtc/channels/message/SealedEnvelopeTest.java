package network.mtc.channels.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.SecureRandom;
import network.mtc.channels.Party;
import network.mtc.crypto.AeadException;
import network.mtc.crypto.X25519KeyPair;
import network.mtc.wire.Bytes;
import network.mtc.wire.DecodeError;
import network.mtc.wire.MtcDecodeException;
import network.mtc.wire.NodeAddress;
import org.junit.jupiter.api.Test;

class SealedEnvelopeTest {
  private final X25519KeyPair tom = X25519KeyPair.fromPrivateKey(ChannelMessageCodecTest.fill(0x51));
  private final X25519KeyPair ruby = X25519KeyPair.fromPrivateKey(ChannelMessageCodecTest.fill(0x52));
  private final NodeAddress tomAddress = new NodeAddress(0x0102030405060708L);
  private final ChannelMessage m = new ChannelMessage.Countersign(Bytes.copyOf(ChannelMessageCodecTest.fill(3)),
      Party.B, 4, Bytes.copyOf(new byte[64]));

  @Test
  void onlyTheRecipientOpensIt() {
    byte[] env = SealedEnvelope.seal(tomAddress, tom.publicKey(), m, new SecureRandom());
    assertEquals(tomAddress, SealedEnvelope.recipient(env));
    assertEquals(ChannelMessageCodec.encode(m).length + SealedEnvelope.HEADER_LENGTH + 48, env.length);
    assertEquals(m, SealedEnvelope.open(tom, env));
    assertThrows(AeadException.class, () -> SealedEnvelope.open(ruby, env));
  }

  @Test
  void aReaddressedOrAlteredEnvelopeDoesNotOpen() {
    byte[] env = SealedEnvelope.seal(tomAddress, tom.publicKey(), m, new SecureRandom());
    byte[] readdressed = env.clone();
    readdressed[7] ^= 1;
    assertThrows(AeadException.class, () -> SealedEnvelope.open(tom, readdressed));
    byte[] altered = env.clone();
    altered[env.length - 1] ^= 1;
    assertThrows(AeadException.class, () -> SealedEnvelope.open(tom, altered));
  }

  @Test
  void shortZeroAndOversizeHeadersAreDecodeErrors() {
    MtcDecodeException e = assertThrows(MtcDecodeException.class, () -> SealedEnvelope.recipient(new byte[7]));
    assertEquals(DecodeError.TRUNCATED, e.code());
    e = assertThrows(MtcDecodeException.class, () -> SealedEnvelope.recipient(new byte[8]));
    assertEquals(DecodeError.INVALID_VALUE, e.code());
    e = assertThrows(MtcDecodeException.class,
        () -> SealedEnvelope.open(tom, new byte[SealedEnvelope.MAX_LENGTH + 1]));
    assertEquals(DecodeError.TOO_LONG, e.code());
  }
}
