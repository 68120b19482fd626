package network.mtc.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.security.SecureRandom;
import java.util.Arrays;
import network.mtc.crypto.AeadException;
import network.mtc.crypto.NoiseHandshake;
import network.mtc.crypto.X25519KeyPair;

/**
 * Noise_XX message parsing on arbitrary bytes: the first input byte picks which message is replaced by
 * the rest of the input (message 1 read by the responder, message 2 by the initiator, message 3 by the
 * responder); reading it either succeeds or throws AeadException, never anything else, and a forged
 * message 2 or 3 never completes the handshake.
 */
public class NoiseHandshakeFuzzTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final X25519KeyPair ALICE = X25519KeyPair.fromPrivateKey(new byte[] {
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27,
      28, 29, 30, 31, 32});
  private static final X25519KeyPair BOB = X25519KeyPair.fromPrivateKey(new byte[] {
      32, 31, 30, 29, 28, 27, 26, 25, 24, 23, 22, 21, 20, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7,
      6, 5, 4, 3, 2, 1});

  @FuzzTest
  void fuzz(byte[] data) {
    fuzzerTestOneInput(data);
  }

  /** Entry point of the standalone Jazzer driver. */
  public static void fuzzerTestOneInput(byte[] data) {
    if (data.length == 0) {
      return;
    }
    byte[] forged = Arrays.copyOfRange(data, 1, data.length);
    NoiseHandshake init = NoiseHandshake.initiator(ALICE, new byte[0], RANDOM);
    NoiseHandshake resp = NoiseHandshake.responder(BOB, new byte[0], RANDOM);
    try {
      switch (data[0] & 3) {
        case 0 -> resp.readMessage(forged);
        case 1 -> {
          resp.readMessage(init.writeMessage(new byte[0]));
          init.readMessage(forged);
          Properties.check(false, "a forged message 2 was accepted");
        }
        default -> {
          resp.readMessage(init.writeMessage(new byte[0]));
          init.readMessage(resp.writeMessage(new byte[0]));
          resp.readMessage(forged);
          Properties.check(false, "a forged message 3 was accepted");
        }
      }
    } catch (AeadException rejected) {
      // expected for bad input
    }
  }
}
