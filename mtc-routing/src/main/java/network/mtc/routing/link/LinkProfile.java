package network.mtc.routing.link;

import network.mtc.wire.fragment.LinkPacket;

/**
 * The fixed properties of a {@link Link} that routing decisions depend on.
 *
 * @param name a short name for logs and statistics, e.g. {@code "ble"}, {@code "udp"}, {@code "sim"}
 * @param mtu the largest link packet, {@value LinkPacket#MIN_MTU}..{@value LinkPacket#MAX_MTU} bytes
 * @param bitrateBps the on-air bit rate, for the airtime of a packet
 * @param packetOverheadMicros airtime every packet costs besides its bytes (preamble, headers, gaps)
 * @param broadcastMedium true if one transmission reaches every neighbour in range (radio), false for
 *     point-to-point links (serial, a TCP connection)
 * @param overhearsUnicast true if packets sent to one neighbour are heard by the others too (radio in
 *     promiscuous mode), so a forward can serve as an implicit acknowledgement
 * @since 0.1
 */
public record LinkProfile(String name, int mtu, long bitrateBps, int packetOverheadMicros,
    boolean broadcastMedium, boolean overhearsUnicast) {

  /** Validates the ranges. */
  public LinkProfile {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("a link profile needs a name");
    }
    if (mtu < LinkPacket.MIN_MTU || mtu > LinkPacket.MAX_MTU) {
      throw new IllegalArgumentException("mtu " + mtu + " outside " + LinkPacket.MIN_MTU + ".." + LinkPacket.MAX_MTU);
    }
    if (bitrateBps <= 0 || packetOverheadMicros < 0) {
      throw new IllegalArgumentException("bit rate must be positive and overhead non-negative");
    }
  }

  /** Airtime of one packet of {@code bytes} bytes, in microseconds. */
  public long airtimeMicros(int bytes) {
    return packetOverheadMicros + (8_000_000L * bytes + bitrateBps - 1) / bitrateBps;
  }
}
