package network.mtc.sim;

import network.mtc.crypto.SigningKey;
import network.mtc.routing.MeshConfig;
import network.mtc.routing.MeshNode;
import network.mtc.sim.internal.Engine;

/**
 * A scripted simulation: real {@link MeshNode}s placed at chosen positions on the simulated radio, driven
 * step by step by the caller instead of by the benchmark workload of {@link Simulation}. Demos and
 * scenario tests (a payment crossing a car park, a partition that heals) use it: they schedule
 * application calls with {@link #at}, advance time with {@link #runUntil} and read the nodes' state in
 * between. Everything runs on the calling thread, in simulated time, deterministically in the seed.
 *
 * <pre>{@code
 * try (SimWorld w = SimWorld.create(Topology.fromPoints(xs, ys, 100, 30),
 *     SimConfig.builder().loss(0.05).seed(7).build(), MeshConfig.simulation())) {
 *   w.node(3).subscribe("news", m -> System.out.println(m));
 *   w.at(5_000, () -> w.node(0).publish("news", "hello".getBytes(UTF_8)));
 *   w.runUntil(10_000);
 * }
 * }</pre>
 *
 * @since 0.1
 */
public final class SimWorld implements AutoCloseable {
  private final Engine engine;
  private final MeshNode[] nodes;

  private SimWorld(Engine engine, MeshNode[] nodes) {
    this.engine = engine;
    this.nodes = nodes;
  }

  /**
   * Hosts a node on every vertex of {@code topology} (which must be connected), with the loss, seed,
   * strategy, MTU, bit rate and collision model of {@code radio} (its workload, node count, area and range
   * are ignored: the topology says who hears whom) and the node configuration {@code node} (its strategy
   * replaced by {@code radio}'s). Nodes start at time 0; nothing runs until {@link #runUntil}. A world
   * lasts at most {@link SimConfig#MAX_RUN_MILLIS} of simulated time.
   */
  public static SimWorld create(Topology topology, SimConfig radio, MeshConfig node) {
    if (!topology.isConnected()) {
      throw new IllegalArgumentException("the topology is not connected");
    }
    SimConfig cfg = SimConfig.builder().nodes(topology.size()).loss(radio.loss()).seed(radio.seed())
        .strategy(radio.strategy()).mtu(radio.mtu()).bitrateBps(radio.bitrateBps())
        .collisions(radio.collisions()).measureHeap(false).messages(0).warmupMillis(0)
        .drainMillis(SimConfig.MAX_RUN_MILLIS).build();
    MeshConfig nodeCfg = node.toBuilder().strategy(cfg.strategy()).build();
    MeshNode[] nodes = new MeshNode[topology.size()];
    NodeFactory factory = ctx -> {
      MeshNode m = MeshNode.builder().identity(SigningKey.fromSeed(ctx.identitySeed())).link(ctx.link())
          .clock(ctx.clock()).scheduler(ctx.scheduler()).random(ctx.random()).config(nodeCfg).build();
      nodes[ctx.index()] = m;
      return new HostedNode() {
        @Override
        public long address() {
          return m.address().value();
        }

        @Override
        public void start() {
          m.start();
        }

        @Override
        public int publish(byte[] payload) {
          return m.publish(NodeContext.TOPIC, payload);
        }

        @Override
        public void close() {
          m.close();
        }
      };
    };
    Engine engine = new Engine(cfg, topology, factory);
    engine.setUp();
    return new SimWorld(engine, nodes);
  }

  /** The node on vertex {@code index}; call it only from actions scheduled with {@link #at} or between runs. */
  public MeshNode node(int index) {
    return nodes[index];
  }

  /** How many nodes there are. */
  public int size() {
    return nodes.length;
  }

  /** Runs {@code action} on the simulation thread at simulated time {@code atMillis} (or now, if earlier). */
  public void at(long atMillis, Runnable action) {
    engine.call(atMillis, action);
  }

  /** Processes every event due up to {@code untilMillis} of simulated time. */
  public void runUntil(long untilMillis) {
    engine.runUntil(untilMillis);
  }

  /** The current simulated time in milliseconds. */
  public long nowMillis() {
    return engine.nowMillis();
  }

  /** Radio transmissions so far (data and control). */
  public long transmissions() {
    return engine.metrics().totalTransmissions();
  }

  /** Closes every node. */
  @Override
  public void close() {
    engine.tearDown();
  }
}
