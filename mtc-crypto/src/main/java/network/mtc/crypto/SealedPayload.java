package network.mtc.crypto;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Sealed payloads: a message encrypted to a node's static X25519 public key by a sender that stays
 * anonymous (like libsodium's sealed box), for store-and-forward messages that cannot wait for a
 * handshake.
 *
 * <p>Byte layout of a sealed payload ({@code 48 + plaintext.length} bytes):
 * <pre>
 *   offset 0   32 bytes  epk: the sender's ephemeral X25519 public key
 *   offset 32  n bytes   ChaCha20-Poly1305 ciphertext of the n-byte plaintext
 *   offset 32+n 16 bytes Poly1305 tag
 * </pre>
 * where, with rpk the recipient's public key and esk the ephemeral private key,
 * <pre>
 *   key   = HKDF-SHA256(salt = epk || rpk, ikm = X25519(esk, rpk), info = "mtc-sealed-v1", L = 32)
 *   nonce = 12 zero bytes
 *   ciphertext || tag = ChaCha20-Poly1305(key, nonce, aad, plaintext)
 * </pre>
 * The associated data is not included; both sides must supply the same.
 *
 * <p>Security guarantees: only the holder of the recipient's private key can open a payload, and any
 * change to the bytes or the associated data is detected. Every payload uses a fresh ephemeral key, hence
 * a fresh AEAD key, so the all-zero nonce is never used twice under one key. The payload does not
 * authenticate the sender (anyone can seal to a public key): sign the plaintext if the sender matters.
 * There is no forward secrecy against the recipient's static key. A small-order recipient key is refused
 * when sealing and a small-order epk when opening.
 *
 * @since 0.1
 */
public final class SealedPayload {
  /** Bytes a sealed payload adds to its plaintext: epk and tag. */
  public static final int OVERHEAD = X25519KeyPair.LENGTH + ChaCha20Poly1305.TAG_LENGTH;

  private static final byte[] INFO = "mtc-sealed-v1".getBytes(StandardCharsets.US_ASCII);

  private SealedPayload() {}

  /**
   * Seals {@code plaintext} to a recipient: epk || ciphertext || tag.
   *
   * @param aad associated data, authenticated but not sent (null means empty)
   * @throws IllegalArgumentException if the recipient key is not 32 bytes or has small order
   */
  public static byte[] seal(byte[] recipientPublicKey, byte[] plaintext, byte[] aad, SecureRandom random) {
    if (recipientPublicKey.length != X25519KeyPair.LENGTH) {
      throw new IllegalArgumentException("an X25519 public key has 32 bytes");
    }
    try (X25519KeyPair ephemeral = X25519KeyPair.generate(random)) {
      byte[] epk = ephemeral.publicKey();
      byte[] key = key(ephemeral.agree(recipientPublicKey), epk, recipientPublicKey);
      byte[] c = ChaCha20Poly1305.seal(key, new byte[ChaCha20Poly1305.NONCE_LENGTH], aad, plaintext);
      Arrays.fill(key, (byte) 0);
      byte[] out = new byte[epk.length + c.length];
      System.arraycopy(epk, 0, out, 0, epk.length);
      System.arraycopy(c, 0, out, epk.length, c.length);
      return out;
    }
  }

  /**
   * Opens a sealed payload addressed to {@code recipient}.
   *
   * @param aad the associated data given to {@link #seal} (null means empty)
   * @throws AeadException if the payload is shorter than 48 bytes, its epk has small order, or it does
   *     not authenticate (wrong recipient, wrong aad, altered bytes)
   */
  public static byte[] open(X25519KeyPair recipient, byte[] sealed, byte[] aad) {
    if (sealed.length < OVERHEAD) {
      throw new AeadException("sealed payload shorter than 48 bytes");
    }
    byte[] epk = Arrays.copyOfRange(sealed, 0, X25519KeyPair.LENGTH);
    byte[] shared;
    try {
      shared = recipient.agree(epk);
    } catch (IllegalArgumentException smallOrder) {
      throw new AeadException("sealed payload with a small-order ephemeral key");
    }
    byte[] key = key(shared, epk, recipient.publicKey());
    try {
      return ChaCha20Poly1305.open(key, new byte[ChaCha20Poly1305.NONCE_LENGTH], aad,
          Arrays.copyOfRange(sealed, X25519KeyPair.LENGTH, sealed.length));
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  private static byte[] key(byte[] shared, byte[] epk, byte[] rpk) {
    byte[] salt = new byte[64];
    System.arraycopy(epk, 0, salt, 0, 32);
    System.arraycopy(rpk, 0, salt, 32, 32);
    byte[] key = Hkdf.derive(salt, shared, INFO, 32);
    Arrays.fill(shared, (byte) 0);
    return key;
  }
}
