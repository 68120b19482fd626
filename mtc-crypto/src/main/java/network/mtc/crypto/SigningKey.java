package network.mtc.crypto;

import java.security.SecureRandom;
import java.util.Arrays;
import network.mtc.crypto.internal.Ed25519Engine;
import network.mtc.wire.NodeAddress;

/**
 * A node's Ed25519 signing key (RFC 8032), made from a 32-byte seed.
 *
 * <p>Security guarantees: signing is deterministic and runs in time independent of the key and the
 * nonce (constant-time field, scalar and fixed-base arithmetic). The seed is never printed by
 * {@link #toString()}; it leaves the object only through {@link #seedBytes()}, and {@link #close()}
 * overwrites it. The public key is derived from the seed at construction, so a key cannot be paired with
 * a wrong public key (the mistake behind the "double public key" signing oracle).
 *
 * <pre>{@code
 * try (SigningKey key = SigningKey.generate(new SecureRandom())) {
 *   byte[] sig = key.sign(message);
 *   boolean ok = key.publicKey().verify(message, sig);
 * }
 * }</pre>
 *
 * @since 0.1
 */
public final class SigningKey implements AutoCloseable {
  /** Seed length. */
  public static final int SEED_LENGTH = 32;

  private final byte[] seed;
  private final byte[] expanded;
  private final PublicKey publicKey;
  private volatile boolean closed;

  private SigningKey(byte[] seed) {
    this.seed = seed;
    this.expanded = Ed25519Engine.expand(seed);
    this.publicKey = PublicKey.derived(Ed25519Engine.publicKey(expanded));
  }

  /** The key of a 32-byte seed (copied). */
  public static SigningKey fromSeed(byte[] seed) {
    if (seed.length != SEED_LENGTH) {
      throw new IllegalArgumentException("an Ed25519 seed has 32 bytes, not " + seed.length);
    }
    return new SigningKey(seed.clone());
  }

  /** A fresh key from {@code random}. */
  public static SigningKey generate(SecureRandom random) {
    byte[] seed = new byte[SEED_LENGTH];
    random.nextBytes(seed);
    return new SigningKey(seed);
  }

  /** The public key. */
  public PublicKey publicKey() {
    return publicKey;
  }

  /** The node address of the public key (spec/wire.md, Node addresses). */
  public NodeAddress nodeAddress() {
    return publicKey.nodeAddress();
  }

  /** Signs {@code message}: a 64-byte signature R || S. */
  public byte[] sign(byte[] message) {
    checkOpen();
    return Ed25519Engine.sign(expanded, publicKey.encodedInternal(), message);
  }

  /** A copy of the secret seed: the only way the secret leaves this object. */
  public byte[] seedBytes() {
    checkOpen();
    return seed.clone();
  }

  /** Overwrites the secret; the key cannot sign afterwards. */
  @Override
  public void close() {
    closed = true;
    Arrays.fill(seed, (byte) 0);
    Arrays.fill(expanded, (byte) 0);
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the signing key was closed");
    }
  }

  @Override
  public String toString() {
    return "SigningKey[public=" + publicKey.hex() + ", secret redacted]";
  }
}
