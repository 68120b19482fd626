package network.mtc.routing.policy;

/**
 * Why the relay decision does not relay a copy. The names are those of the decision vectors
 * ({@code conformance-vectors/routing/relay.json}).
 *
 * @since 0.1
 */
public enum DropReason {
  /** The hop limit, after the receiver's cap, is 0: deliver locally, relay nothing. */
  HOP_LIMIT,
  /** A later copy of a message already taken: its transmitter is credited, nothing else happens. */
  DUPLICATE,
  /** The first copy found every neighbour covered enough: no transmission could add enough. */
  COVERED
}
