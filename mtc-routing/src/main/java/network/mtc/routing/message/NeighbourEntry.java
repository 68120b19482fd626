package network.mtc.routing.message;

/**
 * One neighbour listed in an {@link Announce}: who it is (by address prefix) and how well the announcing
 * node hears it.
 *
 * @param prefix the first 3 bytes of the neighbour's address, 0..0xFFFFFF
 * @param credit the announcing node's inbound credit from that neighbour, 0..{@value Announce#MAX_CREDIT}
 *     (eighths of a decade of loss)
 * @param relay that neighbour announced RELAY
 * @param marked that neighbour announced MARKED
 * @since 0.1
 */
public record NeighbourEntry(int prefix, int credit, boolean relay, boolean marked) {
  /** Validates the ranges. */
  public NeighbourEntry {
    if (prefix < 0 || prefix > 0xFF_FFFF) {
      throw new IllegalArgumentException("prefix must be 3 bytes");
    }
    if (credit < 0 || credit > Announce.MAX_CREDIT) {
      throw new IllegalArgumentException("credit must be 0.." + Announce.MAX_CREDIT);
    }
  }

  /** The entry's last byte: credit in bits 7-3, RELAY bit 2, MARKED bit 1, bit 0 reserved. */
  int quality() {
    return credit << 3 | (relay ? 0x04 : 0) | (marked ? 0x02 : 0);
  }
}
