package network.mtc.cli;

import java.io.PrintStream;
import network.mtc.cli.demo.Demo;
import network.mtc.cli.demo.DemoReport;

/**
 * {@code mtc demo [--json] [--seed S]}: the offline-payment story on the simulated car park mesh
 * ({@link Demo}). Prints the account of each step and the final balances, or one JSON object with
 * {@code --json}; exits 0 if every check of the story held, 1 if one failed.
 */
final class DemoCommand {
  static final String HELP = String.join("\n",
      "usage: mtc demo [--json] [--seed S]",
      "  Arron, Tom, Jack's fridge and Ruby in a car park with no internet: channel payments in MTC and ETH",
      "  over the simulated mesh, witnesses, a hash-locked payment through Tom, settlement when the fridge",
      "  gets online, and a stale close that costs Arron his pledge. Deterministic in the seed.",
      "  --json     print one JSON object (steps, balances, checks)",
      "  --seed S   seed of every key, secret, seal and radio loss (default 1)",
      "Exit codes: 0 every check held, 1 a check failed, 2 usage error.");

  private DemoCommand() {}

  static int run(Args a, PrintStream out) {
    boolean json = false;
    long seed = 1;
    while (a.hasNext()) {
      String opt = a.next("option");
      switch (opt) {
        case "--json" -> json = true;
        case "--seed" -> {
          String s = a.next("--seed value");
          try {
            seed = Long.parseLong(s);
          } catch (NumberFormatException e) {
            throw new UsageException("--seed: not a 64-bit integer: '" + s + "'");
          }
        }
        case "--help", "-h" -> {
          out.println(HELP);
          return 0;
        }
        default -> throw new UsageException("unknown demo option '" + opt + "' (see mtc demo --help)");
      }
    }
    DemoReport r = Demo.run(seed);
    out.println(json ? r.toJson() : r.toText());
    return r.ok() ? 0 : 1;
  }
}
