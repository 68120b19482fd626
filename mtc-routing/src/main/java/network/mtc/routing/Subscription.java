package network.mtc.routing;

/**
 * A live subscription to a topic; closing it stops deliveries.
 *
 * @since 0.1
 */
public interface Subscription extends AutoCloseable {
  /** The topic subscribed to. */
  String topic();

  /** Stops delivering to the handler. */
  @Override
  void close();
}
