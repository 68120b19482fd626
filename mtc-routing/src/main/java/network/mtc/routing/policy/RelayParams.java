package network.mtc.routing.policy;

/**
 * The constants of the coverage rule (spec/routing-broadcast.md, section 3). Credits are in eighths of a
 * decade of miss probability: a neighbour at coverage 8 misses the message with probability about 0.1, at
 * 16 about 0.01.
 *
 * @param target coverage per neighbour that a node treats as enough
 * @param gainMin smallest gain (sum of credit a transmission would add) worth a transmission
 * @param floor a neighbour whose coverage is below this (and whose link counts) forces a transmission
 * @param repeatsMax repair transmissions allowed after the first
 * @param bucketMillis width W of one delay bucket; jitter is uniform in [0, W)
 * @param lingerMillis how long a message's state is kept after its last action, to absorb late copies
 * @param roleBuckets whether nodes in the RELAY role take the earlier half of the buckets
 * @since 0.1
 */
public record RelayParams(int target, int gainMin, int floor, int repeatsMax, int bucketMillis,
    int lingerMillis, boolean roleBuckets) {

  /** The parameter set chosen by the simulator sweep (spec/routing-broadcast.md, section 6). */
  public static final RelayParams DEFAULTS = new RelayParams(16, 12, 8, 2, 16, 160, true);

  /** Validates the ranges: coverage values fit a byte below {@link CoverageEngine#FULL}. */
  public RelayParams {
    if (target < 1 || target > 254) {
      throw new IllegalArgumentException("target must be 1..254");
    }
    if (gainMin < 1 || gainMin > 64 * 254) {
      throw new IllegalArgumentException("gainMin must be positive");
    }
    if (floor < 0 || floor > 254) {
      throw new IllegalArgumentException("floor must be 0..254");
    }
    if (repeatsMax < 0 || repeatsMax > 8) {
      throw new IllegalArgumentException("repeatsMax must be 0..8");
    }
    if (bucketMillis < 1 || bucketMillis > 10_000) {
      throw new IllegalArgumentException("bucketMillis must be 1..10000");
    }
    if (lingerMillis < 0 || lingerMillis > 600_000) {
      throw new IllegalArgumentException("lingerMillis must be 0..600000");
    }
  }
}
