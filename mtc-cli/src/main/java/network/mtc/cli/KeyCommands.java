package network.mtc.cli;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import network.mtc.crypto.PublicKey;
import network.mtc.crypto.SigningKey;
import network.mtc.crypto.Verdict;
import network.mtc.vectors.json.JsonWriter;

/** {@code mtc key gen}, {@code mtc sign}, {@code mtc verify}: Ed25519 identities and signatures. */
final class KeyCommands {
  private KeyCommands() {}

  /** {@code key gen [--seed HEX]}: JSON with seed, public key and node address. */
  static void keyGen(Args a, PrintStream out) {
    String sub = a.next("key subcommand (gen)");
    if (!sub.equals("gen")) {
      throw new UsageException("unknown key subcommand '" + sub + "'");
    }
    byte[] seed = null;
    while (a.hasNext()) {
      String opt = a.next("option");
      if (opt.equals("--seed")) {
        seed = seed(a.next("--seed HEX"));
      } else {
        throw new UsageException("unknown option '" + opt + "'");
      }
    }
    SigningKey key = seed != null ? SigningKey.fromSeed(seed) : SigningKey.generate(new SecureRandom());
    try (key) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("seed", HexFormat.of().formatHex(key.seedBytes()));
      m.put("public_key", key.publicKey().hex());
      m.put("node_address", key.nodeAddress().hex());
      out.println(JsonWriter.write(m));
    }
  }

  /** {@code sign --seed HEX --msg HEX}: 128 hex digits. */
  static void sign(Args a, PrintStream out) {
    Map<String, String> o = options(a, "--seed", "--msg");
    try (SigningKey key = SigningKey.fromSeed(seed(o.get("--seed")))) {
      out.println(HexFormat.of().formatHex(key.sign(Args.hex(o.get("--msg"), "--msg"))));
    }
  }

  /** {@code verify --pub HEX --msg HEX --sig HEX}: exit 0 if valid, 1 with the broken rule if not. */
  static void verify(Args a, PrintStream out) {
    Map<String, String> o = options(a, "--pub", "--msg", "--sig");
    byte[] pub = Args.hex(o.get("--pub"), "--pub");
    byte[] sig = Args.hex(o.get("--sig"), "--sig");
    if (pub.length != 32) {
      throw new UsageException("--pub: a public key is 32 bytes (64 hex digits), got " + pub.length);
    }
    if (sig.length != 64) {
      throw new UsageException("--sig: a signature is 64 bytes (128 hex digits), got " + sig.length);
    }
    Verdict v = PublicKey.verify(pub, Args.hex(o.get("--msg"), "--msg"), sig);
    if (!v.isValid()) {
      throw new Rejected("signature invalid: " + v + " (" + explain(v) + ")");
    }
    out.println("valid");
  }

  static String explain(Verdict v) {
    return switch (v) {
      case VALID -> "valid";
      case MALFORMED -> "wrong length";
      case NON_CANONICAL_S -> "S is not below the group order";
      case NON_CANONICAL_A -> "public key encoding is not canonical";
      case INVALID_A -> "public key is not a curve point";
      case SMALL_ORDER_A -> "public key has small order";
      case NON_CANONICAL_R -> "R encoding is not canonical";
      case INVALID_R -> "R is not a curve point";
      case SMALL_ORDER_R -> "R has small order";
      case EQUATION -> "the verification equation does not hold";
    };
  }

  private static byte[] seed(String hex) {
    byte[] s = Args.hex(hex, "--seed");
    if (s.length != 32) {
      throw new UsageException("--seed: a seed is 32 bytes (64 hex digits), got " + s.length);
    }
    return s;
  }

  private static Map<String, String> options(Args a, String... names) {
    Map<String, String> m = new LinkedHashMap<>();
    while (a.hasNext()) {
      String opt = a.next("option");
      if (!java.util.Arrays.asList(names).contains(opt)) {
        throw new UsageException("unknown option '" + opt + "'");
      }
      if (m.containsKey(opt)) {
        throw new UsageException("option " + opt + " given twice");
      }
      m.put(opt, a.next(opt + " value"));
    }
    for (String n : names) {
      if (!m.containsKey(n)) {
        throw new UsageException("missing " + n);
      }
    }
    return m;
  }
}
