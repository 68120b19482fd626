package network.mtc.routing.policy;

/**
 * FLOOD, the naive baseline: every node relays the first copy of every message once, after a uniform
 * jitter in {@code [0, relayJitterMillis)}, whatever its hop limit (the receiver's cap still applies to the
 * value sent on, which is not decremented). Only the duplicate cache ends the flood, so it costs exactly
 * one transmission per node per message: the 1,000 frames per message on 1,000 nodes.
 */
final class FloodPolicy extends RelayOncePolicy {
  FloodPolicy(RelayContext ctx) {
    super(ctx);
  }

  @Override
  public RelayDecision onFirstCopy(BaselineState s, Reception rx) {
    s.relayHopLimit = rx.hopLimit();
    return RelayDecision.schedule(Jitter.uniform(ctx, ctx.config().relayJitterMillis()));
  }
}
