package network.mtc.cli.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import network.mtc.channels.Amount;
import network.mtc.channels.Asset;
import network.mtc.channels.ChannelParams;
import network.mtc.vectors.json.Json;
import org.junit.jupiter.api.Test;

class DemoTest {
  private static Amount mtc(String s) {
    return Amount.parse(s, Asset.MTC);
  }

  private static Amount eth(String s) {
    return Amount.parse(s, Asset.ETH);
  }

  private static String balance(DemoReport r, String who, Asset asset) {
    return r.balances.get(who).get(asset.name());
  }

  private static DemoReport.Check check(DemoReport r, String prefix) {
    return r.checks.stream().filter(c -> c.name().startsWith(prefix)).findFirst()
        .orElseThrow(() -> new AssertionError("no check " + prefix + " in " + r.checks));
  }

  @Test
  void theStoryEndsWithTheBalancesItsPaymentsAndThePenaltyImply() {
    DemoReport r = Demo.run(1);
    assertTrue(r.ok(), r::toText);
    Amount gas = ChannelParams.GAS_PER_UPDATE; // one ETH update, proposed by Arron
    // Arron: paid 5, then 0.5 while Tom paid him 1 at the same moment (the race), paid 2 to Ruby through Tom,
    // paid the gas; in ETH paid 0.25 and forfeited the 0.75 the latest state gave him
    assertEquals(mtc("1000").minus(mtc("5")).minus(mtc("0.5")).plus(mtc("1")).minus(mtc("2")).minus(gas)
        .format(Asset.MTC), balance(r, "Arron", Asset.MTC));
    assertEquals(eth("5").minus(eth("0.25")).minus(eth("0.75")).format(Asset.ETH), balance(r, "Arron", Asset.ETH));
    // Tom: +5 +0.5 -1 with Arron, +2 from Arron and -2 to Ruby; in ETH the whole 2 ETH channel after a 1 ETH
    // pledge
    assertEquals(mtc("1000").plus(mtc("5")).plus(mtc("0.5")).minus(mtc("1")).format(Asset.MTC),
        balance(r, "Tom", Asset.MTC));
    assertEquals(eth("5").minus(eth("1")).plus(eth("2")).format(Asset.ETH), balance(r, "Tom", Asset.ETH));
    assertEquals(mtc("1002").format(Asset.MTC), balance(r, "Ruby", Asset.MTC));
    assertEquals(gas.format(Asset.MTC), balance(r, "Jack's fridge", Asset.MTC));
  }

  @Test
  void racingPaymentsAreBothCommittedOnce() {
    DemoReport r = Demo.run(1);
    DemoReport.Check c = check(r, "both racing payments are committed, each once");
    assertTrue(c.ok(), c.detail());
    assertTrue(r.toText().contains("RACE_LOST"), "the race happened: one proposal lost");
  }

  @Test
  void theStaleCloseIsDisputedInTimeAndPenalised() {
    DemoReport r = Demo.run(1);
    assertTrue(check(r, "Tom's machine detects the stale close").ok());
    assertTrue(check(r, "dispute inside the challenge window").ok());
    DemoReport.Check p = check(r, "penalty");
    assertTrue(p.ok(), p.detail());
    assertTrue(p.detail().contains("Tom 2 / Arron 0 ETH"), p.detail());
  }

  @Test
  void conservationHoldsPerAssetWithTheGasStated() {
    DemoReport r = Demo.run(1);
    DemoReport.Check m = check(r, "conservation of MTC");
    assertTrue(m.ok(), m.detail());
    assertTrue(m.detail().contains("minted 3000, held after settlement 3000"), m.detail());
    assertTrue(m.detail().contains("0.00001 is gas"), m.detail());
    assertTrue(check(r, "conservation of ETH").ok());
    // the same from the balances: the sum over parties equals what was minted
    Amount mtcSum = Amount.ZERO;
    Amount ethSum = Amount.ZERO;
    for (Map<String, String> row : r.balances.values()) {
      mtcSum = mtcSum.plus(mtc(row.get("MTC")));
      ethSum = ethSum.plus(eth(row.get("ETH")));
    }
    assertEquals(mtc("3000"), mtcSum);
    assertEquals(eth("10"), ethSum);
  }

  @Test
  void witnessesStoreEveryStateAndPaymentsCrossTheMesh() {
    DemoReport r = Demo.run(1);
    long witnessChecks = r.checks.stream().filter(c -> c.name().startsWith("witnesses hold")).count();
    assertEquals(5, witnessChecks, "one per state the story waits on");
    DemoReport.Step pay = r.steps.get(2);
    assertTrue(pay.transmissions > 0 && pay.endMillis > pay.startMillis);
    assertTrue(pay.events.stream().anyMatch(e -> e.text().contains("journals it (synced) and only then countersigns")));
  }

  @Test
  void sameSeedSameJsonAndTheJsonParses() {
    String a = Demo.run(5).toJson();
    String b = Demo.run(5).toJson();
    assertEquals(a, b);
    @SuppressWarnings("unchecked")
    Map<String, Object> root = (Map<String, Object>) Json.parse(a);
    assertEquals(Boolean.TRUE, root.get("ok"));
    assertEquals(7, ((List<?>) root.get("steps")).size());
    assertNotEquals(a, Demo.run(6).toJson(), "the seed matters");
  }
}
