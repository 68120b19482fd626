package network.mtc.sim.internal;

import java.util.Arrays;
import network.mtc.routing.link.LinkListener;
import network.mtc.routing.link.LinkProfile;
import network.mtc.routing.runtime.RandomSource;
import network.mtc.sim.Topology;

/**
 * The shared medium. A transmission by node s starts when s's radio is free (its packets go out back to
 * back), lasts the packet's airtime, and reaches every neighbour of s in the current unit-disk graph
 * except those behind an active partition wall; each reception is lost independently with probability
 * {@code loss}; a survivor arrives at {@code end of airtime + 1 ms + U[0, 0.5 ms)}. All receivers share
 * one copy of the packet (a slab entry, reference counted); each listener call gets it in a scratch copy,
 * so node code that rewrites a packet in place cannot affect the others.
 *
 * <p>With collisions on, a receiver hearing two transmissions whose airtimes overlap loses both, and a
 * node that transmits loses what it was receiving and hears nothing while it transmits (half duplex). The
 * receiver remembers only its latest reception interval, which is exact for a receiver's pairwise
 * overlaps in time order and approximate when a node queues its own packets into the future.
 */
final class Radio {
  static final int RX_CORRUPT = 1;
  static final int RX_UNICAST = 2;
  /** Most airtime a node may have queued: 2 s; beyond, its link refuses packets (no credit), as a radio's queue would. */
  static final long MAX_BACKLOG_MICROS = 2_000_000;
  /** Processing delay between the end of a packet's airtime and the node seeing it. */
  static final long RX_DELAY_MICROS = 1000;
  /** Uniform extra delay, so receptions of one packet are not simultaneous. */
  static final int RX_JITTER_MICROS = 500;

  private final Engine engine;
  private final EventQueue queue;
  private final SimClock clock;
  private final Metrics metrics;
  private final RandomSource rnd;
  private final LinkProfile profile;
  private final long lossThreshold;
  private final boolean collisions;
  private final int n;
  private Topology topology;

  private final long[] txBusyUntil;
  private final long[] rxEnd;
  private final long[] rxEvent;

  private byte[][] buf;
  private int[] len;
  private int[] sender;
  private int[] refs;
  private int[] free;
  private int freeCount;
  private int slots;
  private final byte[] scratch;

  private long partitionStart = Long.MAX_VALUE;
  private long partitionEnd = Long.MAX_VALUE;
  private double wallX;

  Radio(Engine engine, EventQueue queue, SimClock clock, Metrics metrics, RandomSource rnd, LinkProfile profile,
      double loss, boolean collisions, Topology topology) {
    this.engine = engine;
    this.queue = queue;
    this.clock = clock;
    this.metrics = metrics;
    this.rnd = rnd;
    this.profile = profile;
    this.lossThreshold = (long) (loss * 0x1p53);
    this.collisions = collisions;
    this.topology = topology;
    this.n = topology.size();
    txBusyUntil = new long[n];
    rxEnd = new long[n];
    rxEvent = new long[n];
    Arrays.fill(rxEvent, -1);
    int c = 1024;
    buf = new byte[c][];
    len = new int[c];
    sender = new int[c];
    refs = new int[c];
    free = new int[c];
    scratch = new byte[profile.mtu()];
  }

  int nodes() {
    return n;
  }

  LinkProfile profile() {
    return profile;
  }

  void topology(Topology t) {
    topology = t;
  }

  Topology topology() {
    return topology;
  }

  void partition(long startMicros, long endMicros, double x) {
    partitionStart = startMicros;
    partitionEnd = endMicros;
    wallX = x;
  }

