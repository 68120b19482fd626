package network.mtc.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import network.mtc.routing.BroadcastStrategy;
import org.junit.jupiter.api.Test;

class SimulationTest {
  static final NodeFactory FLOOD = MinimalFloodNode::new;

  static SimConfig.Builder small() {
    return SimConfig.builder().nodes(300).area(600).range(71).loss(0.1).messages(20).seed(5)
        .strategy(BroadcastStrategy.FLOOD).warmupMillis(6000).drainMillis(3000).intervalMillis(500);
  }

  /** The JSON without the fields that depend on the machine. */
  static String withoutTiming(String json) {
    String s = json;
    for (String f : SimResult.TIMING_FIELDS) {
      s = s.replaceAll("\"" + f + "\":[^,}]*", "\"" + f + "\":_");
    }
    return s;
  }

  @Test
  void sameSeedGivesIdenticalJsonAndAnotherSeedDoesNot() {
    SimConfig cfg = small().build();
    String a = Simulation.run(cfg, FLOOD, Progress.NONE).toJson();
    String b = Simulation.run(cfg, FLOOD, Progress.NONE).toJson();
    assertEquals(withoutTiming(a), withoutTiming(b));
    String c = Simulation.run(small().seed(6).build(), FLOOD, Progress.NONE).toJson();
    assertNotEquals(withoutTiming(a), withoutTiming(c));
  }

  @Test
  void sameSeedIsDeterministicWithEveryDynamicFeatureOn() {
    SimConfig cfg = small().collisions(true).churn(20_000, 2_000).mobility(5).partition(2000, 6000).build();
    String a = Simulation.run(cfg, FLOOD, Progress.NONE).toJson();
    String b = Simulation.run(cfg, FLOOD, Progress.NONE).toJson();
    assertEquals(withoutTiming(a), withoutTiming(b));
  }

  @Test
  void lineWithoutLossDeliversEverythingInHopOrder() {
    int n = 20;
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = 10 + 50.0 * i;
    }
    Topology line = Topology.fromPoints(x, y, 50.0 * n + 20, 60);
    SimResult r = Simulation.run(small().loss(0).build(), line, FLOOD, Progress.NONE);
    assertEquals(1.0, r.deliveryRatio());
    assertEquals(20L * (n - 1), r.deliveredPairs());
    assertEquals(0, r.duplicateDeliveries());
    assertEquals(n, r.transmissionsPerMessage(), 1e-9, "naive flooding: every node sends each message once");
    assertEquals(1.0, r.ratioToFlood(), 1e-9);
    assertEquals(n - 2, r.cdsBound(), "the inner nodes of a line");
    for (SimResult.HopBin bin : r.hops()) {
      if (bin.pairs() > 0) {
        assertEquals(bin.pairs(), bin.delivered());
      }
    }
    // each hop costs at least airtime + 1 ms; the farthest node is up to 19 hops away
    assertTrue(r.latencyMaxMs() >= 19 * 1.0, "latency grows with hops: " + r.latencyMaxMs());
  }

  @Test
  void floodOnARandomGraphCountsEveryTransmissionAndBoundsHold() {
    SimResult r = Simulation.run(small().loss(0).build(), FLOOD, Progress.NONE);
    assertEquals(1.0, r.deliveryRatio());
    assertEquals(300.0, r.transmissionsPerMessage(), 1e-9);
    assertEquals(r.transmissions(), 20L * 300);
    assertTrue(r.controlTransmissions() > 0, "HELLO frames are control traffic");
    assertTrue(r.cdsBound() > 0 && r.cdsBound() <= r.nodes());
    assertTrue(r.ratioToCds() >= 1, "no strategy beats the bound by flooding");
    long txByHop = r.hops().stream().mapToLong(SimResult.HopBin::transmissions).sum();
    assertEquals(r.transmissions(), txByHop);
    assertEquals(1.0, r.coverageMean()[r.coverageMean().length - 1], 1e-9);
    assertTrue(r.latencyP50Ms() <= r.latencyP99Ms());
  }

  @Test
  void lossLosesReceptionsAndCollisionsCorruptSome() {
    SimResult lossy = Simulation.run(small().build(), FLOOD, Progress.NONE);
    double lostShare = (double) lossy.lostReceptions() / (lossy.lostReceptions() + lossy.receptions());
    assertEquals(0.1, lostShare, 0.01);
    assertEquals(0, lossy.collisions());
    SimResult coll = Simulation.run(small().collisions(true).build(), FLOOD, Progress.NONE);
    assertTrue(coll.collisions() > 0);
    assertTrue(coll.deliveryRatio() < lossy.deliveryRatio() + 1e-9);
  }

  @Test
  void partitionCutsDeliveriesAcrossTheWallAndChurnCostsDelivery() {
    SimResult base = Simulation.run(small().loss(0).build(), FLOOD, Progress.NONE);
    SimResult cut = Simulation.run(small().loss(0).partition(0, 5000).build(), FLOOD, Progress.NONE);
    // Flooding has no store-and-forward: messages sent during the partition reach one side only.
    assertTrue(cut.deliveryRatio() < 0.9 * base.deliveryRatio(), "partition: " + cut.deliveryRatio());
    SimResult churn = Simulation.run(small().loss(0).churn(5_000, 5_000).build(), FLOOD, Progress.NONE);
    assertTrue(churn.deliveryRatio() < 0.9, "half the nodes are down at any time: " + churn.deliveryRatio());
  }

  @Test
  void mobilityMovesTheGraph() {
    SimResult r = Simulation.run(small().loss(0).mobility(20).build(), FLOOD, Progress.NONE);
    SimResult still = Simulation.run(small().loss(0).build(), FLOOD, Progress.NONE);
    assertNotEquals(still.topology().x(0), r.topology().x(0));
    assertEquals(still.topology().x(0), Topology.uniformSquare(300, 600, 71, 5).inHilbertOrder().x(0));
  }

  @Test
  void disconnectedGraphIsRedrawnAndHopelessOnesAreRejected() {
    SimResult r = Simulation.run(small().nodes(200).range(60).messages(1).build(), FLOOD, Progress.NONE);
    assertTrue(r.graphAttempts() >= 1);
    assertThrows(IllegalStateException.class, () -> Simulation.run(
        small().range(5).maxGraphAttempts(3).build(), FLOOD, Progress.NONE));
    assertThrows(IllegalArgumentException.class, () -> small().loss(1).build());
    assertThrows(IllegalArgumentException.class, () -> small().churn(5, 0).build());
  }
}
