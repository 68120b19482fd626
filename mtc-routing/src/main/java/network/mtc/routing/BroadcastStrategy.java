package network.mtc.routing;

/**
 * How a node decides to relay a broadcast frame. The baselines exist so that the simulator compares
 * them with {@link #COVERAGE} on the same node code (spec/routing.md).
 *
 * @since 0.1
 */
public enum BroadcastStrategy {
  /** Every node relays the first copy of every message once, ignoring the hop limit's scope. */
  FLOOD,
  /** Bluetooth-Mesh-style managed flooding: relay once, decrementing the hop limit, with a duplicate cache. */
  MANAGED,
  /** Counter-based suppression: relay after a random delay unless k copies were heard meanwhile. */
  COUNTER,
  /** MTC's coverage-accounted relaying with two-hop knowledge and implicit acknowledgements. */
  COVERAGE
}
