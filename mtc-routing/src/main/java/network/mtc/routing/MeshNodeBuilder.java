package network.mtc.routing;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Function;
import network.mtc.crypto.PublicKey;
import network.mtc.crypto.SigningKey;
import network.mtc.routing.internal.Router;
import network.mtc.routing.link.Link;
import network.mtc.routing.message.AnnounceCodec;
import network.mtc.routing.policy.RelayPolicies;
import network.mtc.routing.policy.RelayPolicy;
import network.mtc.routing.runtime.Clock;
import network.mtc.routing.runtime.EventLoop;
import network.mtc.routing.runtime.RandomSource;
import network.mtc.routing.runtime.Scheduler;
import network.mtc.routing.sync.Uplink;
import network.mtc.wire.NodeAddress;

/**
 * Builds a {@link MeshNode}. An identity and at least one link are required. Two ways to run it:
 *
 * <ul>
 *   <li><b>production</b>: give no scheduler; the node gets its own {@link EventLoop} on the system clock,
 *       and links must post their callbacks to it ({@link #eventLoop(EventLoop)} to share or supply one);
 *   <li><b>simulation</b>: give the simulator's {@link Clock} and {@link Scheduler} and a seeded
 *       {@link RandomSource}; every call then comes from the simulator's thread.
 * </ul>
 *
 * @since 0.1
 */
public final class MeshNodeBuilder {
  private SigningKey identity;
  private final List<Link> links = new ArrayList<>();
  private Clock clock;
  private Scheduler scheduler;
  private RandomSource random;
  private MeshConfig config = MeshConfig.defaults();
  private Executor callbacks;
  private EventLoop loop;
  private RelayPolicy.Factory policy;
  private AnnounceCodec.KnownKeys trustedKeys;
  private Uplink uplink;
  private Function<NodeAddress, PublicKey> trustedStations;

  MeshNodeBuilder() {}

  /** The node's identity; its address is derived from the public key. Required. */
  public MeshNodeBuilder identity(SigningKey key) {
    this.identity = key;
    return this;
  }

  /** Adds a link (the order gives the link indexes). At least one is required. */
  public MeshNodeBuilder link(Link link) {
    links.add(link);
    return this;
  }

  /** The clock (default: the system clock, or the event loop's). */
  public MeshNodeBuilder clock(Clock c) {
    this.clock = c;
    return this;
  }

  /** The scheduler (default: a new {@link EventLoop}). */
  public MeshNodeBuilder scheduler(Scheduler s) {
    this.scheduler = s;
    return this;
  }

  /** The event loop to run on (it is also the scheduler). */
  public MeshNodeBuilder eventLoop(EventLoop l) {
    this.loop = l;
    return this;
  }

  /** The random source for jitter and ids (default: seeded from {@link SecureRandom}). */
  public MeshNodeBuilder random(RandomSource r) {
    this.random = r;
    return this;
  }

  /** The configuration (default {@link MeshConfig#defaults()}). */
  public MeshNodeBuilder config(MeshConfig c) {
    this.config = c;
    return this;
  }

  /** Where message handlers run (default: directly on the node's thread; keep them short). */
  public MeshNodeBuilder callbackExecutor(Executor e) {
    this.callbacks = e;
    return this;
  }

  /**
   * A relay policy to use instead of the one of {@code config.strategy()} (how the COVERAGE engine, or an
   * experiment, plugs in).
   */
  public MeshNodeBuilder relayPolicy(RelayPolicy.Factory f) {
    this.policy = f;
    return this;
  }

  /**
   * Keys known to be valid for their address, so that announces carrying them skip the key checks (point
   * decompression and hash, about 20 us each). For a simulator that generated every identity itself: a
   * 100,000-node run would otherwise re-check each neighbour's key on every node. Nothing else is
   * skipped; a real node leaves this unset (its own key cache already remembers verified keys).
   */
  public MeshNodeBuilder trustedKeys(AnnounceCodec.KnownKeys k) {
    this.trustedKeys = k;
    return this;
  }

  /**
   * Makes this node a mesh station: it announces STATION, opens a sync session with every neighbour it
   * meets (spec/routing-sync.md section 5.0), carries what it hears to the wide area through
   * {@code uplink}, and injects downlinked frames from the stations {@code trustedStations} vouches for
   * (by address; null = none) into the mesh.
   */
  public MeshNodeBuilder station(Uplink uplink, Function<NodeAddress, PublicKey> trustedStations) {
    this.uplink = uplink;
    this.trustedStations = trustedStations;
    return this;
  }

  /** The node, not started yet. */
  public MeshNode build() {
    if (identity == null) {
      throw new IllegalStateException("an identity is required");
    }
    if (links.isEmpty()) {
      throw new IllegalStateException("at least one link is required");
    }
    EventLoop l = loop;
    Scheduler s = scheduler;
    boolean ownsLoop = false;
    if (s == null) {
      if (l == null) {
        l = new EventLoop("mtc-node-" + identity.nodeAddress().hex());
        ownsLoop = true;
      }
      s = l;
    }
    Clock c = clock != null ? clock : l != null ? l.clock() : Clock.system();
    RandomSource r = random != null ? random : new RandomSource(new SecureRandom().nextLong());
    RelayPolicy.Factory f = policy != null ? policy : RelayPolicies.of(config.strategy());
    return new Router(identity, links, c, s, r, config, callbacks, l, ownsLoop, f, trustedKeys, uplink,
        trustedStations);
  }
}
