package network.mtc.routing.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Function;
import network.mtc.crypto.PublicKey;
import network.mtc.crypto.SigningKey;
import network.mtc.routing.Delivery;
import network.mtc.routing.DeliveryFailedException;
import network.mtc.routing.DropReason;
import network.mtc.routing.MeshConfig;
import network.mtc.routing.MeshNode;
import network.mtc.routing.Message;
import network.mtc.routing.MessageHandler;
import network.mtc.routing.NodeInfo;
import network.mtc.routing.NodeStats;
import network.mtc.routing.Subscription;
import network.mtc.routing.link.Link;
import network.mtc.routing.link.LinkListener;
import network.mtc.routing.message.Ack;
import network.mtc.routing.message.AckCodec;
import network.mtc.routing.message.Announce;
import network.mtc.routing.message.AnnounceCodec;
import network.mtc.routing.message.AnnounceView;
import network.mtc.routing.message.NeighbourEntry;
import network.mtc.routing.message.NodeInfoCodec;
import network.mtc.routing.policy.NeighbourView;
import network.mtc.routing.policy.Reception;
import network.mtc.routing.policy.RelayContext;
import network.mtc.routing.policy.RelayDecision;
import network.mtc.routing.policy.RelayPolicy;
import network.mtc.routing.runtime.Clock;
import network.mtc.routing.runtime.EventLoop;
import network.mtc.routing.runtime.RandomSource;
import network.mtc.routing.runtime.Scheduler;
import network.mtc.routing.runtime.TimerHandler;
import network.mtc.routing.sync.StationBridge;
import network.mtc.routing.sync.Uplink;
import network.mtc.wire.Bytes;
import network.mtc.wire.MtcDecodeException;
import network.mtc.wire.NodeAddress;
import network.mtc.wire.Tlv;
import network.mtc.wire.TlvReader;
import network.mtc.wire.Varint;
import network.mtc.wire.fragment.LinkPacket;
import network.mtc.wire.fragment.Reassembler;
import network.mtc.wire.frame.Frame;
import network.mtc.wire.frame.FrameDecoder;
import network.mtc.wire.frame.FrameExtension;
import network.mtc.wire.frame.FrameType;
import network.mtc.wire.frame.FrameView;

/**
 * The {@link MeshNode} implementation: the receive path of spec/routing.md in its normative order, the
 * relay machinery that applies a {@link RelayPolicy}'s decisions, announces and the neighbour table.
 *
 * <p>Single-threaded: every link callback, timer and call into it runs on one thread, the simulator's or
 * an {@link EventLoop}'s. Public methods called from another thread while an event loop is attached are
 * posted to it. The receive path allocates nothing for a relayed or dropped broadcast (pending relay states
 * and their frame buffers are pooled); deliveries and announces allocate.
 */
public final class Router implements MeshNode, LinkListener, TimerHandler, RelayContext {
  private static final int TIMER_RELAY = 1;
  private static final int TIMER_ANNOUNCE = 2;
  private static final int TIMER_DOWNLINK = 3;
  /** Downlinked frames waiting for the receive path; more are dropped (the bridge rate-limits anyway). */
  private static final int MAX_DOWNLINK_BACKLOG = 64;
  /** Frame type SYNC (spec/routing-sync.md section 4). */
  private static final int SYNC_TYPE = 4;
  /** How long a learned unicast route lives without being confirmed (spec/routing-unicast.md 3). */
  static final long ROUTE_LIFETIME_MILLIS = 120_000;
  /** Unicast messages whose delivery this node remembers, to deliver a retried message once. */
  static final int DELIVERED_CACHE_CAPACITY = 256;
  /** The reserved topic of {@link #ping}. */
  static final String PING_TOPIC = "mtc/ping";
  /** The reserved topics of {@link #nodeInfo}: the request (a 4-byte nonce) and the reply. */
  static final String INFO_TOPIC = "mtc/info";
  static final String INFO_REPLY_TOPIC = "mtc/info/reply";
  /** Node-info requests awaiting their reply; more fail at once. */
  static final int MAX_INFO_REQUESTS = 16;
  /** A request's reply must come within this: the request's three attempts, then the reply's first. */
  static final long INFO_TIMEOUT_MILLIS = 20_000;
  private static final int TIMER_INFO = 12;
  /** An all-zero signature: what announces carry with {@link MeshConfig#simulationUnsignedAnnounces()}. */
  private static final Bytes ZERO_SIGNATURE = Bytes.copyOf(new byte[Frame.SIGNATURE_LENGTH]);

  /** Null when this node never signs (simulation with unsigned announces): a prepared key is about 19 KB. */
  private final SigningKey identity;
  private final NodeAddress address;
  private final long self;
  private final byte[] publicKey;
  private final MeshConfig config;
  private final Clock clock;
  private final Scheduler scheduler;
  private final RandomSource random;
  private final Executor callbacks;
  private final EventLoop loop;
  private final boolean ownsLoop;
  private final LinkPort[] ports;
  private final DuplicateCache duplicates;
  private final NeighbourTable neighbours;
  private final KeyCache keys;
  private final AnnounceTimer announceTimer;
  @SuppressWarnings("rawtypes")
  private final RelayPolicy policy;
  private final Pending pending;
  /** Store-and-forward queue; a TreeMap inside, so it costs nothing until a frame is held. */
  private final StoreForwardQueue held = new StoreForwardQueue();
  private final SyncSessions sync;
  /** The uplink bridge if this node is a mesh station, else null. */
  private final StationBridge bridge;
  private final ArrayDeque<byte[]> downlinkBacklog = new ArrayDeque<>();
  private long handedOver;
  private final AnnounceCodec.KnownKeys knownKeys;
  private final FrameView view = new FrameView();
  /** The announce being received, read in place from the buffer of {@link #view}. */
  private final AnnounceView announce = new AnnounceView();
  /** The topic bytes {@link #topicOf} decoded last (at most a frame's length) and their string. */
  private byte[] lastTopicBytes;
  private String lastTopic;
  private final Rx rx = new Rx();
  private final FrameView originView = new FrameView();
  private final Rx originRx = new Rx();
  private final ConcurrentHashMap<String, CopyOnWriteArrayList<Sub>> subscriptions = new ConcurrentHashMap<>();
  /** Handlers of topic-less unicast messages ({@link #receive}). */
  private final CopyOnWriteArrayList<Sub> receivers = new CopyOnWriteArrayList<>();
  private final UnicastEngine unicast;
  private final long[] infoDest = new long[MAX_INFO_REQUESTS];
  private final int[] infoNonce = new int[MAX_INFO_REQUESTS];
  private final long[] infoTimer = new long[MAX_INFO_REQUESTS];
  private final int[] infoGeneration = new int[MAX_INFO_REQUESTS];
  @SuppressWarnings("unchecked")
  private final CompletableFuture<NodeInfo>[] infoFuture =
      new CompletableFuture[MAX_INFO_REQUESTS];
  private long startedAt;
  /** Per-source token buckets and replay windows; created at the first frame it judges. */
  private SourceLimiter limiter;
  private final AirtimeMeter airtime = new AirtimeMeter();
  private long airtimeSentSeen;
  // Extensions of the frame in the view, read once per reception by scanExtensions().
  private boolean extExpiring;
  private long extExpiresAt;
  private int extTopicOff;
  private int extTopicLen;
  private int extOriginHop;
  private long extFirstId;

