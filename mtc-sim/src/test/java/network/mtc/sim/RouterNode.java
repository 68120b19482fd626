package network.mtc.sim;

import network.mtc.crypto.SigningKey;
import network.mtc.routing.MeshConfig;
import network.mtc.routing.MeshNode;

/**
 * Hosts the production Router (mtc-routing) on a simulated node, with announce signatures off
 * (simulation only, spec/routing.md 4.3) and the simulator's table profile. Test-side stand-in until the
 * simulator's own MeshNodeFactory lands; it exists to measure the baselines on the real node code.
 */
final class RouterNode implements HostedNode {
  private final MeshNode node;

  RouterNode(NodeContext ctx, MeshConfig base) {
    MeshConfig cfg = base.toBuilder().strategy(ctx.strategy()).simulationUnsignedAnnounces(true).build();
    node = MeshNode.builder().identity(SigningKey.fromSeed(ctx.identitySeed())).link(ctx.link())
        .clock(ctx.clock()).scheduler(ctx.scheduler()).random(ctx.random()).config(cfg).build();
    int index = ctx.index();
    DeliverySink sink = ctx.deliveries();
    node.subscribe(NodeContext.TOPIC, m -> sink.delivered(index, m.payload(), 0, m.payload().length));
  }

  /** A factory with the simulator profile. */
  static NodeFactory factory() {
    return ctx -> new RouterNode(ctx, MeshConfig.simulation());
  }

  @Override
  public long address() {
    return node.address().value();
  }

  @Override
  public void start() {
    node.start();
  }

  @Override
  public int publish(byte[] payload) {
    return node.publish(NodeContext.TOPIC, payload);
  }

  @Override
  public long memoryBoundBytes() {
    return ((network.mtc.routing.internal.Router) node).memoryBoundBytes();
  }

  @Override
  public void close() {
    node.close();
  }
}
