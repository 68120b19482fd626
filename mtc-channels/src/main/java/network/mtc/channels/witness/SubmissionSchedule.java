package network.mtc.channels.witness;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import network.mtc.wire.NodeAddress;

/**
 * The stagger rule: when a witness sees a unilateral close at ledger time {@code closeSeenAt} whose
 * challenge period ends at {@code deadline}, it submits its state (if newer than the one on the ledger
 * by then) at
 * <pre>
 *   spread   = deadline - closeSeenAt - margin           (0 if negative)
 *   offset   = u64(SHA-256("mtc-witness-stagger-v1" || witness_address u64 || locator)[0..8)) mod (spread + 1)
 *   submitAt = closeSeenAt + offset
 * </pre>
 * Deterministic (anyone can recompute a witness's slot), different for each witness of a channel, and never
 * later than {@code deadline - margin}, so every witness submits in time; the {@code margin} covers the
 * ledger's inclusion delay. A witness that finds a state at least as new as its own already on the ledger
 * at {@code submitAt} does not submit: with k witnesses the first submission comes after about
 * spread / (k + 1) on average, and the rest stay silent.
 *
 * @since 0.1
 */
public final class SubmissionSchedule {
  private static final byte[] DOMAIN = "mtc-witness-stagger-v1".getBytes(StandardCharsets.US_ASCII);

  private SubmissionSchedule() {}

  /**
   * The ledger time at which {@code witness} submits for the channel with {@code locator}.
   *
   * @throws IllegalArgumentException if {@code deadline < closeSeenAt} or {@code margin < 0}
   */
  public static long submitAt(NodeAddress witness, byte[] locator, long closeSeenAt, long deadline, long margin) {
    if (deadline < closeSeenAt || margin < 0 || locator.length != Locator.LENGTH) {
      throw new IllegalArgumentException("need closeSeenAt <= deadline, margin >= 0 and a 16-byte locator");
    }
    long spread = Math.max(0, deadline - closeSeenAt - margin);
    MessageDigest sha = Locator.sha256();
    sha.update(DOMAIN);
    sha.update(ByteBuffer.allocate(8).putLong(witness.value()).array());
    long h = ByteBuffer.wrap(sha.digest(locator)).getLong();
    return closeSeenAt + Long.remainderUnsigned(h, spread + 1);
  }
}
