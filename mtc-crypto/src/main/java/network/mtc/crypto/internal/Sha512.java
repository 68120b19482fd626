package network.mtc.crypto.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-512 from the JDK (every Java platform has it), one reusable digest per thread. */
public final class Sha512 {
  private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-512");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-512", e);
    }
  });

  private Sha512() {}

  /** The reset digest of the calling thread. */
  public static MessageDigest digest() {
    MessageDigest d = DIGEST.get();
    d.reset();
    return d;
  }
}