  private final long[] drops = new long[DropReason.values().length];
  private long originated;
  private long delivered;
  private long received;
  private long relayed;
  private long announcesSent;
  private long hopAcksSent;
  private long announceTimerId = Scheduler.REJECTED;
  private long announceSeq;
  private int nextMessageId;
  private boolean started;
  private boolean closed;

  /**
   * Use {@link MeshNode#builder()}.
   *
   * @param loop the event loop the node runs on, or null when the caller (a simulator) drives it
   * @param ownsLoop true if the node made its loop and stops it on close
   * @param callbacks where application handlers run, or null to run them on the node's thread
   * @param trustedKeys keys known to pass the key rules for their address without checking, or null
   * @param uplink the wide-area uplink of a mesh station, or null for an ordinary node
   * @param trustedStations with an uplink: the key of a trusted station by address (downlinks from others
   *     are dropped), else null
   */
  public Router(SigningKey identity, List<Link> links, Clock clock, Scheduler scheduler, RandomSource random,
      MeshConfig config, Executor callbacks, EventLoop loop, boolean ownsLoop,
      RelayPolicy.Factory policyFactory, AnnounceCodec.KnownKeys trustedKeys, Uplink uplink,
      Function<NodeAddress, PublicKey> trustedStations) {
    this.identity = config.signBroadcasts() || !config.simulationUnsignedAnnounces() ? identity : null;
    this.address = identity.nodeAddress();
    this.self = address.value();
    this.publicKey = identity.publicKey().toBytes();
    this.config = config;
    this.clock = clock;
    this.scheduler = scheduler;
    this.random = random;
    this.callbacks = callbacks;
    this.loop = loop;
    this.ownsLoop = ownsLoop;
    this.ports = new LinkPort[links.size()];
    for (int i = 0; i < ports.length; i++) {
      ports[i] = new LinkPort(links.get(i), i, random.nextInt(LinkPacket.MAX_TAG + 1));
    }
    this.duplicates = new DuplicateCache(config.duplicateCacheCapacity(), config.duplicateRetentionMillis(),
        random.nextLong());
    this.neighbours = new NeighbourTable(config.maxNeighbours(), self);
    this.keys = new KeyCache(config.keyCacheCapacity());
    this.announceTimer = new AnnounceTimer(config.announceMinIntervalMillis(),
        config.announceMaxIntervalMillis(), random);
    this.policy = policyFactory.create(this);
    this.pending = new Pending(config.maxPendingRelays());
    AnnounceCodec.KnownKeys cached = keys::isKnown;
    this.knownKeys = trustedKeys == null ? cached
        : (src, buf, off) -> cached.isKnown(src, buf, off) || trustedKeys.isKnown(src, buf, off);
    this.nextMessageId = (int) random.nextLong();
    // Above every announce SEQ of an earlier run that announced at most once a second (Trickle's floor).
    this.announceSeq = clock.unixSeconds() & Frame.MAX_SEQUENCE;
    this.sync = new SyncSessions(held, new SyncSessions.Sender() {
      @Override
      public void sendSync(long neighbour, byte[] payload) {
        sendSyncFrame(neighbour, payload);
      }

      @Override
      public void sendFrame(long neighbour, byte[] frame) {
        sendToNeighbour(neighbour, frame);
      }
    });
    this.unicast = new UnicastEngine(new UnicastHost(), config.routeTableCapacity(),
        ROUTE_LIFETIME_MILLIS, Math.min(config.duplicateCacheCapacity(), DELIVERED_CACHE_CAPACITY),
        config.duplicateRetentionMillis());
    this.bridge = uplink == null ? null
        : new StationBridge(identity, uplink, trustedStations == null ? a -> null : trustedStations,
            this::downlinked, clock);
  }

  // ---------------------------------------------------------------- MeshNode

  @Override
  public NodeAddress address() {
    return address;
  }

  @Override
  public void start() {
    if (loop != null && !loop.inLoop()) {
      loop.start();
      loop.execute(this::start);
      return;
    }
    if (started || closed) {
      return;
    }
    started = true;
    startedAt = clock.nowMillis();
    for (LinkPort p : ports) {
      p.link().start(this);
    }
    if (bridge != null) {
      bridge.start();
    }
    if (config.announcesEnabled()) {
      armAnnounce(announceTimer.start(clock.nowMillis()));
    }
  }

  @Override
  public int publish(String topic, byte[] payload) {
    byte[] t = topic.getBytes(StandardCharsets.UTF_8);
    if (t.length < 1 || t.length > FrameExtension.MAX_TOPIC_LENGTH) {
      throw new IllegalArgumentException("a topic has 1.." + FrameExtension.MAX_TOPIC_LENGTH + " UTF-8 bytes");
    }
    byte[] body = payload.clone();
    int id = nextMessageId();
    if (loop != null && !loop.inLoop()) {
      loop.execute(() -> originateBroadcast(id, t, body));
    } else {
      originateBroadcast(id, t, body);
    }
    return id;
  }

  @Override
  public Subscription subscribe(String topic, MessageHandler handler) {
    if (topic == null || handler == null) {
      throw new IllegalArgumentException("topic and handler are required");
    }
    Sub s = new Sub(topic, handler);
    subscriptions.computeIfAbsent(topic, k -> new CopyOnWriteArrayList<>()).add(s);
    return s;
  }

  @Override
  public CompletableFuture<Delivery> send(NodeAddress destination, byte[] payload) {
    return sendUnicast(destination, null, payload.clone());
  }

  @Override
  public CompletableFuture<Delivery> ping(NodeAddress destination) {
    return sendUnicast(destination, PING_TOPIC.getBytes(StandardCharsets.UTF_8), new byte[0]);
  }

  private CompletableFuture<Delivery> sendUnicast(NodeAddress destination, byte[] topic, byte[] payload) {
    if (destination.value() == self) {
      throw new IllegalArgumentException("a node does not send to itself");
    }
    if (loop != null && !loop.inLoop()) {
      return onLoop(() -> sendUnicast(destination, topic, payload));
    }
    if (closed) {
      return CompletableFuture.failedFuture(
          new DeliveryFailedException(DeliveryFailedException.Reason.CLOSED, 0));
    }
    originated++;
    return unicast.send(destination.value(), topic, payload);
  }

  @Override
  public CompletableFuture<NodeInfo> nodeInfo(NodeAddress destination) {
    if (loop != null && !loop.inLoop()) {
      return onLoop(() -> nodeInfo(destination));
    }
    CompletableFuture<NodeInfo> f = new CompletableFuture<>();
    int slot = -1;
    for (int i = 0; i < MAX_INFO_REQUESTS && slot < 0; i++) {
      if (infoFuture[i] == null) {
        slot = i;
      }
    }
    if (closed || slot < 0) {
      f.completeExceptionally(new DeliveryFailedException(closed
          ? DeliveryFailedException.Reason.CLOSED
          : DeliveryFailedException.Reason.TOO_MANY_IN_FLIGHT, 0));
      return f;
    }
    int nonce = random.nextInt(Integer.MAX_VALUE);
    int s = slot;
    infoDest[s] = destination.value();
    infoNonce[s] = nonce;
    infoFuture[s] = f;
    infoTimer[s] = scheduler.schedule(clock.nowMillis() + INFO_TIMEOUT_MILLIS, this, TIMER_INFO,
        (long) infoGeneration[s] << 32 | s);
    sendUnicast(destination, INFO_TOPIC.getBytes(StandardCharsets.UTF_8), intBytes(nonce))
        .whenComplete((d, e) -> {
          if (e != null) {
            endInfo(s, null, e instanceof CompletionException ? e.getCause() : e);
          }
        });
    return f;
  }

