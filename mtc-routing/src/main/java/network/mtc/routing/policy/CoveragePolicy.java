package network.mtc.routing.policy;

import network.mtc.routing.DropReason;

/**
 * COVERAGE, coverage-accounted relaying with implicit acknowledgements (spec/routing-broadcast.md).
 *
 * <p>For each message in flight the node accounts {@code cov[x]}, the credit it can vouch for at each
 * neighbour {@code x}: a copy overheard from a known transmitter {@code T} makes {@code T} {@link #FULL}
 * (an implicit acknowledgement) and adds c(T, x) to every neighbour {@code x} that announced hearing
 * {@code T}; its own transmission adds c(v, x) to every neighbour. From this it derives
 * <pre>
 *   gain     = Σ over x with cov[x] != FULL of min(max(0, target - cov[x]), c(v, x))
 *   needy    = #{x : cov[x] != FULL, c(v, x) >= 2, cov[x] < floor(x)}
 *   floor(x) = target if x is complete (no hidden neighbour), else (v has denseDegree+ ? 0 : floor)
 * </pre>
 * On the first copy it drops ({@code COVERED}) if {@code gain < gainMin} and nobody is needy, else waits
 * a delay bucket that puts the node adding most coverage, and backbone (RELAY) nodes, first. When the
 * timer fires it transmits unless {@code (gain < gainMin or copies >= copiesSuppress) and needy == 0}
 * (the copy count stands for transmitters this node cannot hear), and repairs (at most {@code
 * repeatsMax} times, after every first transmission) while the rule still
 * holds. All arithmetic is on announced integers, so two implementations agree exactly; only the jitter
 * inside a bucket is free.
 *
 * @since 0.1
 */
public final class CoveragePolicy implements RelayPolicy<CoverageState> {
  /** Coverage of a neighbour known to hold the message: the source, or a node heard transmitting it. */
  public static final int FULL = 255;
  /** Largest accounted coverage below {@link #FULL}. */
  public static final int COVERAGE_MAX = 254;
  /** Copies that suppress a bootstrap relay (the counter rule, for a node that knows no neighbourhood). */
  public static final int BOOTSTRAP_COPIES = 3;
  /** Delay bucket of the bootstrap relay: after every node that can account for its neighbours. */
  public static final int BOOTSTRAP_BUCKET = 7;
  /** Delay bucket of the first repair (the n-th repair waits bucket 8 + n - 1): after first relays. */
  public static final int REPAIR_BUCKET = 8;
  /** Roles are recomputed at most this often (they are announced, and announces are slower still). */
  public static final long ROLE_PERIOD_MILLIS = 1000;

  private final RelayContext ctx;
  private final RelayParams params;
  private final TwoHopView view = new TwoHopView();
  private Role role = Role.PLAIN;
  private long roleAt = Long.MIN_VALUE;
  /** The view's {@link TwoHopView#shapeVersion} the role was computed from (the role reads nothing else). */
  private long roleShape;

  /** The policy of the node described by {@code ctx}, with {@code params}. */
  public CoveragePolicy(RelayContext ctx, RelayParams params) {
    this.ctx = ctx;
    this.params = params;
  }

  /** A factory of this policy with {@code params}. */
  public static RelayPolicy.Factory factory(RelayParams params) {
    return ctx -> new CoveragePolicy(ctx, params);
  }

  @Override
  public CoverageState newState() {
    return new CoverageState();
  }

  @Override
  public RelayDecision onFirstCopy(CoverageState s, Reception rx) {
    view.load(ctx.neighbours());
    refreshRole();
    java.util.Arrays.fill(s.cov, (byte) 0);
    s.copies = 1;
    s.bootstrap = false;
    s.bucketMillis = bucketWidth(rx.frameLength());
    if (rx.hopLimit() == 0) {
      return RelayDecision.drop(DropReason.HOP_LIMIT);
    }
    s.relayHopLimit = rx.hopLimit() - 1;
    int t = transmitter(rx);
    if (t < 0 && view.size() < 2) {
      s.bootstrap = true;
      return delay(s, BOOTSTRAP_BUCKET);
    }
    credit(s, t);
    int src = view.slotOf(rx.source());
    if (src >= 0) {
      s.cov[src] = (byte) FULL;
    }
    int gain = gain(s);
    if (gain < params.gainMin() && needy(s) == 0) {
      return RelayDecision.drop(DropReason.COVERED);
    }
    return delay(s, firstBucket(gain));
  }

  @Override
  public RelayDecision onDuplicate(CoverageState s, Reception rx) {
    s.copies++;
    if (!s.bootstrap) {
      view.load(ctx.neighbours());
      credit(s, transmitter(rx));
    }
    return RelayDecision.KEEP;
  }

  @Override
  public RelayDecision onTimer(CoverageState s, int transmissions) {
    if (s.bootstrap) {
      if (transmissions > 0) {
        return RelayDecision.DONE;
      }
      return s.copies >= BOOTSTRAP_COPIES ? RelayDecision.cancel(DropReason.SUPPRESSED)
          : RelayDecision.transmit(s.relayHopLimit);
    }
    view.load(ctx.neighbours());
    if (!wantsTransmission(s, transmissions)) {
      return transmissions == 0 ? RelayDecision.cancel(DropReason.SUPPRESSED) : RelayDecision.DONE;
    }
    return transmitNow(s, transmissions, s.relayHopLimit);
  }

