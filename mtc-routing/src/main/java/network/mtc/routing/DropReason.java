package network.mtc.routing;

/**
 * Why a node did not deliver or relay a frame it received, or cancelled a relay it had planned. Every
 * reason is counted in {@link NodeStats}; the names are those of spec/routing.md and of the decision
 * vectors, so two implementations can be compared reason by reason.
 *
 * @since 0.1
 */
public enum DropReason {
  /** The link packet or frame did not decode (a wire error, or a payload its type forbids). */
  MALFORMED,
  /** The frame came from this node itself (an echo of its own transmission). */
  OWN,
  /** The message is in the duplicate cache. */
  DUPLICATE,
  /** {@code expires_at} is in the past. */
  EXPIRED,
  /** {@code expires_at} is further in the future than a node accepts. */
  TOO_FAR_FUTURE,
  /** The hop limit (after the receiver's cap) is 0: delivered but not relayed. */
  HOP_LIMIT,
  /** Reserved: a per-source-class hop cap refused the frame (not raised in this version). */
  HOP_SCOPE_DENIED,
  /** The transmitting peer holds more than its share of the measured airtime. */
  CONGESTED_PEER,
  /** The source's (or the shared stranger) token bucket is empty. */
  RATE_LIMITED,
  /** The duplicate cache is full of entries too young to evict. */
  CACHE_FULL,
  /** A sequence number not above the last one accepted (ANNOUNCE) or outside the replay window. */
  REPLAY,
  /** A signature that does not verify. */
  BAD_SIGNATURE,
  /** A signed frame whose key this node does not hold, where it needs one. */
  UNKNOWN_KEY,
  /** The relay policy found every neighbour covered: no transmission needed. */
  COVERED,
  /** A unicast frame this node is not the next hop for. */
  NOT_NEXT_HOP,
  /** A unicast frame for an unreachable destination that could not be held. */
  NO_ROUTE_HELD,
  /** A bounded table (pending relays, timers) was full; the oldest or the newcomer gave way. */
  OVERLOAD,
  /** A planned relay was cancelled because enough copies were heard (counter) or coverage was reached. */
  SUPPRESSED,
  /** A planned transmission was cancelled because its acknowledgement arrived. */
  ACKED,
  /** An ANNOUNCE was valid but the bounded neighbour table would not take its sender. */
  TABLE_FULL,
  /** An ANNOUNCE for a new address arrived from a link peer already bound to another live neighbour. */
  PEER_CONFLICT,
  /** A frame type or addressing this node does not handle (neither delivered nor relayed). */
  UNHANDLED
}
