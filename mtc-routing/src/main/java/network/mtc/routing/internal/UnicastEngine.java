package network.mtc.routing.internal;

import java.util.concurrent.CompletableFuture;
import network.mtc.routing.Delivery;
import network.mtc.routing.DeliveryFailedException;
import network.mtc.routing.message.Ack;
import network.mtc.routing.message.AckCodec;
import network.mtc.routing.policy.NeighbourView;
import network.mtc.routing.runtime.Scheduler;
import network.mtc.wire.frame.FrameType;

/**
 * Unicast delivery (spec/routing-unicast.md): routes, hop-by-hop forwarding with HOP acknowledgements and
 * retransmission, the flood fallback, end-to-end acknowledgements with retries under a new message id, and
 * duplicate suppression at the destination. The {@link Router} decodes, checks and caches frames and calls
 * in here with what it found; this class decides and calls back through {@link Host}.
 *
 * <p>Everything is bounded: {@link #MAX_IN_FLIGHT} messages awaiting an end-to-end acknowledgement,
 * {@link #MAX_HOP_STATES} frames awaiting a hop acknowledgement, the route table, and the cache of
 * delivered messages. Single-threaded, like the Router.
 */
final class UnicastEngine {
  /** Messages of this node awaiting an END acknowledgement; a further send fails at once. */
  static final int MAX_IN_FLIGHT = 64;
  /** Frames awaiting a HOP acknowledgement; a further routed frame goes straight to the flood fallback. */
  static final int MAX_HOP_STATES = 32;
  /** Transmissions of a routed frame to its next hop before the flood fallback (1 + 3 retries). */
  static final int HOP_TRANSMISSIONS = 4;
  /** Margin of the HOP acknowledgement timeout beyond the airtime of the frame and of its ACK. */
  static final int HOP_ACK_MARGIN_MILLIS = 40;
  /** Random extra of the HOP acknowledgement timeout, so two retrying neighbours drift apart. */
  static final int HOP_ACK_JITTER_MILLIS = 20;
  /** End-to-end attempts of a message: routed while a route is known, the last one flooded. */
  static final int E2E_ATTEMPTS = 3;
  /** End-to-end timeout: this much, plus {@link #E2E_PER_HOP_MILLIS} per expected hop. */
  static final int E2E_BASE_MILLIS = 2000;
  /** See {@link #E2E_BASE_MILLIS}. */
  static final int E2E_PER_HOP_MILLIS = 100;
  /** Hops expected to a destination without a route (it is flooded). */
  static final int UNKNOWN_DISTANCE = 16;
  /** Sentinel of "no first_id extension": the attempt is the message's first. */
  static final long NO_FIRST_ID = -1;

  /** A HOP acknowledgement frame: unicast header (23 bytes) and its 13-byte payload. */
  static final int HOP_ACK_FRAME_LENGTH = 23 + Ack.Hop.LENGTH;

  static final int TIMER_HOP = 10;
  static final int TIMER_SEND = 11;

  /** What the engine needs of its node. */
  interface Host {
    /** This node's address. */
    long self();

    long nowMillis();

    /** A uniform random int in [0, bound). */
    int randomInt(int bound);

    /** A uniform random long. */
    long randomLong();

    /** The neighbour table. */
    NeighbourView neighbours();

    /** Sends {@code frame[0, len)} link-unicast to a neighbour; false if it is gone or the link refused. */
    boolean sendToNeighbour(long neighbour, byte[] frame, int len);

    /** Broadcasts a forwarded frame once, unchanged: the flood fallback of a relay. */
    void broadcastOnce(byte[] frame, int len);

    /** Floods a frame this node originated through its relay policy (the flood fallback of a source). */
    void originateFlood(byte[] frame, int messageId);

    /** Enters (self, id) in the duplicate cache, so echoes of an originated frame count as own. */
    void rememberOwn(int messageId);

    long schedule(long atMillis, int kind, long arg);

    void cancel(long timerId);

    /** Airtime of a frame of this many bytes on the slowest link, fragments included. */
    long airtimeMicros(int frameBytes);

    int nextMessageId();

    /**
     * Encodes a unicast frame from this node: DATA or ACK, hop limit, origin_hop_limit, expires_at,
     * first_id if {@code firstId != NO_FIRST_ID}, topic if not null; signed if the node signs what it
     * originates.
     */
    byte[] unicastFrame(int type, int messageId, long dest, long firstId, byte[] topic, byte[] payload);

    /** Hands a received unicast message to the application. */
    void deliver(long source, int messageId, byte[] topic, byte[] payload, boolean signed);
  }

