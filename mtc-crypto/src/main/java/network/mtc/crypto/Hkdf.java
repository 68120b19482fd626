package network.mtc.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HKDF-SHA256 (RFC 5869): derives keys from a shared secret, for sealed payloads and the Noise key
 * schedule. Built on the JDK's {@code HmacSHA256}.
 *
 * <pre>{@code
 * byte[] key = Hkdf.derive(salt, sharedSecret, "mtc-example-v1".getBytes(UTF_8), 32);
 * }</pre>
 *
 * <p>Security guarantees: the output is a pseudorandom function of the input keying material as long
 * as that material has enough entropy (RFC 5869 section 3); distinct {@code info} strings give
 * independent keys. Inputs are not retained beyond a call, except inside the JDK MAC object reused by the
 * calling thread.
 *
 * @since 0.1
 */
public final class Hkdf {
  /** Output length of SHA-256, and of {@link #extract}. */
  public static final int HASH_LENGTH = 32;
  /** Largest output of {@link #expand}: 255 blocks. */
  public static final int MAX_OUTPUT = 255 * HASH_LENGTH;

  private static final ThreadLocal<Mac> MAC = ThreadLocal.withInitial(() -> {
    try {
      return Mac.getInstance("HmacSHA256");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no HmacSHA256", e);
    }
  });

  private Hkdf() {}

  /**
   * HKDF-Extract: the 32-byte pseudorandom key HMAC-SHA256(salt, ikm). A null or empty salt means
   * 32 zero bytes, as RFC 5869 specifies.
   */
  public static byte[] extract(byte[] salt, byte[] ikm) {
    return hmac(salt == null || salt.length == 0 ? new byte[HASH_LENGTH] : salt, ikm);
  }

  /**
   * HKDF-Expand: {@code length} bytes of output keying material.
   *
   * @param info context string (null means empty)
   * @throws IllegalArgumentException if prk is shorter than 32 bytes or length is not in 0..8160
   */
  public static byte[] expand(byte[] prk, byte[] info, int length) {
    if (prk.length < HASH_LENGTH) {
      throw new IllegalArgumentException("an HKDF pseudorandom key has at least 32 bytes");
    }
    if (length < 0 || length > MAX_OUTPUT) {
      throw new IllegalArgumentException("HKDF-SHA256 output is 0.." + MAX_OUTPUT + " bytes, not " + length);
    }
    Mac mac = init(prk);
    byte[] out = new byte[length];
    byte[] t = new byte[0];
    for (int i = 1, off = 0; off < length; i++) {
      mac.update(t);
      if (info != null) {
        mac.update(info);
      }
      mac.update((byte) i);
      t = mac.doFinal();
      int n = Math.min(HASH_LENGTH, length - off);
      System.arraycopy(t, 0, out, off, n);
      off += n;
    }
    return out;
  }

  /** Extract then expand. */
  public static byte[] derive(byte[] salt, byte[] ikm, byte[] info, int length) {
    return expand(extract(salt, ikm), info, length);
  }

  /** HMAC-SHA256(key, data); key must not be empty. */
  static byte[] hmac(byte[] key, byte[] data) {
    Mac mac = init(key);
    return mac.doFinal(data);
  }

  private static Mac init(byte[] key) {
    Mac mac = MAC.get();
    try {
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 refused a key", e);
    }
    return mac;
  }
}
