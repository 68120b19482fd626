package network.mtc.wire.fragment;

import network.mtc.wire.frame.Frame;

/**
 * Memory bounds of a {@link Reassembler}. Memory in use is at most {@code maxPartialsTotal *
 * maxMessageLength} bytes plus fixed bookkeeping, whatever arrives. The defaults (spec/wire.md,
 * "Reassembly") hold 32 partial messages of up to 4096 bytes, 128 KiB in all, at most 4 per peer, and drop
 * a partial message 30 s after its last fragment arrived: a 4 KiB frame at the slowest BLE rate seen in
 * practice (about 1 kB/s on a busy 4.x link) takes about 4 s.
 *
 * @param maxMessageLength largest reassembled message, at most {@link Frame#MAX_LENGTH}
 * @param maxPartialsTotal partial messages held at once, over all peers
 * @param maxPartialsPerPeer partial messages held at once for one peer
 * @param timeoutMillis a partial message with no new fragment for this long is dropped
 * @since 0.1
 */
public record ReassemblyLimits(int maxMessageLength, int maxPartialsTotal, int maxPartialsPerPeer,
    long timeoutMillis) {

  /** The defaults of spec/wire.md. */
  public static final ReassemblyLimits DEFAULT = new ReassemblyLimits(Frame.MAX_LENGTH, 32, 4, 30_000);

  /** Validates the bounds. */
  public ReassemblyLimits {
    if (maxMessageLength < 2 || maxMessageLength > Frame.MAX_LENGTH) {
      throw new IllegalArgumentException("maxMessageLength must be 2.." + Frame.MAX_LENGTH);
    }
    if (maxPartialsTotal < 1 || maxPartialsTotal > 4096) {
      throw new IllegalArgumentException("maxPartialsTotal must be 1..4096");
    }
    if (maxPartialsPerPeer < 1 || maxPartialsPerPeer > maxPartialsTotal) {
      throw new IllegalArgumentException("maxPartialsPerPeer must be 1..maxPartialsTotal");
    }
    if (timeoutMillis < 1) {
      throw new IllegalArgumentException("timeoutMillis must be positive");
    }
  }
}
