package network.mtc.sim;

import java.util.List;
import java.util.Locale;

/**
 * The figures of one run. {@link #toJson} writes the object {@code mtc sim --json} prints: the issue's
 * fields first, then the rest. Everything is a function of the configuration and seed except the fields
 * named in {@link #TIMING_FIELDS} (wall time, speed and measured heap).
 *
 * <p>Transmission counts: {@code transmissions} are the radio transmissions that carried workload DATA
 * frames, in total over the run (the quantity broadcast strategies compete on); announces, acks and other
 * control frames are counted apart as {@code control_transmissions}, and their sum is
 * {@code total_transmissions}. {@code transmissions_per_message} is {@code transmissions / messages};
 * naive flooding scores n, and {@code ratio_to_flood} is it divided by n; {@code ratio_to_cds} divides it by
 * the greedy connected dominating set.
 *
 * @param hops per hop distance from the source: (message, node) pairs, deliveries, DATA transmissions
 * @param coverageMean mean over messages of the fraction of other nodes reached within (b + 1) bins
 * @param coverageP1 the 1st percentile over messages of the same
 * @param topology the graph (at the end of the run, if nodes move), for the report
 * @param firstTransmitters nodes that transmitted the first message, for the report (null if none)
 * @since 0.1
 */
public record SimResult(int nodes, double meanDegree, double deliveryRatio, long transmissions,
    double transmissionsPerMessage, double latencyP50Ms, double latencyP99Ms, int cdsBound,
    double eventsPerSecond, SimConfig config, int messagesOriginated, int graphAttempts, long deliveredPairs,
    long duplicateDeliveries, double transmissionsPerDelivered, double ratioToFlood, double ratioToCds,
    long controlTransmissions, long receptions, long lostReceptions, long collisions, double latencyMaxMs,
    long memoryPerNodeBytes, long heapPerNodeBytes, long events, long wallMs, long simMs, long traceHash,
    List<HopBin> hops, double coverageBinMs, double[] coverageMean, double[] coverageP1, Topology topology,
    boolean[] firstTransmitters) {

  /** JSON fields that depend on the machine, not on the seed. */
  public static final List<String> TIMING_FIELDS = List.of("events_per_second", "wall_ms", "heap_per_node_bytes");

  /**
   * One hop distance's figures.
   *
   * @param hop hop distance from the message's source
   * @param pairs (message, node) pairs at that distance
   * @param delivered of them delivered
   * @param transmissions DATA transmissions by nodes at that distance
   */
  public record HopBin(int hop, long pairs, long delivered, long transmissions) {
    /** delivered / pairs. */
    public double deliveryRatio() {
      return pairs == 0 ? 0 : (double) delivered / pairs;
    }
  }

  /** Every radio transmission: DATA plus control. */
  public long totalTransmissions() {
    return transmissions + controlTransmissions;
  }

  /** The run as one JSON object (one line, fields in a fixed order). */
  public String toJson() {
    SimConfig c = config;
    StringBuilder b = new StringBuilder(4096).append('{');
    field(b, "nodes", nodes);
    field(b, "mean_degree", num(meanDegree));
    field(b, "delivery_ratio", num(deliveryRatio));
    field(b, "transmissions", transmissions);
    field(b, "transmissions_per_message", num(transmissionsPerMessage));
    field(b, "latency_p50_ms", num(latencyP50Ms));
    field(b, "latency_p99_ms", num(latencyP99Ms));
    field(b, "cds_bound", cdsBound);
    field(b, "events_per_second", Long.toString(Math.round(eventsPerSecond)));
    field(b, "strategy", str(strategyName(c)));
    field(b, "area", num(topology != null ? topology.side() : c.area()));
    field(b, "range", num(topology != null ? topology.range() : c.range()));
    field(b, "loss", num(c.loss()));
    field(b, "seed", c.seed());
    field(b, "messages", c.messages());
    field(b, "messages_originated", messagesOriginated);
    field(b, "graph_attempts", graphAttempts);
    field(b, "delivered_pairs", deliveredPairs);
    field(b, "duplicate_deliveries", duplicateDeliveries);
    field(b, "transmissions_per_delivered", num(transmissionsPerDelivered));
    field(b, "ratio_to_flood", num(ratioToFlood));
    field(b, "ratio_to_cds", num(ratioToCds));
    field(b, "control_transmissions", controlTransmissions);
    field(b, "total_transmissions", totalTransmissions());
    field(b, "receptions", receptions);
    field(b, "lost_receptions", lostReceptions);
    field(b, "collisions", collisions);
    field(b, "latency_max_ms", num(latencyMaxMs));
    field(b, "memory_per_node_bytes", memoryPerNodeBytes);
    field(b, "heap_per_node_bytes", heapPerNodeBytes);
    field(b, "events", events);
    field(b, "wall_ms", wallMs);
    field(b, "sim_ms", simMs);
    field(b, "trace_hash", str(String.format("%016x", traceHash)));
    StringBuilder p = new StringBuilder("{");
    field(p, "interval_ms", c.intervalMillis());
    field(p, "warmup_ms", c.warmupMillis());
    field(p, "drain_ms", c.drainMillis());
    field(p, "payload_bytes", c.payloadBytes());
    field(p, "mtu", c.mtu());
    field(p, "bitrate_bps", c.bitrateBps());
    field(p, "collisions", Boolean.toString(c.collisions()));
    field(p, "churn_up_ms", c.churnUpMillis());
    field(p, "churn_down_ms", c.churnDownMillis());
    field(p, "mobility_mps", num(c.mobilityMetresPerSecond()));
    field(p, "partition_start_ms", c.partitionStartMillis());
    field(p, "partition_end_ms", c.partitionEndMillis());
    p.setLength(p.length() - 1);
    field(b, "params", p.append('}').toString());
    StringBuilder h = new StringBuilder("[");
    for (HopBin bin : hops) {
      h.append("{\"hop\":").append(bin.hop()).append(",\"pairs\":").append(bin.pairs())
          .append(",\"delivered\":").append(bin.delivered()).append(",\"delivery_ratio\":")
          .append(num(bin.deliveryRatio())).append(",\"transmissions\":").append(bin.transmissions()).append("},");
    }
    if (!hops.isEmpty()) {
      h.setLength(h.length() - 1);
    }
    field(b, "by_hop", h.append(']').toString());
    field(b, "coverage_bin_ms", num(coverageBinMs));
    field(b, "coverage_mean", array(coverageMean));
    field(b, "coverage_p1", array(coverageP1));
    b.setLength(b.length() - 1);
    return b.append('}').toString();
  }

  /** The CLI's name of the strategy ({@code mtc} for COVERAGE). */
  public static String strategyName(SimConfig c) {
    return switch (c.strategy()) {
      case FLOOD -> "flood";
      case MANAGED -> "managed";
      case COUNTER -> "counter";
      case COVERAGE -> "mtc";
    };
  }

  private static String array(double[] v) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < v.length; i++) {
      b.append(i == 0 ? "" : ",").append(num(v[i]));
    }
    return b.append(']').toString();
  }

  private static void field(StringBuilder b, String name, Object value) {
    b.append('"').append(name).append("\":").append(value).append(',');
  }

  private static String str(String s) {
    return '"' + s + '"';
  }

  /** Fixed-precision decimal, so JSON is byte-identical across runs and locales. */
  static String num(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return "null";
    }
    String s = String.format(Locale.ROOT, "%.6f", v);
    int end = s.length();
    while (s.charAt(end - 1) == '0') {
      end--;
    }
    if (s.charAt(end - 1) == '.') {
      end--;
    }
    return s.substring(0, end);
  }
}
