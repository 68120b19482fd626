package network.mtc.channels.rewards;

import java.math.BigInteger;
import network.mtc.wire.NodeAddress;

/**
 * What one participant did in one period, as measured (and attested) by the layers below.
 *
 * @param participant the node
 * @param tokenSeconds integral of the participant's balance over the period, in smallest units x seconds
 * @param holdingAgeSeconds how long the balance has been held without decreasing, at the period's end
 * @param nodeSeconds time shared as a mesh node during the period
 * @param relayed channel transactions relayed (receipted by their parties)
 * @param iotReports IoT reports delivered to their destination
 * @param storageByteSeconds integral of the storage offered over the period, in bytes x seconds
 * @param bandwidthBytes bytes carried for other nodes
 * @since 0.1
 */
public record Contribution(NodeAddress participant, BigInteger tokenSeconds, long holdingAgeSeconds,
    long nodeSeconds, long relayed, long iotReports, BigInteger storageByteSeconds, long bandwidthBytes) {
  /** Refuses negative measures. */
  public Contribution {
    if (tokenSeconds.signum() < 0 || storageByteSeconds.signum() < 0 || holdingAgeSeconds < 0
        || nodeSeconds < 0 || relayed < 0 || iotReports < 0 || bandwidthBytes < 0) {
      throw new IllegalArgumentException("contributions are non-negative");
    }
  }
}
