package network.mtc.channels;

import java.util.Objects;
import network.mtc.crypto.PublicKey;
import network.mtc.crypto.SigningKey;
import network.mtc.wire.Bytes;
import network.mtc.wire.DecodeError;
import network.mtc.wire.MtcDecodeException;

/**
 * A co-signed channel state: a balance proof with both parties' {@link SignatureType#STATE} signatures. It
 * is what witnesses store and what a ledger accepts at a close or dispute. Encoding (spec/channels.md
 * section 5): {@code sig_a (64) || sig_b (64) || balance proof}.
 *
 * @param proof the state
 * @param sigA party A's signature
 * @param sigB party B's signature
 * @since 0.1
 */
public record SignedState(BalanceProof proof, Bytes sigA, Bytes sigB) {
  /** Checks presence and the signature lengths. */
  public SignedState {
    Objects.requireNonNull(proof, "proof");
    Objects.requireNonNull(sigA, "sigA");
    Objects.requireNonNull(sigB, "sigB");
    if (sigA.length() != SIGNATURE_LENGTH || sigB.length() != SIGNATURE_LENGTH) {
      throw new IllegalArgumentException("a signature has 64 bytes");
    }
  }

  /** Signature length. */
  public static final int SIGNATURE_LENGTH = 64;
  /** Longest encoding: two signatures and the longest proof. */
  public static final int MAX_LENGTH = 2 * SIGNATURE_LENGTH + BalanceProofCodec.MAX_LENGTH;

  /** The encoding: sig_a || sig_b || proof. */
  public byte[] encode() {
    byte[] p = proof.encode();
    byte[] out = new byte[2 * SIGNATURE_LENGTH + p.length];
    sigA.copyTo(out, 0);
    sigB.copyTo(out, SIGNATURE_LENGTH);
    System.arraycopy(p, 0, out, 2 * SIGNATURE_LENGTH, p.length);
    return out;
  }

  /**
   * Decodes exactly {@code len} bytes at {@code off}; offsets in errors count from {@code off}. Does not
   * verify the signatures ({@link #verify}).
   *
   * @throws MtcDecodeException TOO_LONG, TRUNCATED (sig_a, sig_b), or any error of the balance proof with
   *     its offset shifted by 128
   */
  public static SignedState decode(byte[] buf, int off, int len) {
    if (len > MAX_LENGTH) {
      throw new MtcDecodeException(DecodeError.TOO_LONG, "signed_state", MAX_LENGTH);
    }
    if (len < SIGNATURE_LENGTH) {
      throw new MtcDecodeException(DecodeError.TRUNCATED, "sig_a", 0);
    }
    if (len < 2 * SIGNATURE_LENGTH) {
      throw new MtcDecodeException(DecodeError.TRUNCATED, "sig_b", SIGNATURE_LENGTH);
    }
    BalanceProof p;
    try {
      p = BalanceProofCodec.decode(buf, off + 2 * SIGNATURE_LENGTH, len - 2 * SIGNATURE_LENGTH);
    } catch (MtcDecodeException e) {
      throw new MtcDecodeException(e.code(), e.field(), e.offset() + 2 * SIGNATURE_LENGTH);
    }
    return new SignedState(p, Bytes.copyOf(buf, off, SIGNATURE_LENGTH),
        Bytes.copyOf(buf, off + SIGNATURE_LENGTH, SIGNATURE_LENGTH));
  }

  /** Decodes a whole buffer. */
  public static SignedState decode(byte[] buf) {
    return decode(buf, 0, buf.length);
  }

  /** Signs {@code proof} with both keys (tests, the opening state). */
  public static SignedState cosign(BalanceProof proof, SigningKey a, SigningKey b) {
    return new SignedState(proof, ChannelSigner.sign(a, SignatureType.STATE, proof),
        ChannelSigner.sign(b, SignatureType.STATE, proof));
  }

  /** The signature of {@code p}. */
  public Bytes signature(Party p) {
    return p == Party.A ? sigA : sigB;
  }

  /** True if both signatures verify under the channel's keys. */
  public boolean verify(PublicKey a, PublicKey b) {
    return ChannelSigner.verify(a, SignatureType.STATE, proof, sigA).isValid()
        && ChannelSigner.verify(b, SignatureType.STATE, proof, sigB).isValid();
  }
}