  /** Runs {@code call} on the node's loop; the returned future follows the one it makes there. */
  private <T> CompletableFuture<T> onLoop(java.util.function.Supplier<CompletableFuture<T>> call) {
    CompletableFuture<T> f = new CompletableFuture<>();
    loop.execute(() -> call.get().whenComplete((v, e) -> {
      if (e != null) {
        f.completeExceptionally(e);
      } else {
        f.complete(v);
      }
    }));
    return f;
  }

  /** Ends node-info request {@code s} with {@code info}, or with {@code error} if info is null. */
  private void endInfo(int s, NodeInfo info, Throwable error) {
    CompletableFuture<NodeInfo> f = infoFuture[s];
    if (f == null) {
      return;
    }
    infoFuture[s] = null;
    infoGeneration[s] = (infoGeneration[s] + 1) & 0x7FFF_FFFF;
    scheduler.cancel(infoTimer[s]);
    if (info != null) {
      f.complete(info);
    } else {
      f.completeExceptionally(error);
    }
  }

  private static byte[] intBytes(int v) {
    return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
  }

  /** This node's answer to a node-info request. */
  private NodeInfo ownInfo() {
    return new NodeInfo(address, 1, Math.max(0, (clock.nowMillis() - startedAt) / 1000),
        neighbours.size(), congestionLevel(clock.nowMillis()), relayed, delivered, bridge != null);
  }

  @Override
  public Subscription receive(MessageHandler handler) {
    if (handler == null) {
      throw new IllegalArgumentException("handler is required");
    }
    Sub s = new Sub(null, handler);
    receivers.add(s);
    return s;
  }

  @Override
  public NodeStats stats() {
    Map<DropReason, Long> m = new EnumMap<>(DropReason.class);
    for (DropReason r : DropReason.values()) {
      m.put(r, drops[r.ordinal()]);
    }
    long tx = 0;
    for (LinkPort p : ports) {
      tx += p.packetsSent();
    }
    return new NodeStats(originated, tx, delivered, received, relayed, announcesSent, m);
  }

  @Override
  public void close() {
    if (loop != null && !loop.inLoop()) {
      loop.execute(this::close);
      return;
    }
    if (closed) {
      return;
    }
    closed = true;
    scheduler.cancel(announceTimerId);
    unicast.close();
    for (int s = 0; s < MAX_INFO_REQUESTS; s++) {
      endInfo(s, null, new DeliveryFailedException(
          DeliveryFailedException.Reason.CLOSED, 0));
    }
    for (int p = 0; p < pending.capacity; p++) {
      if (pending.used[p]) {
        free(p);
      }
    }
    for (LinkPort p : ports) {
      p.link().stop();
    }
    if (ownsLoop) {
      loop.close();
    }
  }

  // ---------------------------------------------------------------- RelayContext

  @Override
  public long self() {
    return self;
  }

  @Override
  public long nowMillis() {
    return clock.nowMillis();
  }

  @Override
  public RandomSource random() {
    return random;
  }

  @Override
  public MeshConfig config() {
    return config;
  }

  @Override
  public NeighbourView neighbours() {
    return neighbours;
  }

  @Override
  public long airtimeMicros(int frameBytes) {
    long worst = 0;
    for (LinkPort p : ports) {
      var profile = p.link().profile();
      int mtu = profile.mtu();
      long t;
      if (frameBytes <= mtu) {
        t = profile.airtimeMicros(frameBytes);
      } else {
        int chunk = mtu - LinkPacket.FRAGMENT_HEADER_LENGTH;
        int count = (frameBytes + chunk - 1) / chunk;
        int last = frameBytes - (count - 1) * chunk;
        t = (count - 1) * profile.airtimeMicros(mtu) + profile.airtimeMicros(last + LinkPacket.FRAGMENT_HEADER_LENGTH);
      }
      worst = Math.max(worst, t);
    }
    return worst;
  }

  /** The neighbour table (for the simulator and tests). */
  public NeighbourTable neighbourTable() {
    return neighbours;
  }

  /** The key cache (for the simulator and tests). */
  public KeyCache keyCache() {
    return keys;
  }

  /** The duplicate cache (for the simulator and tests). */
  public DuplicateCache duplicateCache() {
    return duplicates;
  }

  /**
   * An upper bound on this node's table memory in bytes, from the configured bounds (object headers
   * approximated): duplicate cache, neighbour table with full adjacency lists, key cache, relay states
   * each holding a frame of the largest size, the store-and-forward queue, per-link packet buffers and the
   * reassemblers created so far.
   */
  public long memoryBoundBytes() {
    long dupSlots = Integer.highestOneBit(config.duplicateCacheCapacity() * 2 - 1) << 1;
    long bytes = dupSlots * 8 + config.duplicateCacheCapacity() * 16L;
    bytes += config.maxNeighbours() * (120L + 5L * Announce.MAX_ENTRIES);
    bytes += config.keyCacheCapacity() * 160L;
    for (LinkPort p : ports) {
      bytes += p.link().profile().mtu() + (p.hasReassembler() ? p.reassembler().bufferBytes() : 0);
    }
    // A relay state may hold a reassembled frame of the largest size while it waits.
    bytes += config.maxPendingRelays() * (80L + Frame.MAX_LENGTH);
    // Store-and-forward: its byte bound plus about 150 bytes of bookkeeping per frame.
    bytes += StoreForwardQueue.DEFAULT_MAX_BYTES + 150L * StoreForwardQueue.DEFAULT_MAX_FRAMES;
    return bytes;
  }

  /** Relay states held now. */
  public int pendingRelays() {
    return pending.size;
  }

  // ---------------------------------------------------------------- receive path

  @Override
  public void onPacket(Link link, long peer, byte[] packet, int off, int len, boolean linkUnicast,
      int rssiDbm, int snrQuarterDb, int lossPermille) {
    if (closed) {
      return;
    }
    LinkPort port = portOf(link);
    if (port == null) {
      return;
    }
    long now = clock.nowMillis();
    int transmitterSlot = neighbours.slotOfPeer(port.index(), peer);
    airtime.received(transmitterSlot, port.link().profile().airtimeMicros(len), now);
    byte[] fb = packet;
    int fo = off;
    int fl = len;
    try {
      // 1. Reassemble (a reassembler exists only once a fragment arrived) and decode into the reused view.
      if (len > 0 && LinkPacket.isFragment(packet[off])) {
        Reassembler r = port.reassembler();
        Reassembler.Outcome o = r.accept(peer, packet, off, len, now);
        if (o != Reassembler.Outcome.COMPLETED) {
          return;
        }
        fb = r.frameBuffer();
        fo = r.frameOffset();
        fl = r.frameLength();
      }
      FrameDecoder.decode(fb, fo, fl, view);
    } catch (MtcDecodeException e) {
      count(DropReason.MALFORMED);
      return;
    }
    received++;
    rx.set(view, Math.min(view.hopLimit(), config.maxHopLimit()), port.index(), peer, linkUnicast, rssiDbm,
        snrQuarterDb, transmitterSlot);
    handleFrame(port, peer, lossPermille, now);
  }

