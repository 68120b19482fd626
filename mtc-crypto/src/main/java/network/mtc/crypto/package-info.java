/**
 * Node identities, signatures and encrypted links for MTC nodes.
 *
 * <ul>
 *   <li>Ed25519 signatures (RFC 8032) under the strict, cofactored verification rules of
 *       spec/crypto.md: {@link network.mtc.crypto.SigningKey}, {@link network.mtc.crypto.PublicKey},
 *       {@link network.mtc.crypto.BatchVerifier} and {@link network.mtc.crypto.Verdict}.</li>
 *   <li>Key agreement: {@link network.mtc.crypto.X25519KeyPair} (RFC 7748).</li>
 *   <li>Symmetric primitives over the JDK: {@link network.mtc.crypto.ChaCha20Poly1305} (RFC 8439) and
 *       {@link network.mtc.crypto.Hkdf} (RFC 5869, SHA-256).</li>
 *   <li>Encrypted links: {@link network.mtc.crypto.NoiseHandshake} ({@code
 *       Noise_XX_25519_ChaChaPoly_SHA256} and the other Noise patterns) and
 *       {@link network.mtc.crypto.NoiseTransport}; messages are unframed and fragmented by mtc-wire.</li>
 *   <li>Anonymous messages to a node's key: {@link network.mtc.crypto.SealedPayload}.</li>
 * </ul>
 *
 * <p>Rejected encrypted input always raises the unchecked {@link network.mtc.crypto.AeadException}.
 * Key types, never raw byte arrays, carry secrets across the API.
 */
package network.mtc.crypto;
