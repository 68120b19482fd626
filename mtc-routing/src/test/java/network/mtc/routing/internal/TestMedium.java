package network.mtc.routing.internal;

import java.util.ArrayList;
import java.util.List;
import network.mtc.crypto.SigningKey;
import network.mtc.routing.MeshConfig;
import network.mtc.routing.MeshNode;
import network.mtc.routing.link.Link;
import network.mtc.routing.link.LinkListener;
import network.mtc.routing.link.LinkProfile;
import network.mtc.routing.runtime.Clock;
import network.mtc.routing.runtime.RandomSource;
import network.mtc.routing.runtime.TimerHandler;
import network.mtc.routing.runtime.TimerQueue;

/**
 * An in-memory radio for tests: nodes on an undirected graph, one shared simulated clock and timer queue,
 * each broadcast delivered to every graph neighbour 1 ms later (minus an optional independent loss). Peer
 * ids are node indexes. Deliveries are queued, never made from inside a send call (the Link contract).
 */
final class TestMedium implements Clock, TimerHandler {
  final TimerQueue queue = new TimerQueue(1 << 20);
  final List<int[]> adjacency = new ArrayList<>();
  final List<MemLink> links = new ArrayList<>();
  final List<Router> nodes = new ArrayList<>();
  private final List<byte[]> inFlight = new ArrayList<>();
  private final List<long[]> inFlightMeta = new ArrayList<>();
  private final RandomSource lossRandom;
  private final double loss;
  private final int mtu;
  long now;
  long transmissions;
  network.mtc.routing.message.AnnounceCodec.KnownKeys trustedKeys;

  TestMedium(double loss, long seed, int mtu) {
    this.loss = loss;
    this.lossRandom = new RandomSource(seed);
    this.mtu = mtu;
  }

  /** A line of n nodes. */
  static int[][] line(int n) {
    int[][] adj = new int[n][];
    for (int i = 0; i < n; i++) {
      List<Integer> l = new ArrayList<>();
      if (i > 0) {
        l.add(i - 1);
      }
      if (i < n - 1) {
        l.add(i + 1);
      }
      adj[i] = l.stream().mapToInt(Integer::intValue).toArray();
    }
    return adj;
  }

  /** A w x h grid, 4-connected. */
  static int[][] grid(int w, int h) {
    int[][] adj = new int[w * h][];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        List<Integer> l = new ArrayList<>();
        if (x > 0) {
          l.add(y * w + x - 1);
        }
        if (x < w - 1) {
          l.add(y * w + x + 1);
        }
        if (y > 0) {
          l.add((y - 1) * w + x);
        }
        if (y < h - 1) {
          l.add((y + 1) * w + x);
        }
        adj[y * w + x] = l.stream().mapToInt(Integer::intValue).toArray();
      }
    }
    return adj;
  }

  /** Builds one node per vertex with {@code config}. */
  /** Uplinks by node index: those nodes are built as mesh stations. Fill before {@link #build}. */
  final java.util.Map<Integer, network.mtc.routing.sync.Uplink> stations = new java.util.HashMap<>();

  void build(int[][] graph, MeshConfig config) {
    for (int i = 0; i < graph.length; i++) {
      adjacency.add(graph[i]);
      MemLink link = new MemLink(i);
      links.add(link);
      SigningKey key = SigningKey.fromSeed(seed(i));
      var b = MeshNode.builder().identity(key).link(link).clock(this).scheduler(queue)
          .random(new RandomSource(0x5EED_0000L + i)).config(config).trustedKeys(trustedKeys);
      if (stations.containsKey(i)) {
        b.station(stations.get(i), a -> null);
      }
      nodes.add((Router) b.build());
    }
  }

  static byte[] seed(int i) {
    byte[] s = new byte[32];
    s[0] = (byte) i;
    s[1] = (byte) (i >>> 8);
    s[31] = 0x42;
    return s;
  }

  void startAll() {
    for (Router r : nodes) {
      r.start();
    }
  }

  /** Runs events until the queue is empty or the clock would pass {@code until}. */
  void runUntil(long until) {
    while (queue.nextDue() <= until) {
      now = Math.max(now, queue.nextDue());
      queue.fireNext(now);
    }
    now = until;
  }

  @Override
  public long nowMillis() {
    return now;
  }

  @Override
  public long unixSeconds() {
    return 1_700_000_000L + now / 1000;
  }

  @Override
  public void onTimer(int kind, long arg) {
    int k = (int) arg;
    byte[] pkt = inFlight.get(k);
    long[] meta = inFlightMeta.get(k);
    inFlight.set(k, null);
    MemLink to = links.get((int) meta[0]);
    if (to.listener != null) {
      to.listener.onPacket(to, meta[1], pkt, 0, pkt.length, meta[2] == 1, LinkListener.UNKNOWN,
          LinkListener.UNKNOWN, LinkListener.UNKNOWN);
    }
  }

  /** Injects a packet as if {@code fromPeer} had sent it to node {@code to}, delivered at once. */
  void inject(int to, long fromPeer, byte[] pkt) {
    MemLink l = links.get(to);
    l.listener.onPacket(l, fromPeer, pkt, 0, pkt.length, false, LinkListener.UNKNOWN, LinkListener.UNKNOWN,
        LinkListener.UNKNOWN);
  }

  private void deliver(int from, int to, byte[] buf, int off, int len, boolean linkUnicast) {
    if (loss > 0 && lossRandom.nextDouble() < loss) {
      return;
    }
    byte[] copy = new byte[len];
    System.arraycopy(buf, off, copy, 0, len);
    inFlight.add(copy);
    inFlightMeta.add(new long[] {to, from, linkUnicast ? 1 : 0});
    queue.schedule(now + 1, this, 0, inFlight.size() - 1);
  }

  /** One node's radio. */
  final class MemLink implements Link {
    final int index;
    LinkListener listener;
    long sent;

    MemLink(int index) {
      this.index = index;
    }

    @Override
    public LinkProfile profile() {
      return new LinkProfile("mem", mtu, 1_000_000, 0, true, true);
    }

    @Override
    public void start(LinkListener l) {
      listener = l;
    }

    @Override
    public void stop() {
      listener = null;
    }

    @Override
    public boolean sendBroadcast(byte[] packet, int off, int len) {
      sent++;
      transmissions++;
      for (int j : adjacency.get(index)) {
        deliver(index, j, packet, off, len, false);
      }
      return true;
    }

    @Override
    public boolean sendTo(long peer, byte[] packet, int off, int len) {
      sent++;
      transmissions++;
      deliver(index, (int) peer, packet, off, len, true);
      return true;
    }
  }
}
