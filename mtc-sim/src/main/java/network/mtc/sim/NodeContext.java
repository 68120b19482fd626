package network.mtc.sim;

import network.mtc.routing.BroadcastStrategy;
import network.mtc.routing.link.Link;
import network.mtc.routing.runtime.Clock;
import network.mtc.routing.runtime.RandomSource;
import network.mtc.routing.runtime.Scheduler;

/**
 * Everything one simulated node is built from. All of it is deterministic in the run's seed.
 *
 * @param index the node's index in the topology (also its peer id on every other node's link)
 * @param link its simulated radio: a broadcast medium that overhears unicast
 * @param clock the simulation's clock (shared, read-only for nodes)
 * @param scheduler the node's view of the global event queue
 * @param random the node's own generator, seeded from {@code splitmix64(seed ^ index)}
 * @param identitySeed 32 bytes for the node's Ed25519 identity, derived from the run's seed
 * @param strategy the broadcast strategy under test
 * @param deliveries where the node reports what it delivers on {@link #TOPIC}
 * @since 0.1
 */
public record NodeContext(int index, Link link, Clock clock, Scheduler scheduler, RandomSource random,
    byte[] identitySeed, BroadcastStrategy strategy, DeliverySink deliveries) {
  /** The topic of the simulator's workload messages. */
  public static final String TOPIC = "sim";

  /** Validates and copies the seed. */
  public NodeContext {
    if (index < 0 || link == null || clock == null || scheduler == null || random == null
        || identitySeed == null || identitySeed.length != 32 || strategy == null || deliveries == null) {
      throw new IllegalArgumentException("incomplete node context");
    }
    identitySeed = identitySeed.clone();
  }

  /** The identity seed (a copy). */
  @Override
  public byte[] identitySeed() {
    return identitySeed.clone();
  }
}
