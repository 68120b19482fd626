package network.mtc.routing;

/**
 * Why {@link MeshNode#send} could not confirm a delivery: the future it returned completes exceptionally
 * with this exception.
 *
 * @since 0.1
 */
public final class DeliveryFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The reasons a unicast message ends without an end-to-end acknowledgement. */
  public enum Reason {
    /** Every end-to-end attempt timed out (the message may still have arrived; its ACK did not). */
    TIMED_OUT,
    /** The node already had the largest number of unicast messages awaiting acknowledgement. */
    TOO_MANY_IN_FLIGHT,
    /** The node was closed first. */
    CLOSED
  }

  private final Reason reason;
  private final int attempts;

  /** A failure for {@code reason} after {@code attempts} end-to-end attempts. */
  public DeliveryFailedException(Reason reason, int attempts) {
    super(reason + " after " + attempts + " attempt(s)", null, false, false);
    this.reason = reason;
    this.attempts = attempts;
  }

  /** Why the delivery failed. */
  public Reason reason() {
    return reason;
  }

  /** End-to-end attempts made. */
  public int attempts() {
    return attempts;
  }
}