  private void handleFrame(LinkPort port, long peer, int lossPermille, long now) {
    long source = view.sourceValue();
    int id = view.messageId();
    int type = view.type();
    // Unicast DATA and ACK take part in unicast delivery (spec/routing-unicast.md): their extensions are
    // read before the duplicate check, since duplicates also teach routes and get hop acknowledgements.
    boolean unicastKind = view.isUnicast() && (type == FrameType.DATA.code() || type == FrameType.ACK.code());
    boolean scanned = false;
    if (unicastKind) {
      if (type == FrameType.ACK.code() && AckCodec.kindOf(view.buffer(), view.payloadOffset(),
          view.payloadLength()) == Ack.KIND_HOP) {
        handleHopAck(source);
        return;
      }
      if (source != self) {
        scanExtensions();
        scanned = true;
        receiveUnicastCopy(port, peer, source, id, now);
      }
    }
    // 2. Our own frame, echoed by a relay: an implicit acknowledgement for a live relay state.
    if (source == self) {
      creditDuplicate(source, id);
      count(DropReason.OWN);
      return;
    }
    // 3. Seen before.
    if (duplicates.contains(source, id)) {
      creditDuplicate(source, id);
      count(DropReason.DUPLICATE);
      return;
    }
    // 4. Expiry, and the type-specific rules.
    if (!scanned) {
      scanExtensions();
    }
    boolean expiring = extExpiring;
    long expiresAt = extExpiresAt;
    int topicOff = extTopicOff;
    int topicLen = extTopicLen;
    if (expiring) {
      // expires_at is an unsigned 64-bit varint: values of 2^63 and above read as negative longs.
      long unix = clock.unixSeconds();
      if (Long.compareUnsigned(expiresAt, unix) < 0) {
        count(DropReason.EXPIRED);
        return;
      }
      if (expiresAt < 0 || expiresAt - unix > config.maxFutureSeconds()) {
        count(DropReason.TOO_FAR_FUTURE);
        return;
      }
    }
    if (type == FrameType.ANNOUNCE.code()) {
      handleAnnounce(port, peer, lossPermille, now);
      return;
    }
    // Limits (spec/routing-limits.md): measured airtime share of the transmitter, then the source's bucket and
    // replay window. Before the cache, so a copy dropped here does not stop a later one.
    if (type != SYNC_TYPE && !passesLimits(source, now)) {
      return;
    }
    // 5. Signatures: a signed frame from a source whose key this node holds must verify, and a neighbour
    // that announced SIGNS_ALL sends nothing unsigned.
    boolean verified = false;
    if (!view.isSigned()) {
      int slot = neighbours.slotOf(source);
      if (slot >= 0 && (neighbours.flags(slot) & Announce.FLAG_SIGNS_ALL) != 0) {
        count(DropReason.BAD_SIGNATURE);
        return;
      }
    } else {
      PublicKey key = keys.get(source);
      if (key != null) {
        if (!verifyFrame(key)) {
          count(DropReason.BAD_SIGNATURE);
          return;
        }
        verified = true;
      }
    }
    // 6. Remember, deliver, decide.
    if (duplicates.insert(source, id, now) == DuplicateCache.Result.FULL) {
      count(DropReason.CACHE_FULL);
      return;
    }
    if (view.hasSequence() && limiter != null && type != SYNC_TYPE) {
      limiter.markSeen(source, view.sequenceValue(), now);
    }
    boolean forMe = view.isUnicast() && view.destinationValue() == self;
    if (type == SYNC_TYPE) {
      // Never relayed. Taken only link-unicast, with hop limit 0, from a neighbour (spec/routing-sync.md 5.0).
      if (!forMe || !rx.linkUnicast() || view.hopLimit() != 0 || neighbours.slotOf(source) < 0
          || !sync.onSync(source, view.buffer(), view.payloadOffset(), view.payloadLength(), now,
              clock.unixSeconds())) {
        count(DropReason.UNHANDLED);
      }
      return;
    }
    if (bridge != null) {
      // A station carries what it hears (by radio or a sync push) to the wide area (section 7).
      byte[] copy = new byte[view.length()];
      System.arraycopy(view.buffer(), view.offset(), copy, 0, copy.length);
      bridge.uplink(copy);
    }
    if (forMe) {
      receiveForMe(type, source, id, topicOff, topicLen, verified, now);
      return;
    }
    if (view.isUnicast() && expiring && neighbours.slotOf(view.destinationValue()) < 0) {
      // Store-and-forward (spec/routing-sync.md section 2): hold a copy for a destination that is not a
      // neighbour now, and hand it over when it appears; the frame is relayed as usual meanwhile.
      byte[] copy = new byte[view.length()];
      System.arraycopy(view.buffer(), view.offset(), copy, 0, copy.length);
      boolean stranger = neighbours.slotOf(source) < 0 && keys.get(source) == null;
      held.offer(copy, expiresAt, source, true, view.destinationValue(), stranger, clock.unixSeconds());
    }
    long next = unicastKind ? unicast.nextHop(view.destinationValue(), transmitterAddress(), now) : 0;
    UnicastDecision.Action action = !unicastKind ? UnicastDecision.Action.RELAY_POLICY
        : UnicastDecision.forward(false, rx.linkUnicast(), extFirstId != UnicastEngine.NO_FIRST_ID,
            rx.hopLimit(), next);
    if (action == UnicastDecision.Action.HOP_LIMIT) {
      count(DropReason.HOP_LIMIT);
      return;
    }
    if (action != UnicastDecision.Action.RELAY_POLICY) {
      // A routed copy handed to this node as next hop, or a flooded first attempt that this node knows the
      // way for: on along the route (spec/routing-unicast.md section 4). Flooded retries stay flooded, so
      // a route that leads nowhere cannot swallow them.
      int hop = rx.hopLimit() - 1;
      byte saved = view.buffer()[view.offset() + 2];
      view.buffer()[view.offset() + 2] = (byte) hop;
      if (action == UnicastDecision.Action.ROUTE) {
        unicast.forwardRouted(view.buffer(), view.offset(), view.length(), source, id, view.destinationValue(),
            next);
      } else {
        // No route: this node was chosen as next hop, so it broadcasts the copy once itself rather than
        // ask the relay policy, whose coverage reasoning may count on neighbours this node has not heard.
        for (LinkPort lp : ports) {
          lp.broadcast(view.buffer(), view.offset(), view.length());
        }
        unicast.countFallback();
      }
      view.buffer()[view.offset() + 2] = saved;
      relayed++;
      return;
    }
    int p = pending.allocate(source, id, now);
    if (p < 0) {
      evictOldestPending();
      p = pending.allocate(source, id, now);
    }
    pending.copyFrame(p, view.buffer(), view.offset(), view.length());
    @SuppressWarnings("unchecked")
    RelayDecision d = policy.onFirstCopy(state(p), rx);
    apply(p, d, now);
    // Delivery comes last: a handler running on this thread may publish, which reuses nothing of this
    // reception but must not run in the middle of it.
    if (type == FrameType.DATA.code() && !view.isUnicast() && topicOff >= 0) {
      deliverBroadcast(topicOff, topicLen, verified);
    }
  }

