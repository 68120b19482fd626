package network.mtc.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import network.mtc.routing.BroadcastStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The baselines of spec/routing.md section 9, run on the production Router in the simulator (a 300-node
 * graph of mean degree about 15, 10% loss): FLOOD sends one frame per node per message, MANAGED the same
 * (no hop cap reached), COUNTER far fewer at a small delivery cost. The 1,000-node figures of the issue
 * are a bench run (see the report of the rt-core branch), not a unit test.
 */
class RouterBaselinesTest {
  /** The production node with announce signatures off (simulation only, spec/routing.md 4.3). */
  static final NodeFactory FACTORY = new MeshNodeFactory(
      network.mtc.routing.MeshConfig.simulation().toBuilder().simulationUnsignedAnnounces(true).build(), null);

  static SimConfig.Builder cfg(BroadcastStrategy s) {
    return SimConfig.builder().nodes(300).area(548).range(71).loss(0.1).messages(20).seed(3).strategy(s)
        .warmupMillis(10_000).drainMillis(3_000).intervalMillis(1_000).mtu(1472);
  }

  @Test
  void floodSendsOneFramePerNodeAndCounterSavesMost() {
    SimResult flood = Simulation.run(cfg(BroadcastStrategy.FLOOD).build(), FACTORY, Progress.NONE);
    SimResult managed = Simulation.run(cfg(BroadcastStrategy.MANAGED).build(), FACTORY,
        Progress.NONE);
    SimResult counter = Simulation.run(cfg(BroadcastStrategy.COUNTER).build(), FACTORY,
        Progress.NONE);
    System.out.println("flood   " + flood.toJson());
    System.out.println("managed " + managed.toJson());
    System.out.println("counter " + counter.toJson());
    // Every node that got the message relayed it exactly once.
    assertEquals(flood.deliveryRatio() * 299 + 1, flood.transmissionsPerMessage(), 1.0);
    assertTrue(flood.deliveryRatio() > 0.995, "flood delivery " + flood.deliveryRatio());
    assertEquals(flood.transmissionsPerMessage(), managed.transmissionsPerMessage(), 3.0);
    assertTrue(counter.transmissionsPerMessage() < 0.6 * flood.transmissionsPerMessage(),
        "counter " + counter.transmissionsPerMessage());
    assertTrue(counter.deliveryRatio() > 0.98, "counter delivery " + counter.deliveryRatio());
    assertTrue(flood.controlTransmissions() > 0, "announces are control traffic");
  }

  /**
   * The issue's benchmark on the production Router: 1,000 nodes, side 1,000 m, range 71 m (mean degree
   * about 15), 10% loss, 100 messages. About a minute of CPU, so only with {@code -Dmtc.bench=true}:
   * {@code ./mvnw -o -B -pl mtc-sim surefire:test -Dtest=RouterBaselinesTest -Dmtc.bench=true}.
   */
  @Test
  @EnabledIfSystemProperty(named = "mtc.bench", matches = "true")
  void issueBenchmarkFloodAndCounter() {
    SimConfig.Builder b = SimConfig.builder().nodes(1000).area(1000).range(71).loss(0.1).messages(100)
        .seed(Long.getLong("mtc.seed", 1)).mtu(1472);
    SimResult flood = Simulation.run(b.strategy(BroadcastStrategy.FLOOD).build(), FACTORY,
        Progress.NONE);
    SimResult counter = Simulation.run(b.strategy(BroadcastStrategy.COUNTER).build(), FACTORY,
        Progress.NONE);
    System.out.println("flood   " + flood.toJson());
    System.out.println("counter " + counter.toJson());
    assertEquals(1000, flood.transmissionsPerMessage(), 5.0);
    double share = counter.transmissionsPerMessage() / flood.transmissionsPerMessage();
    assertTrue(share > 0.30 && share < 0.45, "counter share of flood " + share);
    assertTrue(counter.deliveryRatio() >= 0.995, "counter delivery " + counter.deliveryRatio());
  }
}
