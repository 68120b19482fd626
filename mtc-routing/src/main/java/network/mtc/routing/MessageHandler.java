package network.mtc.routing;

/**
 * Receives messages delivered by a {@link MeshNode}.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface MessageHandler {
  /** One message arrived (once per message, duplicates suppressed). */
  void onMessage(Message message);
}
