package network.mtc.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import network.mtc.wire.MtcDecodeException;

/**
 * The {@code mtc} command line. Exit codes: 0 success or valid, 1 input rejected, 2 usage error. Errors are
 * one line on stderr naming what was wrong and where; never a stack trace.
 */
public final class Main {
  static final String USAGE = String.join("\n",
      "usage: mtc COMMAND ...",
      "",
      "  demo [--json] [--seed S]         the story: offline payments in a car park over the simulated mesh,",
      "                                   witnesses, settlement, and a cheater who loses his pledge",
      "  vectors verify [DIR]             run every conformance vector (default: conformance-vectors/)",
      "  vectors generate [DIR]           regenerate the vector files from their generator",
      "  frame decode HEX                 print a frame as JSON",
      "  frame encode JSON                print the hex of a frame given as JSON",
      "  trinary encode b1t6 HEX          bytes to trytes",
      "  trinary decode b1t6 TRYTES       trytes to bytes (hex)",
      "  trinary encode t5b1 TRYTES       the trits of TRYTES packed five to a byte (hex)",
      "  trinary decode t5b1 HEX          unpacked trits, five per byte",
      "  trinary from-int N               shortest trytes of a signed 64-bit integer",
      "  trinary to-int TRYTES            the integer of trytes in shortest form",
      "  key gen [--seed HEX]             a new Ed25519 identity: seed, public key, node address (JSON)",
      "  sign --seed HEX --msg HEX        an Ed25519 signature (128 hex digits); --msg \"\" is empty",
      "  verify --pub HEX --msg HEX --sig HEX   exit 0 if valid, 1 (with the rule broken) if not",
      "  sim [--nodes N --area M --range R --loss P --messages K --seed S",
      "      --strategy flood|managed|counter|mtc --json --report FILE.html ...]",
      "                                   simulate the mesh with the real node code (mtc sim --help)",
      "  sim-unicast [--hops H --loss P --messages M --seed S --json ...]",
      "                                   unicast between nodes H hops apart (mtc sim-unicast --help)",
      "",
      "Exit codes: 0 success, 1 input rejected, 2 usage error.");

  private Main() {}

  /** Entry point. */
  public static void main(String[] argv) {
    System.exit(run(argv, System.out, System.err));
  }

  /** Runs a command line; returns the exit code. */
  public static int run(String[] argv, PrintStream out, PrintStream err) {
    try {
      Args a = new Args(Arrays.asList(argv));
      String cmd = a.optional();
      if (cmd == null || cmd.equals("--help") || cmd.equals("-h") || cmd.equals("help")) {
        out.println(USAGE);
        return cmd == null ? 2 : 0;
      }
      switch (cmd) {
        case "vectors" -> {
          return vectors(a, out, err);
        }
        case "frame" -> FrameCommand.run(a, out);
        case "trinary" -> TrinaryCommand.run(a, out);
        case "key" -> KeyCommands.keyGen(a, out);
        case "sign" -> KeyCommands.sign(a, out);
        case "verify" -> KeyCommands.verify(a, out);
        case "sim" -> {
          return SimCommand.run(a, out, err);
        }
        case "sim-unicast" -> {
          return SimUnicastCommand.run(a, out);
        }
        case "demo" -> {
          return DemoCommand.run(a, out);
        }
        default -> throw new UsageException("unknown command '" + cmd + "' (see mtc --help)");
      }
      return 0;
    } catch (UsageException e) {
      err.println("mtc: usage: " + e.getMessage());
      return 2;
    } catch (MtcDecodeException e) {
      err.println("mtc: rejected: " + e.getMessage());
      return 1;
    } catch (Rejected e) {
      err.println("mtc: rejected: " + e.getMessage());
      return 1;
    } catch (RuntimeException e) {
      err.println("mtc: internal error: " + e);
      return 3;
    }
  }

  private static int vectors(Args a, PrintStream out, PrintStream err) {
    String sub = a.next("vectors subcommand (verify or generate)");
    String dirArg = a.optional();
    a.end();
    Path dir = dirArg != null ? Path.of(dirArg) : home().resolve("conformance-vectors");
    switch (sub) {
      case "verify" -> {
        if (!java.nio.file.Files.isDirectory(dir)) {
          throw new UsageException("no such directory: " + dir);
        }
        network.mtc.vectors.VectorRunner.Report r = network.mtc.vectors.VectorRunner.run(dir);
        for (String f : r.failures()) {
          out.println("FAIL " + f);
        }
        out.println(r.passed() + " passed, " + r.failed() + " failed");
        return r.ok() ? 0 : 1;
      }
      case "generate" -> {
        int n = network.mtc.vectors.VectorGenerator.writeAll(dir);
        out.println("wrote " + n + " cases under " + dir);
        return 0;
      }
      default -> throw new UsageException("unknown vectors subcommand '" + sub + "'");
    }
  }

  /** The repository root: the {@code mtc.home} property the launcher sets, else the working directory. */
  static Path home() {
    String h = System.getProperty("mtc.home");
    return Path.of(h != null ? h : ".");
  }

  static List<String> list(String... s) {
    return List.of(s);
  }
}
