package network.mtc.routing.policy;

import network.mtc.routing.DropReason;

/**
 * COUNTER, counter-based suppression (Ni, Tseng, Chen and Sheu, "The broadcast storm problem", 1999): on
 * the first copy, wait a random delay uniform in {@code [0, counterMaxDelayMillis]}, counting copies; if
 * {@code counterThreshold} copies (the first included) were heard by then, cancel
 * ({@link DropReason#SUPPRESSED}), else relay once with the hop limit decremented. A copy with hop limit 0
 * is not relayed ({@link DropReason#HOP_LIMIT}).
 */
final class CounterPolicy extends RelayOncePolicy {
  CounterPolicy(RelayContext ctx) {
    super(ctx);
  }

  @Override
  public RelayDecision onFirstCopy(BaselineState s, Reception rx) {
    if (rx.hopLimit() == 0) {
      return RelayDecision.drop(DropReason.HOP_LIMIT);
    }
    s.relayHopLimit = rx.hopLimit() - 1;
    s.copies = 1;
    if (s.copies >= ctx.config().counterThreshold()) {
      return RelayDecision.drop(DropReason.SUPPRESSED);
    }
    return RelayDecision.schedule(Jitter.uniform(ctx, ctx.config().counterMaxDelayMillis() + 1));
  }

  @Override
  public RelayDecision onDuplicate(BaselineState s, Reception rx) {
    s.copies++;
    return s.copies >= ctx.config().counterThreshold() ? RelayDecision.cancel(DropReason.SUPPRESSED)
        : RelayDecision.KEEP;
  }
}
