package network.mtc.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import network.mtc.routing.BroadcastStrategy;
import network.mtc.routing.Delivery;
import network.mtc.routing.MeshConfig;
import network.mtc.routing.NodeStats;

/**
 * The unicast benchmark of issue 5 section 6 ("unicast over 10 hops at 10% loss: at least 99% delivered
 * with retries"): production nodes on a connected random graph, a set of (source, destination) pairs
 * exactly {@code hops} apart, and messages sent round-robin over the pairs with {@code MeshNode.send}.
 * Deterministic: the same parameters give the same result.
 */
public final class UnicastRun {
  /** Simulated time before the first message: two Trickle intervals of announces (see spec/routing-unicast.md). */
  public static final long WARMUP_MILLIS = 60_000;
  /** Time between two messages. */
  public static final long INTERVAL_MILLIS = 500;
  /** Time after the last message for retries to end (three attempts of at most 5.2 s). */
  public static final long DRAIN_MILLIS = 20_000;

  private UnicastRun() {}

  /**
   * What a run measured.
   *
   * @param nodes nodes in the graph
   * @param meanDegree its mean degree
   * @param hops hop distance of every pair
   * @param pairs (source, destination) pairs used
   * @param messages messages sent
   * @param delivered distinct messages that reached their destination's handler
   * @param acknowledged messages whose future completed with a delivery
   * @param duplicateDeliveries deliveries of a message already delivered (must be 0)
   * @param dataTransmissions radio packets other than announces, from the first message to the end
   * @param rttP50Millis median round trip of acknowledged messages
   * @param rttP99Millis 99th percentile of the round trip
   * @param attemptsHistogram acknowledged messages by end-to-end attempts (index 1..3)
   * @param engineCounts summed over nodes: routed hops, hop retransmissions, flood fallbacks, END acks, HOP acks
   */
  public record Result(int nodes, double meanDegree, int hops, int pairs, int messages, int delivered,
      int acknowledged, int duplicateDeliveries, long dataTransmissions, long rttP50Millis, long rttP99Millis,
      int[] attemptsHistogram, long[] engineCounts) {
    /** Delivered messages over messages sent. */
    public double deliveryRatio() {
      return messages == 0 ? 0 : (double) delivered / messages;
    }

    /** Radio packets (not announces) per message sent. */
    public double transmissionsPerMessage() {
      return messages == 0 ? 0 : (double) dataTransmissions / messages;
    }

    /** The result as one JSON object. */
    public String toJson() {
      return String.format(java.util.Locale.ROOT, "{\"nodes\":%d,\"mean_degree\":%.2f,\"hops\":%d,\"pairs\":%d,"
          + "\"messages\":%d,\"delivered\":%d,\"delivery_ratio\":%.4f,\"acknowledged\":%d,"
          + "\"duplicate_deliveries\":%d,\"transmissions\":%d,\"transmissions_per_message\":%.1f,"
          + "\"rtt_p50_ms\":%d,\"rtt_p99_ms\":%d,\"attempts\":[%d,%d,%d],\"routed_hops\":%d,"
          + "\"hop_retransmissions\":%d,\"flood_fallbacks\":%d,\"end_acks\":%d,\"hop_acks\":%d}",
          nodes, meanDegree, hops, pairs, messages, delivered, deliveryRatio(), acknowledged, duplicateDeliveries,
          dataTransmissions, transmissionsPerMessage(), rttP50Millis, rttP99Millis, attemptsHistogram[1],
          attemptsHistogram[2], attemptsHistogram[3], engineCounts[0], engineCounts[1], engineCounts[2],
          engineCounts[3], engineCounts[4]);
    }
  }

