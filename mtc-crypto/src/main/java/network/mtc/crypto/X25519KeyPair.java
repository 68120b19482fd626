package network.mtc.crypto;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import network.mtc.crypto.internal.X25519Engine;

/**
 * An X25519 key pair (RFC 7748) for key agreement: the static or ephemeral keys of link handshakes and
 * sealed payloads.
 *
 * <p>Security guarantees: the scalar multiplication runs in constant time. {@link #agree} refuses a peer
 * key that makes the shared secret all zero (a small-order point), so a malicious peer cannot force a
 * known secret. The private key is not printed by {@link #toString()} and is overwritten by
 * {@link #close()}.
 *
 * @since 0.1
 */
public final class X25519KeyPair implements AutoCloseable {
  /** Key and shared-secret length. */
  public static final int LENGTH = 32;

  private final byte[] privateKey;
  private final byte[] publicKey;

  private X25519KeyPair(byte[] privateKey) {
    this.privateKey = privateKey;
    this.publicKey = new byte[LENGTH];
    X25519Engine.scalarMult(privateKey, X25519Engine.BASE, publicKey);
  }

  /** A fresh key pair. */
  public static X25519KeyPair generate(SecureRandom random) {
    byte[] k = new byte[LENGTH];
    random.nextBytes(k);
    return new X25519KeyPair(k);
  }

  /** The key pair of a 32-byte private key (copied). */
  public static X25519KeyPair fromPrivateKey(byte[] privateKey) {
    if (privateKey.length != LENGTH) {
      throw new IllegalArgumentException("an X25519 private key has 32 bytes");
    }
    return new X25519KeyPair(privateKey.clone());
  }

  /** The public key (a copy). */
  public byte[] publicKey() {
    return publicKey.clone();
  }

  /**
   * The shared secret with a peer's public key.
   *
   * @throws IllegalArgumentException if the key is not 32 bytes or the secret is all zero
   */
  public byte[] agree(byte[] peerPublicKey) {
    if (peerPublicKey.length != LENGTH) {
      throw new IllegalArgumentException("an X25519 public key has 32 bytes");
    }
    byte[] out = new byte[LENGTH];
    X25519Engine.scalarMult(privateKey, peerPublicKey, out);
    if (MessageDigest.isEqual(out, new byte[LENGTH])) {
      throw new IllegalArgumentException("peer public key has small order (all-zero shared secret)");
    }
    return out;
  }

  /** X25519 on raw bytes, without the all-zero check (for test vectors). */
  public static byte[] x25519(byte[] scalar, byte[] u) {
    byte[] out = new byte[LENGTH];
    X25519Engine.scalarMult(scalar, u, out);
    return out;
  }

  /** Overwrites the private key. */
  @Override
  public void close() {
    Arrays.fill(privateKey, (byte) 0);
  }

  @Override
  public String toString() {
    return "X25519KeyPair[public=" + HexFormat.of().formatHex(publicKey) + ", private redacted]";
  }
}
