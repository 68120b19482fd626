package network.mtc.sim.internal;

import java.util.ArrayList;
import java.util.List;
import network.mtc.sim.SimConfig;
import network.mtc.sim.SimResult;
import network.mtc.sim.Topology;

/** Folds an engine's metrics into a {@link SimResult}. */
public final class Results {
  private Results() {}

  /** The result of a finished run. */
  public static SimResult of(SimConfig cfg, Engine engine, Topology initial, int graphAttempts, int cds,
      long heapPerNode, long wallMs) {
    Metrics m = engine.metrics();
    int n = initial.size();
    int k = m.originated;
    long pairs = (long) k * (n - 1);
    double perMessage = k == 0 ? 0 : (double) m.dataTransmissions / k;
    double delivery = pairs == 0 ? 0 : (double) m.deliveredPairs / pairs;
    double perDelivered = m.deliveredPairs == 0 ? 0
        : m.dataTransmissions / ((double) m.deliveredPairs / Math.max(1, n - 1));
    LatencyHistogram lat = m.latency();
    List<SimResult.HopBin> hops = new ArrayList<>();
    for (int h = 0; h <= m.maxHop(); h++) {
      hops.add(new SimResult.HopBin(h, m.pairsAt(h), m.deliveredAt(h), m.transmissionsAt(h)));
    }
    double[][] cov = m.coverageCurves();
    double seconds = engine.loopNanos() / 1e9;
    return new SimResult(n, initial.meanDegree(), delivery, m.dataTransmissions, perMessage,
        lat.quantile(0.5) / 1000.0, lat.quantile(0.99) / 1000.0, cds,
        seconds > 0 ? engine.events() / seconds : 0, cfg, k, graphAttempts, m.deliveredPairs,
        m.duplicateDeliveries, perDelivered, perMessage / n, cds == 0 ? 0 : perMessage / cds,
        m.controlTransmissions, m.receptions, m.lostReceptions, m.collisions, lat.max() / 1000.0,
        engine.nodeMemoryBound(), heapPerNode, engine.events(), wallMs, engine.nowMillis(), engine.traceHash(),
        List.copyOf(hops), cov[2][0] / 1000.0, cov[0], cov[1], engine.topology(),
        m.firstTransmitters());
  }
}
