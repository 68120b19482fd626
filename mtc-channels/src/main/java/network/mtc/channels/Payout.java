package network.mtc.channels;

/**
 * What a closed channel pays: each party's share of the channel's asset and the MTC gas each pays the
 * relaying station out of its gas pledge (the rest of the pledge returns to it).
 *
 * @param toA party A's share, in the channel's asset
 * @param toB party B's share
 * @param gasA MTC gas A pays the station
 * @param gasB MTC gas B pays the station
 * @since 0.1
 */
public record Payout(Amount toA, Amount toB, Amount gasA, Amount gasB) {
  /** The share of {@code p}. */
  public Amount to(Party p) {
    return p == Party.A ? toA : toB;
  }
}
