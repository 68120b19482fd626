package network.mtc.routing.policy;

/** Uniform relay delays from the node's random source. */
final class Jitter {
  private Jitter() {}

  /** A uniform delay in [0, bound) milliseconds; 0 if bound is 0 or less. */
  static long uniform(RelayContext ctx, int bound) {
    return bound <= 0 ? 0 : ctx.random().nextInt(bound);
  }
}
