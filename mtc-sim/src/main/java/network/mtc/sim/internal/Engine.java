package network.mtc.sim.internal;

import network.mtc.routing.link.LinkProfile;
import network.mtc.routing.runtime.RandomSource;
import network.mtc.routing.runtime.TimerHandler;
import network.mtc.sim.DeliverySink;
import network.mtc.sim.HostedNode;
import network.mtc.sim.NodeContext;
import network.mtc.sim.NodeFactory;
import network.mtc.sim.Progress;
import network.mtc.sim.SimConfig;
import network.mtc.sim.Topology;

/**
 * The discrete-event loop of one run: pops the earliest event, advances the clock, dispatches it (a
 * reception, a node's timer, a workload origination, churn, a mobility step), and folds it into the
 * trace hash. Single-threaded and free of the system clock and of the JDK's generators, so the same seed
 * gives the same events in the same order, hence the same {@code trace_hash} and the same metrics.
 *
 * <p>Random streams are independent and derived from the seed by SplitMix64, so enabling one feature
 * (churn, say) does not perturb the losses another run draws: channel, workload, churn, mobility, and
 * one per node ({@code seed ^ index}).
 */
public final class Engine implements DeliverySink {
  static final int EV_RX = 1;
  static final int EV_TIMER = 2;
  static final int EV_ORIGINATE = 3;
  static final int EV_DOWN = 4;
  static final int EV_UP = 5;
  static final int EV_MOVE = 6;
  static final int EV_END = 7;
  /** Mobility step: positions and links are recomputed every simulated second. */
  static final long MOVE_STEP_MICROS = 1_000_000;
  private static final int PROGRESS_MASK = (1 << 16) - 1;

  private final SimConfig cfg;
  private final NodeFactory factory;
  private final EventQueue queue;
  private final SimClock clock = new SimClock();
  private final Metrics metrics;
  private final Radio radio;
  private final int n;
  private final HostedNode[] nodes;
  private final SimScheduler[] schedulers;
  private final SimLink[] links;
  private final boolean[] up;
  private final int[] incarnation;
  private final RandomSource workloadRnd;
  private final RandomSource churnRnd;
  private final RandomSource mobilityRnd;
  private final byte[] payload;
  private double[] px;
  private double[] py;
  private double[] wx;
  private double[] wy;
  private long events;
  private long traceHash = 0xCBF2_9CE4_8422_2325L;
  private long loopNanos;
  private boolean done;

  /** Sets up a run on a connected topology; nothing happens before {@link #run}. */
  public Engine(SimConfig cfg, Topology topology, NodeFactory factory) {
    this.cfg = cfg;
    this.factory = factory;
    this.n = topology.size();
    long s = cfg.seed();
    queue = new EventQueue(4 * n + 1024);
    long covHorizon = cfg.drainMillis() > 0 ? cfg.drainMillis() : cfg.intervalMillis();
    metrics = new Metrics(n, cfg.messages(), covHorizon * 1000 / Metrics.COVERAGE_BINS);
    LinkProfile profile = new LinkProfile("sim", cfg.mtu(), cfg.bitrateBps(), 0, true, true);
    radio = new Radio(this, queue, clock, metrics, new RandomSource(mix(s, 1)), profile, cfg.loss(),
        cfg.collisions(), topology);
    workloadRnd = new RandomSource(mix(s, 2));
    churnRnd = new RandomSource(mix(s, 3));
    mobilityRnd = new RandomSource(mix(s, 4));
    nodes = new HostedNode[n];
    schedulers = new SimScheduler[n];
    links = new SimLink[n];
    up = new boolean[n];
    incarnation = new int[n];
    payload = new byte[cfg.payloadBytes()];
    if (cfg.partitionStartMillis() >= 0) {
      radio.partition((cfg.warmupMillis() + cfg.partitionStartMillis()) * 1000,
          (cfg.warmupMillis() + cfg.partitionEndMillis()) * 1000, topology.side() / 2);
    }
  }