  /**
   * Runs the benchmark.
   *
   * @param nodes nodes placed uniformly in a square of side {@code area} metres, radio range {@code range}
   * @param loss loss per reception
   * @param hops hop distance of every pair
   * @param pairCount how many pairs the messages go round
   * @param messages messages sent, one every {@link #INTERVAL_MILLIS}
   * @param collisions the simulator's collision model (overlapping receptions corrupt each other)
   */
  public static Result run(int nodes, double area, double range, double loss, int hops, int pairCount,
      int messages, long seed, BroadcastStrategy strategy, boolean collisions) {
    Topology t = Topology.connectedUniformSquare(nodes, area, range, seed, 100);
    SplittableRandom rnd = new SplittableRandom(seed ^ 0x5eed_0f0a_11ceL);
    int[][] pairs = pairs(t, hops, pairCount, rnd);
    SimConfig radio = SimConfig.builder().loss(loss).seed(seed).strategy(strategy).collisions(collisions)
        .build();
    // The phone profile (a 4,096-entry duplicate cache: sustained unicast outgrows the simulator's 256),
    // announces unsigned as every large simulation runs them.
    MeshConfig cfg = MeshConfig.defaults().toBuilder().simulationUnsignedAnnounces(true).build();
    try (SimWorld w = SimWorld.create(t, radio, cfg)) {
      List<Set<Integer>> got = new ArrayList<>();
      int[] duplicates = new int[1];
      for (int i = 0; i < nodes; i++) {
        got.add(null);
      }
      for (int[] p : pairs) {
        int dst = p[1];
        if (got.get(dst) == null) {
          Set<Integer> s = new HashSet<>();
          got.set(dst, s);
          w.node(dst).receive(m -> {
            int k = (m.payload()[0] & 0xFF) | (m.payload()[1] & 0xFF) << 8 | (m.payload()[2] & 0xFF) << 16;
            if (!s.add(k)) {
              duplicates[0]++;
            }
          });
        }
      }
      List<CompletableFuture<Delivery>> futures = new ArrayList<>();
      for (int i = 0; i < messages; i++) {
        int k = i;
        int[] p = pairs[i % pairs.length];
        w.at(WARMUP_MILLIS + INTERVAL_MILLIS * i, () -> futures.add(w.node(p[0]).send(w.node(p[1]).address(),
            new byte[] {(byte) k, (byte) (k >> 8), (byte) (k >> 16), 0x55})));
      }
      w.runUntil(WARMUP_MILLIS - 1);
      long before = dataPackets(w);
      w.runUntil(WARMUP_MILLIS + INTERVAL_MILLIS * messages + DRAIN_MILLIS);
      long data = dataPackets(w) - before;
      int delivered = 0;
      for (int i = 0; i < messages; i++) {
        if (got.get(pairs[i % pairs.length][1]).contains(i)) {
          delivered++;
        }
      }
      long[] rtts = new long[messages];
      int acked = 0;
      int[] attempts = new int[4];
      for (CompletableFuture<Delivery> f : futures) {
        if (f.isDone() && !f.isCompletedExceptionally()) {
          Delivery d = f.join();
          rtts[acked++] = d.rttMillis();
          attempts[Math.min(3, d.attempts())]++;
        }
      }
      Arrays.sort(rtts, 0, acked);
      long[] counts = new long[5];
      for (int i = 0; i < nodes; i++) {
        long[] c = ((network.mtc.routing.internal.Router) w.node(i)).unicastCounts();
        for (int j = 0; j < counts.length; j++) {
          counts[j] += c[j];
        }
      }
      return new Result(nodes, t.meanDegree(), hops, pairs.length, messages, delivered, acked, duplicates[0], data,
          acked == 0 ? 0 : rtts[(acked - 1) / 2], acked == 0 ? 0 : rtts[(int) Math.ceil(acked * 0.99) - 1],
          attempts, counts);
    }
  }

  /** Up to {@code count} pairs exactly {@code hops} apart, sources drawn uniformly. */
  static int[][] pairs(Topology t, int hops, int count, SplittableRandom rnd) {
    List<int[]> out = new ArrayList<>();
    for (int tries = 0; tries < 50 * count && out.size() < count; tries++) {
      int src = rnd.nextInt(t.size());
      int[] dist = t.hopDistances(src);
      int candidates = 0;
      for (int d : dist) {
        candidates += d == hops ? 1 : 0;
      }
      if (candidates == 0) {
        continue;
      }
      int pick = rnd.nextInt(candidates);
      for (int v = 0; v < dist.length; v++) {
        if (dist[v] == hops && pick-- == 0) {
          out.add(new int[] {src, v});
          break;
        }
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("no two nodes are " + hops + " hops apart in this graph");
    }
    return out.toArray(new int[0][]);
  }

  private static long dataPackets(SimWorld w) {
    long n = 0;
    for (int i = 0; i < w.size(); i++) {
      NodeStats st = w.node(i).stats();
      n += st.transmissions() - st.announcesSent();
    }
    return n;
  }
}
