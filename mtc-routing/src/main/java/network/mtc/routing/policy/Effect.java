package network.mtc.routing.policy;

/**
 * What the relay decision asks the node runtime to do after one event. Every transmission goes to local
 * broadcast; {@code slot} names the message's pending state, which a later {@link #Schedule}d timer
 * presents back to the engine together with {@code generation}.
 *
 * @since 0.1
 */
public sealed interface Effect {
  /**
   * Arm a timer for {@code atMillis}: the decision is taken again then.
   *
   * @param bucket the delay bucket (normative); the delay is {@code bucket * W} plus a jitter in [0, W)
   * @param hopLimit the hop limit the relayed copy will carry
   */
  record Schedule(int slot, int generation, int bucket, long atMillis, int hopLimit) implements Effect {}

  /** Transmit the message now, to local broadcast, with {@code hopLimit}; {@code count} is 1 for the first. */
  record Transmit(int slot, int hopLimit, int count) implements Effect {}

  /** The frame is not relayed (the decision is final for this copy). */
  record Drop(DropReason reason) implements Effect {}

  /** A pending transmission is withdrawn and its state freed. */
  record Cancel(int slot, CancelReason reason) implements Effect {}
}
