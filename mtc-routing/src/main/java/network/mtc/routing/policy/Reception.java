package network.mtc.routing.policy;

/**
 * One copy of a message as a {@link RelayPolicy} sees it: the frame's routing fields and how it arrived.
 * The node reuses one instance, so a policy must copy what it keeps beyond the call.
 *
 * @since 0.1
 */
public interface Reception {
  /** The frame's source address value. */
  long source();

  /** The frame's message id. */
  int messageId();

  /** The frame type (1 DATA, 2 ACK, 3 ANNOUNCE, ...). */
  int type();

  /** True if the frame has a destination. */
  boolean unicast();

  /** The destination address value, or 0 for a broadcast. */
  long destination();

  /** The hop limit after the receiver's cap ({@code min(frame hop limit, MeshConfig.maxHopLimit)}). */
  int hopLimit();

  /** True if this node originated the message (then there is no link, peer or transmitter). */
  boolean originated();

  /** Index of the link the copy came in on (in the order links were given to the builder), or -1. */
  int linkIndex();

  /** The link's id of the transmitting peer; meaningful only when {@link #linkIndex()} is 0 or more. */
  long peer();

  /** True if the packet was addressed to this node at the link layer. */
  boolean linkUnicast();

  /** RSSI in dBm, or {@code LinkListener.UNKNOWN}. */
  int rssiDbm();

  /** SNR in quarter dB, or {@code LinkListener.UNKNOWN}. */
  int snrQuarterDb();

  /**
   * The neighbour-table slot of the transmitter (the node bound to this link and peer by a verified
   * announce), or -1 if the transmitter is unknown.
   */
  int transmitterSlot();

  /** Encoded length of the frame, in bytes (for airtime). */
  int frameLength();
}
