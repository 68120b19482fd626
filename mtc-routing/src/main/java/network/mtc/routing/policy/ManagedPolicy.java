package network.mtc.routing.policy;

import network.mtc.routing.DropReason;

/**
 * MANAGED, Bluetooth-Mesh-style managed flooding: every node relays the first copy once, after a uniform
 * jitter in {@code [0, relayJitterMillis)}, with the hop limit decremented; a copy whose (capped) hop
 * limit is 0 is delivered but not relayed ({@link DropReason#HOP_LIMIT}).
 */
final class ManagedPolicy extends RelayOncePolicy {
  ManagedPolicy(RelayContext ctx) {
    super(ctx);
  }

  @Override
  public RelayDecision onFirstCopy(BaselineState s, Reception rx) {
    if (rx.hopLimit() == 0) {
      return RelayDecision.drop(DropReason.HOP_LIMIT);
    }
    s.relayHopLimit = rx.hopLimit() - 1;
    return RelayDecision.schedule(Jitter.uniform(ctx, ctx.config().relayJitterMillis()));
  }
}
