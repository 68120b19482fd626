package network.mtc.routing.policy;

import network.mtc.routing.BroadcastStrategy;

/**
 * The factory of this package: the relay policy of each {@link BroadcastStrategy}.
 *
 * @since 0.1
 */
public final class RelayPolicies {
  private RelayPolicies() {}

  /**
   * The factory for {@code strategy}.
   *
   */
  public static RelayPolicy.Factory of(BroadcastStrategy strategy) {
    return switch (strategy) {
      case FLOOD -> FloodPolicy::new;
      case MANAGED -> ManagedPolicy::new;
      case COUNTER -> CounterPolicy::new;
      case COVERAGE -> CoveragePolicy.factory(RelayParams.DEFAULTS);
    };
  }
}
