package network.mtc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimCommandTest {
  static final String[] SMALL = {"sim", "--nodes", "200", "--area", "450", "--messages", "5", "--warmup", "6",
      "--drain", "3", "--interval", "1", "--strategy", "counter", "--seed", "3", "--quiet"};

  static String[] with(String... extra) {
    String[] a = java.util.Arrays.copyOf(SMALL, SMALL.length + extra.length);
    System.arraycopy(extra, 0, a, SMALL.length, extra.length);
    return a;
  }

  @Test
  void jsonHasTheIssuesFieldsAndIsDeterministic() {
    MainTest.Run a = MainTest.run(with("--json"));
    assertEquals(0, a.code(), a.err());
    assertEquals(1, a.out().lines().count(), "one JSON object on one line");
    for (String f : new String[] {"nodes", "mean_degree", "delivery_ratio", "transmissions",
        "transmissions_per_message", "latency_p50_ms", "latency_p99_ms", "cds_bound", "events_per_second",
        "control_transmissions", "trace_hash", "by_hop", "coverage_mean", "ratio_to_flood", "ratio_to_cds",
        "memory_per_node_bytes", "heap_per_node_bytes", "graph_attempts"}) {
      assertTrue(a.out().contains("\"" + f + "\":"), f);
    }
    assertTrue(a.out().startsWith("{\"nodes\":200,"));
    MainTest.Run b = MainTest.run(with("--json"));
    String timing = "\"(events_per_second|wall_ms|heap_per_node_bytes)\":[^,}]*";
    assertEquals(a.out().replaceAll(timing, ""), b.out().replaceAll(timing, ""));
  }

  @Test
  void summaryAndReport(@TempDir Path dir) throws Exception {
    Path html = dir.resolve("r.html");
    MainTest.Run r = MainTest.run(with("--report", html.toString()));
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("strategy counter: 200 nodes"), r.out());
    String page = Files.readString(html);
    assertTrue(page.startsWith("<!DOCTYPE html>"));
    assertTrue(page.split("<svg", -1).length - 1 == 4, "four plots");
    assertTrue(!page.contains("<script") && !page.contains("src=\""), "self-contained, no script");
  }

  @Test
  void badArgumentsAreUsageErrors() {
    String[][] bad = {
        {"sim", "--nodes", "0"}, {"sim", "--nodes", "x"}, {"sim", "--loss", "1"}, {"sim", "--loss", "-0.1"},
        {"sim", "--strategy", "gossip"}, {"sim", "--churn", "5"}, {"sim", "--churn", "0:5"},
        {"sim", "--partition", "5:3"}, {"sim", "--hop-limit", "300"}, {"sim", "--mtu", "10"},
        {"sim", "--bogus"}, {"sim", "--seed"}, {"sim", "--interval", "0"}, {"sim", "--area", "NaN"}};
    for (String[] args : bad) {
      MainTest.Run r = MainTest.run(args);
      assertEquals(2, r.code(), String.join(" ", args) + ": " + r.err());
      assertEquals(1, r.err().lines().count(), r.err());
      assertTrue(r.err().startsWith("mtc: usage: "), r.err());
    }
    assertEquals(0, MainTest.run("sim", "--help").code());
    assertTrue(MainTest.run("--help").out().contains("sim [--nodes N"));
  }

  @Test
  void unconnectableGraphIsRejected() {
    MainTest.Run r = MainTest.run("sim", "--nodes", "50", "--area", "1000", "--range", "10", "--messages", "1",
        "--quiet");
    assertEquals(1, r.code());
    assertTrue(r.err().contains("no connected graph"), r.err());
  }

  @Test
  void autoHopLimitCoversTheDiagonal() {
    assertEquals(32, SimCommand.hopLimit("auto", 1000, 71));
    assertEquals(255, SimCommand.hopLimit("auto", 10000, 71));
    assertEquals(7, SimCommand.hopLimit("7", 1000, 71));
  }
}
