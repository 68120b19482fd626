package network.mtc.cli;

import java.io.PrintStream;
import java.util.HexFormat;
import network.mtc.wire.trinary.B1t6;
import network.mtc.wire.trinary.T5b1;
import network.mtc.wire.trinary.TrinaryInts;
import network.mtc.wire.trinary.Trytes;

/** {@code mtc trinary ...}: the IOTA-compatible codecs. */
final class TrinaryCommand {
  private TrinaryCommand() {}

  static void run(Args a, PrintStream out) {
    String sub = a.next("trinary subcommand");
    switch (sub) {
      case "encode", "decode" -> {
        String codec = a.next("codec (b1t6 or t5b1)");
        String arg = a.next("input");
        a.end();
        out.println(switch (codec + " " + sub) {
          case "b1t6 encode" -> B1t6.encode(Args.hex(arg, "HEX"));
          case "b1t6 decode" -> HexFormat.of().formatHex(B1t6.decode(arg));
          case "t5b1 encode" -> HexFormat.of().formatHex(T5b1.encode(Trytes.toTrits(arg)));
          case "t5b1 decode" -> tritsJson(T5b1.decode(Args.hex(arg, "HEX")));
          default -> throw new UsageException("unknown codec '" + codec + "' (b1t6 or t5b1)");
        });
      }
      case "from-int" -> {
        String n = a.next("N");
        a.end();
        long v;
        try {
          v = Long.parseLong(n);
        } catch (NumberFormatException e) {
          throw new UsageException("N: not a signed 64-bit integer: '" + n + "'");
        }
        out.println(TrinaryInts.toTrytes(v));
      }
      case "to-int" -> {
        String t = a.next("TRYTES");
        a.end();
        out.println(TrinaryInts.fromTrytes(t));
      }
      default -> throw new UsageException("unknown trinary subcommand '" + sub + "'");
    }
  }

  static String tritsJson(byte[] trits) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < trits.length; i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(trits[i]);
    }
    return sb.append(']').toString();
  }
}
