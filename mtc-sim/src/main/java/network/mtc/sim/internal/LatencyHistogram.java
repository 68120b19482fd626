package network.mtc.sim.internal;

/**
 * A log-linear histogram of non-negative values (latencies in µs): exact below 128, then 64 sub-buckets
 * per power of two, so a quantile is within 1.6% of the true value; fixed size (about 3,600 counters),
 * recording allocates nothing. The idea of HdrHistogram, in 40 lines.
 */
final class LatencyHistogram {
  private static final int SUB_BITS = 6;
  private static final int SUB = 1 << SUB_BITS;
  private final long[] counts = new long[(64 - SUB_BITS) * SUB + 2 * SUB];
  private long total;
  private long max;

  /** Records one value (negative values count as 0). */
  public void record(long v) {
    long x = Math.max(0, v);
    counts[index(x)]++;
    total++;
    max = Math.max(max, x);
  }

  /** Number of values recorded. */
  public long count() {
    return total;
  }

  /** Largest value recorded. */
  public long max() {
    return max;
  }

  /**
   * The value at quantile {@code q} in [0, 1]: the upper edge of the bucket holding the ceil(q·count)-th
   * smallest value (clamped to the maximum), or 0 if empty.
   */
  public long quantile(double q) {
    if (total == 0) {
      return 0;
    }
    long rank = Math.max(1, (long) Math.ceil(q * total));
    long seen = 0;
    for (int i = 0; i < counts.length; i++) {
      seen += counts[i];
      if (seen >= rank) {
        return Math.min(max, upper(i));
      }
    }
    return max;
  }

  static int index(long x) {
    if (x < 2 * SUB) {
      return (int) x;
    }
    int exp = 63 - Long.numberOfLeadingZeros(x) - SUB_BITS; // >= 1
    return (exp + 1) * SUB + (int) ((x >>> exp) - SUB);
  }

  static long upper(int i) {
    if (i < 2 * SUB) {
      return i;
    }
    int exp = i / SUB - 1;
    long base = (long) (i % SUB + SUB) << exp;
    return base + (1L << exp) - 1;
  }
}
