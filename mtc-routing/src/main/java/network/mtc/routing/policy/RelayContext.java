package network.mtc.routing.policy;

import network.mtc.routing.MeshConfig;
import network.mtc.routing.runtime.RandomSource;

/**
 * What a node gives its {@link RelayPolicy}: its own address, time, randomness, configuration and
 * neighbour table. All of it deterministic in simulation.
 *
 * @since 0.1
 */
public interface RelayContext {
  /** This node's address value. */
  long self();

  /** The node clock, in milliseconds. */
  long nowMillis();

  /** The node's random source (for jitter). */
  RandomSource random();

  /** The node's configuration. */
  MeshConfig config();

  /** The node's neighbour table. */
  NeighbourView neighbours();

  /**
   * Airtime of one transmission of a frame of {@code frameBytes} bytes on this node's slowest link, in
   * microseconds, fragments included (for delay buckets that scale with airtime).
   */
  long airtimeMicros(int frameBytes);
}
