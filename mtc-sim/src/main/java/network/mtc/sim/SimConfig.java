package network.mtc.sim;

import network.mtc.routing.BroadcastStrategy;

/**
 * The parameters of one simulation run (docs/routing-design.md, section 4). Times are milliseconds of
 * simulated time. Build with {@link #builder()}; the defaults are the benchmark: 1,000 nodes in a
 * 1,000 m square with a 71 m range (mean degree about 15) at 10% loss per reception.
 *
 * @param nodes how many nodes, 1..{@value #MAX_NODES}
 * @param area side of the square, metres
 * @param range radio range, metres (unit disk)
 * @param loss probability that one reception is lost, independently of every other, in [0, 1)
 * @param messages workload messages K
 * @param seed the run's seed: graph, positions, losses, sources, node randomness and identities
 * @param strategy broadcast strategy every node runs
 * @param intervalMillis time between workload messages
 * @param warmupMillis simulated time before the first message, for announces to fill neighbour tables
 * @param drainMillis time after the last message before the run ends
 * @param payloadBytes workload payload size, at least 4 (the message index)
 * @param mtu link MTU: 244 (BLE 5 with data length extension) or up to 1,472 (UDP)
 * @param bitrateBps on-air bit rate, for airtime
 * @param collisions true to model overlapping receptions corrupting each other and half duplex radios
 * @param churnUpMillis mean up time of a node (exponential), 0 for no churn
 * @param churnDownMillis mean down time of a node (exponential)
 * @param mobilityMetresPerSecond random-waypoint speed, 0 for static nodes
 * @param partitionStartMillis start of a partition (a wall at x = area / 2), in workload time (after the
 *     warm-up), or -1 for none
 * @param partitionEndMillis when the partition heals, in workload time
 * @param maxGraphAttempts how many graphs to draw before giving up on a connected one
 * @param measureHeap true to measure the heap per node (two full garbage collections per run; benchmarks
 *     that repeat small runs turn it off)
 * @since 0.1
 */
public record SimConfig(int nodes, double area, double range, double loss, int messages, long seed,
    BroadcastStrategy strategy, long intervalMillis, long warmupMillis, long drainMillis, int payloadBytes,
    int mtu, long bitrateBps, boolean collisions, long churnUpMillis, long churnDownMillis,
    double mobilityMetresPerSecond, long partitionStartMillis, long partitionEndMillis, int maxGraphAttempts,
    boolean measureHeap) {

  /** Most nodes: the queue, CSR graph and per-node state are sized for a 4 GiB heap at 100,000. */
  public static final int MAX_NODES = 1_000_000;
  /** Most workload messages: per-message delivery bits and hop distances are kept for the metrics. */
  public static final int MAX_MESSAGES = 100_000;
  /** Longest simulated run: the event keys hold 6.4 days; a day is plenty. */
  public static final long MAX_RUN_MILLIS = 86_400_000L;

  /** Validates ranges. */
  public SimConfig {
    check(nodes >= 1 && nodes <= MAX_NODES, "nodes must be 1.." + MAX_NODES);
    check(area > 0 && area <= 1e7 && range > 0 && range <= 1e7, "area and range must be positive");
    check(loss >= 0 && loss < 1, "loss must be in [0, 1)");
    check(messages >= 0 && messages <= MAX_MESSAGES, "messages must be 0.." + MAX_MESSAGES);
    check(strategy != null, "strategy is required");
    check(intervalMillis > 0 && warmupMillis >= 0 && drainMillis >= 0, "interval must be positive, warm-up and drain not negative");
    check(payloadBytes >= 4 && payloadBytes <= 1024, "payload must be 4..1024 bytes");
    check(mtu >= 20 && mtu <= 1472, "mtu must be 20..1472");
    check(bitrateBps > 0, "bit rate must be positive");
    check(churnUpMillis >= 0 && churnDownMillis >= 0 && (churnUpMillis == 0) == (churnDownMillis == 0),
        "churn needs positive mean up and down times");
    check(mobilityMetresPerSecond >= 0 && mobilityMetresPerSecond <= 1000, "speed must be 0..1000 m/s");
    check(partitionStartMillis == -1 || (partitionStartMillis >= 0 && partitionEndMillis > partitionStartMillis),
        "partition needs 0 <= start < end");
    check(maxGraphAttempts >= 1, "at least one graph attempt");
    check(warmupMillis + (long) messages * intervalMillis + drainMillis <= MAX_RUN_MILLIS,
        "the run would last longer than a day of simulated time");
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  /** Simulated time at which the run ends. */
  public long endMillis() {
    return warmupMillis + (long) messages * intervalMillis + drainMillis;
  }

  /** A builder holding the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Collects parameters; every setter returns the builder. */
  public static final class Builder {
    private int nodes = 1000;
    private double area = 1000;
    private double range = 71;
    private double loss = 0.1;
    private int messages = 100;
    private long seed = 1;
    private BroadcastStrategy strategy = BroadcastStrategy.COVERAGE;
    private long intervalMillis = 2000;
    private long warmupMillis = 30_000;
    private long drainMillis = 10_000;
    private int payloadBytes = 32;
    private int mtu = 244;
    private long bitrateBps = 1_000_000;
    private boolean collisions;
    private long churnUpMillis;
    private long churnDownMillis;
    private double speed;
    private long partitionStart = -1;
    private long partitionEnd = -1;
    private int maxGraphAttempts = 100;
    private boolean measureHeap = true;

    Builder() {}

    public Builder nodes(int v) {
      nodes = v;
      return this;
    }

    public Builder area(double v) {
      area = v;
      return this;
    }

    public Builder range(double v) {
      range = v;
      return this;
    }

    public Builder loss(double v) {
      loss = v;
      return this;
    }

    public Builder messages(int v) {
      messages = v;
      return this;
    }

    public Builder seed(long v) {
      seed = v;
      return this;
    }

    public Builder strategy(BroadcastStrategy v) {
      strategy = v;
      return this;
    }

    public Builder intervalMillis(long v) {
      intervalMillis = v;
      return this;
    }

    public Builder warmupMillis(long v) {
      warmupMillis = v;
      return this;
    }

    public Builder drainMillis(long v) {
      drainMillis = v;
      return this;
    }

    public Builder payloadBytes(int v) {
      payloadBytes = v;
      return this;
    }

    public Builder mtu(int v) {
      mtu = v;
      return this;
    }

    public Builder bitrateBps(long v) {
      bitrateBps = v;
      return this;
    }

    public Builder collisions(boolean v) {
      collisions = v;
      return this;
    }

    public Builder churn(long upMillis, long downMillis) {
      churnUpMillis = upMillis;
      churnDownMillis = downMillis;
      return this;
    }

    public Builder mobility(double metresPerSecond) {
      speed = metresPerSecond;
      return this;
    }

    public Builder partition(long startMillis, long endMillis) {
      partitionStart = startMillis;
      partitionEnd = endMillis;
      return this;
    }

    public Builder maxGraphAttempts(int v) {
      maxGraphAttempts = v;
      return this;
    }

    public Builder measureHeap(boolean v) {
      measureHeap = v;
      return this;
    }

    /** The validated configuration. */
    public SimConfig build() {
      return new SimConfig(nodes, area, range, loss, messages, seed, strategy, intervalMillis, warmupMillis,
          drainMillis, payloadBytes, mtu, bitrateBps, collisions, churnUpMillis, churnDownMillis, speed,
          partitionStart, partitionEnd, maxGraphAttempts, measureHeap);
    }
  }
}