  private final Host host;
  private final RouteTable routes;
  private final int deliveredCapacity;
  private final long retentionMillis;
  /** Created at the first delivery, salted then: a node that never receives unicast draws no randomness for it. */
  private DuplicateCache delivered;

  // Messages of this node awaiting an END acknowledgement.
  private final boolean[] sUsed = new boolean[MAX_IN_FLIGHT];
  private final long[] sDest = new long[MAX_IN_FLIGHT];
  private final int[] sFirstId = new int[MAX_IN_FLIGHT];
  private final int[] sAttempt = new int[MAX_IN_FLIGHT];
  private final long[] sStartedAt = new long[MAX_IN_FLIGHT];
  private final long[] sTimer = new long[MAX_IN_FLIGHT];
  private final int[] sGeneration = new int[MAX_IN_FLIGHT];
  private final byte[][] sTopic = new byte[MAX_IN_FLIGHT][];
  private final byte[][] sPayload = new byte[MAX_IN_FLIGHT][];
  @SuppressWarnings("unchecked")
  private final CompletableFuture<Delivery>[] sFuture = new CompletableFuture[MAX_IN_FLIGHT];
  private int inFlight;

  // Frames awaiting a HOP acknowledgement from their next hop.
  private final boolean[] hUsed = new boolean[MAX_HOP_STATES];
  private final long[] hSource = new long[MAX_HOP_STATES];
  private final int[] hMessageId = new int[MAX_HOP_STATES];
  private final long[] hDest = new long[MAX_HOP_STATES];
  private final long[] hNext = new long[MAX_HOP_STATES];
  private final boolean[] hOwn = new boolean[MAX_HOP_STATES];
  private final int[] hSent = new int[MAX_HOP_STATES];
  private final long[] hTimer = new long[MAX_HOP_STATES];
  private final int[] hGeneration = new int[MAX_HOP_STATES];
  private final byte[][] hFrame = new byte[MAX_HOP_STATES][];
  private final int[] hLength = new int[MAX_HOP_STATES];

  private long routedHops;
  private long hopRetransmissions;
  private long floodFallbacks;
  private long endAcksSent;

  UnicastEngine(Host host, int routeCapacity, long routeLifetimeMillis, int deliveredCapacity,
      long retentionMillis) {
    this.host = host;
    this.routes = new RouteTable(routeCapacity, routeLifetimeMillis);
    this.deliveredCapacity = deliveredCapacity;
    this.retentionMillis = retentionMillis;
  }

  RouteTable routes() {
    return routes;
  }

  // ------------------------------------------------------------------ sending

  /** Sends a message to {@code dest}; the future completes on its END acknowledgement. */
  CompletableFuture<Delivery> send(long dest, byte[] topic, byte[] payload) {
    CompletableFuture<Delivery> f = new CompletableFuture<>();
    int s = -1;
    for (int i = 0; i < MAX_IN_FLIGHT && s < 0; i++) {
      if (!sUsed[i]) {
        s = i;
      }
    }
    if (s < 0) {
      f.completeExceptionally(new DeliveryFailedException(DeliveryFailedException.Reason.TOO_MANY_IN_FLIGHT, 0));
      return f;
    }
    sUsed[s] = true;
    inFlight++;
    sDest[s] = dest;
    sFirstId[s] = host.nextMessageId();
    sAttempt[s] = 0;
    sStartedAt[s] = host.nowMillis();
    sTopic[s] = topic;
    sPayload[s] = payload;
    sFuture[s] = f;
    attempt(s);
    return f;
  }

  private void attempt(int s) {
    sAttempt[s]++;
    boolean first = sAttempt[s] == 1;
    int id = first ? sFirstId[s] : host.nextMessageId();
    long dest = sDest[s];
    byte[] frame = host.unicastFrame(FrameType.DATA.code(), id, dest,
        first ? NO_FIRST_ID : Integer.toUnsignedLong(sFirstId[s]), sTopic[s], sPayload[s]);
    long now = host.nowMillis();
    int expected = routes.hops(dest, now);
    if (host.neighbours().slotOf(dest) >= 0) {
      expected = 1;
    }
    // Every attempt but the last takes a route if one is known; the last floods, so a route that leads
    // nowhere (stale, or poisoned by forged frames) cannot defeat delivery.
    long next = sAttempt[s] < E2E_ATTEMPTS ? nextHop(dest, 0, now) : 0;
    host.rememberOwn(id);
    if (next != 0) {
      forward(frame, frame.length, host.self(), id, dest, next, true);
    } else {
      host.originateFlood(frame, id);
    }
    long timeout = E2E_BASE_MILLIS + (long) E2E_PER_HOP_MILLIS * (expected > 0 ? expected : UNKNOWN_DISTANCE);
    sTimer[s] = host.schedule(now + timeout, TIMER_SEND, (long) sGeneration[s] << 32 | s);
  }

