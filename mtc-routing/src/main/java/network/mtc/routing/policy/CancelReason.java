package network.mtc.routing.policy;

/**
 * Why a pending relay is withdrawn.
 *
 * @since 0.1
 */
public enum CancelReason {
  /** When the timer fired, the copies overheard meanwhile had covered the neighbourhood. */
  SUPPRESSED,
  /** The pending-state table was full of active states: the oldest gives way to a new message. */
  OVERLOAD
}
