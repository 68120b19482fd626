package network.mtc.routing.sync;

import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import network.mtc.crypto.PublicKey;
import network.mtc.crypto.SigningKey;
import network.mtc.routing.runtime.Clock;
import network.mtc.wire.MtcDecodeException;
import network.mtc.wire.NodeAddress;
import network.mtc.wire.frame.FrameDecoder;
import network.mtc.wire.frame.FrameType;
import network.mtc.wire.frame.FrameView;

/**
 * The station's side of the uplink: what goes up, what comes down, and in which shape
 * (spec/routing-sync.md, section 7; MESH-LESSONS 3, 4, 6, 7, 8, 9).
 *
 * <ul>
 *   <li>Up: frames the station received from the mesh, wrapped in envelopes signed by the station key,
 *       through a bounded outbox that drops the oldest when the uplink has no credit. Never a frame
 *       that came down from the wide area (via_station), never control traffic (ANNOUNCE, SYNC).
 *   <li>Down: only envelopes signed by a trusted station other than this one (its own echo is dropped and
 *       counted as delivery evidence), never control traffic, within a per-origin rate limit; the hop
 *       limit is clamped to {@link #DOWNLINK_HOPS} before the frame enters the mesh.
 * </ul>
 *
 * @since 0.1
 */
public final class StationBridge implements UplinkListener {
  /** Hop limit of a downlinked frame at most: it reaches the station's neighbourhood, not the mesh. */
  public static final int DOWNLINK_HOPS = 2;
  /** Outbox bound (design 1.4): about 4 MiB of frames at worst; drop oldest beyond. */
  public static final int OUTBOX_CAPACITY = 1024;
  /** Downlinked frames remembered so the mesh's relays of them are never uplinked again. */
  public static final int DOWNLINKED_MEMORY = 4096;
  /** Origins with their own ingress bucket (LRU beyond). */
  public static final int MAX_ORIGINS = 256;
  /** Per-origin ingress: burst of frames. */
  public static final int ORIGIN_BURST = 8;
  /** Per-origin ingress: one frame per this many milliseconds on average. */
  public static final long ORIGIN_INTERVAL_MILLIS = 1000;

  /** Why a downlinked envelope was not injected (counted in {@link #dropped(Drop)}). */
  public enum Drop {
    /** Undecodable frame inside. */
    MALFORMED,
    /** This station's own envelope coming back: evidence that the uplink delivered it. */
    OWN_ECHO,
    /** Signed by no station this one trusts, or a bad signature. */
    UNTRUSTED,
    /** ANNOUNCE or SYNC: no control plane crosses the bridge. */
    CONTROL,
    /** The origin exceeded its ingress rate. */
    RATE_LIMITED,
    /** Uplink refused: the frame came down from the wide area. */
    VIA_STATION,
    /** Outbox full: the oldest envelope was dropped. */
    OUTBOX_OVERFLOW
  }