  /** The limits step of the receive path; counts the drop and returns false if the frame is stopped. */
  private boolean passesLimits(long source, long now) {
    int level = congestionLevel(now);
    if (level >= 1 && airtime.hogging(rx.transmitterSlot(), now)) {
      count(DropReason.CONGESTED_PEER);
      return false;
    }
    if (limiter == null) {
      limiter = new SourceLimiter(config.sourceTableCapacity(), config.sourceFramesPerSecond(),
          config.sourceBurst());
    }
    SourceLimiter.Verdict v = limiter.admit(source, view.hasSequence() ? view.sequenceValue() : -1, now);
    if (v == SourceLimiter.Verdict.RATE_LIMITED) {
      count(DropReason.RATE_LIMITED);
      return false;
    }
    if (v == SourceLimiter.Verdict.REPLAY) {
      count(DropReason.REPLAY);
      return false;
    }
    return true;
  }

  /**
   * The congestion level, 0..2, from the airtime this node measured (spec/routing-limits.md section 4):
   * relay delays are multiplied by 2^level.
   */
  public int congestionLevel(long now) {
    long sent = 0;
    for (LinkPort p : ports) {
      sent += p.airtimeSentMicros();
    }
    if (sent != airtimeSentSeen) {
      airtime.sent(sent - airtimeSentSeen, now);
      airtimeSentSeen = sent;
    }
    return airtime.level(now);
  }

  @Override
  public void onBusy(Link link, long busyMicros) {
    if (!closed && busyMicros > 0) {
      airtime.busy(busyMicros, clock.nowMillis());
    }
  }

  /** Reads the extensions routing uses from the frame in the view into the ext* fields. */
  private void scanExtensions() {
    extExpiring = false;
    extExpiresAt = 0;
    extTopicOff = -1;
    extTopicLen = 0;
    extOriginHop = -1;
    extFirstId = UnicastEngine.NO_FIRST_ID;
    TlvReader ext = view.extensions();
    byte[] b = view.buffer();
    while (ext.next()) {
      long t = ext.type();
      if (t == FrameExtension.EXPIRES_AT.type()) {
        extExpiresAt = Varint.read(b, ext.valueOffset(), ext.valueOffset() + ext.valueLength(), "expires_at");
        extExpiring = true;
      } else if (t == FrameExtension.TOPIC.type()) {
        extTopicOff = ext.valueOffset();
        extTopicLen = ext.valueLength();
      } else if (t == FrameExtension.ORIGIN_HOP_LIMIT.type()) {
        extOriginHop = b[ext.valueOffset()] & 0xFF;
      } else if (t == FrameExtension.FIRST_ID.type()) {
        extFirstId = Integer.toUnsignedLong(readInt(b, ext.valueOffset()));
      }
    }
  }

  /** The address of the neighbour that transmitted the frame in the view, or 0 if it is not in the table. */
  private long transmitterAddress() {
    int slot = rx.transmitterSlot();
    return slot >= 0 ? neighbours.address(slot) : 0;
  }

  /** Hops the frame in the view travelled: 1 from a neighbour that originated it. -1 without origin_hop_limit. */
  private int hopsTravelled() {
    return extOriginHop < 0 ? -1 : extOriginHop - view.hopLimit() + 1;
  }

  /**
   * Every copy of a unicast DATA or END ack from another node, before the duplicate check: learn the
   * reverse route, and acknowledge a copy that was handed to this node as next hop (spec/routing-unicast.md
   * section 4).
   */
  private void receiveUnicastCopy(LinkPort port, long peer, long source, int id, long now) {
    long via = transmitterAddress();
    unicast.learn(source, via, hopsTravelled(), now);
    if (rx.linkUnicast()) {
      // Addressed to the transmitter if this node knows its address, else to the frame's source: the link
      // delivers it to the transmitter either way, which matches it by (source, id) and the acker.
      long to = via != 0 ? via : source;
      Frame ack = new Frame(FrameType.ACK.code(), 0, nextMessageId(), address, new NodeAddress(to),
          OptionalLong.empty(), List.of(), Bytes.copyOf(AckCodec.encode(new Ack.Hop(source, id))), null);
      byte[] wire = ack.encode();
      port.sendTo(peer, wire, 0, wire.length);
      hopAcksSent++;
    }
  }

  /** A HOP acknowledgement: hop limit 0, link-unicast, for this node; never cached or relayed. */
  private void handleHopAck(long from) {
    Ack.Hop h = (Ack.Hop) AckCodec.decode(view.buffer(), view.payloadOffset(), view.payloadLength());
    long to = view.destinationValue();
    if (!rx.linkUnicast() || view.hopLimit() != 0 || (to != self && to != h.source())) {
      count(DropReason.NOT_NEXT_HOP);
      return;
    }
    if (!unicast.onHopAck(from, h.source(), h.messageId())) {
      count(DropReason.UNHANDLED);
    }
  }

  /** A first copy addressed to this node. */
  private void receiveForMe(int type, long source, int id, int topicOff, int topicLen, boolean verified, long now) {
    if (type == FrameType.DATA.code()) {
      byte[] topic = null;
      if (topicOff >= 0) {
        topic = new byte[topicLen];
        System.arraycopy(view.buffer(), topicOff, topic, 0, topicLen);
      }
      byte[] payload = new byte[view.payloadLength()];
      System.arraycopy(view.buffer(), view.payloadOffset(), payload, 0, payload.length);
      int hops = hopsTravelled();
      unicast.onDataForMe(source, id, extFirstId, hops < 1 ? 1 : hops, topic, payload, verified, now);
      return;
    }
    if (type == FrameType.ACK.code()
        && AckCodec.kindOf(view.buffer(), view.payloadOffset(), view.payloadLength()) == Ack.KIND_END) {
      Ack.End e = (Ack.End) AckCodec.decode(view.buffer(), view.payloadOffset(), view.payloadLength());
      if (unicast.onEndAck(source, e, now)) {
        return;
      }
    }
    count(DropReason.UNHANDLED);
  }

  private void creditDuplicate(long source, int id) {
    int p = pending.find(source, id);
    if (p >= 0) {
      @SuppressWarnings("unchecked")
      RelayDecision d = policy.onDuplicate(state(p), rx);
      apply(p, d, clock.nowMillis());
    }
  }

  private boolean verifyFrame(PublicKey key) {
    byte[] msg = new byte[view.signedMessageLength()];
    view.writeSignedMessage(msg, 0);
    byte[] sig = new byte[Frame.SIGNATURE_LENGTH];
    System.arraycopy(view.buffer(), view.signatureOffset(), sig, 0, sig.length);
    return key.verify(msg, sig);
  }

  private void deliverBroadcast(int topicOff, int topicLen, boolean verified) {
    if (subscriptions.isEmpty()) {
      return;
    }
    String topic = topicOf(view.buffer(), topicOff, topicLen);
    List<Sub> subs = subscriptions.get(topic);
    if (subs == null || subs.isEmpty()) {
      return;
    }
    byte[] payload = new byte[view.payloadLength()];
    System.arraycopy(view.buffer(), view.payloadOffset(), payload, 0, payload.length);
    Message m = new Message(new NodeAddress(view.sourceValue()), view.messageId(), topic, payload, verified);
    delivered++;
    for (Sub s : subs) {
      if (callbacks == null) {
        s.handler.onMessage(m);
      } else {
        callbacks.execute(() -> s.handler.onMessage(m));
      }
    }
  }

  /**
   * The topic in {@code buf[off, off + len)} as a string: the last one decoded if the bytes are the same
   * (a node receives mostly one topic; its string keeps its hash for the subscription lookup).
   */
  private String topicOf(byte[] buf, int off, int len) {
    byte[] last = lastTopicBytes;
    if (last != null && Arrays.equals(last, 0, last.length, buf, off, off + len)) {
      return lastTopic;
    }
    String topic = new String(buf, off, len, StandardCharsets.UTF_8);
    lastTopicBytes = Arrays.copyOfRange(buf, off, off + len);
    lastTopic = topic;
    return topic;
  }

