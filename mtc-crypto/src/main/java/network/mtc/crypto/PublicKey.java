package network.mtc.crypto;

import java.security.MessageDigest;
import java.util.HexFormat;
import network.mtc.crypto.internal.Ed25519Engine;
import network.mtc.wire.NodeAddress;

/**
 * An Ed25519 public key that passed the key rules of spec/crypto.md (canonical encoding, on the curve,
 * not of small order). It is decoded once, with the table verification needs, so verifying many
 * signatures of one node costs no repeated decoding. A signing key's own public key, valid by
 * construction, builds that table at its first verification instead (most nodes never verify under their
 * own key, and the table is most of a key's memory).
 *
 * @since 0.1
 */
public final class PublicKey {
  /** Encoded length. */
  public static final int LENGTH = 32;

  private final byte[] encoded;
  /**
   * The decoded key and its tables; null until the first use for a key made by {@link #derived}. Volatile
   * so a key shared between threads is prepared at worst twice, never seen half-built.
   */
  private volatile Ed25519Engine.PreparedKey prepared;

  private PublicKey(Ed25519Engine.PreparedKey prepared, byte[] encoded) {
    this.prepared = prepared;
    this.encoded = encoded;
  }

  /**
   * The public key of a signing key: {@code encoded} is [a]B for a clamped scalar a, which passes the key
   * rules by construction, so the check and the tables wait for the first verification. Takes ownership
   * of {@code encoded}.
   */
  static PublicKey derived(byte[] encoded) {
    return new PublicKey(null, encoded);
  }

  /**
   * Decodes a 32-byte key.
   *
   * @throws IllegalArgumentException naming the rule the key breaks (MALFORMED, NON_CANONICAL_A,
   *     INVALID_A or SMALL_ORDER_A)
   */
  public static PublicKey fromBytes(byte[] encoded) {
    Ed25519Engine.PreparedKey p = Ed25519Engine.prepareForReuse(encoded);
    if (p.status() != Verdict.VALID) {
      throw new IllegalArgumentException("invalid Ed25519 public key: " + p.status());
    }
    return new PublicKey(p, encoded.clone());
  }

  /**
   * This key with a larger verification table: 30 KiB more memory and about the work of four
   * verifications once (0.26 ms on the test machine), after which each verification needs an eighth of
   * the doublings (2.3x as fast; bench/README.md), so the table pays for itself after about eight
   * verifications. For a key that verifies many signatures over a long life, such as a payment channel's
   * counterparty; not for keys seen in passing, whose tables would cost more than they save.
   * Verdicts are the same as this key's for every input; the result equals this key. Returns this key if
   * it already carries the table.
   *
   * @since 0.2
   */
  public PublicKey forManyVerifications() {
    Ed25519Engine.PreparedKey p = prepared;
    if (p != null && p.hasSplitTable()) {
      return this;
    }
    return new PublicKey(Ed25519Engine.prepareForManyVerifications(encoded), encoded);
  }

  /** The rule a 32-byte key breaks, or VALID. */
  public static Verdict check(byte[] encoded) {
    return Ed25519Engine.prepare(encoded).status();
  }

  /**
   * Verifies a signature under a key given as bytes, which may itself break the key rules: the verdict
   * names the first rule broken, in the order of spec/crypto.md.
   */
  public static Verdict verify(byte[] publicKey, byte[] message, byte[] signature) {
    return Ed25519Engine.verify(publicKey, message, signature);
  }

  /** Verifies a signature; false for any invalid signature. */
  public boolean verify(byte[] message, byte[] signature) {
    return verifyDetailed(message, signature).isValid();
  }

  /** Verifies a signature and says which rule it breaks. */
  public Verdict verifyDetailed(byte[] message, byte[] signature) {
    return Ed25519Engine.verify(prepared(), message, signature);
  }

  Ed25519Engine.PreparedKey prepared() {
    Ed25519Engine.PreparedKey p = prepared;
    if (p == null) {
      p = Ed25519Engine.prepareForReuse(encoded);
      if (p.status() != Verdict.VALID) {
        throw new IllegalStateException("a derived public key broke " + p.status());
      }
      prepared = p;
    }
    return p;
  }

  byte[] encodedInternal() {
    return encoded;
  }

  /** The 32 encoded bytes (a copy). */
  public byte[] toBytes() {
    return encoded.clone();
  }

  /** The node address derived from this key. */
  public NodeAddress nodeAddress() {
    return NodeAddress.fromPublicKey(encoded);
  }

  /** Lower-case hex of the encoding. */
  public String hex() {
    return HexFormat.of().formatHex(encoded);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PublicKey k && MessageDigest.isEqual(encoded, k.encoded);
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(encoded);
  }

  @Override
  public String toString() {
    return "PublicKey[" + hex() + "]";
  }
}