  private final SigningKey stationKey;
  private final Uplink uplink;
  private final Function<NodeAddress, PublicKey> trustedStations;
  private final Consumer<byte[]> toMesh;
  private final Clock clock;
  private final ArrayDeque<StationEnvelope> outbox = new ArrayDeque<>();
  private final LinkedHashMap<ItemKey, Boolean> downlinked = new LinkedHashMap<>(64, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<ItemKey, Boolean> e) {
      return size() > DOWNLINKED_MEMORY;
    }
  };
  private final LinkedHashMap<Long, long[]> origins = new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Long, long[]> e) {
      return size() > MAX_ORIGINS;
    }
  };
  private final long[] drops = new long[Drop.values().length];
  private long ownEchoes;
  private long injected;
  private final FrameView view = new FrameView();

  /**
   * @param stationKey this station's key (signs envelopes)
   * @param trustedStations the key of a trusted station by address, or null if not trusted
   * @param toMesh receives each accepted downlinked frame (hop limit clamped) to inject into the mesh
   */
  public StationBridge(SigningKey stationKey, Uplink uplink, Function<NodeAddress, PublicKey> trustedStations,
      Consumer<byte[]> toMesh, Clock clock) {
    this.stationKey = stationKey;
    this.uplink = uplink;
    this.trustedStations = trustedStations;
    this.toMesh = toMesh;
    this.clock = clock;
  }

  /** Starts the uplink with this bridge as its listener. */
  public void start() {
    uplink.start(this);
  }

  /**
   * Queues a frame the station received from the mesh for the uplink.
   *
   * @return false if refused (malformed, control traffic, or it came down from the wide area)
   */
  public boolean uplink(byte[] frame) {
    try {
      FrameDecoder.decode(frame, 0, frame.length, view);
    } catch (MtcDecodeException e) {
      drops[Drop.MALFORMED.ordinal()]++;
      return false;
    }
    if (isControl(view.type())) {
      drops[Drop.CONTROL.ordinal()]++;
      return false;
    }
    if (downlinked.containsKey(keyOf(frame))) {
      drops[Drop.VIA_STATION.ordinal()]++;
      return false;
    }
    if (outbox.size() == OUTBOX_CAPACITY) {
      outbox.poll();
      drops[Drop.OUTBOX_OVERFLOW.ordinal()]++;
    }
    outbox.add(StationEnvelope.sign(stationKey, clock.unixSeconds(), false, frame));
    flush();
    return true;
  }

  /** Publishes from the outbox while the uplink takes them. */
  public void flush() {
    while (!outbox.isEmpty() && uplink.state() == UplinkState.ACTIVE && uplink.publish(outbox.peek())) {
      outbox.poll();
    }
  }

  @Override
  public void onDownlink(StationEnvelope e) {
    if (e.station().equals(stationKey.nodeAddress())) {
      ownEchoes++;
      drops[Drop.OWN_ECHO.ordinal()]++;
      return;
    }
    PublicKey key = trustedStations.apply(e.station());
    if (key == null || !e.verify(key)) {
      drops[Drop.UNTRUSTED.ordinal()]++;
      return;
    }
    byte[] frame = e.frame().toByteArray();
    try {
      FrameDecoder.decode(frame, 0, frame.length, view);
    } catch (MtcDecodeException ex) {
      drops[Drop.MALFORMED.ordinal()]++;
      return;
    }
    if (isControl(view.type())) {
      drops[Drop.CONTROL.ordinal()]++;
      return;
    }
    if (!admit(view.sourceValue(), clock.nowMillis())) {
      drops[Drop.RATE_LIMITED.ordinal()]++;
      return;
    }
    if (view.hopLimit() > DOWNLINK_HOPS) {
      view.setHopLimit(DOWNLINK_HOPS);
    }
    downlinked.put(keyOf(frame), Boolean.TRUE);
    injected++;
    toMesh.accept(frame);
  }

  @Override
  public void onWritable() {
    flush();
  }

  @Override
  public void onState(UplinkState state) {
    if (state == UplinkState.ACTIVE) {
      flush();
    }
  }

  /** Token bucket per origin, in milli-tokens: ORIGIN_BURST deep, refilled 1 per interval. */
  private boolean admit(long origin, long now) {
    long[] b = origins.get(origin);
    long full = ORIGIN_BURST * 1000L;
    if (b == null) {
      b = new long[] {full, now};
      origins.put(origin, b);
    }
    b[0] = Math.min(full, b[0] + (now - b[1]) * 1000L / ORIGIN_INTERVAL_MILLIS);
    b[1] = now;
    if (b[0] < 1000) {
      return false;
    }
    b[0] -= 1000;
    return true;
  }

  private static boolean isControl(int type) {
    return type == FrameType.ANNOUNCE.code() || type == 4;
  }

  /** A frame's identity regardless of hop limit (expires_at is not needed for identity here). */
  private static ItemKey keyOf(byte[] frame) {
    return ItemKey.of(0, frame, 0, frame.length);
  }

  /** Envelopes waiting in the outbox. */
  public int outboxSize() {
    return outbox.size();
  }

  /** How many downlinks or uplinks were refused for {@code why}. */
  public long dropped(Drop why) {
    return drops[why.ordinal()];
  }

  /** Downlinked frames injected into the mesh. */
  public long injected() {
    return injected;
  }
}
