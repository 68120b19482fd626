package network.mtc.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class NoiseHandshakeTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final byte[] PROLOGUE = "mtc-link-v1".getBytes(StandardCharsets.US_ASCII);
  private final X25519KeyPair alice = X25519KeyPair.generate(RANDOM);
  private final X25519KeyPair bob = X25519KeyPair.generate(RANDOM);

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** Runs XX to completion and returns {initiator, responder} transports. */
  private NoiseTransport[] handshake() {
    NoiseHandshake a = NoiseHandshake.initiator(alice, PROLOGUE, RANDOM);
    NoiseHandshake b = NoiseHandshake.responder(bob, PROLOGUE, RANDOM);
    assertEquals("Noise_XX_25519_ChaChaPoly_SHA256", a.protocolName());
    assertTrue(a.isMyTurn());
    assertFalse(b.isMyTurn());
    assertArrayEquals(bytes("hello"), b.readMessage(a.writeMessage(bytes("hello"))));
    assertArrayEquals(bytes("bob"), a.readMessage(b.writeMessage(bytes("bob"))));
    assertArrayEquals(bob.publicKey(), a.remoteStaticKey());
    assertNull(b.remoteStaticKey());
    assertArrayEquals(bytes("alice"), b.readMessage(a.writeMessage(bytes("alice"))));
    assertArrayEquals(alice.publicKey(), b.remoteStaticKey());
    assertTrue(a.isComplete() && b.isComplete());
    assertArrayEquals(a.handshakeHash(), b.handshakeHash());
    NoiseTransport ta = a.split();
    NoiseTransport tb = b.split();
    assertThrows(IllegalStateException.class, a::split);
    return new NoiseTransport[] {ta, tb};
  }

  @Test
  void xxRoundTripAndTransport() {
    NoiseTransport[] t = handshake();
    for (int i = 0; i < 50; i++) {
      byte[] m = bytes("message " + i);
      assertArrayEquals(m, t[1].decrypt(t[0].encrypt(m)));
      assertArrayEquals(m, t[0].decrypt(t[1].encrypt(m)));
    }
    assertArrayEquals(alice.publicKey(), t[1].remoteStaticKey());
    assertArrayEquals(t[0].handshakeHash(), t[1].handshakeHash());
    assertFalse(t[0].toString().contains("key="));
  }

  @Test
  void transportRejectsForgeryReplayAndTruncation() {
    NoiseTransport[] t = handshake();
    byte[] c0 = t[0].encrypt(bytes("first"));
    byte[] c1 = t[0].encrypt(bytes("second"));
    byte[] bad = c0.clone();
    bad[2] ^= 0x40;
    assertThrows(AeadException.class, () -> t[1].decrypt(bad));
    assertThrows(AeadException.class, () -> t[1].decrypt(Arrays.copyOf(c0, 15)));
    assertThrows(AeadException.class, () -> t[1].decrypt(new byte[65536]));
    assertThrows(AeadException.class, () -> t[1].decrypt(c1)); // reordered
    assertArrayEquals(bytes("first"), t[1].decrypt(c0)); // counter did not move on failure
    assertThrows(AeadException.class, () -> t[1].decrypt(c0)); // replay
    assertArrayEquals(bytes("second"), t[1].decrypt(c1));
    assertThrows(IllegalArgumentException.class, () -> t[0].encrypt(new byte[NoiseTransport.MAX_PLAINTEXT + 1]));
    assertEquals(65535, t[0].encrypt(new byte[NoiseTransport.MAX_PLAINTEXT]).length);
  }

  @Test
  void everyTamperedHandshakeByteIsRejected() {
    // Messages 2 and 3 are fully authenticated (message 1 is checked in the next test).
    for (int msg = 1; msg < 3; msg++) {
      int length = run(msg, -1);
      for (int pos = 0; pos < length; pos++) {
        int m = msg;
        int p = pos;
        assertThrows(AeadException.class, () -> run(m, p), "message " + m + " byte " + p);
      }
    }
  }

  @Test
  void tamperedFirstMessageBreaksTheHandshake() {
    // The first XX message is not encrypted; its tampering is caught by the initiator at message 2.
    for (int p : new int[] {0, 5, 31, 32, 34}) {
      NoiseHandshake a = NoiseHandshake.initiator(alice, PROLOGUE, RANDOM);
      NoiseHandshake b = NoiseHandshake.responder(bob, PROLOGUE, RANDOM);
      byte[] m1 = a.writeMessage(bytes("pay"));
      m1[p] ^= 1;
      b.readMessage(m1);
      byte[] m2 = b.writeMessage(new byte[0]);
      assertThrows(AeadException.class, () -> a.readMessage(m2), "byte " + p);
      assertThrows(IllegalStateException.class, () -> a.readMessage(m2));
      assertThrows(IllegalStateException.class, () -> a.writeMessage(new byte[0]));
    }
  }

  /** Runs XX, flipping byte {@code pos} of message {@code msg} (-1: none); returns that message's length. */
  private int run(int msg, int pos) {
    NoiseHandshake a = NoiseHandshake.initiator(alice, PROLOGUE, RANDOM);
    NoiseHandshake b = NoiseHandshake.responder(bob, PROLOGUE, RANDOM);
    NoiseHandshake[] order = {a, b, a};
    NoiseHandshake[] readers = {b, a, b};
    int length = 0;
    for (int i = 0; i < 3; i++) {
      byte[] m = order[i].writeMessage(bytes("payload " + i));
      if (i == msg) {
        length = m.length;
        if (pos >= 0) {
          m[pos] ^= 0x01;
        }
      }
      readers[i].readMessage(m);
    }
    return length;
  }

  @Test
  void truncatedAndOversizedHandshakeMessages() {
    NoiseHandshake a = NoiseHandshake.initiator(alice, PROLOGUE, RANDOM);
    NoiseHandshake b = NoiseHandshake.responder(bob, PROLOGUE, RANDOM);
    byte[] m1 = a.writeMessage(new byte[0]);
    assertEquals(32, m1.length);
    assertThrows(AeadException.class, () -> NoiseHandshake.responder(bob, PROLOGUE, RANDOM)
        .readMessage(Arrays.copyOf(m1, 31)));
    assertThrows(AeadException.class, () -> NoiseHandshake.responder(bob, PROLOGUE, RANDOM)
        .readMessage(new byte[0]));
    assertThrows(AeadException.class, () -> NoiseHandshake.responder(bob, PROLOGUE, RANDOM)
        .readMessage(new byte[65536]));
    b.readMessage(m1);
    byte[] m2 = b.writeMessage(new byte[0]);
    assertEquals(32 + 48 + 16, m2.length);
    for (int len : new int[] {0, 31, 32, 79, 80, 95}) {
      NoiseHandshake a2 = NoiseHandshake.initiator(alice, PROLOGUE, RANDOM);
      NoiseHandshake b2 = NoiseHandshake.responder(bob, PROLOGUE, RANDOM);
      b2.readMessage(a2.writeMessage(new byte[0]));
      byte[] full = b2.writeMessage(new byte[0]);
      assertThrows(AeadException.class, () -> a2.readMessage(Arrays.copyOf(full, len)), "length " + len);
    }
    // Payload limits: the largest message is exactly 65535 bytes.
    NoiseHandshake a3 = NoiseHandshake.initiator(alice, PROLOGUE, RANDOM);
    assertThrows(IllegalArgumentException.class, () -> a3.writeMessage(new byte[65535 - 32 + 1]));
    assertEquals(65535, a3.writeMessage(new byte[65535 - 32]).length);
  }

  @Test
  void smallOrderEphemeralIsRejected() {
    NoiseHandshake b = NoiseHandshake.responder(bob, PROLOGUE, RANDOM);
    b.readMessage(new byte[32]); // e = 0, a small-order point; caught at the ee DH
    assertThrows(AeadException.class, () -> b.writeMessage(new byte[0]));
    NoiseHandshake a = NoiseHandshake.initiator(alice, PROLOGUE, RANDOM);
    a.writeMessage(new byte[0]);
    byte[] m2 = new byte[96];
    m2[0] = 1; // u = 1, small order
    assertThrows(AeadException.class, () -> a.readMessage(m2));
  }

  @Test
  void misuseIsAnIllegalState() {
    NoiseHandshake a = NoiseHandshake.initiator(alice, PROLOGUE, RANDOM);
    assertThrows(IllegalStateException.class, () -> a.readMessage(new byte[32]));
    assertThrows(IllegalStateException.class, a::handshakeHash);
    assertThrows(IllegalStateException.class, a::split);
    assertThrows(IllegalStateException.class, () -> NoiseHandshake.builder("IK").staticKey(alice).build());
    assertThrows(IllegalArgumentException.class, () -> NoiseHandshake.builder("ZZ"));
    assertThrows(IllegalArgumentException.class, () -> NoiseHandshake.builder(
        "Noise_XX_25519_AESGCM_SHA256"));
    assertFalse(a.toString().contains("private"));
  }

  @Test
  void nonceExhaustion() {
    NoiseTransport[] t = handshake();
    t[0].setSendNonce(NoiseCipherState.MAX_NONCE - 1); // 2^64 - 2: the last usable nonce
    t[1].setReceiveNonce(NoiseCipherState.MAX_NONCE - 1);
    byte[] last = t[0].encrypt(bytes("last"));
    assertArrayEquals(bytes("last"), t[1].decrypt(last));
    assertThrows(IllegalStateException.class, () -> t[0].encrypt(bytes("one too many")));
    assertThrows(AeadException.class, () -> t[1].decrypt(last));
    // Rekeying does not reset the counter.
    t[0].rekeySend();
    assertThrows(IllegalStateException.class, () -> t[0].encrypt(bytes("still refused")));
    // The other direction is unaffected.
    assertArrayEquals(bytes("ok"), t[0].decrypt(t[1].encrypt(bytes("ok"))));
  }

  @Test
  void rekey() {
    NoiseTransport[] t = handshake();
    byte[] before = t[0].encrypt(bytes("x"));
    t[1].decrypt(before);
    t[0].rekeySend();
    byte[] after = t[0].encrypt(bytes("y"));
    assertThrows(AeadException.class, () -> t[1].decrypt(after)); // receiver has not rekeyed
    t[1].rekeyReceive();
    assertArrayEquals(bytes("y"), t[1].decrypt(after));
    t[1].rekeySend();
    t[0].rekeyReceive();
    assertArrayEquals(bytes("z"), t[0].decrypt(t[1].encrypt(bytes("z"))));
  }

  @Test
  void rekeyMatchesTheDefinition() {
    byte[] k = new byte[32];
    Arrays.fill(k, (byte) 7);
    NoiseCipherState c = new NoiseCipherState(k);
    c.rekey();
    byte[] maxNonce = {0, 0, 0, 0, -1, -1, -1, -1, -1, -1, -1, -1};
    byte[] expectedKey = Arrays.copyOf(ChaCha20Poly1305.seal(k, maxNonce, new byte[0], new byte[32]), 32);
    NoiseCipherState d = new NoiseCipherState(expectedKey);
    assertArrayEquals(d.encryptWithAd(new byte[0], bytes("m")), c.encryptWithAd(new byte[0], bytes("m")));
  }

  @Test
  void closedTransportRefuses() {
    NoiseTransport[] t = handshake();
    t[0].close();
    assertThrows(IllegalStateException.class, () -> t[0].encrypt(bytes("x")));
  }

  @Test
  void ikWithPskRoundTrip() {
    byte[] psk = new byte[32];
    RANDOM.nextBytes(psk);
    NoiseHandshake a = NoiseHandshake.builder("IKpsk2").staticKey(alice).remoteStaticKey(bob.publicKey())
        .psk(psk).random(RANDOM).build();
    NoiseHandshake b = NoiseHandshake.builder("IKpsk2").initiator(false).staticKey(bob).psk(psk)
        .random(RANDOM).build();
    assertArrayEquals(bytes("0-rtt"), b.readMessage(a.writeMessage(bytes("0-rtt"))));
    assertArrayEquals(alice.publicKey(), b.remoteStaticKey());
    a.readMessage(b.writeMessage(new byte[0]));
    assertArrayEquals(bytes("ok"), b.split().decrypt(a.split().encrypt(bytes("ok"))));
  }
}
