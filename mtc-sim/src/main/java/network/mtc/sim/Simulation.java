package network.mtc.sim;

import network.mtc.sim.internal.Engine;
import network.mtc.sim.internal.Results;

/**
 * Runs one simulation: draws a connected unit-disk graph (numbering its nodes along a Hilbert curve, for
 * memory locality: {@link Topology#inHilbertOrder}), computes the greedy connected dominating set
 * bound, hosts a node from the {@link NodeFactory} on every vertex, runs the workload in simulated time and
 * returns the figures. Deterministic: the same configuration and factory give the same {@link SimResult}
 * except its {@link SimResult#TIMING_FIELDS}.
 *
 * <pre>{@code
 * SimConfig cfg = SimConfig.builder().nodes(1000).area(1000).range(71).loss(0.1).messages(100).seed(1)
 *     .strategy(BroadcastStrategy.COUNTER).build();
 * SimResult r = Simulation.run(cfg, new MeshNodeFactory(), Progress.NONE);
 * System.out.println(r.toJson());
 * }</pre>
 *
 * @since 0.1
 */
public final class Simulation {
  private Simulation() {}

  /**
   * Runs {@code cfg} with nodes from {@code factory}.
   *
   * @throws IllegalStateException if no connected graph was drawn in {@link SimConfig#maxGraphAttempts}
   */
  public static SimResult run(SimConfig cfg, NodeFactory factory, Progress progress) {
    long wall0 = System.nanoTime();
    Topology t = null;
    int attempts = 0;
    while (t == null && attempts < cfg.maxGraphAttempts()) {
      Topology g = Topology.uniformSquare(cfg.nodes(), cfg.area(), cfg.range(), graphSeed(cfg.seed(), attempts));
      attempts++;
      if (g.isConnected()) {
        t = g.inHilbertOrder();
      }
    }
    if (t == null) {
      throw new IllegalStateException("no connected graph in " + attempts + " draws (range too short for the area)");
    }
    return run(cfg, t, attempts, factory, progress, wall0);
  }

  /**
   * Runs {@code cfg} on a given connected topology (a line, a grid) instead of a random one; the
   * configuration's node count, area and range are ignored in favour of the topology's.
   */
  public static SimResult run(SimConfig cfg, Topology t, NodeFactory factory, Progress progress) {
    if (!t.isConnected()) {
      throw new IllegalArgumentException("the topology is not connected");
    }
    return run(cfg, t, 1, factory, progress, System.nanoTime());
  }

  private static SimResult run(SimConfig cfg, Topology t, int attempts, NodeFactory factory, Progress progress,
      long wall0) {
    int cds = DominatingSet.greedyConnected(t).size();
    long heap0 = cfg.measureHeap() ? usedHeapAfterGc() : 0;
    Engine engine = new Engine(cfg, t, factory);
    engine.setUp();
    engine.run(progress);
    long heap1 = cfg.measureHeap() ? usedHeapAfterGc() : 0;
    long wallMs = (System.nanoTime() - wall0) / 1_000_000;
    SimResult r = Results.of(cfg, engine, t, attempts, cds, cfg.measureHeap() ? Math.max(0, (heap1 - heap0) / t.size()) : -1, wallMs);
    engine.tearDown();
    return r;
  }

  /** Seed of graph draw {@code attempt}: the run's seed itself first, then SplitMix64-derived ones. */
  public static long graphSeed(long seed, int attempt) {
    return attempt == 0 ? seed : Engine.mix(seed, 1000 + attempt);
  }

  private static long usedHeapAfterGc() {
    Runtime rt = Runtime.getRuntime();
    System.gc();
    return rt.totalMemory() - rt.freeMemory();
  }
}
