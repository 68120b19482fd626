package network.mtc.channels;

import java.util.List;
import network.mtc.wire.Bytes;

/**
 * Everything that can happen to a channel: messages between the parties and what the ledger reports. In
 * a state where an event is illegal, {@link ChannelMachine#apply} rejects it with a {@link RejectReason}.
 *
 * @since 0.1
 */
public sealed interface ChannelEvent {
  /** The ledger confirmed the funding; {@code opening} is the co-signed nonce-0 state. */
  record FundingConfirmed(SignedState opening, long now) implements ChannelEvent {}

  /** A party proposes an update. */
  record Propose(Proposal proposal) implements ChannelEvent {}

  /** The other party countersigns the pending proposal. */
  record Countersign(Party signer, Bytes signature) implements ChannelEvent {}

  /** After a reconnect, {@code from} shows the latest co-signed state it holds and its pending locks. */
  record Reestablish(Party from, SignedState lastSeen, List<HashLock> locks) implements ChannelEvent {
    /** Copies the list. */
    public Reestablish {
      locks = List.copyOf(locks);
    }
  }

  /** Ledger time advanced to {@code now}. */
  record Tick(long now) implements ChannelEvent {}

  /** {@code by} offers to close cooperatively, signing the close proof. */
  record OfferClose(Party by, Bytes signature) implements ChannelEvent {}

  /** {@code by} accepts the offered close with its own close signature. */
  record AcceptClose(Party by, Bytes signature) implements ChannelEvent {}

  /** The ledger recorded a unilateral close by {@code submitter} with {@code state} at {@code now}. */
  record CloseUnilaterally(Party submitter, SignedState state, List<HashLock> locks, long now)
      implements ChannelEvent {
    /** Copies the list. */
    public CloseUnilaterally {
      locks = List.copyOf(locks);
    }
  }

  /** The ledger recorded a dispute by {@code disputer} with a newer state at {@code now}. */
  record Dispute(Party disputer, SignedState newer, long now) implements ChannelEvent {}

  /** The ledger recorded the claim of a pending lock with its secret at {@code now}. */
  record ClaimLock(Bytes preimage, long now) implements ChannelEvent {}
}
