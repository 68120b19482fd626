package network.mtc.cli;

import java.util.HexFormat;
import java.util.List;

/** The remaining arguments of a command, with parsers that turn bad input into usage errors. */
final class Args {
  private final List<String> args;
  private int next;

  Args(List<String> args) {
    this.args = args;
  }

  boolean hasNext() {
    return next < args.size();
  }

  String next(String what) {
    if (!hasNext()) {
      throw new UsageException("missing " + what);
    }
    return args.get(next++);
  }

  String optional() {
    return hasNext() ? args.get(next++) : null;
  }

  void end() {
    if (hasNext()) {
      throw new UsageException("unexpected argument '" + args.get(next) + "'");
    }
  }

  static byte[] hex(String s, String what) {
    String t = s.startsWith("0x") ? s.substring(2) : s;
    if (t.length() % 2 != 0) {
      throw new UsageException(what + ": odd number of hex digits (" + t.length() + ")");
    }
    for (int i = 0; i < t.length(); i++) {
      if (Character.digit(t.charAt(i), 16) < 0) {
        throw new UsageException(what + ": not a hex digit at offset " + i + ": '" + t.charAt(i) + "'");
      }
    }
    return HexFormat.of().parseHex(t);
  }
}
