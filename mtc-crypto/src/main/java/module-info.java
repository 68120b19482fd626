/**
 * Identities, signatures and encrypted links for MTC nodes: Ed25519 (RFC 8032, strict rules), X25519,
 * AEAD sessions and node identities. Built on {@code network.mtc.wire}; filled in by the crypto issue.
 */
module network.mtc.crypto {
  requires transitive network.mtc.wire;

  exports network.mtc.crypto;
}
