package network.mtc.channels.journal;

/**
 * Whether the journal forces each record to the storage device before returning.
 *
 * @since 0.1
 */
public enum Durability {
  /**
   * Every append is followed by {@code FileChannel.force(false)} (fdatasync): a signature may leave the
   * node as soon as the append returns. The only mode that keeps the signing invariant across a power cut.
   */
  SYNC,
  /**
   * Appends reach the OS page cache only: survives a killed process, not a power cut. For benchmarks and
   * for tests that do not cut power.
   */
  NO_SYNC
}
