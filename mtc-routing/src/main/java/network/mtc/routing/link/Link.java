package network.mtc.routing.link;

/**
 * One radio or socket a node transmits on: BLE advertising or GATT, Wi-Fi/UDP, a serial line, or the
 * simulator's radio. One call to a send method is one transmission of one link packet (spec/wire.md,
 * section 6: a whole frame or one fragment, at most {@link LinkProfile#mtu()} bytes); the node's
 * fragmenter sits between frames and this interface.
 *
 * <p>Implementations are plugins (adapters in {@code adapters/}, {@code SimLink} in mtc-sim). They call
 * their {@link LinkListener} on the node's event loop thread (an adapter posts to the loop); the node
 * calls the send methods from that thread only.
 *
 * @since 0.1
 */
public interface Link {
  /** What this link can do: MTU, bit rate, whether it is a broadcast medium. */
  LinkProfile profile();

  /** Starts delivering received packets and link measurements to {@code listener}. */
  void start(LinkListener listener);

  /** Stops the link; no callback follows. */
  void stop();

  /**
   * Transmits one packet to every neighbour in range (local broadcast, never relayed by the link).
   *
   * @return false if the link cannot take the packet now (no credit, queue full, down): the packet was not sent
   */
  boolean sendBroadcast(byte[] packet, int off, int len);

  /**
   * Transmits one packet to one neighbour, named by the link's own peer id (as given to
   * {@link LinkListener#onPacket}).
   *
   * @return false if the link cannot take the packet now or does not know the peer
   */
  boolean sendTo(long peer, byte[] packet, int off, int len);
}
