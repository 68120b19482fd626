package network.mtc.crypto;

/**
 * The transport phase of a completed {@link NoiseHandshake}: two Noise CipherStates, one per direction,
 * each with its own 64-bit message counter. Every {@link #encrypt} output is one Noise transport message
 * (ciphertext || 16-byte tag, at most 65535 bytes) with no framing; the caller sends it as one frame,
 * which mtc-wire fragments for BLE links. Messages must be decrypted in the order they were encrypted.
 *
 * <p>Security guarantees: each message is encrypted and authenticated under the session key with a fresh
 * nonce; a forged, replayed, reordered or truncated message fails with {@link AeadException} and leaves
 * the receive counter where it was. A counter never wraps: after 2^64-1 messages in one direction the
 * session refuses to send ({@link IllegalStateException}) or receive ({@link AeadException}), since
 * nonce 2^64-1 is reserved. {@link #rekeySend()} / {@link #rekeyReceive()} (Noise Rekey(), to be done by
 * both sides at the same point of the stream) replace a key by a one-way function of itself, so a later
 * key compromise does not expose earlier messages; rekeying does not reset the counter. {@link #close()}
 * overwrites the keys. Keys are never printed. Not thread-safe.
 *
 * @since 0.1
 */
public final class NoiseTransport implements AutoCloseable {
  /** Largest plaintext of one transport message. */
  public static final int MAX_PLAINTEXT = NoiseHandshake.MAX_MESSAGE - ChaCha20Poly1305.TAG_LENGTH;

  private static final byte[] EMPTY = new byte[0];

  private final NoiseCipherState send;
  private final NoiseCipherState receive;
  private final byte[] handshakeHash;
  private final byte[] remoteStaticKey;

  NoiseTransport(NoiseCipherState send, NoiseCipherState receive, byte[] handshakeHash,
      byte[] remoteStaticKey) {
    this.send = send;
    this.receive = receive;
    this.handshakeHash = handshakeHash.clone();
    this.remoteStaticKey = remoteStaticKey == null ? null : remoteStaticKey.clone();
  }

  /**
   * Encrypts one transport message.
   *
   * @throws IllegalArgumentException if the plaintext exceeds {@link #MAX_PLAINTEXT}
   * @throws IllegalStateException if the send counter is exhausted, the session is closed, or this side
   *     may not send (the responder of a one-way pattern)
   */
  public byte[] encrypt(byte[] plaintext) {
    if (plaintext.length > MAX_PLAINTEXT) {
      throw new IllegalArgumentException("a Noise transport message carries at most " + MAX_PLAINTEXT
          + " bytes");
    }
    return sendState().encryptWithAd(EMPTY, plaintext);
  }

  /**
   * Decrypts the next transport message from the peer.
   *
   * @throws AeadException if the message is shorter than a tag, longer than 65535 bytes, does not
   *     authenticate, or the receive counter is exhausted
   * @throws IllegalStateException if the session is closed or this side may not receive
   */
  public byte[] decrypt(byte[] ciphertext) {
    NoiseCipherState r = receiveState();
    if (ciphertext.length > NoiseHandshake.MAX_MESSAGE) {
      throw new AeadException("Noise message longer than 65535 bytes");
    }
    if (ciphertext.length < ChaCha20Poly1305.TAG_LENGTH) {
      throw new AeadException("truncated Noise message");
    }
    return r.decryptWithAd(EMPTY, ciphertext);
  }

  /** Noise Rekey() of the sending key; the peer must call {@link #rekeyReceive()} at the same point. */
  public void rekeySend() {
    sendState().rekey();
  }

  /** Noise Rekey() of the receiving key. */
  public void rekeyReceive() {
    receiveState().rekey();
  }

  /** The handshake hash of the session (a copy), for channel binding. */
  public byte[] handshakeHash() {
    return handshakeHash.clone();
  }

  /** The peer's static X25519 public key (a copy), or null if the pattern does not transmit one. */
  public byte[] remoteStaticKey() {
    return remoteStaticKey == null ? null : remoteStaticKey.clone();
  }

  /** Test hook: sets the send counter. */
  void setSendNonce(long n) {
    sendState().setNonce(n);
  }

  /** Test hook: sets the receive counter. */
  void setReceiveNonce(long n) {
    receiveState().setNonce(n);
  }

  /** Overwrites both keys; the session is unusable afterwards. */
  @Override
  public void close() {
    if (send != null) {
      send.wipe();
    }
    if (receive != null) {
      receive.wipe();
    }
  }

  private NoiseCipherState sendState() {
    if (send == null) {
      throw new IllegalStateException("this side of a one-way Noise pattern cannot send");
    }
    if (!send.hasKey()) {
      throw new IllegalStateException("the Noise session was closed");
    }
    return send;
  }

  private NoiseCipherState receiveState() {
    if (receive == null) {
      throw new IllegalStateException("this side of a one-way Noise pattern cannot receive");
    }
    if (!receive.hasKey()) {
      throw new IllegalStateException("the Noise session was closed");
    }
    return receive;
  }

  @Override
  public String toString() {
    return "NoiseTransport[sent=" + (send == null ? "-" : Long.toUnsignedString(send.nonce()))
        + ", received=" + (receive == null ? "-" : Long.toUnsignedString(receive.nonce()))
        + ", keys redacted]";
  }
}
