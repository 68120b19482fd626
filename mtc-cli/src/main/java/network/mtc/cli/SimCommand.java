package network.mtc.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import network.mtc.routing.BroadcastStrategy;
import network.mtc.routing.MeshConfig;
import network.mtc.sim.HtmlReport;
import network.mtc.sim.MeshNodeFactory;
import network.mtc.sim.Progress;
import network.mtc.sim.SimConfig;
import network.mtc.sim.SimResult;
import network.mtc.sim.Simulation;

/**
 * {@code mtc sim ...}: runs the deterministic simulator with the production node code and prints the
 * figures (a summary, or one JSON object with {@code --json}); {@code --report} also writes an HTML page.
 */
final class SimCommand {
  static final String HELP = String.join("\n",
      "usage: mtc sim [options]",
      "  --nodes N            nodes (default 1000)",
      "  --area M             side of the square, metres (default 1000)",
      "  --range R            radio range, metres (default 71: mean degree ~15 at the defaults)",
      "  --loss P             loss per reception, 0 <= P < 1 (default 0.1)",
      "  --messages K         workload messages from uniformly random sources (default 100)",
      "  --seed S             seed of everything (default 1)",
      "  --strategy S         flood | managed | counter | mtc (default mtc)",
      "  --interval SECONDS   between messages (default 2)",
      "  --warmup SECONDS     before the first message, for announces (default 30)",
      "  --drain SECONDS      after the last message (default 10)",
      "  --payload BYTES      workload payload (default 32)",
      "  --mtu BYTES          link MTU, 20..1472 (default 244, BLE-like; 1472 for Wi-Fi/UDP)",
      "  --bitrate BPS        on-air bit rate (default 1000000)",
      "  --hop-limit H|auto   publish hop limit and receivers' cap (default auto: 32, more on large areas)",
      "  --signed-announces   sign and verify announces (default off in simulation: Ed25519 dominates the run)",
      "  --collisions         overlapping receptions corrupt each other; half duplex (default off)",
      "  --grid               nodes on a square lattice instead of uniformly at random",
      "  --churn UP:DOWN      nodes go down and up, mean seconds up and down (exponential)",
      "  --mobility SPEED     random-waypoint mobility, metres per second",
      "  --partition T1:T2    a wall at x = area/2 cuts links from T1 to T2 s after the warm-up",
      "  --json               print one JSON object",
      "  --report FILE.html   write a self-contained HTML report with plots",
      "  --quiet              no progress bar");

  private SimCommand() {}

