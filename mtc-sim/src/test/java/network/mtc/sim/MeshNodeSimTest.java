package network.mtc.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import network.mtc.routing.BroadcastStrategy;
import network.mtc.routing.MeshConfig;
import org.junit.jupiter.api.Test;

/** The production node in the simulator. */
class MeshNodeSimTest {
  static final NodeFactory MESH = new MeshNodeFactory(
      MeshConfig.simulation().toBuilder().simulationUnsignedAnnounces(true).build(), null);

  @Test
  void meshNodeFloodReachesEveryoneOnALossFreeGraphAndIsDeterministic() {
    SimConfig cfg = SimulationTest.small().loss(0).strategy(BroadcastStrategy.FLOOD).build();
    SimResult a = Simulation.run(cfg, MESH, Progress.NONE);
    assertEquals(1.0, a.deliveryRatio(), a.toJson());
    assertEquals(300.0, a.transmissionsPerMessage(), 1e-9);
    assertTrue(a.controlTransmissions() > 0, "announces are control traffic");
    SimResult b = Simulation.run(cfg, MESH, Progress.NONE);
    assertEquals(SimulationTest.withoutTiming(a.toJson()), SimulationTest.withoutTiming(b.toJson()));
  }

  @Test
  void counterSendsFewerThanFloodAtTenPercentLoss() {
    SimResult flood = Simulation.run(SimulationTest.small().strategy(BroadcastStrategy.FLOOD).build(), MESH,
        Progress.NONE);
    SimResult counter = Simulation.run(SimulationTest.small().strategy(BroadcastStrategy.COUNTER).build(), MESH,
        Progress.NONE);
    assertTrue(counter.transmissions() < flood.transmissions(), counter.toJson());
    assertTrue(counter.deliveryRatio() > 0.9, counter.toJson());
  }
}