  // ---------------------------------------------------------------- announces

  private void handleAnnounce(LinkPort port, long peer, int lossPermille, long now) {
    expireNeighbours(now);
    if (!view.hasSequence()) {
      count(DropReason.MALFORMED);
      return;
    }
    long source = view.sourceValue();
    AnnounceView a;
    try {
      a = announce.reset(view.buffer(), view.payloadOffset(), view.payloadLength(), source, knownKeys);
    } catch (MtcDecodeException e) {
      count(DropReason.MALFORMED);
      return;
    }
    long seq = view.sequenceValue();
    if (neighbours.isReplay(source, seq, now)) {
      count(DropReason.REPLAY);
      return;
    }
    byte[] buf = a.buffer();
    int keyOff = a.publicKeyOffset();
    if (!config.simulationUnsignedAnnounces()) {
      PublicKey pk = keys.isKnown(source, buf, keyOff) ? keys.get(source)
          : PublicKey.fromBytes(Arrays.copyOfRange(buf, keyOff, keyOff + 32));
      if (!verifyFrame(pk)) {
        count(DropReason.BAD_SIGNATURE);
        return;
      }
    }
    keys.put(source, buf, keyOff);
    // Read before anything is sent: the announce is a view over the receive buffer.
    boolean syncWanted = wantsSync(source, a);
    NeighbourTable.Outcome o = neighbours.accept(source, seq, a, port.index(),
        peer, lossPermille == UNKNOWN ? -1 : lossPermille, now);
    switch (o) {
      case NEW -> {
        resetAnnounceTimer(now);
        handOver(source, port, peer);
        maybeOpenSync(source, syncWanted, now);
      }
      case UPDATED -> maybeOpenSync(source, syncWanted, now);
      case REPLAY -> count(DropReason.REPLAY);
      case TABLE_FULL -> count(DropReason.TABLE_FULL);
      case PEER_CONFLICT -> count(DropReason.PEER_CONFLICT);
    }
  }

  /**
   * A station reconciles its held frames with each neighbour it meets (spec/routing-sync.md section 5.0):
   * once the neighbour's announce lists the station (so the neighbour will accept the OPEN); of two
   * stations the lower address opens. True if {@code a}, from {@code neighbour}, calls for that.
   */
  private boolean wantsSync(long neighbour, AnnounceView a) {
    if (bridge == null || ((a.flags() & Announce.FLAG_STATION) != 0 && self > neighbour)) {
      return false;
    }
    int myPrefix = NeighbourView.prefixOf(self);
    boolean listsMe = false;
    for (int i = 0; i < a.neighbourCount(); i++) {
      listsMe |= a.prefix(i) == myPrefix;
    }
    return listsMe;
  }

  /**
   * Opens a sync session if {@link #wantsSync} said so, at most once per
   * {@link SyncSessions#RESYNC_MILLIS}.
   */
  private void maybeOpenSync(long neighbour, boolean wanted, long now) {
    if (wanted && sync.due(neighbour, now)) {
      sync.open(neighbour, nextMessageId(), random.nextLong(), now, clock.unixSeconds());
    }
  }

  /** A SYNC frame (type 4, hop limit 0, unsigned, no extensions) to a neighbour, link-unicast. */
  private void sendSyncFrame(long neighbour, byte[] payload) {
    Frame f = new Frame(SYNC_TYPE, 0, nextMessageId(), address, new NodeAddress(neighbour),
        OptionalLong.empty(), List.of(), Bytes.copyOf(payload), null);
    sendToNeighbour(neighbour, f.encode());
  }

  /** Sends frame bytes link-unicast to a neighbour over the link it was heard on. */
  private void sendToNeighbour(long neighbour, byte[] frame) {
    int slot = neighbours.slotOf(neighbour);
    if (slot < 0) {
      return;
    }
    ports[neighbours.linkIndex(slot)].sendTo(neighbours.peer(slot), frame, 0, frame.length);
  }

  /** A frame the station bridge accepted from the wide area: it enters the mesh on this node's loop. */
  private void downlinked(byte[] frame) {
    if (loop != null && !loop.inLoop()) {
      loop.execute(() -> downlinked(frame));
      return;
    }
    if (closed || downlinkBacklog.size() >= MAX_DOWNLINK_BACKLOG) {
      count(DropReason.OVERLOAD);
      return;
    }
    downlinkBacklog.add(frame);
    if (downlinkBacklog.size() == 1) {
      // Through the scheduler, not inline: the bridge may be running inside another node's receive path.
      scheduler.schedule(clock.nowMillis(), this, TIMER_DOWNLINK, 0);
    }
  }

  private void receiveDownlinked(byte[] frame, long now) {
    try {
      FrameDecoder.decode(frame, 0, frame.length, view);
    } catch (MtcDecodeException e) {
      count(DropReason.MALFORMED);
      return;
    }
    received++;
    rx.set(view, Math.min(view.hopLimit(), config.maxHopLimit()), 0, -1, false, UNKNOWN, UNKNOWN, -1);
    handleFrame(ports[0], -1, UNKNOWN, now);
  }

  /** Sync sessions opened, completed and aborted (for tests and the simulator). */
  public long[] syncCounts() {
    return new long[] {sync.opened(), sync.completed(), sync.aborted()};
  }

  /** The station bridge, or null if this node has no uplink. */
  public StationBridge stationBridge() {
    return bridge;
  }

  /** Sends the frames held for a neighbour that just appeared, link-unicast and unchanged. */
  private void handOver(long neighbour, LinkPort port, long peer) {
    if (held.size() == 0) {
      return;
    }
    for (StoreForwardQueue.Held h : held.framesFor(neighbour, clock.unixSeconds())) {
      if (port.sendTo(peer, h.frame(), 0, h.frame().length) > 0) {
        held.remove(h.key());
        handedOver++;
      }
    }
  }

  /** Frames this node holds for unreachable destinations (for the simulator and tests). */
  public StoreForwardQueue storeForward() {
    return held;
  }

  /** Held frames handed over to a destination that appeared. */
  public long handedOver() {
    return handedOver;
  }

  private void expireNeighbours(long now) {
    if (neighbours.expire(now) > 0) {
      resetAnnounceTimer(now);
    }
  }

  private void resetAnnounceTimer(long now) {
    if (!config.announcesEnabled() || !started) {
      return;
    }
    long due = announceTimer.reset(now);
    if (due >= 0) {
      scheduler.cancel(announceTimerId);
      armAnnounce(due);
    }
  }

  private void armAnnounce(long due) {
    announceTimerId = scheduler.schedule(due, this, TIMER_ANNOUNCE, 0);
  }

