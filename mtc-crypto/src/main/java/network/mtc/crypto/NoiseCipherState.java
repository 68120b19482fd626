package network.mtc.crypto;

import java.util.Arrays;

/**
 * The CipherState of the Noise Protocol Framework (rev 34, section 5.1) for ChaChaPoly: a key k and a
 * 64-bit counter n, the nonce being 4 zero bytes then n in little-endian. n = 2^64-1 is reserved (used
 * only by rekey), so a state whose counter reached it refuses to encrypt or decrypt.
 */
final class NoiseCipherState {
  /** The reserved nonce 2^64-1, as an unsigned long. */
  static final long MAX_NONCE = -1L;

  private static final byte[] EMPTY = new byte[0];

  private byte[] k;
  private long n;

  NoiseCipherState() {}

  NoiseCipherState(byte[] key) {
    initializeKey(key);
  }

  void initializeKey(byte[] key) {
    wipe();
    k = key == null ? null : key.clone();
    n = 0;
  }

  boolean hasKey() {
    return k != null;
  }

  long nonce() {
    return n;
  }

  /** Test hook: sets the counter. */
  void setNonce(long nonce) {
    n = nonce;
  }

  /**
   * ENCRYPT(k, n++, ad, plaintext), or the plaintext unchanged while there is no key.
   *
   * @throws IllegalStateException if the counter is exhausted
   */
  byte[] encryptWithAd(byte[] ad, byte[] plaintext) {
    if (k == null) {
      return plaintext.clone();
    }
    if (n == MAX_NONCE) {
      throw new IllegalStateException("Noise send nonce exhausted (2^64-1 messages): start a new handshake");
    }
    byte[] c = ChaCha20Poly1305.seal(k, nonceBytes(n), ad, plaintext);
    n++;
    return c;
  }

  /**
   * DECRYPT(k, n++, ad, ciphertext), or the ciphertext unchanged while there is no key. On failure n does
   * not move.
   *
   * @throws AeadException if the ciphertext does not authenticate or the counter is exhausted
   */
  byte[] decryptWithAd(byte[] ad, byte[] ciphertext) {
    if (k == null) {
      return ciphertext.clone();
    }
    if (n == MAX_NONCE) {
      throw new AeadException("Noise receive nonce exhausted (2^64-1 messages)");
    }
    byte[] p = ChaCha20Poly1305.open(k, nonceBytes(n), ad, ciphertext);
    n++;
    return p;
  }

  /** Rekey(): k = first 32 bytes of ENCRYPT(k, 2^64-1, empty, 32 zero bytes); n is unchanged. */
  void rekey() {
    if (k == null) {
      throw new IllegalStateException("no key to rekey");
    }
    byte[] c = ChaCha20Poly1305.seal(k, nonceBytes(MAX_NONCE), EMPTY, new byte[32]);
    Arrays.fill(k, (byte) 0);
    k = Arrays.copyOf(c, 32);
    Arrays.fill(c, (byte) 0);
  }

  void wipe() {
    if (k != null) {
      Arrays.fill(k, (byte) 0);
      k = null;
    }
  }

  static byte[] nonceBytes(long n) {
    byte[] nonce = new byte[12];
    for (int i = 0; i < 8; i++) {
      nonce[4 + i] = (byte) (n >>> (8 * i));
    }
    return nonce;
  }
}
