package network.mtc.channels;

import java.util.List;

/**
 * What the node must do after a transition. Effects are data; the caller performs them (journal, mesh,
 * ledger) in list order.
 *
 * @since 0.1
 */
public sealed interface ChannelEffect {
  /** Send the proposal to the other party. */
  record SendProposal(Proposal proposal) implements ChannelEffect {}

  /** A new co-signed state: journal it, then hand it to witnesses. */
  record StateCommitted(SignedState state, List<HashLock> locks) implements ChannelEffect {
    /** Copies the list. */
    public StateCommitted {
      locks = List.copyOf(locks);
    }
  }

  /**
   * This proposal will not be committed: a co-signed state with a higher nonce exists, so completing it
   * would only give a stale state (a lost race, §8, whose proposer's endpoint proposes the update again on
   * the new state; a restored newer state; or a withdrawn proposal overtaken since).
   */
  record ProposalSuperseded(Proposal loser) implements ChannelEffect {}

  /**
   * This proposal is no longer pending, but its outcome is open: it carries its proposer's signature, so
   * the other party may still complete it until a co-signed state above its nonce exists (its proposer
   * withdrew it, or a restored state below its nonce replaced it). An application MUST NOT treat the update
   * as failed (nor make it again) until then; the endpoint reports {@link ProposalSuperseded} once it is.
   */
  record ProposalWithdrawn(Proposal proposal) implements ChannelEffect {}

  /** Reestablish: both sides hold the same latest state. */
  record InSync(Party peer, long nonce) implements ChannelEffect {}

  /** Reestablish: the peer lost data or missed updates; tell it (never punish it) and resend. */
  record PeerBehind(Party peer, long theirNonce, long ourNonce) implements ChannelEffect {}

  /** Send {@code state} and its locks to {@code to}. */
  record Resend(Party to, SignedState state, List<HashLock> locks) implements ChannelEffect {
    /** Copies the list. */
    public Resend {
      locks = List.copyOf(locks);
    }
  }

  /** Reestablish: this side had lost data and adopted the newer co-signed state the peer showed. */
  record Restored(long fromNonce, long toNonce) implements ChannelEffect {}

  /** A stale state was submitted: submit this newer one as a dispute before the deadline. */
  record SubmitDispute(SignedState newer) implements ChannelEffect {}

  /** The channel closed with this payout. */
  record PayoutFinal(Payout payout) implements ChannelEffect {}
}
