package network.mtc.crypto;

/**
 * Thrown when encrypted input is rejected: an AEAD tag that does not verify, a Noise message or sealed
 * payload that is truncated, too long or carries a small-order public key. It says only that the bytes
 * were refused, never why in a way that leaks secrets.
 *
 * <p>The exception is stackless (no stack trace is filled in), so a peer flooding a node with forged
 * messages costs it no stack walks.
 *
 * @since 0.1
 */
public final class AeadException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An exception with a short, secret-free message. */
  public AeadException(String message) {
    super(message, null, false, false);
  }
}
