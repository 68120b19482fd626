package network.mtc.routing.sync;

/**
 * How a {@link SyncSession} reaches its peer: link-unicast SYNC frames (type 4, hop limit 0) carrying
 * {@link SyncMessage} payloads, and the pushed frames themselves, sent as they are held. The router
 * implements it over a {@code Link}; tests connect two sessions directly.
 *
 * @since 0.1
 */
public interface SyncTransport {
  /** Sends one encoded SyncMessage as the payload of a SYNC frame to the peer. */
  void sendSync(byte[] payload);

  /** Sends a held frame to the peer (link-unicast, bytes unchanged). */
  void sendFrame(byte[] frame);
}
