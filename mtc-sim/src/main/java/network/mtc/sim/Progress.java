package network.mtc.sim;

/**
 * Told how far a run has got, every 2^16 events (the CLI draws a progress bar with it). Must not touch
 * the simulation.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface Progress {
  /** No reporting. */
  Progress NONE = (simMillis, endMillis, events) -> {};

  /** The run has reached {@code simMillis} of {@code endMillis} simulated milliseconds after {@code events} events. */
  void update(long simMillis, long endMillis, long events);
}
