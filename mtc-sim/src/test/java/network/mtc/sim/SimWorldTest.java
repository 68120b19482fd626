package network.mtc.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import network.mtc.routing.BroadcastStrategy;
import network.mtc.routing.MeshConfig;
import network.mtc.routing.Message;
import org.junit.jupiter.api.Test;

class SimWorldTest {
  private static Topology line(int n) {
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = 5 + 20.0 * i;
      y[i] = 50;
    }
    return Topology.fromPoints(x, y, 20.0 * n + 10, 25);
  }

  @Test
  void scriptedPublishCrossesALineAtTheScheduledTime() {
    SimConfig radio = SimConfig.builder().loss(0).seed(3).strategy(BroadcastStrategy.MANAGED).build();
    try (SimWorld w = SimWorld.create(line(6), radio, MeshConfig.simulation())) {
      List<Message> got = new ArrayList<>();
      long[] at = new long[1];
      w.node(5).subscribe("news", m -> {
        got.add(m);
        at[0] = w.nowMillis();
      });
      w.at(5_000, () -> w.node(0).publish("news", "hello".getBytes(StandardCharsets.UTF_8)));
      w.runUntil(4_999);
      assertEquals(4_999, w.nowMillis());
      assertTrue(got.isEmpty(), "nothing is published before its time");
      w.runUntil(8_000);
      assertEquals(1, got.size());
      assertArrayEquals("hello".getBytes(StandardCharsets.UTF_8), got.get(0).payload());
      assertEquals(w.node(0).address(), got.get(0).source());
      assertTrue(at[0] >= 5_000 && at[0] < 6_000, "delivered within a second: " + at[0]);
      assertTrue(w.transmissions() > 0);
    }
  }

  @Test
  void sameSeedSameTimeline() {
    long[] a = run(9);
    long[] b = run(9);
    assertArrayEquals(a, b);
  }

  private static long[] run(long seed) {
    SimConfig radio = SimConfig.builder().loss(0.2).seed(seed).strategy(BroadcastStrategy.COUNTER).build();
    try (SimWorld w = SimWorld.create(line(8), radio, MeshConfig.simulation())) {
      long[] when = new long[2];
      w.node(7).subscribe("t", m -> when[0] = w.nowMillis());
      w.at(3_000, () -> w.node(0).publish("t", new byte[] {1}));
      w.runUntil(10_000);
      when[1] = w.transmissions();
      return when;
    }
  }
}