  private void onSendTimer(int s) {
    if (sAttempt[s] < E2E_ATTEMPTS) {
      // The route is kept for the second attempt: on sparse meshes a routed retry, with its hop-by-hop
      // retransmissions, gets through where a flood does not (forgetting it cost 2 of 30 messages on a
      // 5-node line at 25% loss); the third attempt floods.
      attempt(s);
      return;
    }
    CompletableFuture<Delivery> f = sFuture[s];
    int attempts = sAttempt[s];
    freeSend(s);
    f.completeExceptionally(new DeliveryFailedException(DeliveryFailedException.Reason.TIMED_OUT, attempts));
  }

  private void freeSend(int s) {
    host.cancel(sTimer[s]);
    sUsed[s] = false;
    sGeneration[s] = (sGeneration[s] + 1) & 0x7FFF_FFFF;
    sTopic[s] = null;
    sPayload[s] = null;
    sFuture[s] = null;
    inFlight--;
  }

  /** Messages awaiting their END acknowledgement. */
  int inFlight() {
    return inFlight;
  }

  // ------------------------------------------------------------------ receiving

  /**
   * Learns the reverse route from an accepted unicast frame (first copy or duplicate) that neighbour
   * {@code via} handed on after {@code hopsTravelled} hops.
   */
  void learn(long source, long via, int hopsTravelled, long now) {
    if (via != 0 && hopsTravelled >= 1) {
      routes.learn(source, via, hopsTravelled, now);
    }
  }

  /** A HOP acknowledgement from neighbour {@code from} for (source, id). True if it matched a state. */
  boolean onHopAck(long from, long source, int messageId) {
    for (int h = 0; h < MAX_HOP_STATES; h++) {
      if (hUsed[h] && hSource[h] == source && hMessageId[h] == messageId && hNext[h] == from) {
        freeHop(h);
        return true;
      }
    }
    return false;
  }

  /**
   * A first copy of a unicast DATA for this node: delivered unless its first attempt was (a retry whose
   * END acknowledgement was lost), and acknowledged end to end in both cases.
   *
   * @param firstId the first_id extension as an unsigned value, or {@link #NO_FIRST_ID}
   */
  void onDataForMe(long source, int messageId, long firstId, int hopsTravelled, byte[] topic, byte[] payload,
      boolean signed, long now) {
    int first = firstId == NO_FIRST_ID ? messageId : (int) firstId;
    if (delivered == null) {
      delivered = new DuplicateCache(deliveredCapacity, retentionMillis, host.randomLong());
    }
    if (!delivered.contains(source, first)) {
      delivered.insert(source, first, now);
      host.deliver(source, messageId, topic, payload, signed);
    }
    int ackId = host.nextMessageId();
    byte[] payloadOut = AckCodec.encode(new Ack.End(messageId, first, Math.max(1, Math.min(255, hopsTravelled))));
    byte[] frame = host.unicastFrame(FrameType.ACK.code(), ackId, source, NO_FIRST_ID,
        null, payloadOut);
    host.rememberOwn(ackId);
    endAcksSent++;
    long next = nextHop(source, 0, now);
    if (next != 0) {
      forward(frame, frame.length, host.self(), ackId, source, next, true);
    } else {
      host.originateFlood(frame, ackId);
    }
  }

  /** An END acknowledgement from {@code source} (the destination of one of this node's messages). */
  boolean onEndAck(long source, Ack.End end, long now) {
    for (int s = 0; s < MAX_IN_FLIGHT; s++) {
      if (sUsed[s] && sDest[s] == source && sFirstId[s] == end.firstId()) {
        CompletableFuture<Delivery> f = sFuture[s];
        Delivery d = new Delivery(end.hops(), sAttempt[s], now - sStartedAt[s]);
        freeSend(s);
        f.complete(d);
        return true;
      }
    }
    return false;
  }

  /**
   * Forwards a copy of a unicast frame for another node, its hop limit already lowered, to {@code next}
   * (the {@link #nextHop} the caller found), awaiting the HOP acknowledgement.
   */
  void forwardRouted(byte[] buf, int off, int len, long source, int messageId, long dest, long next) {
    byte[] copy = new byte[len];
    System.arraycopy(buf, off, copy, 0, len);
    forward(copy, len, source, messageId, dest, next, false);
  }

