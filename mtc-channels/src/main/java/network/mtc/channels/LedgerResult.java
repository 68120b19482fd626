package network.mtc.channels;

/**
 * The answer of a {@link Ledger} call: accepted, or refused with a reason.
 *
 * @param rejection why the call was refused, or null if it was accepted
 * @since 0.1
 */
public record LedgerResult(RejectReason rejection) {
  /** Accepted. */
  public static final LedgerResult OK = new LedgerResult(null);

  /** A refusal. */
  public static LedgerResult refused(RejectReason reason) {
    return new LedgerResult(reason);
  }

  /** True if accepted. */
  public boolean accepted() {
    return rejection == null;
  }
}
