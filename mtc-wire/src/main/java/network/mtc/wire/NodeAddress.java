package network.mtc.wire;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The 8-byte address of a mesh node, derived from its Ed25519 public key:
 *
 * <pre>
 *   address = SHA-256("mtc-node-address-v1" || public_key)[0..8)
 * </pre>
 *
 * <p>64 bits keep unicast headers inside a BLE packet while making an accidental collision rare: among a
 * billion nodes the chance that any two share an address is about 2.7%, and that a given node collides with
 * any other about 5e-11 (spec/wire.md, "Node addresses"). The all-zero address is reserved and never appears
 * on the wire. Addresses are not authentication: a frame's signature, checked against the key whose hash
 * is the address, is.
 *
 * @param value the 8 address bytes as a big-endian {@code long}
 * @since 0.1
 */
public record NodeAddress(long value) {
  /** Address length on the wire. */
  public static final int LENGTH = 8;
  /** Ed25519 public key length. */
  public static final int PUBLIC_KEY_LENGTH = 32;

  private static final byte[] DOMAIN = "mtc-node-address-v1".getBytes(StandardCharsets.US_ASCII);

  /** Validates that the address is not the reserved zero address. */
  public NodeAddress {
    if (value == 0) {
      throw new IllegalArgumentException("the zero node address is reserved");
    }
  }

  /** Derives the address of a node from its 32-byte Ed25519 public key. */
  public static NodeAddress fromPublicKey(byte[] ed25519PublicKey) {
    if (ed25519PublicKey.length != PUBLIC_KEY_LENGTH) {
      throw new IllegalArgumentException("an Ed25519 public key has 32 bytes, not " + ed25519PublicKey.length);
    }
    MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
    sha256.update(DOMAIN);
    byte[] digest = sha256.digest(ed25519PublicKey);
    return new NodeAddress(readLong(digest, 0));
  }

  /** Parses 16 hex digits. */
  public static NodeAddress fromHex(String hex) {
    if (hex.length() != 16) {
      throw new IllegalArgumentException("a node address is 16 hex digits");
    }
    return new NodeAddress(Long.parseUnsignedLong(hex, 16));
  }

  /** Writes the 8 bytes big-endian at {@code off}; returns the offset past them. */
  public int writeTo(byte[] dst, int off) {
    for (int i = 7; i >= 0; i--) {
      dst[off + i] = (byte) (value >>> (8 * (7 - i)));
    }
    return off + LENGTH;
  }

  /** Reads 8 big-endian bytes as a raw long (zero included; callers reject it). */
  static long readLong(byte[] buf, int off) {
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (buf[off + i] & 0xFF);
    }
    return v;
  }

  /** 16 lower-case hex digits. */
  public String hex() {
    return String.format("%016x", value);
  }

  @Override
  public String toString() {
    return hex();
  }
}
