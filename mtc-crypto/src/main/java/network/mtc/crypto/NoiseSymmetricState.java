package network.mtc.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The SymmetricState of the Noise Protocol Framework (rev 34, section 5.2) for SHA256: chaining key ck,
 * handshake hash h and a CipherState. HKDF here is Noise's, which equals RFC 5869 HKDF with ck as salt
 * and empty info.
 */
final class NoiseSymmetricState {
  static final int HASH_LENGTH = 32;
  private static final byte[] EMPTY = new byte[0];

  private final NoiseCipherState cipher = new NoiseCipherState();
  private final MessageDigest sha256;
  private byte[] ck;
  private byte[] h;

  NoiseSymmetricState(String protocolName) {
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
    byte[] name = protocolName.getBytes(StandardCharsets.US_ASCII);
    h = name.length <= HASH_LENGTH ? Arrays.copyOf(name, HASH_LENGTH) : sha256.digest(name);
    ck = h.clone();
  }

  void mixKey(byte[] ikm) {
    byte[] out = hkdf(ikm, 2);
    setCk(Arrays.copyOfRange(out, 0, 32));
    cipher.initializeKey(Arrays.copyOfRange(out, 32, 64));
    Arrays.fill(out, (byte) 0);
  }

  void mixHash(byte[] data) {
    sha256.update(h);
    sha256.update(data);
    h = sha256.digest();
  }

  void mixKeyAndHash(byte[] ikm) {
    byte[] out = hkdf(ikm, 3);
    setCk(Arrays.copyOfRange(out, 0, 32));
    mixHash(Arrays.copyOfRange(out, 32, 64));
    cipher.initializeKey(Arrays.copyOfRange(out, 64, 96));
    Arrays.fill(out, (byte) 0);
  }

  boolean hasKey() {
    return cipher.hasKey();
  }

  byte[] handshakeHash() {
    return h.clone();
  }

  byte[] encryptAndHash(byte[] plaintext) {
    byte[] c = cipher.encryptWithAd(h, plaintext);
    mixHash(c);
    return c;
  }

  byte[] decryptAndHash(byte[] ciphertext) {
    byte[] p = cipher.decryptWithAd(h, ciphertext);
    mixHash(ciphertext);
    return p;
  }

  /** Split(): the two transport CipherStates (initiator-to-responder first); wipes ck. */
  NoiseCipherState[] split() {
    byte[] out = hkdf(EMPTY, 2);
    NoiseCipherState c1 = new NoiseCipherState(Arrays.copyOfRange(out, 0, 32));
    NoiseCipherState c2 = new NoiseCipherState(Arrays.copyOfRange(out, 32, 64));
    Arrays.fill(out, (byte) 0);
    wipe();
    return new NoiseCipherState[] {c1, c2};
  }

  void wipe() {
    Arrays.fill(ck, (byte) 0);
    cipher.wipe();
  }

  private void setCk(byte[] next) {
    Arrays.fill(ck, (byte) 0);
    ck = next;
  }

  private byte[] hkdf(byte[] ikm, int outputs) {
    byte[] prk = Hkdf.extract(ck, ikm);
    byte[] out = Hkdf.expand(prk, EMPTY, outputs * HASH_LENGTH);
    Arrays.fill(prk, (byte) 0);
    return out;
  }
}
