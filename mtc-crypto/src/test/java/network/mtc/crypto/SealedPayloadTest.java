package network.mtc.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SealedPayloadTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final X25519KeyPair recipient = X25519KeyPair.generate(RANDOM);
  private final byte[] aad = "header".getBytes(StandardCharsets.US_ASCII);
  private final byte[] plaintext = "meet at the relay".getBytes(StandardCharsets.US_ASCII);

  @Test
  void roundTripAndLayout() {
    byte[] sealed = SealedPayload.seal(recipient.publicKey(), plaintext, aad, RANDOM);
    assertEquals(SealedPayload.OVERHEAD + plaintext.length, sealed.length);
    assertArrayEquals(plaintext, SealedPayload.open(recipient, sealed, aad));
    // The documented construction, recomputed from the ephemeral public key.
    byte[] epk = Arrays.copyOf(sealed, 32);
    byte[] salt = new byte[64];
    System.arraycopy(epk, 0, salt, 0, 32);
    System.arraycopy(recipient.publicKey(), 0, salt, 32, 32);
    byte[] key = Hkdf.derive(salt, recipient.agree(epk), "mtc-sealed-v1".getBytes(StandardCharsets.US_ASCII),
        32);
    assertArrayEquals(plaintext, ChaCha20Poly1305.open(key, new byte[12], aad,
        Arrays.copyOfRange(sealed, 32, sealed.length)));
    // Fresh ephemeral key per message.
    byte[] again = SealedPayload.seal(recipient.publicKey(), plaintext, aad, RANDOM);
    assertThrows(AssertionError.class, () -> assertArrayEquals(Arrays.copyOf(sealed, 32), Arrays.copyOf(again, 32)));
    assertArrayEquals(new byte[0], SealedPayload.open(recipient,
        SealedPayload.seal(recipient.publicKey(), new byte[0], null, RANDOM), null));
  }

  @Test
  void wrongKeyAadOrBytesFail() {
    byte[] sealed = SealedPayload.seal(recipient.publicKey(), plaintext, aad, RANDOM);
    try (X25519KeyPair other = X25519KeyPair.generate(RANDOM)) {
      assertThrows(AeadException.class, () -> SealedPayload.open(other, sealed, aad));
    }
    assertThrows(AeadException.class, () -> SealedPayload.open(recipient, sealed, new byte[0]));
    assertThrows(AeadException.class, () -> SealedPayload.open(recipient, sealed, "heades".getBytes(
        StandardCharsets.US_ASCII)));
    for (int i = 0; i < sealed.length; i++) {
      byte[] bad = sealed.clone();
      bad[i] ^= 0x20;
      assertThrows(AeadException.class, () -> SealedPayload.open(recipient, bad, aad), "byte " + i);
    }
    assertThrows(AeadException.class, () -> SealedPayload.open(recipient, Arrays.copyOf(sealed, 47), aad));
    assertThrows(AeadException.class, () -> SealedPayload.open(recipient, new byte[0], aad));
  }

  @Test
  void smallOrderKeysAreRefused() {
    byte[] sealed = SealedPayload.seal(recipient.publicKey(), plaintext, aad, RANDOM);
    byte[] zeroEpk = sealed.clone();
    Arrays.fill(zeroEpk, 0, 32, (byte) 0);
    assertThrows(AeadException.class, () -> SealedPayload.open(recipient, zeroEpk, aad));
    byte[] oneEpk = zeroEpk.clone();
    oneEpk[0] = 1;
    assertThrows(AeadException.class, () -> SealedPayload.open(recipient, oneEpk, aad));
    assertThrows(IllegalArgumentException.class, () -> SealedPayload.seal(new byte[32], plaintext, aad, RANDOM));
    assertThrows(IllegalArgumentException.class, () -> SealedPayload.seal(new byte[31], plaintext, aad, RANDOM));
  }
}
