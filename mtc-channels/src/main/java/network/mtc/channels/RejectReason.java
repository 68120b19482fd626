package network.mtc.channels;

/**
 * Why an event was rejected. Every illegal event has one; none is ignored. The names are part of the
 * conformance vectors (channels/fsm.json).
 *
 * @since 0.1
 */
public enum RejectReason {
  /** The event is not legal in the current state (table in spec/channels.md). */
  WRONG_STATE,
  /** The state names another ledger, channel or asset. */
  WRONG_CHANNEL,
  /** A signature does not verify. */
  BAD_SIGNATURE,
  /** The opening state's balances differ from the pledges, or its nonce is not 0. */
  BAD_OPENING,
  /**
   * The nonce is not above the latest co-signed nonce, not of the proposer's parity (A even, B odd) or more
   * than {@link ChannelMachine#MAX_NONCE_STEP} above.
   */
  BAD_NONCE,
  /** The previous-state hash is not the latest state's hash. */
  BAD_PREV_HASH,
  /** The proposal's proof or locks differ from what its update yields. */
  PROOF_MISMATCH,
  /** The payer's balance is below the amount. */
  INSUFFICIENT_BALANCE,
  /** The proposer's gas pledge cannot pay the gas of another update. */
  GAS_EXHAUSTED,
  /** The same party already has a proposal pending. */
  PROPOSAL_PENDING,
  /** A proposal of the other party with a higher nonce is pending: it wins the race (race rule). */
  RACE_LOST,
  /** No proposal is pending. */
  NO_PENDING_PROPOSAL,
  /** The countersignature is not from the proposal's other party. */
  WRONG_SIGNER,
  /** The lock's sender is not the proposer. */
  LOCK_SENDER,
  /** A lock with this hash is already pending. */
  DUPLICATE_LOCK,
  /** {@link HashLock#MAX_LOCKS} locks are pending. */
  TOO_MANY_LOCKS,
  /** No pending lock has this hash (or this preimage). */
  UNKNOWN_LOCK,
  /** The lock expired (or expires before the event time). */
  LOCK_EXPIRED,
  /** The lock has not expired yet. */
  LOCK_NOT_EXPIRED,
  /**
   * A mediated transfer's outgoing lock does not expire at least one challenge period of the incoming
   * channel before the incoming lock: the mediator could pay out and be unable to claim. Also: a lock to be
   * claimed by revealing its secret expires less than one challenge period ahead, too soon to claim it on
   * the ledger if the other party withholds its countersignature.
   */
  EXPIRY_TOO_CLOSE,
  /** Pending locks or a pending proposal forbid a cooperative close. */
  CLOSE_WITH_PENDING,
  /** The close is offered by the party that must accept it, or accepted by the offerer. */
  CLOSE_SAME_PARTY,
  /** Locks shown do not match the state's locks root. */
  LOCKS_MISMATCH,
  /** Two different co-signed states with the same nonce. */
  CONFLICTING_STATE,
  /** A dispute's state is not newer than the state on record. */
  NOT_NEWER,
  /** A dispute must come from the party that did not submit the close. */
  DISPUTE_BY_SUBMITTER,
  /** The challenge period is over. */
  DEADLINE_PASSED,
  /** The challenge period is not over yet. */
  DEADLINE_NOT_REACHED,
  /** Time does not go backwards. */
  TIME_BACKWARDS
}
