package network.mtc.routing.link;

/**
 * Receives what a {@link Link} hears and measures. Called on the node's event loop thread; the packet
 * array is only valid during the call (copy what must outlive it).
 *
 * @since 0.1
 */
public interface LinkListener {
  /** Value of a link-quality argument the transport does not know. */
  int UNKNOWN = Integer.MIN_VALUE;

  /**
   * One packet arrived.
   *
   * @param peer the link's id of the neighbour that transmitted it (a BLE connection, a UDP endpoint, a
   *     simulated node index); not authenticated: only a verified ANNOUNCE binds it to a node address
   * @param linkUnicast true if the packet was addressed to this node at the link layer. A link delivers a
   *     packet sent with {@link Link#sendTo} to its addressee only, never to nodes that overhear it: the
   *     node treats every packet with {@code linkUnicast} false as a broadcast
   * @param rssiDbm received signal strength in dBm, or {@link #UNKNOWN}
   * @param snrQuarterDb signal-to-noise ratio in quarter dB, or {@link #UNKNOWN}
   * @param lossPermille the link's own estimate of packet loss from this peer (0..1000), or {@link #UNKNOWN}
   */
  void onPacket(Link link, long peer, byte[] packet, int off, int len, boolean linkUnicast, int rssiDbm,
      int snrQuarterDb, int lossPermille);

  /**
   * The link measured {@code busyMicros} of channel busy time (carrier sense or energy detection) since
   * its last report, for congestion control. Links that cannot measure never call it.
   */
  default void onBusy(Link link, long busyMicros) {}
}
