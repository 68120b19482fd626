package network.mtc.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import network.mtc.routing.BroadcastStrategy;
import network.mtc.routing.Delivery;
import network.mtc.routing.MeshConfig;
import network.mtc.routing.Message;
import org.junit.jupiter.api.Test;

/** Unicast (spec/routing-unicast.md) on real nodes in the simulator: routes, acknowledgements, retries. */
class UnicastSimTest {
  /**
   * Time before the first message: with Trickle intervals doubling to 32 s, a neighbour whose early
   * announces were lost is known after two intervals (about 60 s); before that no strategy can route.
   */
  private static final long WARMUP_MILLIS = 60_000;

  /** n nodes on a line, 20 m apart, range 25 m: each hears only the next, so the ends are n - 1 hops apart. */
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
  void tenHopsAtTenPercentLossDeliverAtLeast99PercentWithRetries() {
    int messages = 200;
    int delivered = 0;
    int acked = 0;
    for (long seed = 1; seed <= 5; seed++) {
      int[] r = tenHops(seed, messages);
      delivered += r[0];
      acked += r[1];
    }
    assertTrue(delivered >= 0.99 * 5 * messages, "delivered " + delivered + " of " + 5 * messages);
    assertTrue(acked >= 0.98 * 5 * messages, "acknowledged " + acked + " of " + 5 * messages);
  }

  /** Sends {@code messages} from one end of an 11-node line to the other; returns {delivered, acknowledged}. */
  private static int[] tenHops(long seed, int messages) {
    SimConfig radio = SimConfig.builder().loss(0.1).seed(seed).strategy(BroadcastStrategy.COVERAGE).build();
    // The phone profile: the simulator's 256-entry duplicate cache cannot hold 300 s of two frames a second.
    try (SimWorld w = SimWorld.create(line(11), radio, MeshConfig.defaults())) {
      Set<Integer> got = new HashSet<>();
      int[] duplicates = new int[1];
      w.node(10).receive(m -> {
        if (!got.add(m.payload()[0] & 0xFF | (m.payload()[1] & 0xFF) << 8)) {
          duplicates[0]++;
        }
      });
      List<CompletableFuture<Delivery>> futures = new ArrayList<>();
      for (int i = 0; i < messages; i++) {
        int k = i;
        w.at(WARMUP_MILLIS + 500L * i, () -> futures.add(w.node(0).send(w.node(10).address(),
            new byte[] {(byte) k, (byte) (k >> 8), 42})));
      }
      w.runUntil(WARMUP_MILLIS + 500L * messages + 20_000);
      assertEquals(0, duplicates[0], "a message is delivered once, whatever the retries");
      assertTrue(futures.stream().allMatch(CompletableFuture::isDone), "every future ends");
      int acked = 0;
      for (CompletableFuture<Delivery> f : futures) {
        if (!f.isCompletedExceptionally()) {
          Delivery d = f.getNow(null);
          acked++;
          assertTrue(d.hops() >= 10, "the line is 10 hops long: " + d);
        }
      }
      return new int[] {got.size(), acked};
    }
  }

  @Test
  void aLearnedRouteCarriesUnicastWithFarFewerTransmissionsThanAFlood() {
    SimConfig radio = SimConfig.builder().loss(0).seed(5).strategy(BroadcastStrategy.COVERAGE).build();
    try (SimWorld w = SimWorld.create(Topology.connectedUniformSquare(200, 300, 40, 5, 50), radio, MeshConfig.simulation())) {
      List<Message> got = new ArrayList<>();
      w.node(7).receive(got::add);
      List<CompletableFuture<Delivery>> f = new ArrayList<>();
      w.at(30_000, () -> f.add(w.node(3).send(w.node(7).address(), new byte[] {1})));
      w.runUntil(29_999);
      long before = dataPackets(w);
      w.runUntil(33_000);
      long firstCost = dataPackets(w) - before;
      w.at(33_000, () -> f.add(w.node(3).send(w.node(7).address(), new byte[] {2})));
      w.runUntil(36_000);
      long secondCost = dataPackets(w) - before - firstCost;
      assertEquals(2, got.size());
      assertArrayEquals(new byte[] {2}, got.get(1).payload());
      assertEquals(null, got.get(0).topic());
      Delivery second = f.get(1).getNow(null);
      assertEquals(1, second.attempts());
      // The first message floods (no route yet) and its END acknowledgement teaches node 3 the way back.
      // Without loss, each hop carries the frame and its HOP acknowledgement: DATA out over second.hops()
      // hops, END back over a path at most as long (it may be shorter: routes improve as frames pass).
      assertTrue(secondCost <= 4L * second.hops() && secondCost >= 2L * second.hops() + 2,
          "routed cost " + secondCost + " for " + second.hops() + " hops");
      assertTrue(second.hops() >= 3, "the pair is several hops apart: " + second.hops());
      assertTrue(firstCost > 2 * secondCost, "flooded first message " + firstCost + " vs routed " + secondCost);
    }
  }

  /** Packets sent by all nodes, announces excluded. */
  private static long dataPackets(SimWorld w) {
    long n = 0;
    for (int i = 0; i < w.size(); i++) {
      var st = w.node(i).stats();
      n += st.transmissions() - st.announcesSent();
    }
    return n;
  }
}
