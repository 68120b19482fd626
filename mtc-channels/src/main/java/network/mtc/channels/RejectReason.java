package network.mtc.channels;

/**
 * Why an event was rejected. Every illegal event has one; none is ignored. The names are part of the
 * conformance vectors (channels/fsm.json); the codes go on the wire in a REJECT message.
 *
 * @since 0.1
 */
public enum RejectReason {
  /** The event is not legal in the current state (table in spec/channels.md). */
  WRONG_STATE(1),
  /** The state names another ledger, channel or asset. */
  WRONG_CHANNEL(2),
  /** A signature does not verify. */
  BAD_SIGNATURE(3),
  /** The opening state's balances differ from the pledges, or its nonce is not 0. */
  BAD_OPENING(4),
  /**
   * The nonce is not above the latest co-signed nonce, not of the proposer's parity (A even, B odd) or more
   * than {@link ChannelMachine#MAX_NONCE_STEP} above.
   */
  BAD_NONCE(5),
  /** The previous-state hash is not the latest state's hash. */
  BAD_PREV_HASH(6),
  /** The proposal's proof or locks differ from what its update yields. */
  PROOF_MISMATCH(7),
  /** The payer's balance is below the amount. */
  INSUFFICIENT_BALANCE(8),
  /** The proposer's gas pledge cannot pay the gas of another update. */
  GAS_EXHAUSTED(9),
  /** The same party already has a proposal pending. */
  PROPOSAL_PENDING(10),
  /** A proposal of the other party with a higher nonce is pending: it wins the race (race rule). */
  RACE_LOST(11),
  /** No proposal is pending. */
  NO_PENDING_PROPOSAL(12),
  /** The countersignature is not from the proposal's other party. */
  WRONG_SIGNER(13),
  /** The lock's sender is not the proposer. */
  LOCK_SENDER(14),
  /** A lock with this hash is already pending. */
  DUPLICATE_LOCK(15),
  /** {@link HashLock#MAX_LOCKS} locks are pending. */
  TOO_MANY_LOCKS(16),
  /** No pending lock has this hash (or this preimage). */
  UNKNOWN_LOCK(17),
  /** The lock expired (or expires before the event time). */
  LOCK_EXPIRED(18),
  /** The lock has not expired yet. */
  LOCK_NOT_EXPIRED(19),
  /**
   * A mediated transfer's outgoing lock does not expire at least one challenge period of the incoming
   * channel before the incoming lock: the mediator could pay out and be unable to claim. Also: a lock to be
   * claimed by revealing its secret expires less than one challenge period ahead, too soon to claim it on
   * the ledger if the other party withholds its countersignature.
   */
  EXPIRY_TOO_CLOSE(20),
  /** Pending locks or a pending proposal forbid a cooperative close. */
  CLOSE_WITH_PENDING(21),
  /** The close is offered by the party that must accept it, or accepted by the offerer. */
  CLOSE_SAME_PARTY(22),
  /** Locks shown do not match the state's locks root. */
  LOCKS_MISMATCH(23),
  /** Two different co-signed states with the same nonce. */
  CONFLICTING_STATE(24),
  /** A dispute's state is not newer than the state on record. */
  NOT_NEWER(25),
  /** A dispute must come from the party that did not submit the close. */
  DISPUTE_BY_SUBMITTER(26),
  /** The challenge period is over. */
  DEADLINE_PASSED(27),
  /** The challenge period is not over yet. */
  DEADLINE_NOT_REACHED(28),
  /** Time does not go backwards. */
  TIME_BACKWARDS(29),
  /**
   * The receiver has signed at or above this proposal's nonce (a proposal of its own that it withdrew), so it
   * may not countersign there: the proposer proposes again above the floor its REJECT names.
   */
  NONCE_RESERVED(30);

  private final int code;

  RejectReason(int code) {
    this.code = code;
  }

  /** The reason's code in a REJECT message (spec/channels-messages.md): stable, never reused. */
  public int code() {
    return code;
  }

  /** The reason with {@code code}, or null if no reason has it. */
  public static RejectReason fromCode(int code) {
    for (RejectReason r : values()) {
      if (r.code == code) {
        return r;
      }
    }
    return null;
  }
}