  static int run(Args a, PrintStream out, PrintStream err) {
    SimConfig.Builder b = SimConfig.builder();
    boolean json = false;
    boolean quiet = false;
    boolean signed = false;
    boolean grid = false;
    String report = null;
    String hopLimit = "auto";
    double area = 1000;
    double range = 71;
    while (a.hasNext()) {
      String opt = a.next("option");
      switch (opt) {
        case "--nodes" -> b.nodes(intArg(a, opt, 1, SimConfig.MAX_NODES));
        case "--area" -> b.area(area = doubleArg(a, opt, 1e-3, 1e7));
        case "--range" -> b.range(range = doubleArg(a, opt, 1e-3, 1e7));
        case "--loss" -> b.loss(doubleArg(a, opt, 0, 0.999_999));
        case "--messages" -> b.messages(intArg(a, opt, 0, SimConfig.MAX_MESSAGES));
        case "--seed" -> b.seed(longArg(a, opt));
        case "--strategy" -> b.strategy(strategy(a.next("--strategy flood|managed|counter|mtc")));
        case "--interval" -> b.intervalMillis(millis(a, opt, 0.001));
        case "--warmup" -> b.warmupMillis(millis(a, opt, 0));
        case "--drain" -> b.drainMillis(millis(a, opt, 0));
        case "--payload" -> b.payloadBytes(intArg(a, opt, 4, 1024));
        case "--mtu" -> b.mtu(intArg(a, opt, 20, 1472));
        case "--bitrate" -> b.bitrateBps(intArg(a, opt, 1, Integer.MAX_VALUE));
        case "--hop-limit" -> hopLimit = a.next("--hop-limit H|auto");
        case "--signed-announces" -> signed = true;
        case "--collisions" -> b.collisions(true);
        case "--grid" -> grid = true;
        case "--churn" -> {
          long[] p = pair(a, opt);
          if (p[0] <= 0 || p[1] <= 0) {
            throw new UsageException("--churn: mean up and down times must be positive");
          }
          b.churn(p[0], p[1]);
        }
        case "--mobility" -> b.mobility(doubleArg(a, opt, 0, 1000));
        case "--partition" -> {
          long[] p = pair(a, opt);
          if (p[1] <= p[0]) {
            throw new UsageException("--partition: T2 must be after T1");
          }
          b.partition(p[0], p[1]);
        }
        case "--json" -> json = true;
        case "--report" -> report = a.next("--report FILE.html");
        case "--quiet" -> quiet = true;
        case "--help", "-h" -> {
          out.println(HELP);
          return 0;
        }
        default -> throw new UsageException("unknown sim option '" + opt + "' (see mtc sim --help)");
      }
    }
    SimConfig cfg;
    try {
      cfg = b.build();
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    int hops = hopLimit(hopLimit, area, range);
    MeshConfig node = MeshConfig.simulation().toBuilder().maxHopLimit(hops).publishHopLimit(hops)
        .simulationUnsignedAnnounces(!signed).build();
    Progress progress = quiet ? Progress.NONE : new ProgressBar(err);
    SimResult r;
    try {
      r = grid
          ? Simulation.run(cfg, network.mtc.sim.Topology.grid(cfg.nodes(), area, range).inHilbertOrder(),
              new MeshNodeFactory(node, null), progress)
          : Simulation.run(cfg, new MeshNodeFactory(node, null), progress);
    } catch (IllegalStateException e) {
      throw new Rejected(e.getMessage());
    } catch (UnsupportedOperationException e) {
      throw new Rejected("strategy " + SimResult.strategyName(cfg) + " is not available in this build: "
          + e.getMessage());
    } finally {
      if (progress instanceof ProgressBar p) {
        p.finish();
      }
    }
    if (report != null) {
      try {
        Files.writeString(Path.of(report), HtmlReport.render(r), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new Rejected("cannot write " + report + ": " + e.getMessage());
      }
    }
    out.println(json ? r.toJson() : summary(r));
    return 0;
  }

  /**
   * The hop limit: a number, or {@code auto}: 1.5 times the hops a straight line across the square's
   * diagonal takes, at least 32 (the phone default) and at most 255 (the field's range).
   */
  static int hopLimit(String arg, double area, double range) {
    if (arg.equals("auto")) {
      double hops = 1.5 * area * Math.sqrt(2) / range;
      return (int) Math.max(32, Math.min(255, Math.ceil(hops)));
    }
    try {
      int h = Integer.parseInt(arg);
      if (h >= 1 && h <= 255) {
        return h;
      }
    } catch (NumberFormatException e) {
      // fall through
    }
    throw new UsageException("--hop-limit: 1..255 or auto, not '" + arg + "'");
  }

  static String summary(SimResult r) {
    return String.format(Locale.ROOT, String.join("%n",
        "strategy %s: %d nodes, mean degree %.1f, loss %.3f, %d messages (graph attempts %d)",
        "delivery        %.4f%% of (message, node) pairs",
        "transmissions   %.1f per message (%d data, %d control); %.3f of flooding, %.2fx the CDS bound (%d)",
        "latency         p50 %.1f ms, p99 %.1f ms, max %.1f ms",
        "collisions      %d receptions corrupted",
        "simulator       %d events, %.0f events/s, %d ms wall, heap %d B/node, trace %016x"),
        SimResult.strategyName(r.config()), r.nodes(), r.meanDegree(), r.config().loss(), r.messagesOriginated(),
        r.graphAttempts(), 100 * r.deliveryRatio(), r.transmissionsPerMessage(), r.transmissions(),
        r.controlTransmissions(), r.ratioToFlood(), r.ratioToCds(), r.cdsBound(), r.latencyP50Ms(),
        r.latencyP99Ms(), r.latencyMaxMs(), r.collisions(), r.events(), r.eventsPerSecond(), r.wallMs(),
        r.heapPerNodeBytes(), r.traceHash());
  }

  static BroadcastStrategy strategy(String s) {
    return switch (s) {
      case "flood" -> BroadcastStrategy.FLOOD;
      case "managed" -> BroadcastStrategy.MANAGED;
      case "counter" -> BroadcastStrategy.COUNTER;
      case "mtc" -> BroadcastStrategy.COVERAGE;
      default -> throw new UsageException("--strategy: flood, managed, counter or mtc, not '" + s + "'");
    };
  }

  static int intArg(Args a, String opt, long lo, long hi) {
    long v = longArg(a, opt);
    if (v < lo || v > hi) {
      throw new UsageException(opt + ": must be " + lo + ".." + hi + ", not " + v);
    }
    return (int) v;
  }

  static long longArg(Args a, String opt) {
    String s = a.next(opt + " value");
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw new UsageException(opt + ": not an integer: '" + s + "'");
    }
  }

  static double doubleArg(Args a, String opt, double lo, double hi) {
    String s = a.next(opt + " value");
    double v;
    try {
      v = Double.parseDouble(s);
    } catch (NumberFormatException e) {
      throw new UsageException(opt + ": not a number: '" + s + "'");
    }
    if (!(v >= lo && v <= hi)) {
      throw new UsageException(opt + ": must be in [" + lo + ", " + hi + "], not '" + s + "'");
    }
    return v;
  }

  private static long millis(Args a, String opt, double min) {
    return Math.round(1000 * doubleArg(a, opt, min, 86_400));
  }

  /** {@code A:B} in seconds, as milliseconds. */
  private static long[] pair(Args a, String opt) {
    String s = a.next(opt + " A:B");
    int c = s.indexOf(':');
    try {
      if (c > 0) {
        double x = Double.parseDouble(s.substring(0, c));
        double y = Double.parseDouble(s.substring(c + 1));
        if (x >= 0 && y >= 0 && x <= 86_400 && y <= 86_400) {
          return new long[] {Math.round(x * 1000), Math.round(y * 1000)};
        }
      }
    } catch (NumberFormatException e) {
      // fall through
    }
    throw new UsageException(opt + ": expected SECONDS:SECONDS, not '" + s + "'");
  }

  /**
   * A progress bar on stderr, redrawn at most four times a second, shown only when stderr is a console
   * or once the run has taken over 2 s (short runs and scripts stay silent).
   */
  static final class ProgressBar implements Progress {
    private final PrintStream err;
    private final long start = System.nanoTime();
    private final boolean console = System.console() != null;
    private long lastDraw;
    private boolean drawn;

    ProgressBar(PrintStream err) {
      this.err = err;
    }

    @Override
    public void update(long simMillis, long endMillis, long events) {
      long now = System.nanoTime();
      if ((!console && now - start < 2_000_000_000L) || now - lastDraw < 250_000_000L) {
        return;
      }
      lastDraw = now;
      drawn = true;
      double f = endMillis == 0 ? 1 : Math.min(1, (double) simMillis / endMillis);
      int w = 30;
      int full = (int) Math.round(f * w);
      err.print(String.format(Locale.ROOT, "\r[%s%s] %3.0f%%  sim %.1f s  %,d events  %.1f s", "#".repeat(full),
          " ".repeat(w - full), 100 * f, simMillis / 1000.0, events, (now - start) / 1e9));
      err.flush();
    }

    void finish() {
      if (drawn) {
        err.println();
      }
    }
  }
}
