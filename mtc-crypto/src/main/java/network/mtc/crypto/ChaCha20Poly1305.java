package network.mtc.crypto;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The ChaCha20-Poly1305 AEAD of RFC 8439 (32-byte key, 12-byte nonce, 16-byte tag), over the JDK's
 * {@code javax.crypto} "ChaCha20-Poly1305" cipher. The cipher of Noise links and sealed payloads.
 *
 * <pre>{@code
 * byte[] sealed = ChaCha20Poly1305.seal(key, nonce, aad, plaintext); // ciphertext || tag
 * byte[] plaintext = ChaCha20Poly1305.open(key, nonce, aad, sealed); // or AeadException
 * }</pre>
 *
 * <p>Security guarantees: {@link #open} releases no plaintext unless the tag verifies (the JDK compares
 * tags in constant time and decrypts only afterwards); a forgery is reported by an {@link AeadException}
 * and nothing else. A (key, nonce) pair must never seal two different messages: the caller owns nonce
 * uniqueness (Noise counters, or one fresh key per message in {@link SealedPayload}). Keys are not kept
 * beyond a call, except inside the JDK cipher object reused by the calling thread.
 *
 * @since 0.1
 */
public final class ChaCha20Poly1305 {
  /** Key length. */
  public static final int KEY_LENGTH = 32;
  /** Nonce length. */
  public static final int NONCE_LENGTH = 12;
  /** Tag length, appended to every ciphertext. */
  public static final int TAG_LENGTH = 16;

  private static final byte[] EMPTY = new byte[0];
  private static final ThreadLocal<Cipher> CIPHER = ThreadLocal.withInitial(ChaCha20Poly1305::newCipher);

  private ChaCha20Poly1305() {}

  /**
   * Encrypts and authenticates: returns ciphertext || tag ({@code plaintext.length + 16} bytes).
   *
   * @param aad associated data, authenticated but not encrypted (null means empty)
   * @throws IllegalArgumentException if the key is not 32 bytes or the nonce not 12
   */
  public static byte[] seal(byte[] key, byte[] nonce, byte[] aad, byte[] plaintext) {
    checkSizes(key, nonce);
    try {
      Cipher c = init(Cipher.ENCRYPT_MODE, key, nonce);
      if (aad != null && aad.length > 0) {
        c.updateAAD(aad);
      }
      return c.doFinal(plaintext == null ? EMPTY : plaintext);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("ChaCha20-Poly1305 encryption failed", e);
    }
  }

  /**
   * Verifies and decrypts ciphertext || tag.
   *
   * @param aad associated data (null means empty)
   * @throws AeadException if the input is shorter than a tag or does not authenticate
   * @throws IllegalArgumentException if the key is not 32 bytes or the nonce not 12
   */
  public static byte[] open(byte[] key, byte[] nonce, byte[] aad, byte[] ciphertext) {
    checkSizes(key, nonce);
    if (ciphertext.length < TAG_LENGTH) {
      throw new AeadException("ciphertext shorter than the tag");
    }
    try {
      Cipher c = init(Cipher.DECRYPT_MODE, key, nonce);
      if (aad != null && aad.length > 0) {
        c.updateAAD(aad);
      }
      return c.doFinal(ciphertext);
    } catch (AEADBadTagException e) {
      throw new AeadException("authentication failed");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("ChaCha20-Poly1305 decryption failed", e);
    }
  }

  private static void checkSizes(byte[] key, byte[] nonce) {
    if (key.length != KEY_LENGTH) {
      throw new IllegalArgumentException("a ChaCha20-Poly1305 key has 32 bytes, not " + key.length);
    }
    if (nonce.length != NONCE_LENGTH) {
      throw new IllegalArgumentException("a ChaCha20-Poly1305 nonce has 12 bytes, not " + nonce.length);
    }
  }

  private static Cipher init(int mode, byte[] key, byte[] nonce) throws GeneralSecurityException {
    SecretKeySpec k = new SecretKeySpec(key, "ChaCha20");
    IvParameterSpec iv = new IvParameterSpec(nonce);
    Cipher c = CIPHER.get();
    try {
      c.init(mode, k, iv);
    } catch (InvalidKeyException sameKeyAndNonce) {
      // The JDK refuses to encrypt twice in a row under one (key, nonce) on the same object; sealing the
      // same message again is harmless, so use a fresh object (the key length was checked above).
      c = newCipher();
      CIPHER.set(c);
      c.init(mode, k, iv);
    }
    return c;
  }

  private static Cipher newCipher() {
    try {
      return Cipher.getInstance("ChaCha20-Poly1305");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no ChaCha20-Poly1305", e);
    }
  }
}
