package network.mtc.channels;

import java.util.List;
import network.mtc.wire.Bytes;

/**
 * The phase of a channel, one type per phase (LDK style), as both parties and the ledger agree on it. Every
 * state is immutable; {@link ChannelMachine#apply} maps a state and an event to the next state.
 *
 * <pre>
 *  Opening --FundingConfirmed--> Open --OfferClose--> Closing --AcceptClose--> Settled
 *                                 |  \__Propose/Countersign/Reestablish/Tick (stay Open)
 *                                 +--CloseUnilaterally--> ClosingUnilateral --Tick(deadline)--> Settled
 *                                                              \--Dispute(newer)--> Penalised
 * </pre>
 *
 * @since 0.1
 */
public sealed interface ChannelState {
  /** The channel's fixed parameters. */
  ChannelParams params();

  /** Pledges agreed and the opening state co-signed off-ledger; waiting for the funding to confirm. */
  record Opening(ChannelParams params) implements ChannelState {}

  /**
   * Funded and usable.
   *
   * @param latest the latest co-signed state
   * @param locks the pending locks of {@code latest}
   * @param pending a proposal waiting for its countersignature, or null (at most one: see the race rule)
   * @param now the latest ledger time seen (lock expiry is judged against it)
   */
  record Open(ChannelParams params, SignedState latest, List<HashLock> locks, Proposal pending, long now)
      implements ChannelState {
    /** Copies the list. */
    public Open {
      locks = List.copyOf(locks);
    }
  }

  /**
   * A cooperative close offered by one party, waiting for the other's close signature.
   *
   * @param latest the last co-signed state
   * @param closeProof the final state: latest's balances and gas, nonce {@code FINAL_NONCE}, no locks
   * @param offeredBy who offered
   * @param offerSignature the offerer's {@link SignatureType#COOPERATIVE_CLOSE} signature
   */
  record Closing(ChannelParams params, SignedState latest, BalanceProof closeProof, Party offeredBy,
      Bytes offerSignature) implements ChannelState {}

  /**
   * A unilateral close on the ledger, open to dispute until {@code deadline}.
   *
   * @param submitted the state on record
   * @param submitter who submitted it
   * @param locks the pending locks of {@code submitted}
   * @param claimed the locks claimed with their secret so far
   * @param deadline ledger time at which the challenge period ends
   * @param newest the newest co-signed state this side holds (equal to {@code submitted} unless stale)
   */
  record ClosingUnilateral(ChannelParams params, SignedState submitted, Party submitter,
      List<HashLock> locks, List<HashLock> claimed, long deadline, SignedState newest)
      implements ChannelState {
    /** Copies the lists. */
    public ClosingUnilateral {
      locks = List.copyOf(locks);
      claimed = List.copyOf(claimed);
    }
  }

  /** A dispute proved the submitted state stale: the cheater's whole pledge went to the other party. */
  record Penalised(ChannelParams params, Party cheater, Payout payout) implements ChannelState {}

  /** Closed with the payout of the final state. */
  record Settled(ChannelParams params, Payout payout) implements ChannelState {}
}
