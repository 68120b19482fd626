package network.mtc.routing;

/**
 * Every tunable bound and constant of a node (spec/routing.md, "Limits and defaults"). Immutable; change
 * it through {@link #toBuilder()}. Two profiles exist: {@link #defaults()} for a phone and
 * {@link #simulation()} with smaller tables, so that 100,000 simulated nodes fit a 4 GiB heap.
 *
 * @param strategy how broadcast frames are relayed
 * @param maxHopLimit the receiver's cap on a frame's hop limit: a frame is treated as if it carried at
 *     most this many hops, whatever its header says (issue 5: the hop limit is capped by the receiver)
 * @param publishHopLimit the hop limit of frames this node originates
 * @param messageLifetimeSeconds {@code expires_at} of originated frames is now plus this
 * @param maxFutureSeconds a frame whose {@code expires_at} lies further ahead is dropped
 *     ({@link DropReason#TOO_FAR_FUTURE})
 * @param duplicateCacheCapacity messages remembered by the duplicate cache
 * @param duplicateRetentionMillis a duplicate-cache entry younger than this is never evicted; at least
 *     the message lifetime, so a message cannot come back and loop while it is alive
 * @param maxNeighbours the neighbour table's bound
 * @param maxPendingRelays relay states held at once (messages waiting for their relay timer)
 * @param keyCacheCapacity public keys remembered from verified announces
 * @param announceMinIntervalMillis Trickle's smallest announce interval (reset value)
 * @param announceMaxIntervalMillis Trickle's largest announce interval (after doubling)
 * @param announcesEnabled false to run without discovery (tests, or a simulator that installs tables)
 * @param simulationUnsignedAnnounces SIMULATION ONLY: announces carry an all-zero signature and receivers
 *     skip their verification, so 100,000-node runs do not spend hours in Ed25519. Every other announce
 *     rule still applies. Never set it on a real network: anyone could then announce any address.
 * @param counterThreshold COUNTER strategy: a pending relay is cancelled once this many copies (the first
 *     included) were heard
 * @param counterMaxDelayMillis COUNTER strategy: the relay delay is uniform in [0, this]
 * @param relayJitterMillis FLOOD and MANAGED: the relay delay is uniform in [0, this), so neighbours do
 *     not all transmit at the same instant
 * @param signBroadcasts sign every DATA frame this node originates (with a sequence number) and announce
 *     SIGNS_ALL, so that neighbours drop unsigned frames claiming this node as their source
 * @param routeTableCapacity unicast routes remembered (spec/routing-unicast.md section 3); the arrays are
 *     allocated at the first route learned
 * @param sourceTableCapacity sources whose token bucket and SEQ replay window are remembered
 *     (spec/routing-limits.md section 2)
 * @param sourceFramesPerSecond frames per second a source may have this node take (first copies), sustained
 * @param sourceBurst frames a source may have taken back to back
 * @since 0.1
 */
