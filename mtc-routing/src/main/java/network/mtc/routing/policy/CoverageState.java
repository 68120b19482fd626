package network.mtc.routing.policy;

/**
 * The per-message state of {@link CoveragePolicy}: the coverage this node accounts to each neighbour slot
 * (0..254, or {@link CoveragePolicy#FULL}), the copies heard, and the hop limit to relay with. Pooled and
 * reused by the node; 64 bytes of coverage plus a few ints.
 *
 * @since 0.1
 */
public final class CoverageState {
  final byte[] cov = new byte[TwoHopView.MAX_NEIGHBOURS];
  int copies;
  int relayHopLimit;
  int bucketMillis;
  boolean bootstrap;

  /** Accounted coverage of the neighbour in {@code slot} (255 = FULL). */
  public int coverage(int slot) {
    return cov[slot] & 0xFF;
  }

  /** Copies of the message heard so far, the first included. */
  public int copies() {
    return copies;
  }

  /** True if the node knew too little of its neighbourhood and fell back to the counter rule. */
  public boolean bootstrap() {
    return bootstrap;
  }
}
