package network.mtc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MainTest {
  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, out.toString(StandardCharsets.UTF_8).trim(), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void frameDecodeAndEncodeRoundTrip() {
    String hex = "4100071234567801020304050607080a68656c6c6f";
    Run d = run("frame", "decode", hex);
    assertEquals(0, d.code());
    assertTrue(d.out().contains("\"message_id\": 305419896"));
    Run e = run("frame", "encode", d.out());
    assertEquals(0, e.code());
    assertEquals(hex, e.out());
  }

  @Test
  void rejectionIsExitOneWithOneLine() {
    Run r = run("frame", "decode", "410007");
    assertEquals(1, r.code());
    assertEquals(1, r.err().lines().count());
    assertTrue(r.err().contains("TRUNCATED at offset 3 (message_id)"));
    assertFalse(r.err().contains("at network."), "no stack trace");
  }

  @Test
  void usageErrorsAreExitTwo() {
    assertEquals(2, run().code());
    assertEquals(2, run("frame", "decode", "zz").code());
    assertEquals(2, run("frame", "encode", "{").code());
    assertEquals(2, run("trinary", "from-int", "9223372036854775808").code());
    assertEquals(2, run("nope").code());
    assertEquals(0, run("--help").code());
  }

  @Test
  void trinaryCommands() {
    assertEquals("99A9B9RESEGVHVX9Y9Z9", run("trinary", "encode", "b1t6", "0001027e7f8081fdfeff").out());
    assertEquals("0001027e7f8081fdfeff", run("trinary", "decode", "b1t6", "99A9B9RESEGVHVX9Y9Z9").out());
    assertEquals("7901", run("trinary", "encode", "t5b1", "MM").out());
    assertEquals("[1,1,1,1,1,1,0,0,0,0]", run("trinary", "decode", "t5b1", "7901").out());
    assertEquals("NSA", run("trinary", "from-int", "500").out());
    assertEquals("500", run("trinary", "to-int", "NSA").out());
    assertEquals(1, run("trinary", "to-int", "NSA99").code());
    assertEquals(1, run("trinary", "decode", "b1t6", "LI").code());
  }

  @Test
  void keySignVerify() {
    String seed = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    Run k = run("key", "gen", "--seed", seed);
    assertEquals(0, k.code());
    assertTrue(k.out().contains("\"public_key\": \"d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a\""));
    assertTrue(k.out().contains("\"node_address\": \"032ffc456368e9a7\""));
    Run s = run("sign", "--seed", seed, "--msg", "");
    assertEquals("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b4"
        + "6bd25bf5f0595bbe24655141438e7a100b", s.out());
    String pub = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
    assertEquals(0, run("verify", "--pub", pub, "--msg", "", "--sig", s.out()).code());
    Run bad = run("verify", "--pub", pub, "--msg", "00", "--sig", s.out());
    assertEquals(1, bad.code());
    assertTrue(bad.err().contains("EQUATION"), bad.err());
    assertEquals(2, run("verify", "--pub", pub, "--msg", "", "--sig", "00").code());
    assertEquals(2, run("sign", "--seed", "00", "--msg", "").code());
    assertEquals(2, run("verify", "--pub", pub, "--msg", "").code());
    assertEquals(0, run("key", "gen").code());
  }

  @Test
  void vectorsVerifyReportsTheClosingLine() {
    Run r = run("vectors", "verify", System.getProperty("mtc.home") + "/conformance-vectors");
    assertEquals(0, r.code(), r.out());
    assertTrue(r.out().matches("(?s).*\\d+ passed, 0 failed$"), r.out());
  }

  @Test
  void demoRunsAndExitsZeroWhenEveryCheckHolds() {
    Run r = run("demo", "--json", "--seed", "3");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("{") && r.out().contains("\"ok\": true"));
    Run t = run("demo");
    assertEquals(0, t.code());
    assertTrue(t.out().contains("Every check held."));
    assertTrue(run("--help").out().contains("demo [--json] [--seed S]"));
  }

  @Test
  void demoRejectsABadSeedAsUsage() {
    Run r = run("demo", "--seed", "x1");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--seed"));
    assertEquals(2, run("demo", "--colour").code());
  }
}