  private void sendAnnounce(long now) {
    boolean[] truncated = new boolean[1];
    List<NeighbourEntry> entries = neighbours.announceEntries(truncated);
    int flags = (policy.announceFlags() & (Announce.FLAG_RELAY | Announce.FLAG_MARKED))
        | (truncated[0] ? Announce.FLAG_TRUNCATED : 0) | (config.signBroadcasts() ? Announce.FLAG_SIGNS_ALL : 0)
        | (bridge != null ? Announce.FLAG_STATION : 0);
    Announce a = new Announce(flags, Bytes.copyOf(publicKey), announceTimer.declaredIntervalSeconds(now),
        entries, List.of());
    announceSeq = (announceSeq + 1) & Frame.MAX_SEQUENCE;
    Frame f = new Frame(FrameType.ANNOUNCE.code(), 0, nextMessageId(), address, null,
        OptionalLong.of(announceSeq), List.of(), Bytes.copyOf(a.encode()), ZERO_SIGNATURE);
    if (!config.simulationUnsignedAnnounces()) {
      f = f.withSignature(Bytes.copyOf(identity.sign(f.signedMessage())));
    }
    byte[] wire = f.encode();
    for (LinkPort p : ports) {
      p.broadcast(wire, 0, wire.length);
    }
    announcesSent++;
  }

  // ---------------------------------------------------------------- origination

  private synchronized int nextMessageId() {
    return nextMessageId++;
  }

  private void originateBroadcast(int id, byte[] topic, byte[] payload) {
    if (closed) {
      return;
    }
    long now = clock.nowMillis();
    int hop = config.publishHopLimit();
    List<Tlv> ext = new ArrayList<>(3);
    ext.add(new Tlv(FrameExtension.ORIGIN_HOP_LIMIT.type(), Bytes.copyOf(new byte[] {(byte) hop})));
    ext.add(new Tlv(FrameExtension.EXPIRES_AT.type(),
        Bytes.copyOf(Varint.encode(clock.unixSeconds() + config.messageLifetimeSeconds()))));
    ext.add(new Tlv(FrameExtension.TOPIC.type(), Bytes.copyOf(topic)));
    boolean sign = config.signBroadcasts();
    Frame f = new Frame(FrameType.DATA.code(), hop, id, address, null,
        sign ? OptionalLong.of(id & Frame.MAX_SEQUENCE) : OptionalLong.empty(), ext, Bytes.copyOf(payload),
        sign ? ZERO_SIGNATURE : null);
    if (sign) {
      f = f.withSignature(Bytes.copyOf(identity.sign(f.signedMessage())));
    }
    byte[] wire = f.encode();
    originated++;
    duplicates.insert(self, id, now);
    originate(wire, id, now);
  }

  /** Hands a frame this node made (already in its duplicate cache) to the relay policy. */
  private void originate(byte[] wire, int id, long now) {
    FrameDecoder.decode(wire, 0, wire.length, originView);
    originRx.setOriginated(originView, originView.hopLimit());
    int p = pending.allocate(self, id, now);
    if (p < 0) {
      evictOldestPending();
      p = pending.allocate(self, id, now);
    }
    pending.copyFrame(p, wire, 0, wire.length);
    pending.own[p] = true;
    @SuppressWarnings("unchecked")
    RelayDecision d = policy.onOriginate(state(p), originRx);
    apply(p, d, now);
  }

  /** Unicast frames from this node (spec/routing-unicast.md section 5). */
  private byte[] unicastFrame(int type, int id, long dest, long firstId, byte[] topic, byte[] payload) {
    int hop = config.publishHopLimit();
    List<Tlv> ext = new ArrayList<>(4);
    ext.add(new Tlv(FrameExtension.ORIGIN_HOP_LIMIT.type(), Bytes.copyOf(new byte[] {(byte) hop})));
    ext.add(new Tlv(FrameExtension.EXPIRES_AT.type(),
        Bytes.copyOf(Varint.encode(clock.unixSeconds() + config.messageLifetimeSeconds()))));
    if (firstId != UnicastEngine.NO_FIRST_ID) {
      ext.add(new Tlv(FrameExtension.FIRST_ID.type(), Bytes.copyOf(intBytes((int) firstId))));
    }
    if (topic != null) {
      ext.add(new Tlv(FrameExtension.TOPIC.type(), Bytes.copyOf(topic)));
    }
    boolean sign = config.signBroadcasts();
    Frame f = new Frame(type, hop, id, address, new NodeAddress(dest),
        sign ? OptionalLong.of(id & Frame.MAX_SEQUENCE) : OptionalLong.empty(), ext, Bytes.copyOf(payload),
        sign ? ZERO_SIGNATURE : null);
    if (sign) {
      f = f.withSignature(Bytes.copyOf(identity.sign(f.signedMessage())));
    }
    return f.encode();
  }

  /** Delivers a unicast message for this node: to {@link #receive} handlers, or a topic's subscribers. */
  private void deliverUnicast(long source, int id, byte[] topic, byte[] payload, boolean signed) {
    String t = topic == null ? null : new String(topic, StandardCharsets.UTF_8);
    if (PING_TOPIC.equals(t)) {
      return;
    }
    if (INFO_TOPIC.equals(t)) {
      if (payload.length == 4) {
        sendUnicast(new NodeAddress(source), INFO_REPLY_TOPIC.getBytes(StandardCharsets.UTF_8),
            NodeInfoCodec.encode(readInt(payload, 0), ownInfo()));
      } else {
        count(DropReason.MALFORMED);
      }
      return;
    }
    if (INFO_REPLY_TOPIC.equals(t)) {
      try {
        var reply = NodeInfoCodec.decode(payload, 0, payload.length,
            new NodeAddress(source));
        for (int s = 0; s < MAX_INFO_REQUESTS; s++) {
          if (infoFuture[s] != null && infoDest[s] == source && infoNonce[s] == reply.nonce()) {
            endInfo(s, reply.info(), null);
            return;
          }
        }
        count(DropReason.UNHANDLED);
      } catch (MtcDecodeException e) {
        count(DropReason.MALFORMED);
      }
      return;
    }
    List<Sub> subs = t == null ? receivers : subscriptions.get(t);
    if (subs == null || subs.isEmpty()) {
      return;
    }
    Message m = new Message(new NodeAddress(source), id, t, payload, signed);
    delivered++;
    for (Sub s : subs) {
      if (callbacks == null) {
        s.handler.onMessage(m);
      } else {
        callbacks.execute(() -> s.handler.onMessage(m));
      }
    }
  }

  /** Unicast counters: routed hops, hop retransmissions, flood fallbacks, END acks sent, HOP acks sent. */
  public long[] unicastCounts() {
    long[] c = unicast.counts();
    return new long[] {c[0], c[1], c[2], c[3], hopAcksSent};
  }

  /** The unicast route table (for the simulator and tests). */
  public RouteTable routeTable() {
    return unicast.routes();
  }

  /** What the unicast engine needs of this node. */
  private final class UnicastHost implements UnicastEngine.Host {
    @Override
    public long self() {
      return self;
    }

    @Override
    public long nowMillis() {
      return clock.nowMillis();
    }

    @Override
    public int randomInt(int bound) {
      return random.nextInt(bound);
    }

    @Override
    public long randomLong() {
      return random.nextLong();
    }

    @Override
    public NeighbourView neighbours() {
      return neighbours;
    }

    @Override
    public boolean sendToNeighbour(long neighbour, byte[] frame, int len) {
      int slot = neighbours.slotOf(neighbour);
      if (slot < 0) {
        return false;
      }
      return ports[neighbours.linkIndex(slot)].sendTo(neighbours.peer(slot), frame, 0, len) > 0;
    }

    @Override
    public void broadcastOnce(byte[] frame, int len) {
      for (LinkPort p : ports) {
        p.broadcast(frame, 0, len);
      }
    }

    @Override
    public void originateFlood(byte[] frame, int messageId) {
      originate(frame, messageId, clock.nowMillis());
    }

