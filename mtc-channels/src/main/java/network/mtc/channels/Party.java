package network.mtc.channels;

/**
 * One of the two parties of a channel. {@link #A} is the party whose public key sorts first (unsigned
 * bytes), so both sides agree on the index without negotiation; the race rule of spec/channels.md uses it.
 *
 * @since 0.1
 */
public enum Party {
  /** Index 0. */
  A,
  /** Index 1. */
  B;

  /** 0 or 1. */
  public int index() {
    return ordinal();
  }

  /** The other party. */
  public Party other() {
    return this == A ? B : A;
  }
}