  /** Node {@code s} transmits (to {@code dest}, or broadcast if -1); false if its radio queue is full. */
  boolean transmit(int s, int dest, byte[] packet, int off, int length) {
    long now = clock.nowMicros();
    if (length <= 0 || length > profile.mtu() || !engine.isUp(s)) {
      return false;
    }
    long start = Math.max(now, txBusyUntil[s]);
    if (start - now > MAX_BACKLOG_MICROS) {
      return false;
    }
    long end = start + profile.airtimeMicros(length);
    txBusyUntil[s] = end;
    metrics.onTransmit(s, packet, off, length, now);
    engine.traceTransmission(s, dest, length, start);
    int slot = allocate();
    System.arraycopy(packet, off, buf[slot], 0, length);
    len[slot] = length;
    sender[slot] = s;
    if (collisions && rxEnd[s] > start) {
      corrupt(rxEvent[s]);
    }
    boolean wall = now >= partitionStart && now < partitionEnd;
    boolean westOfWall = topology.x(s) < wallX;
    Topology t = topology;
    int deg = t.degree(s);
    int count = 0;
    for (int k = 0; k < deg; k++) {
      int r = t.neighbour(s, k);
      if (wall && (t.x(r) < wallX) != westOfWall) {
        continue;
      }
      boolean corrupt = false;
      if (collisions) {
        if (txBusyUntil[r] > start) {
          corrupt = true; // half duplex: r is on the air
        }
        if (rxEnd[r] > start) {
          corrupt(rxEvent[r]);
          corrupt = true;
        }
      }
      boolean lost = (rnd.nextLong() >>> 11) < lossThreshold;
      // A unicast packet reaches its addressee only (the Link contract); its energy still reaches the others.
      boolean notAddressed = dest >= 0 && r != dest;
      if (lost || notAddressed) {
        if (lost) {
          metrics.lostReceptions++;
        }
        if (collisions && rxEnd[r] < end) {
          rxEnd[r] = end; // the energy still occupies the receiver
          rxEvent[r] = -1;
        }
        continue;
      }
      int flags = (corrupt ? RX_CORRUPT : 0) | (r == dest ? RX_UNICAST : 0);
      long at = end + RX_DELAY_MICROS + rnd.nextInt(RX_JITTER_MICROS);
      long id = queue.push(at, r, Engine.EV_RX, flags | rssi(t, s, r) << 8, slot, null);
      if (collisions && rxEnd[r] <= end) {
        rxEnd[r] = end;
        rxEvent[r] = id;
      }
      count++;
    }
    refs[slot] = count;
    if (count == 0) {
      release(slot);
    }
    return true;
  }

  /** Reception of transmission {@code slot} at node {@code r}. */
  void receive(int r, int slot, int aux) {
    int length = len[slot];
    int from = sender[slot];
    boolean last = --refs[slot] == 0;
    if ((aux & RX_CORRUPT) != 0) {
      metrics.collisions++;
    } else if (engine.isUp(r)) {
      SimLink link = engine.link(r);
      LinkListener l = link.listener();
      if (l != null) {
        System.arraycopy(buf[slot], 0, scratch, 0, length);
        if (last) {
          release(slot);
          last = false;
        }
        metrics.receptions++;
        l.onPacket(link, from, scratch, 0, length, (aux & RX_UNICAST) != 0, aux >> 8, LinkListener.UNKNOWN,
            LinkListener.UNKNOWN);
      }
    }
    if (last) {
      release(slot);
    }
  }

  private void corrupt(long eventId) {
    if (eventId >= 0) {
      queue.setAux(eventId, queue.auxOf(eventId, 0) | RX_CORRUPT);
    }
  }

  /**
   * Received signal strength from distance, by a log-distance model (exponent 2.5, -40 dBm at 1 m): about
   * -86 dBm at 71 m. Informational; loss does not depend on it.
   */
  private static int rssi(Topology t, int s, int r) {
    double dx = t.x(s) - t.x(r);
    double dy = t.y(s) - t.y(r);
    double d2 = Math.max(1, dx * dx + dy * dy);
    return (int) Math.round(-40 - 12.5 * Math.log10(d2));
  }

  private int allocate() {
    int s;
    if (freeCount > 0) {
      s = free[--freeCount];
    } else {
      if (slots == buf.length) {
        int c = slots * 2;
        buf = Arrays.copyOf(buf, c);
        len = Arrays.copyOf(len, c);
        sender = Arrays.copyOf(sender, c);
        refs = Arrays.copyOf(refs, c);
        free = Arrays.copyOf(free, c);
      }
      s = slots++;
      buf[s] = new byte[profile.mtu()];
    }
    return s;
  }

  private void release(int slot) {
    free[freeCount++] = slot;
  }

  /** Transmission slots allocated (for memory accounting). */
  int slabSize() {
    return slots;
  }
}
