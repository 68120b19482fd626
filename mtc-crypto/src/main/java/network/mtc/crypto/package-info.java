/**
 * Node identities and Ed25519 signatures (RFC 8032) under the strict, cofactored verification rules of
 * spec/crypto.md: {@link network.mtc.crypto.SigningKey}, {@link network.mtc.crypto.PublicKey},
 * {@link network.mtc.crypto.BatchVerifier} and {@link network.mtc.crypto.Verdict}. Key types, never raw
 * byte arrays, cross the API.
 */
package network.mtc.crypto;
