package network.mtc.crypto;

/**
 * The outcome of an Ed25519 verification, with the first rule of spec/crypto.md ("Verification rules")
 * that the input broke. Single and batch verification return the same verdict for every input.
 *
 * @since 0.1
 */
public enum Verdict {
  /** The signature is valid under every rule. */
  VALID,
  /** The public key is not 32 bytes or the signature not 64. */
  MALFORMED,
  /** S is not below the group order L. */
  NON_CANONICAL_S,
  /** The public key encodes y >= p, or x = 0 with the sign bit set. */
  NON_CANONICAL_A,
  /** No curve point has the public key's y. */
  INVALID_A,
  /** The public key is a point of small order (its multiple by 8 is the identity). */
  SMALL_ORDER_A,
  /** R encodes y >= p, or x = 0 with the sign bit set. */
  NON_CANONICAL_R,
  /** No curve point has R's y. */
  INVALID_R,
  /** R is a point of small order. */
  SMALL_ORDER_R,
  /** The cofactored equation [8][S]B = [8]R + [8][k]A does not hold. */
  EQUATION;

  /** True for {@link #VALID}. */
  public boolean isValid() {
    return this == VALID;
  }
}
