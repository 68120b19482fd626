package network.mtc.channels;

import java.util.Objects;
import network.mtc.crypto.PublicKey;
import network.mtc.crypto.SigningKey;
import network.mtc.wire.Bytes;

/**
 * A co-signed channel state: a balance proof with both parties' {@link SignatureType#STATE} signatures. It
 * is what witnesses store and what a ledger accepts at a close or dispute.
 *
 * @param proof the state
 * @param sigA party A's signature
 * @param sigB party B's signature
 * @since 0.1
 */
public record SignedState(BalanceProof proof, Bytes sigA, Bytes sigB) {
  /** Checks presence. */
  public SignedState {
    Objects.requireNonNull(proof, "proof");
    Objects.requireNonNull(sigA, "sigA");
    Objects.requireNonNull(sigB, "sigB");
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