  /** The neighbour to hand a frame for {@code dest} to, never {@code exclude}; 0 if none (spec 3.4). */
  long nextHop(long dest, long exclude, long now) {
    return UnicastDecision.nextHop(host.neighbours(), routes, dest, exclude, now);
  }

  private void forward(byte[] frame, int len, long source, int messageId, long dest, long next, boolean own) {
    int h = -1;
    for (int i = 0; i < MAX_HOP_STATES && h < 0; i++) {
      if (!hUsed[i]) {
        h = i;
      }
    }
    if (h < 0) {
      fallback(frame, len, messageId, own);
      return;
    }
    hUsed[h] = true;
    hSource[h] = source;
    hMessageId[h] = messageId;
    hDest[h] = dest;
    hNext[h] = next;
    hOwn[h] = own;
    hFrame[h] = frame;
    hLength[h] = len;
    hSent[h] = 0;
    transmitHop(h);
  }

  private void transmitHop(int h) {
    hSent[h]++;
    if (hSent[h] > 1) {
      hopRetransmissions++;
    } else {
      routedHops++;
    }
    long now = host.nowMillis();
    if (!host.sendToNeighbour(hNext[h], hFrame[h], hLength[h])) {
      // The neighbour expired meanwhile: no point waiting for its acknowledgement.
      hopFailed(h);
      return;
    }
    long airtime = host.airtimeMicros(hLength[h]) + host.airtimeMicros(HOP_ACK_FRAME_LENGTH);
    long timeout = (airtime + 999) / 1000 + HOP_ACK_MARGIN_MILLIS + host.randomInt(HOP_ACK_JITTER_MILLIS);
    hTimer[h] = host.schedule(now + timeout, TIMER_HOP, (long) hGeneration[h] << 32 | h);
  }

  private void onHopTimer(int h) {
    if (hSent[h] < HOP_TRANSMISSIONS) {
      transmitHop(h);
    } else {
      hopFailed(h);
    }
  }

  private void hopFailed(int h) {
    routes.remove(hDest[h]);
    byte[] frame = hFrame[h];
    int len = hLength[h];
    int id = hMessageId[h];
    boolean own = hOwn[h];
    freeHop(h);
    fallback(frame, len, id, own);
  }

  private void fallback(byte[] frame, int len, int messageId, boolean own) {
    floodFallbacks++;
    if (own) {
      host.originateFlood(frame, messageId);
    } else {
      host.broadcastOnce(frame, len);
    }
  }

  /** The Router broadcast a routed copy it had no route for. */
  void countFallback() {
    floodFallbacks++;
  }

  private void freeHop(int h) {
    host.cancel(hTimer[h]);
    hUsed[h] = false;
    hGeneration[h] = (hGeneration[h] + 1) & 0x7FFF_FFFF;
    hFrame[h] = null;
  }

  /** A timer of kind {@link #TIMER_HOP} or {@link #TIMER_SEND} fired. */
  void onTimer(int kind, long arg) {
    int i = (int) arg;
    int gen = (int) (arg >>> 32);
    if (kind == TIMER_HOP) {
      if (i >= 0 && i < MAX_HOP_STATES && hUsed[i] && hGeneration[i] == gen) {
        hTimer[i] = Scheduler.REJECTED;
        onHopTimer(i);
      }
    } else if (kind == TIMER_SEND) {
      if (i >= 0 && i < MAX_IN_FLIGHT && sUsed[i] && sGeneration[i] == gen) {
        sTimer[i] = Scheduler.REJECTED;
        onSendTimer(i);
      }
    }
  }

  /** Fails every pending send (the node closes). */
  void close() {
    for (int s = 0; s < MAX_IN_FLIGHT; s++) {
      if (sUsed[s]) {
        CompletableFuture<Delivery> f = sFuture[s];
        int attempts = sAttempt[s];
        freeSend(s);
        f.completeExceptionally(new DeliveryFailedException(DeliveryFailedException.Reason.CLOSED, attempts));
      }
    }
    for (int h = 0; h < MAX_HOP_STATES; h++) {
      if (hUsed[h]) {
        freeHop(h);
      }
    }
  }

  /** Counters: routed hop transmissions (first), hop retransmissions, flood fallbacks, END acks sent. */
  long[] counts() {
    return new long[] {routedHops, hopRetransmissions, floodFallbacks, endAcksSent};
  }
}
