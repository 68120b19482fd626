package network.mtc.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.function.Consumer;
import network.mtc.routing.policy.CoverageEngine;
import network.mtc.routing.policy.Effect;
import network.mtc.routing.policy.RelayParams;
import network.mtc.routing.policy.Role;
import network.mtc.routing.policy.TwoHopView;
import network.mtc.routing.runtime.RandomSource;

/**
 * A minimal broadcast-only harness: runs the relay decisions on a {@link Topology} with independent loss
 * per reception, no collisions, one message at a time. It is the tuning rig of the coverage rule
 * (spec/routing-broadcast.md, section 6) until the full simulator hosts real nodes; it shares no code with
 * the engine except the engine itself. Usage (after test-compile):
 * {@code java -cp ... network.mtc.sim.BroadcastHarness <strategy> <degree 10|15|25> <seed> [messages]
 * [target gainMin floor repeats bucketMs roleBuckets]}.
 */
final class BroadcastHarness {
  enum Strategy { FLOOD, MANAGED, COUNTER, COVERAGE }

  /** Radio airtime of one frame (about 100 bytes on a 1 Mb/s PHY, with preamble and gaps). */
  static final long AIRTIME_MS = 2;
  /** Counter baseline: delay window and copies that suppress (the k = 3, 100 ms). */
  static final int COUNTER_WINDOW_MS = 100;
  static final int COUNTER_K = 3;
  /** Receiver hop cap, and the managed baseline's Bluetooth-Mesh TTL. */
  static final int HOP_CAP = 32;
  static final int MANAGED_TTL = 15;