public record MeshConfig(
    BroadcastStrategy strategy,
    int maxHopLimit,
    int publishHopLimit,
    int messageLifetimeSeconds,
    long maxFutureSeconds,
    int duplicateCacheCapacity,
    long duplicateRetentionMillis,
    int maxNeighbours,
    int maxPendingRelays,
    int keyCacheCapacity,
    int announceMinIntervalMillis,
    int announceMaxIntervalMillis,
    boolean announcesEnabled,
    boolean simulationUnsignedAnnounces,
    int counterThreshold,
    int counterMaxDelayMillis,
    int relayJitterMillis,
    boolean signBroadcasts,
    int routeTableCapacity,
    int sourceTableCapacity,
    int sourceFramesPerSecond,
    int sourceBurst) {

  /** The neighbour table's largest bound: neighbour sets are 64-bit masks in the relay policies. */
  public static final int MAX_NEIGHBOURS = 64;

  /** Validates the ranges. */
  public MeshConfig {
    if (strategy == null) {
      throw new IllegalArgumentException("strategy is required");
    }
    check(maxHopLimit, 0, 255, "maxHopLimit");
    check(publishHopLimit, 0, 255, "publishHopLimit");
    check(messageLifetimeSeconds, 1, 7 * 86_400, "messageLifetimeSeconds");
    check(duplicateCacheCapacity, 1, 1 << 24, "duplicateCacheCapacity");
    check(maxNeighbours, 1, MAX_NEIGHBOURS, "maxNeighbours");
    check(maxPendingRelays, 1, 1 << 16, "maxPendingRelays");
    check(keyCacheCapacity, 1, 1 << 20, "keyCacheCapacity");
    check(announceMinIntervalMillis, 1000, 255_000, "announceMinIntervalMillis");
    check(announceMaxIntervalMillis, announceMinIntervalMillis, 255_000, "announceMaxIntervalMillis");
    check(counterThreshold, 1, 255, "counterThreshold");
    check(counterMaxDelayMillis, 0, 60_000, "counterMaxDelayMillis");
    check(relayJitterMillis, 0, 60_000, "relayJitterMillis");
    check(routeTableCapacity, 1, 1 << 16, "routeTableCapacity");
    check(sourceTableCapacity, 1, 1 << 16, "sourceTableCapacity");
    check(sourceFramesPerSecond, 1, 1_000_000, "sourceFramesPerSecond");
    check(sourceBurst, 1, 1_000_000, "sourceBurst");
    if (maxFutureSeconds < messageLifetimeSeconds) {
      throw new IllegalArgumentException("maxFutureSeconds must be at least the message lifetime");
    }
    if (duplicateRetentionMillis < 1000L * messageLifetimeSeconds) {
      throw new IllegalArgumentException("duplicate retention must cover the message lifetime");
    }
  }

  private static void check(long v, long lo, long hi, String name) {
    if (v < lo || v > hi) {
      throw new IllegalArgumentException(name + " must be " + lo + ".." + hi + ", got " + v);
    }
  }

  /** A phone or station: the bounds of spec/routing.md. */
  public static MeshConfig defaults() {
    return new MeshConfig(BroadcastStrategy.COVERAGE, 32, 32, 300, 7 * 86_400L, 4096, 300_000L,
        MAX_NEIGHBOURS, 64, 1024, 2_000, 64_000, true, false, 3, 100, 10, false, 256, 256, 4, 16);
  }

  /**
   * The simulator's profile: smaller duplicate cache, relay and key tables (about 10 KB per node), same
   * protocol constants. Announce signatures stay on; set {@link #simulationUnsignedAnnounces} for large runs.
   */
  public static MeshConfig simulation() {
    return defaults().toBuilder().duplicateCacheCapacity(256).maxPendingRelays(32).keyCacheCapacity(64)
        .routeTableCapacity(64).sourceTableCapacity(16).build();
  }

  /** A builder starting from this configuration. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Changes some fields of a {@link MeshConfig}; {@link #build()} validates. */
  public static final class Builder {
    private BroadcastStrategy strategy;
    private int maxHopLimit;
    private int publishHopLimit;
    private int messageLifetimeSeconds;
    private long maxFutureSeconds;
    private int duplicateCacheCapacity;
    private long duplicateRetentionMillis;
    private int maxNeighbours;
    private int maxPendingRelays;
    private int keyCacheCapacity;
    private int announceMinIntervalMillis;
    private int announceMaxIntervalMillis;
    private boolean announcesEnabled;
    private boolean simulationUnsignedAnnounces;
    private int counterThreshold;
    private int counterMaxDelayMillis;
    private int relayJitterMillis;
    private boolean signBroadcasts;
    private int routeTableCapacity;
    private int sourceTableCapacity;
    private int sourceFramesPerSecond;
    private int sourceBurst;

    Builder(MeshConfig c) {
      strategy = c.strategy;
      maxHopLimit = c.maxHopLimit;
      publishHopLimit = c.publishHopLimit;
      messageLifetimeSeconds = c.messageLifetimeSeconds;
      maxFutureSeconds = c.maxFutureSeconds;
      duplicateCacheCapacity = c.duplicateCacheCapacity;
      duplicateRetentionMillis = c.duplicateRetentionMillis;
      maxNeighbours = c.maxNeighbours;
      maxPendingRelays = c.maxPendingRelays;
      keyCacheCapacity = c.keyCacheCapacity;
      announceMinIntervalMillis = c.announceMinIntervalMillis;
      announceMaxIntervalMillis = c.announceMaxIntervalMillis;
      announcesEnabled = c.announcesEnabled;
      simulationUnsignedAnnounces = c.simulationUnsignedAnnounces;
      counterThreshold = c.counterThreshold;
      counterMaxDelayMillis = c.counterMaxDelayMillis;
      relayJitterMillis = c.relayJitterMillis;
      signBroadcasts = c.signBroadcasts;
      routeTableCapacity = c.routeTableCapacity;
      sourceTableCapacity = c.sourceTableCapacity;
      sourceFramesPerSecond = c.sourceFramesPerSecond;
      sourceBurst = c.sourceBurst;
    }

    /** See {@link MeshConfig#strategy()}. */
    public Builder strategy(BroadcastStrategy v) {
      strategy = v;
      return this;
    }

    /** See {@link MeshConfig#maxHopLimit()}. */
    public Builder maxHopLimit(int v) {
      maxHopLimit = v;
      return this;
    }

    /** See {@link MeshConfig#publishHopLimit()}. */
    public Builder publishHopLimit(int v) {
      publishHopLimit = v;
      return this;
    }

    /** See {@link MeshConfig#messageLifetimeSeconds()}. */
    public Builder messageLifetimeSeconds(int v) {
      messageLifetimeSeconds = v;
      return this;
    }

    /** See {@link MeshConfig#maxFutureSeconds()}. */
    public Builder maxFutureSeconds(long v) {
      maxFutureSeconds = v;
      return this;
    }

    /** See {@link MeshConfig#duplicateCacheCapacity()}. */
    public Builder duplicateCacheCapacity(int v) {
      duplicateCacheCapacity = v;
      return this;
    }

    /** See {@link MeshConfig#duplicateRetentionMillis()}. */
    public Builder duplicateRetentionMillis(long v) {
      duplicateRetentionMillis = v;
      return this;
    }

    /** See {@link MeshConfig#maxNeighbours()}. */
    public Builder maxNeighbours(int v) {
      maxNeighbours = v;
      return this;
    }

    /** See {@link MeshConfig#maxPendingRelays()}. */
    public Builder maxPendingRelays(int v) {
      maxPendingRelays = v;
      return this;
    }

    /** See {@link MeshConfig#keyCacheCapacity()}. */
    public Builder keyCacheCapacity(int v) {
      keyCacheCapacity = v;
      return this;
    }

    /** See {@link MeshConfig#announceMinIntervalMillis()}. */
    public Builder announceMinIntervalMillis(int v) {
      announceMinIntervalMillis = v;
      return this;
    }

    /** See {@link MeshConfig#announceMaxIntervalMillis()}. */
    public Builder announceMaxIntervalMillis(int v) {
      announceMaxIntervalMillis = v;
      return this;
    }

    /** See {@link MeshConfig#announcesEnabled()}. */
    public Builder announcesEnabled(boolean v) {
      announcesEnabled = v;
      return this;
    }

    /** See {@link MeshConfig#simulationUnsignedAnnounces()}: simulation only. */
    public Builder simulationUnsignedAnnounces(boolean v) {
      simulationUnsignedAnnounces = v;
      return this;
    }

    /** See {@link MeshConfig#counterThreshold()}. */
    public Builder counterThreshold(int v) {
      counterThreshold = v;
      return this;
    }

    /** See {@link MeshConfig#counterMaxDelayMillis()}. */
    public Builder counterMaxDelayMillis(int v) {
      counterMaxDelayMillis = v;
      return this;
    }

    /** See {@link MeshConfig#relayJitterMillis()}. */
    public Builder relayJitterMillis(int v) {
      relayJitterMillis = v;
      return this;
    }

    /** See {@link MeshConfig#sourceTableCapacity()}. */
    public Builder sourceTableCapacity(int v) {
      sourceTableCapacity = v;
      return this;
    }

    /** See {@link MeshConfig#sourceFramesPerSecond()}. */
    public Builder sourceFramesPerSecond(int v) {
      sourceFramesPerSecond = v;
      return this;
    }

    /** See {@link MeshConfig#sourceBurst()}. */
    public Builder sourceBurst(int v) {
      sourceBurst = v;
      return this;
    }

    /** See {@link MeshConfig#routeTableCapacity()}. */
    public Builder routeTableCapacity(int v) {
      routeTableCapacity = v;
      return this;
    }

    /** See {@link MeshConfig#signBroadcasts()}. */
    public Builder signBroadcasts(boolean v) {
      signBroadcasts = v;
      return this;
    }

    /** The configuration; throws IllegalArgumentException naming a field out of range. */
    public MeshConfig build() {
      return new MeshConfig(strategy, maxHopLimit, publishHopLimit, messageLifetimeSeconds,
          maxFutureSeconds, duplicateCacheCapacity, duplicateRetentionMillis, maxNeighbours,
          maxPendingRelays, keyCacheCapacity, announceMinIntervalMillis, announceMaxIntervalMillis,
          announcesEnabled, simulationUnsignedAnnounces, counterThreshold, counterMaxDelayMillis,
          relayJitterMillis, signBroadcasts, routeTableCapacity, sourceTableCapacity,
          sourceFramesPerSecond, sourceBurst);
    }
  }
}
