package network.mtc.channels;

import java.util.List;
import java.util.Objects;
import network.mtc.crypto.SigningKey;

/**
 * An update worked out but not yet signed ({@link ChannelMachine#draft}): the state it yields, or why it is
 * illegal now. It exists so that a durable node can reserve the state in its journal <em>before</em>
 * producing the signature (spec/channels-durability.md, "reserve, sync, sign").
 *
 * @since 0.1
 */
public sealed interface Draft {
  /**
   * A legal update.
   *
   * @param proposer who proposes
   * @param update what changes
   * @param proof the resulting state
   * @param locks the resulting pending locks
   */
  record Ready(Party proposer, Update update, BalanceProof proof, List<HashLock> locks) implements Draft {
    /** Copies the list and checks presence. */
    public Ready {
      Objects.requireNonNull(proposer, "proposer");
      Objects.requireNonNull(update, "update");
      Objects.requireNonNull(proof, "proof");
      locks = List.copyOf(locks);
    }

    /** The signed proposal (Ed25519 is deterministic: signing twice gives the same bytes). */
    public Proposal sign(SigningKey key) {
      return new Proposal(proposer, update, proof, locks, ChannelSigner.sign(key, SignatureType.STATE, proof));
    }
  }

  /** The update is illegal on the current state. */
  record Illegal(RejectReason reason) implements Draft {
    /** Checks presence. */
    public Illegal {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
