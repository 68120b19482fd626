/**
 * Node identities, Ed25519 signatures, X25519 key agreement and AEAD sessions (not yet implemented: this
 * package holds the module's place in the layer stack wire &lt;- crypto &lt;- routing &lt;- channels).
 */
package network.mtc.crypto;