  record Result(int nodes, double meanDegree, int cds, double delivery, double txPerMessage,
      double p50, double p99, int messages) {
    double ratioFlood() {
      return txPerMessage / nodes;
    }

    double ratioCds() {
      return txPerMessage / cds;
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT,
          "deg=%.1f cds=%d delivery=%.4f tx/msg=%.1f flood=%.3f cds_x=%.2f p50=%.0f p99=%.0f",
          meanDegree, cds, delivery, txPerMessage, ratioFlood(), ratioCds(), p50, p99);
    }
  }

  private record Ev(long at, long seq, int kind, int node, int a, int b) implements Comparable<Ev> {
    @Override
    public int compareTo(Ev o) {
      return at != o.at ? Long.compare(at, o.at) : Long.compare(seq, o.seq);
    }
  }

  private static final int RX = 0;
  private static final int TIMER = 1;

  private final Topology topo;
  private final double loss;
  private final Strategy strategy;
  private final RelayParams params;
  private final RandomSource channel;
  private final RandomSource[] jitter;
  private final TwoHopView[] views;
  private final CoverageEngine[] engines;
  private final PriorityQueue<Ev> queue = new PriorityQueue<>();
  private long seq;
  private long now;
  // per-message state
  private final long[] firstRx;
  private final int[] hopSeen;
  private final int[] counter;
  private final boolean[] counterArmed;
  private int messageId;
  private long currentSource = -1;
  private long transmissions;
  long repairs;

  BroadcastHarness(Topology topo, double loss, Strategy strategy, RelayParams params, long seed) {
    this.topo = topo;
    this.loss = loss;
    this.strategy = strategy;
    this.params = params;
    int n = topo.size();
    this.channel = new RandomSource(seed ^ 0x5DEECE66DL);
    this.jitter = new RandomSource[n];
    this.views = new TwoHopView[n];
    this.engines = new CoverageEngine[n];
    this.firstRx = new long[n];
    this.hopSeen = new int[n];
    this.counter = new int[n];
    this.counterArmed = new boolean[n];
    int credit = creditForLoss(loss);
    for (int v = 0; v < n; v++) {
      jitter[v] = new RandomSource(seed * 31 + v);
      TwoHopView view = new TwoHopView();
      int deg = Math.min(topo.degree(v), TwoHopView.MAX_NEIGHBOURS);
      for (int k = 0; k < deg; k++) {
        int x = topo.neighbour(v, k);
        view.put(x, credit, topo.degree(x), false);
      }
      for (int k = 0; k < deg; k++) {
        int x = topo.neighbour(v, k);
        int sx = view.slotOf(x);
        for (int j = 0; j < topo.degree(x); j++) {
          int w = topo.neighbour(x, j);
          int sw = view.slotOf(w);
          if (sw >= 0) {
            view.setHears(sx, sw, credit);
          }
        }
      }
      views[v] = view;
    }
    // Roles need the neighbours' MARKED flags: compute marking first, then announce it, then roles.
    boolean[] marked = new boolean[n];
    for (int v = 0; v < n; v++) {
      marked[v] = Role.compute(views[v], v).marked();
    }
    for (int v = 0; v < n; v++) {
      TwoHopView view = views[v];
      for (long m = view.presentMask(); m != 0; m &= m - 1) {
        int s = Long.numberOfTrailingZeros(m);
        int x = (int) view.address(s);
        view.put(x, view.creditOut(s), view.degree(s), marked[x]);
      }
      engines[v] = new CoverageEngine(params, view, jitter[v], 32);
      engines[v].role(Role.compute(view, v));
    }
  }

  /** c = min(24, floor(-8 log10 loss)), computed exactly for the usual decimal losses. */
  static int creditForLoss(double loss) {
    if (loss <= 0.001) {
      return TwoHopView.CREDIT_MAX;
    }
    return (int) Math.min(TwoHopView.CREDIT_MAX, Math.floor(-8 * Math.log10(loss) + 1e-9));
  }

  int relays() {
    int r = 0;
    for (CoverageEngine e : engines) {
      if (e.role() == Role.RELAY) {
        r++;
      }
    }
    return r;
  }

  Result run(int messages, long seed) {
    int n = topo.size();
    RandomSource pick = new RandomSource(seed ^ 0xC0FFEEL);
    long delivered = 0;
    List<Long> latencies = new ArrayList<>();
    for (int m = 0; m < messages; m++) {
      int src = pick.nextInt(n);
      messageId = m;
      currentSource = src;
      Arrays.fill(firstRx, -1);
      Arrays.fill(counter, 0);
      Arrays.fill(counterArmed, false);
      long start = now;
      firstRx[src] = start;
      switch (strategy) {
        case COVERAGE -> engines[src].onOriginate(now, src, m, HOP_CAP, effects(src));
        default -> transmit(src, strategy == Strategy.MANAGED ? MANAGED_TTL : HOP_CAP);
      }
      while (!queue.isEmpty()) {
        Ev e = queue.poll();
        now = e.at;
        if (e.kind == RX) {
          receive(e.node, e.a, e.b);
        } else {
          timer(e.node, e.a, e.b);
        }
      }
      for (int v = 0; v < n; v++) {
        if (v != src && firstRx[v] >= 0) {
          delivered++;
          latencies.add(firstRx[v] - start);
        }
      }
      now += 10_000;
    }
    long[] lat = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    double p50 = lat.length == 0 ? 0 : lat[(int) Math.min(lat.length - 1, Math.floor(0.50 * lat.length))];
    double p99 = lat.length == 0 ? 0 : lat[(int) Math.min(lat.length - 1, Math.floor(0.99 * lat.length))];
    int cds = DominatingSet.greedyConnected(topo).size();
    return new Result(n, topo.meanDegree(), cds, (double) delivered / ((long) messages * (n - 1)),
        (double) transmissions / messages, p50, p99, messages);
  }

  private Consumer<Effect> effects(int v) {
    return e -> {
      if (e instanceof Effect.Schedule s) {
        push(s.atMillis(), TIMER, v, s.slot(), s.generation());
      } else if (e instanceof Effect.Transmit t) {
        if (t.count() > 1) {
          repairs++;
        }
        transmit(v, t.hopLimit());
      }
    };
  }

  private void push(long at, int kind, int node, int a, int b) {
    queue.add(new Ev(at, seq++, kind, node, a, b));
  }

  private void transmit(int v, int hopLimit) {
    transmissions++;
    for (int k = 0; k < topo.degree(v); k++) {
      int w = topo.neighbour(v, k);
      if (channel.nextDouble() >= loss) {
        push(now + AIRTIME_MS, RX, w, v, hopLimit);
      }
    }
  }

  private void receive(int v, int from, int hopLimit) {
    boolean first = firstRx[v] < 0;
    int h = Math.min(hopLimit, HOP_CAP);
    switch (strategy) {
      case FLOOD -> {
        if (first) {
          firstRx[v] = now;
          transmit(v, HOP_CAP);
        }
      }
      case MANAGED -> {
        if (first) {
          firstRx[v] = now;
          if (h > 0) {
            transmit(v, h - 1);
          }
        }
      }
      case COUNTER -> {
        if (first) {
          firstRx[v] = now;
          counter[v] = 1;
          if (h > 0) {
            hopSeen[v] = h - 1;
            counterArmed[v] = true;
            push(now + jitter[v].nextInt(COUNTER_WINDOW_MS), TIMER, v, 0, 0);
          }
        } else {
          counter[v]++;
        }
      }
      case COVERAGE -> {
        if (first) {
          firstRx[v] = now;
          engines[v].onFirstCopy(now, currentSource, messageId, from, h, effects(v));
        } else {
          engines[v].onLaterCopy(now, currentSource, messageId, from, effects(v));
        }
      }
    }
  }

  private void timer(int v, int a, int b) {
    if (strategy == Strategy.COUNTER) {
      if (counterArmed[v] && counter[v] < COUNTER_K) {
        transmit(v, hopSeen[v]);
      }
      counterArmed[v] = false;
      return;
    }
    engines[v].onTimer(now, a, b, effects(v));
  }

  static Result measure(Strategy s, int degree, long seed, int messages, RelayParams p, double loss) {
    double range = switch (degree) {
      case 10 -> 58;
      case 15 -> 71;
      case 25 -> 92;
      default -> throw new IllegalArgumentException("degree 10, 15 or 25");
    };
    Topology t = Topology.connectedUniformSquare(1000, 1000, range, seed, 1000);
    BroadcastHarness h = new BroadcastHarness(t, loss, s, p, seed);
    Result r = h.run(messages, seed);
    if (Boolean.getBoolean("mtc.diag")) {
      System.out.println("repairs/msg=" + (double) h.repairs / messages + " relays=" + h.relays());
    }
    return r;
  }

  public static void main(String[] args) {
    Strategy s = Strategy.valueOf(args[0].toUpperCase(Locale.ROOT));
    int degree = Integer.parseInt(args[1]);
    long seed = Long.parseLong(args[2]);
    int messages = args.length > 3 ? Integer.parseInt(args[3]) : 100;
    RelayParams p = RelayParams.DEFAULTS;
    if (args.length > 4) {
      p = new RelayParams(Integer.parseInt(args[4]), Integer.parseInt(args[5]), Integer.parseInt(args[6]),
          Integer.parseInt(args[7]), Integer.parseInt(args[8]), 160, Boolean.parseBoolean(args[9]));
    }
    System.out.println(s + " " + measure(s, degree, seed, messages, p, 0.1));
  }
}
