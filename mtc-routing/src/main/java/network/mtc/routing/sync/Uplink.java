package network.mtc.routing.sync;

/**
 * The SPI through which a mesh station reaches the wide area (an MQTT broker, HTTPS, a satellite modem):
 * publish station envelopes, receive downlinked ones. Adapters implement it in {@code adapters/}; {@link
 * InMemoryUplink} is the test double. Durability and backpressure live in the station ({@link
 * StationBridge}'s bounded outbox), not here (MESH-LESSONS 9): {@code publish} never blocks or throws on a
 * full window, it returns false and later signals {@link UplinkListener#onWritable()}.
 *
 * @since 0.1
 */
public interface Uplink {
  /** Starts the uplink; events go to {@code listener}. */
  void start(UplinkListener listener);

  /** Stops it; no events follow. */
  void stop();

  /** The current state. */
  UplinkState state();

  /**
   * Publishes one envelope.
   *
   * @return true if accepted for delivery, false if there is no credit now (try again on onWritable)
   */
  boolean publish(StationEnvelope envelope);
}
