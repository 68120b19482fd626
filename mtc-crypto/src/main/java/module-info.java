/**
 * Identities, signatures and encrypted links for MTC nodes: Ed25519 (RFC 8032, strict rules), X25519,
 * ChaCha20-Poly1305, HKDF, Noise handshakes (XX and the other patterns) and sealed payloads. Built on
 * {@code network.mtc.wire}.
 */
module network.mtc.crypto {
  requires transitive network.mtc.wire;

  exports network.mtc.crypto;
}
