package network.mtc.bench;

import java.util.concurrent.TimeUnit;
import network.mtc.routing.BroadcastStrategy;
import network.mtc.routing.MeshConfig;
import network.mtc.sim.MinimalFloodNode;
import network.mtc.sim.MeshNodeFactory;
import network.mtc.sim.NodeFactory;
import network.mtc.sim.Progress;
import network.mtc.sim.SimConfig;
import network.mtc.sim.SimResult;
import network.mtc.sim.Simulation;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole simulator with the production node code: one operation is one run of 1,000 nodes (mean
 * degree 15, 10% loss, 30 messages, 10 s warm-up with announces, unsigned as in every large run). The
 * {@code events} counter, reported by JMH as events per second of benchmark time, is the issue's
 * "simulated events per second on one core" (graph drawing, CDS and node construction included, so it is a
 * little below the event-loop-only figure the run's JSON reports). The minimal node ignores the strategy
 * (it always floods), so only its FLOOD line is meaningful.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgs = "-Xmx2g")
public class SimBench {
  @Param({"FLOOD", "COUNTER"})
  BroadcastStrategy strategy;

  /** {@code mesh}: the production MeshNode; {@code minimal}: {@link MinimalFloodNode}, the engine alone. */
  @Param({"mesh", "minimal"})
  String node;

  SimConfig cfg;
  NodeFactory factory;

  /** Events of the runs of an iteration (JMH divides by the iteration's time). */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Counters {
    public long events;

    @Setup(Level.Iteration)
    public void clear() {
      events = 0;
    }
  }

  @Setup
  public void setup() {
    cfg = SimConfig.builder().nodes(1000).area(1000).range(71).loss(0.1).messages(30).seed(1)
        .strategy(strategy).warmupMillis(10_000).drainMillis(5_000).measureHeap(false).build();
    factory = node.equals("minimal") ? MinimalFloodNode::new
        : new MeshNodeFactory(MeshConfig.simulation().toBuilder().simulationUnsignedAnnounces(true).build(), null);
  }

  @Benchmark
  public long run(Counters c) {
    SimResult r = Simulation.run(cfg, factory, Progress.NONE);
    c.events += r.events();
    return r.traceHash();
  }
}
