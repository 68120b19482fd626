package network.mtc.routing.policy;

/** The per-message state of the baselines: the hop limit to relay with and the copies heard. */
final class BaselineState {
  int relayHopLimit;
  int copies;
}
