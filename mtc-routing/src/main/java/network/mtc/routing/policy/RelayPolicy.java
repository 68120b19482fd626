package network.mtc.routing.policy;

/**
 * The relay decision of one node, pluggable: the node runs the receive path (spec/routing.md, "Receive
 * path") and calls its policy at three points of a message's life, applying the {@link RelayDecision}
 * returned. The baselines (FLOOD, MANAGED, COUNTER) and the COVERAGE strategy implement it; they differ in
 * nothing else, so the simulator compares decisions, not implementations.
 *
 * <pre>
 *   first accepted copy ──► onFirstCopy ──► Schedule(d) ──► [timer] ──► onTimer ──► Transmit / Cancel
 *   later copies (and echoes of our own relay) ──► onDuplicate ──► Keep / Cancel(SUPPRESSED) / ...
 *   publish() ──► onOriginate ──► Transmit(h) usually
 * </pre>
 *
 * <p>Per message the node holds a state object of type {@code S} made by {@link #newState()}. States are
 * pooled (bounded by {@code MeshConfig.maxPendingRelays}) and reused across messages, so a policy resets
 * the fields it uses in {@link #onFirstCopy} and {@link #onOriginate}, and the receive path allocates
 * nothing. A state lives from the first copy until a decision frees it ({@code Drop}, {@code Cancel},
 * {@code Done}, or a {@code Transmit} with no next timer); duplicates arriving afterwards are counted as
 * {@code DUPLICATE} without calling the policy.
 *
 * <p>Called on the node's event loop only. A policy must be deterministic given its context (no system
 * clock, no JDK random, no hash-order iteration).
 *
 * @param <S> the per-message state
 * @since 0.1
 */
public interface RelayPolicy<S> {
  /** A fresh state object (called when the pool grows; the object is then reused). */
  S newState();

  /** The first accepted copy of a message this node did not originate. */
  RelayDecision onFirstCopy(S state, Reception rx);

  /** Another copy of a message whose state is live, including the echo of this node's own transmission. */
  RelayDecision onDuplicate(S state, Reception rx);

  /**
   * The message's timer fired.
   *
   * @param transmissions how many times this node has transmitted the message so far
   */
  RelayDecision onTimer(S state, int transmissions);

  /** A message this node originates; the default transmits it at once with its own hop limit. */
  default RelayDecision onOriginate(S state, Reception rx) {
    return RelayDecision.transmit(rx.hopLimit());
  }

  /** Role flags this node announces ({@link NeighbourView#FLAG_RELAY}, {@link NeighbourView#FLAG_MARKED}). */
  default int announceFlags() {
    return 0;
  }

  /** Creates one node's policy. */
  @FunctionalInterface
  interface Factory {
    /** The policy of the node described by {@code context}. */
    RelayPolicy<?> create(RelayContext context);
  }
}