    @Override
    public void rememberOwn(int messageId) {
      duplicates.insert(self, messageId, clock.nowMillis());
    }

    @Override
    public long schedule(long atMillis, int kind, long arg) {
      return scheduler.schedule(atMillis, Router.this, kind, arg);
    }

    @Override
    public void cancel(long timerId) {
      scheduler.cancel(timerId);
    }

    @Override
    public long airtimeMicros(int frameBytes) {
      return Router.this.airtimeMicros(frameBytes);
    }

    @Override
    public int nextMessageId() {
      return Router.this.nextMessageId();
    }

    @Override
    public byte[] unicastFrame(int type, int messageId, long dest, long firstId, byte[] topic, byte[] payload) {
      return Router.this.unicastFrame(type, messageId, dest, firstId, topic, payload);
    }

    @Override
    public void deliver(long source, int messageId, byte[] topic, byte[] payload, boolean signed) {
      deliverUnicast(source, messageId, topic, payload, signed);
    }
  }

  // ---------------------------------------------------------------- relay machinery

  private Object state(int p) {
    Object s = pending.state[p];
    if (s == null) {
      s = policy.newState();
      pending.state[p] = s;
    }
    return s;
  }

  private void apply(int p, RelayDecision d, long now) {
    // Java 17 has no pattern switch; the chain covers every permitted subtype of the sealed interface.
    if (d instanceof RelayDecision.Schedule s) {
      arm(p, now + ((long) s.delayMillis() << congestionLevel(now)));
    } else if (d instanceof RelayDecision.Transmit t) {
      transmit(p, t.hopLimit());
      if (t.nextTimerMillis() >= 0) {
        arm(p, now + t.nextTimerMillis());
      } else {
        free(p);
      }
    } else if (d instanceof RelayDecision.Drop x) {
      count(x.reason());
      free(p);
    } else if (d instanceof RelayDecision.Cancel c) {
      count(c.reason());
      free(p);
    } else if (d instanceof RelayDecision.Done) {
      free(p);
    } else if (!(d instanceof RelayDecision.Keep)) {
      throw new IllegalStateException("relay policy returned " + d);
    }
  }

  private void arm(int p, long at) {
    scheduler.cancel(pending.timer[p]);
    long id = scheduler.schedule(at, this, TIMER_RELAY, (long) pending.generation[p] << 32 | p);
    if (id == Scheduler.REJECTED) {
      count(DropReason.OVERLOAD);
      free(p);
      return;
    }
    pending.timer[p] = id;
  }

  private void transmit(int p, int hopLimit) {
    byte[] f = pending.frame[p];
    f[2] = (byte) hopLimit;
    for (LinkPort port : ports) {
      port.broadcast(f, 0, pending.frameLength[p]);
    }
    pending.transmissions[p]++;
    if (!pending.own[p]) {
      relayed++;
    }
  }

  private void free(int p) {
    scheduler.cancel(pending.timer[p]);
    pending.release(p);
  }

  private void evictOldestPending() {
    int oldest = pending.oldest();
    count(DropReason.OVERLOAD);
    free(oldest);
  }

  @Override
  public void onTimer(int kind, long arg) {
    if (closed) {
      return;
    }
    long now = clock.nowMillis();
    if (kind == TIMER_INFO) {
      int s = (int) arg;
      if (s >= 0 && s < MAX_INFO_REQUESTS && infoGeneration[s] == (int) (arg >>> 32)) {
        endInfo(s, null, new DeliveryFailedException(
            DeliveryFailedException.Reason.TIMED_OUT, UnicastEngine.E2E_ATTEMPTS));
      }
      return;
    }
    if (kind == UnicastEngine.TIMER_HOP || kind == UnicastEngine.TIMER_SEND) {
      unicast.onTimer(kind, arg);
      return;
    }
    if (kind == TIMER_DOWNLINK) {
      while (!downlinkBacklog.isEmpty()) {
        receiveDownlinked(downlinkBacklog.poll(), now);
      }
      return;
    }
    if (kind == TIMER_ANNOUNCE) {
      expireNeighbours(now);
      sendAnnounce(now);
      armAnnounce(announceTimer.fired());
      return;
    }
    int p = (int) arg;
    int gen = (int) (arg >>> 32);
    if (p < 0 || p >= pending.capacity || !pending.used[p] || pending.generation[p] != gen) {
      return;
    }
    pending.timer[p] = Scheduler.REJECTED;
    @SuppressWarnings("unchecked")
    RelayDecision d = policy.onTimer(state(p), pending.transmissions[p]);
    apply(p, d, now);
  }

  // ---------------------------------------------------------------- helpers

  private LinkPort portOf(Link link) {
    for (LinkPort p : ports) {
      if (p.link() == link) {
        return p;
      }
    }
    return null;
  }

  private static int readInt(byte[] b, int o) {
    return (b[o] & 0xFF) << 24 | (b[o + 1] & 0xFF) << 16 | (b[o + 2] & 0xFF) << 8 | (b[o + 3] & 0xFF);
  }

  private void count(DropReason r) {
    drops[r.ordinal()]++;
  }

  /** A live subscription. */
  private final class Sub implements Subscription {
    final String topic;
    final MessageHandler handler;

    Sub(String topic, MessageHandler handler) {
      this.topic = topic;
      this.handler = handler;
    }

    @Override
    public String topic() {
      return topic;
    }

    @Override
    public void close() {
      if (topic == null) {
        receivers.remove(this);
        return;
      }
      List<Sub> l = subscriptions.get(topic);
      if (l != null) {
        l.remove(this);
      }
    }
  }

  /** The reused {@link Reception}. */
  private static final class Rx implements Reception {
    long source;
    int messageId;
    int type;
    boolean unicast;
    long destination;
    int hopLimit;
    boolean originated;
    int linkIndex;
    long peer;
    boolean linkUnicast;
    int rssi;
    int snr;
    int transmitter;
    int frameLength;

    void set(FrameView v, int hop, int link, long peer, boolean linkUnicast, int rssi, int snr, int slot) {
      source = v.sourceValue();
      messageId = v.messageId();
      type = v.type();
      unicast = v.isUnicast();
      destination = unicast ? v.destinationValue() : 0;
      hopLimit = hop;
      originated = false;
      linkIndex = link;
      this.peer = peer;
      this.linkUnicast = linkUnicast;
      this.rssi = rssi;
      this.snr = snr;
      transmitter = slot;
      frameLength = v.length();
    }

    void setOriginated(FrameView v, int hop) {
      set(v, hop, -1, 0, false, UNKNOWN, UNKNOWN, -1);
      originated = true;
    }

    @Override
    public long source() {
      return source;
    }

    @Override
    public int messageId() {
      return messageId;
    }

    @Override
    public int type() {
      return type;
    }

    @Override
    public boolean unicast() {
      return unicast;
    }

    @Override
    public long destination() {
      return destination;
    }

    @Override
    public int hopLimit() {
      return hopLimit;
    }

    @Override
    public boolean originated() {
      return originated;
    }

    @Override
    public int linkIndex() {
      return linkIndex;
    }

    @Override
    public long peer() {
      return peer;
    }

    @Override
    public boolean linkUnicast() {
      return linkUnicast;
    }

    @Override
    public int rssiDbm() {
      return rssi;
    }

    @Override
    public int snrQuarterDb() {
      return snr;
    }

    @Override
    public int transmitterSlot() {
      return transmitter;
    }

    @Override
    public int frameLength() {
      return frameLength;
    }
  }
}