  /** SplitMix64 of {@code seed + stream · golden ratio}: an independent stream per purpose. */
  public static long mix(long seed, long stream) {
    long z = seed + stream * 0x9E37_79B9_7F4A_7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
    return z ^ (z >>> 31);
  }

  /** Creates and starts every node at time 0 and queues the workload and dynamics. */
  public void setUp() {
    for (int i = 0; i < n; i++) {
      bringUp(i);
    }
    long warm = cfg.warmupMillis() * 1000;
    for (int m = 0; m < cfg.messages(); m++) {
      queue.push(warm + m * cfg.intervalMillis() * 1000, -1, EV_ORIGINATE, 0, m, null);
    }
    if (cfg.churnUpMillis() > 0) {
      for (int i = 0; i < n; i++) {
        queue.push(exp(cfg.churnUpMillis()), i, EV_DOWN, 0, 0, null);
      }
    }
    if (cfg.mobilityMetresPerSecond() > 0) {
      Topology t = radio.topology();
      px = new double[n];
      py = new double[n];
      wx = new double[n];
      wy = new double[n];
      for (int i = 0; i < n; i++) {
        px[i] = t.x(i);
        py[i] = t.y(i);
        wx[i] = mobilityRnd.nextDouble() * t.side();
        wy[i] = mobilityRnd.nextDouble() * t.side();
      }
      queue.push(MOVE_STEP_MICROS, -1, EV_MOVE, 0, 0, null);
    }
    queue.push(cfg.endMillis() * 1000, -1, EV_END, 0, 0, null);
  }

  /** Runs to the end time; returns the events processed. */
  public long run(Progress progress) {
    long endMillis = cfg.endMillis();
    long t0 = System.nanoTime();
    while (!done && queue.pop()) {
      long t = queue.time();
      clock.advanceTo(t);
      int node = queue.node();
      int kind = queue.kind();
      int aux = queue.aux();
      long arg = queue.arg();
      events++;
      long h = (traceHash ^ (t << 20 ^ (long) node << 4 ^ (kind & 0xFF))) * 0x100_0000_01B3L;
      traceHash = h ^ (h >>> 29);
      switch (kind & 0xFF) {
        case EV_RX -> radio.receive(node, (int) arg, aux);
        case EV_TIMER -> {
          SimScheduler sch = schedulers[node];
          if (sch != null && sch.incarnation() == (kind >>> 8)) {
            sch.fired();
            ((TimerHandler) queue.ref()).onTimer(aux, arg);
          }
        }
        case EV_ORIGINATE -> originate((int) arg);
        case EV_DOWN -> goDown(node);
        case EV_UP -> {
          bringUp(node);
          queue.push(t + exp(cfg.churnUpMillis()), node, EV_DOWN, 0, 0, null);
        }
        case EV_MOVE -> move();
        case EV_END -> done = true;
        default -> throw new IllegalStateException("unknown event kind " + kind);
      }
      if ((events & PROGRESS_MASK) == 0) {
        progress.update(t / 1000, endMillis, events);
      }
    }
    loopNanos += System.nanoTime() - t0;
    progress.update(endMillis, endMillis, events);
    return events;
  }

  /** Closes every node. */
  public void tearDown() {
    for (int i = 0; i < n; i++) {
      if (nodes[i] != null) {
        nodes[i].close();
      }
    }
  }

  private void bringUp(int i) {
    int inc = ++incarnation[i];
    if (inc > 0xFF_FFFF) {
      throw new IllegalStateException("node " + i + " churned more than 2^24 times");
    }
    SimScheduler sch = new SimScheduler(queue, clock, i, inc);
    SimLink link = new SimLink(radio, i, radio.profile());
    byte[] identity = new byte[32];
    RandomSource idRnd = new RandomSource(mix(cfg.seed() ^ 0x1D_E117, i));
    for (int k = 0; k < 32; k += 8) {
      long v = idRnd.nextLong();
      for (int b = 0; b < 8; b++) {
        identity[k + b] = (byte) (v >>> (8 * b));
      }
    }
    RandomSource nodeRnd = new RandomSource(mix(cfg.seed() ^ i, 0x5EED + inc));
    schedulers[i] = sch;
    links[i] = link;
    up[i] = true;
    HostedNode node = factory.create(new NodeContext(i, link, clock, sch, nodeRnd, identity, cfg.strategy(), this));
    nodes[i] = node;
    node.start();
  }

