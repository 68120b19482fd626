package network.mtc.channels.journal;

/**
 * The answer of {@link ChannelJournal#reserveSignature}: whether this node may sign the state, and if not,
 * why (and what to do next).
 *
 * @since 0.1
 */
public enum SignDecision {
  /** The reservation is durable (synced in {@link Durability#SYNC} mode): sign and send. */
  RESERVED,
  /** The same state was already reserved at this nonce: signing it again yields the same signature. */
  ALREADY_RESERVED,
  /**
   * A different state was reserved at this nonce: do not sign; propose the next nonce instead (or, if the
   * peer insists, treat it as a protocol violation).
   */
  REFUSED_CONFLICT,
  /** A higher nonce was already reserved: do not sign; the peer is behind (reestablish). */
  REFUSED_STALE,
  /** The journal tracks {@link ChannelJournal.Options#maxChannels()} channels already: refuse new ones. */
  REFUSED_CAPACITY;

  /** True if the caller may sign. */
  public boolean maySign() {
    return this == RESERVED || this == ALREADY_RESERVED;
  }
}
