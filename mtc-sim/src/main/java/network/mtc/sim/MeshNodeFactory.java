package network.mtc.sim;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import network.mtc.crypto.SigningKey;
import network.mtc.routing.MeshConfig;
import network.mtc.routing.MeshNode;
import network.mtc.routing.internal.Router;
import network.mtc.routing.message.AnnounceCodec;
import network.mtc.routing.policy.RelayPolicy;

/**
 * Hosts the production node, {@link MeshNode} built with {@link MeshNode#builder()}, on the simulated
 * link, clock, scheduler and random source: the code that runs on phones is the code measured here.
 * Every node subscribes to {@link NodeContext#TOPIC} and reports what it delivers.
 *
 * @since 0.1
 */
public final class MeshNodeFactory implements NodeFactory {
  /**
   * The public key of every identity this factory made, by address. The simulator made them all, so a
   * node decoding an announce that carries one of them may skip the key's point decompression
   * ({@link network.mtc.routing.MeshNodeBuilder#trustedKeys}); the verdict is the same, so a run's
   * trace does not change. One entry per simulated node.
   */
  private final Map<Long, byte[]> identities = new HashMap<>();
  private final AnnounceCodec.KnownKeys madeHere = (source, buf, off) -> {
    byte[] k = identities.get(source);
    return k != null && Arrays.equals(k, 0, 32, buf, off, off + 32);
  };
  private final MeshConfig template;
  private final RelayPolicy.Factory policy;

  /**
   * @param template the node configuration; its strategy is replaced by the run's
   * @param policy a relay policy to use instead of the strategy's (null for the strategy's own)
   */
  public MeshNodeFactory(MeshConfig template, RelayPolicy.Factory policy) {
    if (template == null) {
      throw new IllegalArgumentException("a configuration is required");
    }
    this.template = template;
    this.policy = policy;
  }

  /** {@link MeshConfig#simulation()}, with the strategy's own relay policy. */
  public MeshNodeFactory() {
    this(MeshConfig.simulation(), null);
  }

  @Override
  public HostedNode create(NodeContext ctx) {
    MeshConfig cfg = template.strategy() == ctx.strategy() ? template
        : template.toBuilder().strategy(ctx.strategy()).build();
    SigningKey key = SigningKey.fromSeed(ctx.identitySeed());
    identities.put(key.nodeAddress().value(), key.publicKey().toBytes());
    var b = MeshNode.builder().identity(key).trustedKeys(madeHere).link(ctx.link())
        .clock(ctx.clock()).scheduler(ctx.scheduler()).random(ctx.random()).config(cfg);
    if (policy != null) {
      b.relayPolicy(policy);
    }
    return new Hosted(b.build(), ctx);
  }

  private static final class Hosted implements HostedNode {
    private final MeshNode node;
    private final NodeContext ctx;

    Hosted(MeshNode node, NodeContext ctx) {
      this.node = node;
      this.ctx = ctx;
    }

    @Override
    public long address() {
      return node.address().value();
    }

    @Override
    public void start() {
      node.subscribe(NodeContext.TOPIC, m -> {
        byte[] p = m.payload();
        ctx.deliveries().delivered(ctx.index(), p, 0, p.length);
      });
      node.start();
    }

    @Override
    public int publish(byte[] payload) {
      return node.publish(NodeContext.TOPIC, payload);
    }

    @Override
    public long memoryBoundBytes() {
      return node instanceof Router r ? r.memoryBoundBytes() : -1;
    }

    @Override
    public void close() {
      node.close();
    }
  }
}