  @Override
  public RelayDecision onOriginate(CoverageState s, Reception rx) {
    view.load(ctx.neighbours());
    java.util.Arrays.fill(s.cov, (byte) 0);
    s.copies = 0;
    s.bootstrap = false;
    s.bucketMillis = bucketWidth(rx.frameLength());
    s.relayHopLimit = rx.hopLimit();
    return transmitNow(s, 0, rx.hopLimit());
  }

  @Override
  public int announceFlags() {
    refreshRole();
    return role == Role.RELAY ? NeighbourView.FLAG_RELAY | NeighbourView.FLAG_MARKED
        : role == Role.MARKED ? NeighbourView.FLAG_MARKED : 0;
  }

  /** The role in use (recomputed from the neighbour table at most once a second). */
  public Role role() {
    refreshRole();
    return role;
  }

  /** The gain of {@code s} now (the vectors report it after every step). */
  public int gain(CoverageState s) {
    int g = 0;
    int target = params.target();
    for (long m = view.presentMask(); m != 0; m &= m - 1) {
      int x = Long.numberOfTrailingZeros(m);
      int cx = s.cov[x] & 0xFF;
      if (cx != FULL) {
        g += Math.min(Math.max(0, target - cx), view.creditOut(x));
      }
    }
    return g;
  }

  /**
   * The needy count of {@code s} now: neighbours (whose link counts) below their floor. A {@linkplain
   * TwoHopView#complete complete} neighbour has no hidden transmitter, so its floor is {@code target}; any
   * other has {@code floor}, or none when this node has {@code denseDegree} neighbours or more.
   */
  public int needy(CoverageState s) {
    int n = 0;
    int open = view.size() >= params.denseDegree() ? 0 : params.floor();
    for (long m = view.presentMask(); m != 0; m &= m - 1) {
      int x = Long.numberOfTrailingZeros(m);
      int cx = s.cov[x] & 0xFF;
      if (cx == FULL || view.creditOut(x) < TwoHopView.CREDIT_COUNTS) {
        continue;
      }
      if (cx < (view.complete(x) ? params.target() : open)) {
        n++;
      }
    }
    return n;
  }

  /** The delay bucket of a first copy with this gain, given the node's role. */
  public int firstBucket(int gain) {
    int e = gain / 8;
    int b = e >= 12 ? 0 : e >= 6 ? 1 : e >= 3 ? 2 : 3;
    return params.roleBuckets() && role != Role.RELAY ? b + 4 : b;
  }

  private boolean wantsTransmission(CoverageState s, int transmissions) {
    if (needy(s) > 0) {
      return true;
    }
    if (transmissions == 0 && s.copies >= params.copiesSuppress()) {
      return false;
    }
    return gain(s) >= params.gainMin();
  }

  private RelayDecision transmitNow(CoverageState s, int transmissions, int hopLimit) {
    for (long m = view.presentMask(); m != 0; m &= m - 1) {
      int x = Long.numberOfTrailingZeros(m);
      int cx = s.cov[x] & 0xFF;
      if (cx != FULL) {
        s.cov[x] = (byte) Math.min(COVERAGE_MAX, cx + view.creditOut(x));
      }
    }
    int sent = transmissions + 1;
    if (sent <= params.repeatsMax() && (gain(s) >= params.gainMin() || needy(s) > 0)) {
      return new RelayDecision.Transmit(hopLimit, delayMillis(s, REPAIR_BUCKET + sent - 1));
    }
    return RelayDecision.transmit(hopLimit);
  }

  private void credit(CoverageState s, int t) {
    if (t < 0) {
      return;
    }
    s.cov[t] = (byte) FULL;
    long bit = 1L << t;
    for (long m = view.presentMask(); m != 0; m &= m - 1) {
      int x = Long.numberOfTrailingZeros(m);
      if ((view.hears(x) & bit) != 0) {
        int cx = s.cov[x] & 0xFF;
        if (cx != FULL) {
          s.cov[x] = (byte) Math.min(COVERAGE_MAX, cx + view.creditIn(x, t));
        }
      }
    }
  }

  private int transmitter(Reception rx) {
    int t = rx.transmitterSlot();
    return t >= 0 && t < TwoHopView.MAX_NEIGHBOURS && (view.presentMask() >>> t & 1) != 0 ? t : -1;
  }

  private RelayDecision delay(CoverageState s, int bucket) {
    return RelayDecision.schedule(delayMillis(s, bucket));
  }

  private long delayMillis(CoverageState s, int bucket) {
    return (long) bucket * s.bucketMillis + ctx.random().nextInt(s.bucketMillis);
  }

  /** W = max(bucketMillis, twice the frame's airtime), so a bucket's first relay is heard in time. */
  private int bucketWidth(int frameBytes) {
    long airMicros = ctx.airtimeMicros(Math.max(1, frameBytes));
    long w = Math.max(params.bucketMillis(), (2 * airMicros + 999) / 1000);
    return (int) Math.min(10_000, w);
  }

  private void refreshRole() {
    long now = ctx.nowMillis();
    if (roleAt != Long.MIN_VALUE && now - roleAt < ROLE_PERIOD_MILLIS) {
      return;
    }
    view.load(ctx.neighbours());
    if (roleAt == Long.MIN_VALUE || view.shapeVersion() != roleShape) {
      role = Role.compute(view, ctx.self());
      roleShape = view.shapeVersion();
    }
    roleAt = now;
  }
}
