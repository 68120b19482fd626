package network.mtc.routing.policy;

/**
 * What the three baselines share: one {@link BaselineState} per message, duplicates only kept by
 * default, and exactly one transmission at the hop limit chosen on the first copy.
 */
abstract class RelayOncePolicy implements RelayPolicy<BaselineState> {
  final RelayContext ctx;

  RelayOncePolicy(RelayContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public final BaselineState newState() {
    return new BaselineState();
  }

  @Override
  public RelayDecision onDuplicate(BaselineState s, Reception rx) {
    return RelayDecision.KEEP;
  }

  @Override
  public final RelayDecision onTimer(BaselineState s, int transmissions) {
    return transmissions == 0 ? RelayDecision.transmit(s.relayHopLimit) : RelayDecision.DONE;
  }
}
