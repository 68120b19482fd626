package network.mtc.cli;

import java.io.PrintStream;
import java.util.Locale;
import network.mtc.routing.BroadcastStrategy;
import network.mtc.sim.UnicastRun;

/**
 * {@code mtc sim-unicast ...}: the unicast benchmark ({@link UnicastRun}): messages between pairs of nodes a
 * fixed number of hops apart, with routes, hop and end-to-end acknowledgements and retries.
 */
final class SimUnicastCommand {
  static final String HELP = String.join("\n",
      "usage: mtc sim-unicast [options]",
      "  --nodes N        nodes (default 1000)",
      "  --area M         side of the square, metres (default 1000)",
      "  --range R        radio range, metres (default 71: mean degree ~15)",
      "  --loss P         loss per reception (default 0.1)",
      "  --hops H         hop distance of every (source, destination) pair (default 10)",
      "  --pairs K        pairs the messages go round (default 20)",
      "  --messages M     messages, one every 0.5 s after a 60 s warm-up (default 200)",
      "  --seed S         seed of everything (default 1)",
      "  --strategy S     broadcast strategy for floods: flood | managed | counter | mtc (default mtc)",
      "  --collisions     overlapping receptions corrupt each other; half duplex (default off)",
      "  --json           print one JSON object");

  private SimUnicastCommand() {}

  static int run(Args a, PrintStream out) {
    int nodes = 1000;
    double area = 1000;
    double range = 71;
    double loss = 0.1;
    int hops = 10;
    int pairs = 20;
    int messages = 200;
    long seed = 1;
    BroadcastStrategy strategy = BroadcastStrategy.COVERAGE;
    boolean json = false;
    boolean collisions = false;
    while (a.hasNext()) {
      String opt = a.next("option");
      switch (opt) {
        case "--nodes" -> nodes = SimCommand.intArg(a, opt, 2, 100_000);
        case "--area" -> area = SimCommand.doubleArg(a, opt, 1e-3, 1e7);
        case "--range" -> range = SimCommand.doubleArg(a, opt, 1e-3, 1e7);
        case "--loss" -> loss = SimCommand.doubleArg(a, opt, 0, 0.999_999);
        case "--hops" -> hops = SimCommand.intArg(a, opt, 1, 255);
        case "--pairs" -> pairs = SimCommand.intArg(a, opt, 1, 10_000);
        case "--messages" -> messages = SimCommand.intArg(a, opt, 1, 1 << 24);
        case "--seed" -> seed = SimCommand.longArg(a, opt);
        case "--strategy" -> strategy = SimCommand.strategy(a.next("--strategy flood|managed|counter|mtc"));
        case "--json" -> json = true;
        case "--collisions" -> collisions = true;
        case "--help", "-h" -> {
          out.println(HELP);
          return 0;
        }
        default -> throw new UsageException("unknown sim-unicast option '" + opt + "' (see mtc sim-unicast --help)");
      }
    }
    UnicastRun.Result r;
    try {
      r = UnicastRun.run(nodes, area, range, loss, hops, pairs, messages, seed, strategy, collisions);
    } catch (IllegalArgumentException e) {
      throw new Rejected(e.getMessage());
    }
    if (json) {
      out.println(r.toJson());
    } else {
      out.println(String.format(Locale.ROOT, "%d nodes, mean degree %.1f, %d pairs %d hops apart, loss %.0f%%",
          r.nodes(), r.meanDegree(), r.pairs(), r.hops(), loss * 100));
      out.println(String.format(Locale.ROOT, "delivered %d of %d (%.2f%%), acknowledged %d, duplicates %d",
          r.delivered(), r.messages(), 100 * r.deliveryRatio(), r.acknowledged(), r.duplicateDeliveries()));
      out.println(String.format(Locale.ROOT, "%.1f packets per message; round trip p50 %d ms, p99 %d ms; "
          + "attempts 1/2/3: %d/%d/%d", r.transmissionsPerMessage(), r.rttP50Millis(), r.rttP99Millis(),
          r.attemptsHistogram()[1], r.attemptsHistogram()[2], r.attemptsHistogram()[3]));
    }
    return 0;
  }
}