  private void goDown(int i) {
    if (!up[i]) {
      return;
    }
    up[i] = false;
    nodes[i].close();
    links[i].stop();
    nodes[i] = null;
    schedulers[i] = null;
    queue.push(clock.nowMicros() + exp(cfg.churnDownMillis()), i, EV_UP, 0, 0, null);
  }

  private long exp(long meanMillis) {
    double u = churnRnd.nextDouble();
    return Math.max(1, (long) (-Math.log1p(-u) * meanMillis * 1000));
  }

  private void originate(int m) {
    int src = -1;
    for (int attempt = 0; attempt < 64 && src < 0; attempt++) {
      int c = workloadRnd.nextInt(n);
      if (up[c]) {
        src = c;
      }
    }
    if (src < 0) {
      return; // (almost) every node is down: the message is not originated
    }
    metrics.beginOrigination(m, src, clock.nowMicros(), radio.topology().hopDistances(src));
    payload[0] = (byte) (m >>> 24);
    payload[1] = (byte) (m >>> 16);
    payload[2] = (byte) (m >>> 8);
    payload[3] = (byte) m;
    for (int k = 4; k < payload.length; k++) {
      payload[k] = (byte) (m * 31 + k);
    }
    int id = nodes[src].publish(payload.clone());
    metrics.endOrigination(nodes[src].address(), id);
  }

  private void move() {
    Topology t = radio.topology();
    double side = t.side();
    double step = cfg.mobilityMetresPerSecond() * MOVE_STEP_MICROS / 1e6;
    for (int i = 0; i < n; i++) {
      double dx = wx[i] - px[i];
      double dy = wy[i] - py[i];
      double d = Math.sqrt(dx * dx + dy * dy);
      if (d <= step) {
        px[i] = wx[i];
        py[i] = wy[i];
        wx[i] = mobilityRnd.nextDouble() * side;
        wy[i] = mobilityRnd.nextDouble() * side;
      } else {
        px[i] += dx / d * step;
        py[i] += dy / d * step;
      }
    }
    radio.topology(Topology.fromPoints(px, py, side, t.range()));
    queue.push(clock.nowMicros() + MOVE_STEP_MICROS, -1, EV_MOVE, 0, 0, null);
  }

  @Override
  public void delivered(int node, byte[] p, int off, int len) {
    if (len < 4) {
      return;
    }
    int m = (p[off] & 0xFF) << 24 | (p[off + 1] & 0xFF) << 16 | (p[off + 2] & 0xFF) << 8 | (p[off + 3] & 0xFF);
    metrics.onDeliver(m, node, clock.nowMicros());
  }

  void traceTransmission(int s, int dest, int len, long start) {
    long h = (traceHash ^ (start << 16 ^ (long) s << 3 ^ dest ^ (long) len << 40)) * 0x100_0000_01B3L;
    traceHash = h ^ (h >>> 29);
  }

  boolean isUp(int i) {
    return up[i];
  }

  SimLink link(int i) {
    return links[i];
  }

  /** The metrics gathered. */
  public Metrics metrics() {
    return metrics;
  }

  /** Events processed. */
  public long events() {
    return events;
  }

  /** Wall time spent in the event loop, ns. */
  public long loopNanos() {
    return loopNanos;
  }

  /** The 64-bit hash of every event and transmission, in order. */
  public long traceHash() {
    return traceHash;
  }

  /** The topology at the end of the run (it moves with mobility). */
  public Topology topology() {
    return radio.topology();
  }

  /** The first live node's own memory bound, or -1. */
  public long nodeMemoryBound() {
    for (HostedNode h : nodes) {
      if (h != null) {
        return h.memoryBoundBytes();
      }
    }
    return -1;
  }

  /** Simulated time now, ms. */
  public long nowMillis() {
    return clock.nowMillis();
  }
}
