package network.mtc.crypto;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One side of a Noise handshake (Noise Protocol Framework rev 34) with X25519, ChaCha20-Poly1305 and
 * SHA-256: by default {@code Noise_XX_25519_ChaChaPoly_SHA256}, the pattern of MTC links, in which both
 * sides learn each other's static key during the handshake. The other fundamental and deferred patterns
 * (N, K, X, NN, NK, NX, KN, KK, KX, XN, XK, IN, IK, IX, NK1, X1X1, ...) and psk modifiers are available
 * through {@link #builder(String)}.
 *
 * <pre>{@code
 * NoiseHandshake a = NoiseHandshake.initiator(aliceStatic, prologue, random);
 * NoiseHandshake b = NoiseHandshake.responder(bobStatic, prologue, random);
 * byte[] m1 = a.writeMessage(new byte[0]);   b.readMessage(m1);   // -> e
 * byte[] m2 = b.writeMessage(payload2);      a.readMessage(m2);   // <- e, ee, s, es
 * byte[] m3 = a.writeMessage(payload3);      b.readMessage(m3);   // -> s, se
 * NoiseTransport ta = a.split(), tb = b.split();
 * }</pre>
 *
 * <p>Messages are raw Noise messages of at most 65535 bytes, with no framing or length prefix: the
 * caller carries each one as one frame, which mtc-wire fragments to fit BLE (or other small-MTU) links.
 * Compare {@link #handshakeHash()} of both sides, or sign it, to bind the session to a higher-level
 * identity.
 *
 * <p>Security guarantees: payloads are encrypted and authenticated from the first message that follows a
 * DH (in XX the responder's and the initiator's second messages; the first message payload is
 * cleartext). After XX completes, each side has authenticated the other's static key by a DH, the
 * session keys have forward secrecy (fresh ephemeral keys), and {@link #remoteStaticKey()} is the
 * peer's authenticated key, which the caller must still check against the identity it expects. Any
 * rejected input throws {@link AeadException} and ends the handshake: every later call throws
 * {@link IllegalStateException}. Ephemeral secrets and the chaining key are overwritten at
 * {@link #split()}; the static key pair belongs to the caller. Not thread-safe.
 *
 * @since 0.1
 */
public final class NoiseHandshake {
  /** Largest Noise message, handshake or transport. */
  public static final int MAX_MESSAGE = 65535;

  private static final String SUFFIX = "_25519_ChaChaPoly_SHA256";

  private final NoisePattern pattern;
  private final boolean initiator;
  private final NoiseSymmetricState state;
  private final X25519KeyPair s;
  private final List<byte[]> psks;
  private final SecureRandom random;
  private X25519KeyPair e;
  private final boolean fixedEphemeral;
  private byte[] rs;
  private byte[] re;
  private int next;
  private int pskIndex;
  private boolean failed;
  private boolean split;
  private byte[] handshakeHash;

  private NoiseHandshake(Builder b) {
    this.pattern = b.pattern;
    this.initiator = b.initiator;
    this.s = b.staticKey;
    this.rs = b.remoteStatic == null ? null : b.remoteStatic.clone();
    this.psks = List.copyOf(b.psks);
    this.random = b.random;
    this.e = b.ephemeral;
    this.fixedEphemeral = b.ephemeral != null;
    this.state = new NoiseSymmetricState(protocolName());
    state.mixHash(b.prologue);
    for (NoisePattern.Message m : pattern.preMessages) {
      for (NoisePattern.Token t : m.tokens()) {
        boolean mine = m.fromInitiator() == initiator;
        byte[] key;
        if (t == NoisePattern.Token.S) {
          key = mine ? s.publicKey() : rs;
        } else if (t == NoisePattern.Token.E) {
          throw new IllegalArgumentException("pre-message ephemeral keys are not supported");
        } else {
          throw new IllegalArgumentException("bad pre-message token " + t);
        }
        state.mixHash(key);
      }
    }
  }

  /** The initiator of {@code Noise_XX_25519_ChaChaPoly_SHA256}. */
  public static NoiseHandshake initiator(X25519KeyPair staticKey, byte[] prologue, SecureRandom random) {
    return builder("XX").initiator(true).staticKey(staticKey).prologue(prologue).random(random).build();
  }

  /** The responder of {@code Noise_XX_25519_ChaChaPoly_SHA256}. */
  public static NoiseHandshake responder(X25519KeyPair staticKey, byte[] prologue, SecureRandom random) {
    return builder("XX").initiator(false).staticKey(staticKey).prologue(prologue).random(random).build();
  }

  /**
   * A builder for any supported pattern, named as in the protocol name: {@code "XX"}, {@code "IK"},
   * {@code "NKpsk0"}, {@code "X1K1"}, or a full {@code Noise_IK_25519_ChaChaPoly_SHA256}.
   *
   * @throws IllegalArgumentException for an unsupported pattern or a different DH, cipher or hash
   */
  public static Builder builder(String pattern) {
    String p = pattern;
    if (p.startsWith("Noise_")) {
      if (!p.endsWith(SUFFIX)) {
        throw new IllegalArgumentException("only _25519_ChaChaPoly_SHA256 is supported: " + pattern);
      }
      p = p.substring(6, p.length() - SUFFIX.length());
    }
    return new Builder(NoisePattern.parse(p));
  }

  /** The full protocol name, e.g. {@code Noise_XX_25519_ChaChaPoly_SHA256}. */
  public String protocolName() {
    return "Noise_" + pattern.name + SUFFIX;
  }

  /** True for the initiator. */
  public boolean isInitiator() {
    return initiator;
  }

  /** True once every handshake message was written or read. */
  public boolean isComplete() {
    return next == pattern.messages.size();
  }

  /** True if the next handshake message is this side's to write (false when complete). */
  public boolean isMyTurn() {
    return !isComplete() && pattern.messages.get(next).fromInitiator() == initiator;
  }

  /**
   * The peer's static X25519 public key (a copy), or null if not known yet. Known before the handshake
   * for patterns with a pre-message; learnt (authenticated once the handshake completes) otherwise.
   */
  public byte[] remoteStaticKey() {
    return rs == null ? null : rs.clone();
  }

  /**
   * The handshake hash h: identical on both sides of a completed handshake, and unique to the session.
   *
   * @throws IllegalStateException before completion
   */
  public byte[] handshakeHash() {
    if (!isComplete()) {
      throw new IllegalStateException("the handshake is not complete");
    }
    return handshakeHash.clone();
  }

  /**
   * Writes the next handshake message carrying {@code payload}.
   *
   * @throws IllegalArgumentException if the message would exceed 65535 bytes
   * @throws IllegalStateException if it is not this side's turn, or the handshake failed or completed
   * @throws AeadException if a public key the peer sent earlier has small order (the handshake fails)
   */
  public byte[] writeMessage(byte[] payload) {
    checkUsable();
    NoisePattern.Message m = pattern.messages.get(next);
    if (m.fromInitiator() != initiator) {
      throw new IllegalStateException("it is the peer's turn to write a handshake message");
    }
    int length = messageLength(m, payload.length);
    if (length > MAX_MESSAGE) {
      throw new IllegalArgumentException("a Noise message has at most 65535 bytes; payload too long");
    }
    byte[] out = new byte[length];
    int off = 0;
    try {
      for (NoisePattern.Token t : m.tokens()) {
        switch (t) {
          case E -> {
            if (e == null) {
              e = X25519KeyPair.generate(random);
            }
            byte[] pub = e.publicKey();
            System.arraycopy(pub, 0, out, off, pub.length);
            off += pub.length;
            state.mixHash(pub);
            if (pattern.psk) {
              state.mixKey(pub);
            }
          }
          case S -> {
            byte[] c = state.encryptAndHash(s.publicKey());
            System.arraycopy(c, 0, out, off, c.length);
            off += c.length;
          }
          default -> token(t);
        }
      }
      byte[] c = state.encryptAndHash(payload);
      System.arraycopy(c, 0, out, off, c.length);
    } catch (AeadException ex) {
      fail();
      throw ex;
    }
    advance();
    return out;
  }

  /**
   * Reads the peer's next handshake message and returns its payload.
   *
   * @throws AeadException if the message is truncated, longer than 65535 bytes, carries a small-order
   *     key or does not authenticate (the handshake then fails)
   * @throws IllegalStateException if it is not the peer's turn, or the handshake failed or completed
   */
  public byte[] readMessage(byte[] message) {
    checkUsable();
    NoisePattern.Message m = pattern.messages.get(next);
    if (m.fromInitiator() == initiator) {
      throw new IllegalStateException("it is this side's turn to write a handshake message");
    }
    byte[] payload;
    try {
      if (message.length > MAX_MESSAGE) {
        throw new AeadException("Noise message longer than 65535 bytes");
      }
      int off = 0;
      for (NoisePattern.Token t : m.tokens()) {
        switch (t) {
          case E -> {
            re = slice(message, off, X25519KeyPair.LENGTH);
            off += X25519KeyPair.LENGTH;
            state.mixHash(re);
            if (pattern.psk) {
              state.mixKey(re);
            }
          }
          case S -> {
            int n = X25519KeyPair.LENGTH + (state.hasKey() ? ChaCha20Poly1305.TAG_LENGTH : 0);
            rs = state.decryptAndHash(slice(message, off, n));
            off += n;
          }
          default -> token(t);
        }
      }
      if (state.hasKey() && message.length - off < ChaCha20Poly1305.TAG_LENGTH) {
        throw new AeadException("truncated Noise message");
      }
      payload = state.decryptAndHash(slice(message, off, message.length - off));
    } catch (AeadException ex) {
      fail();
      throw ex;
    }
    advance();
    return payload;
  }

  /**
   * The transport session of a completed handshake; callable once. Overwrites the handshake secrets.
   *
   * @throws IllegalStateException if the handshake is not complete, failed, or was split already
   */
  public NoiseTransport split() {
    if (failed || split || !isComplete()) {
      throw new IllegalStateException(split ? "split() was called already"
          : failed ? "the handshake failed" : "the handshake is not complete");
    }
    split = true;
    NoiseCipherState[] c = state.split();
    wipeEphemeral();
    NoiseCipherState send = initiator ? c[0] : c[1];
    NoiseCipherState receive = initiator ? c[1] : c[0];
    if (pattern.oneWay) {
      // One-way patterns: only the initiator sends (section 7.4).
      if (initiator) {
        receive.wipe();
        receive = null;
      } else {
        send.wipe();
        send = null;
      }
    }
    return new NoiseTransport(send, receive, handshakeHash, rs);
  }

  private void token(NoisePattern.Token t) {
    switch (t) {
      case EE -> state.mixKey(dh(e, re));
      case ES -> state.mixKey(initiator ? dh(e, rs) : dh(s, re));
      case SE -> state.mixKey(initiator ? dh(s, re) : dh(e, rs));
      case SS -> state.mixKey(dh(s, rs));
      case PSK -> state.mixKeyAndHash(psks.get(pskIndex++));
      default -> throw new IllegalStateException("unexpected token " + t);
    }
  }

  private static byte[] dh(X25519KeyPair local, byte[] remote) {
    try {
      return local.agree(remote);
    } catch (IllegalArgumentException smallOrder) {
      throw new AeadException("small-order X25519 public key");
    }
  }

  private int messageLength(NoisePattern.Message m, int payloadLength) {
    boolean hasKey = state.hasKey();
    int length = 0;
    for (NoisePattern.Token t : m.tokens()) {
      switch (t) {
        case E -> {
          length += X25519KeyPair.LENGTH;
          hasKey |= pattern.psk;
        }
        case S -> length += X25519KeyPair.LENGTH + (hasKey ? ChaCha20Poly1305.TAG_LENGTH : 0);
        default -> hasKey = true;
      }
    }
    return length + payloadLength + (hasKey ? ChaCha20Poly1305.TAG_LENGTH : 0);
  }

  private static byte[] slice(byte[] message, int off, int length) {
    if (message.length - off < length) {
      throw new AeadException("truncated Noise message");
    }
    return java.util.Arrays.copyOfRange(message, off, off + length);
  }

  private void checkUsable() {
    if (failed) {
      throw new IllegalStateException("the handshake failed; start a new one");
    }
    if (isComplete()) {
      throw new IllegalStateException("the handshake is complete; use split()");
    }
  }

  private void advance() {
    next++;
    if (isComplete()) {
      handshakeHash = state.handshakeHash();
    }
  }

  private void fail() {
    failed = true;
    state.wipe();
    wipeEphemeral();
  }

  private void wipeEphemeral() {
    if (e != null && !fixedEphemeral) {
      e.close();
    }
    e = null;
  }

  @Override
  public String toString() {
    return "NoiseHandshake[" + protocolName() + ", " + (initiator ? "initiator" : "responder")
        + ", message " + next + "/" + pattern.messages.size() + (failed ? ", failed" : "") + "]";
  }

  /**
   * Configures a {@link NoiseHandshake}. Which keys are required depends on the pattern: a static key
   * pair if this side ever sends or uses its static key, the peer's static public key if the pattern
   * has a pre-message from the peer (e.g. the initiator of IK, NK, XK), and one 32-byte psk per psk
   * modifier, in order.
   */
  public static final class Builder {
    private final NoisePattern pattern;
    private boolean initiator = true;
    private X25519KeyPair staticKey;
    private byte[] remoteStatic;
    private byte[] prologue = new byte[0];
    private final List<byte[]> psks = new ArrayList<>();
    private SecureRandom random;
    private X25519KeyPair ephemeral;

    private Builder(NoisePattern pattern) {
      this.pattern = pattern;
    }

    /** Plays the initiator (true, the default) or the responder. */
    public Builder initiator(boolean initiator) {
      this.initiator = initiator;
      return this;
    }

    /** This side's static key pair (kept by reference; the caller closes it). */
    public Builder staticKey(X25519KeyPair staticKey) {
      this.staticKey = staticKey;
      return this;
    }

    /** The peer's static public key, known in advance. */
    public Builder remoteStaticKey(byte[] remoteStaticKey) {
      if (remoteStaticKey.length != X25519KeyPair.LENGTH) {
        throw new IllegalArgumentException("an X25519 public key has 32 bytes");
      }
      this.remoteStatic = remoteStaticKey.clone();
      return this;
    }

    /** The prologue, which both sides must agree on (default empty). */
    public Builder prologue(byte[] prologue) {
      this.prologue = prologue.clone();
      return this;
    }

    /** Appends a 32-byte pre-shared key, used by the next psk token. */
    public Builder psk(byte[] psk) {
      if (psk.length != 32) {
        throw new IllegalArgumentException("a Noise psk has 32 bytes");
      }
      psks.add(psk.clone());
      return this;
    }

    /** Source of the ephemeral key. */
    public Builder random(SecureRandom random) {
      this.random = random;
      return this;
    }

    /** A fixed ephemeral key, for test vectors only. */
    /**
     * Fixes the ephemeral key instead of drawing it from the random source. Only for reproducing
     * published test vectors (the conformance runner uses it): a fixed or reused ephemeral key destroys
     * the handshake's forward secrecy.
     */
    public Builder fixedEphemeralKeyForTestVectors(X25519KeyPair ephemeral) {
      return ephemeralKey(ephemeral);
    }

    Builder ephemeralKey(X25519KeyPair ephemeral) {
      this.ephemeral = ephemeral;
      return this;
    }

    /**
     * The handshake.
     *
     * @throws IllegalStateException if a key the pattern needs, the psks or the random source is missing
     */
    public NoiseHandshake build() {
      if (staticKey == null && pattern.needsLocalStatic(initiator)) {
        throw new IllegalStateException(pattern.name + " needs this side's static key");
      }
      if (remoteStatic == null && pattern.needsRemoteStatic(initiator)) {
        throw new IllegalStateException(pattern.name + " needs the peer's static key in advance");
      }
      if (psks.size() != pattern.pskCount()) {
        throw new IllegalStateException(pattern.name + " needs " + pattern.pskCount() + " psk(s)");
      }
      if (random == null && ephemeral == null) {
        random = new SecureRandom();
      }
      Objects.requireNonNull(prologue);
      return new NoiseHandshake(this);
    }
  }
}
