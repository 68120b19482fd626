package network.mtc.channels;

import java.util.List;
import java.util.Objects;
import network.mtc.wire.Bytes;

/**
 * A proposed update: the update, the new state and pending locks it yields, and the proposer's
 * {@link SignatureType#STATE} signature of that state. The other party makes it a co-signed state by
 * countersigning the same proof.
 *
 * @param proposer who proposes (for a payment, the payer)
 * @param update what changes
 * @param proof the resulting state
 * @param locks the resulting pending locks (their root is in {@code proof})
 * @param signature the proposer's signature
 * @since 0.1
 */
public record Proposal(Party proposer, Update update, BalanceProof proof, List<HashLock> locks,
    Bytes signature) {
  /** Copies the list and checks presence. */
  public Proposal {
    Objects.requireNonNull(proposer, "proposer");
    Objects.requireNonNull(update, "update");
    Objects.requireNonNull(proof, "proof");
    Objects.requireNonNull(signature, "signature");
    locks = List.copyOf(locks);
  }
}
