package network.mtc.routing.policy;

/**
 * The constants of the COVERAGE rule (spec/routing-broadcast.md, section 3). Coverage is counted in
 * credits, eighths of a decade of miss probability: a neighbour at coverage 8 misses the message with
 * probability about 0.1, at 16 about 0.01.
 *
 * @param target coverage per neighbour that a node treats as enough
 * @param gainMin smallest gain (credit a transmission would add, summed over neighbours) worth one
 * @param floor a neighbour whose accounted coverage is below this (and whose link counts) forces a
 *     transmission: no transmitter this node knows of reached it
 * @param repeatsMax repair transmissions allowed after the first
 * @param bucketMillis smallest width W of one delay bucket (W is at least twice the frame's airtime);
 *     the jitter is uniform in [0, W)
 * @param copiesSuppress a first transmission is also suppressed once this many copies were heard and
 *     no neighbour is below {@code floor} (the hidden-transmitter correction, section 4.3)
 * @param roleBuckets whether nodes in the RELAY role take the earlier half of the buckets
 * @param denseDegree from this many neighbours on, {@code floor} no longer applies to neighbours with
 *     hidden neighbours (in a dense neighbourhood they are almost surely covered by transmitters this
 *     node cannot hear); neighbours with no hidden neighbour keep the floor {@code target}
 * @since 0.1
 */
public record RelayParams(int target, int gainMin, int floor, int repeatsMax, int bucketMillis,
    int copiesSuppress, boolean roleBuckets, int denseDegree) {

  /** The parameter set chosen by the simulator sweep (spec/routing-broadcast.md, section 6). */
  public static final RelayParams DEFAULTS = new RelayParams(12, 24, 4, 2, 16, 2, true, 14);

  /** Validates the ranges: coverage values fit a byte below {@link CoveragePolicy#FULL}. */
  public RelayParams {
    if (target < 1 || target > 254) {
      throw new IllegalArgumentException("target must be 1..254");
    }
    if (gainMin < 1 || gainMin > 64 * 254) {
      throw new IllegalArgumentException("gainMin must be 1..16256");
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
    if (denseDegree < 1 || denseDegree > 65) {
      throw new IllegalArgumentException("denseDegree must be 1..65");
    }
    if (copiesSuppress < 1 || copiesSuppress > 255) {
      throw new IllegalArgumentException("copiesSuppress must be 1..255");
    }
  }
}
