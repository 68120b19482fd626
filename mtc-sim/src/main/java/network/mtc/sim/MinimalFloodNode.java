package network.mtc.sim;

import java.util.HashSet;
import java.util.Set;
import network.mtc.routing.link.Link;
import network.mtc.routing.link.LinkListener;
import network.mtc.routing.runtime.TimerHandler;

/**
 * The smallest node worth simulating, standing in for the production node code where the engine itself is
 * under test or measured (SimulationTest, bench SimBench): naive flooding (relay the first copy of every
 * DATA frame once, after 0-10 ms), and a HELLO control frame (type 4) every 5 s. Frames are v1 broadcast
 * headers (spec/wire.md 5.1) built by hand. Not a protocol implementation: use {@link MeshNodeFactory}.
 */
public final class MinimalFloodNode implements HostedNode, LinkListener, TimerHandler {
  private static final int HELLO = 1;
  private static final int RELAY = 2;
  private final NodeContext ctx;
  private final Link link;
  private final long address;
  // DATA frames only: at most SimConfig.MAX_MESSAGES entries (the workload), so bounded.
  private final Set<Long> seen = new HashSet<>();
  private final byte[][] pending = new byte[64][];
  private int nextId;
  private int pendingNext;

  /** A node on the simulated link, clock and scheduler of {@code ctx}. */
  public MinimalFloodNode(NodeContext ctx) {
    this.ctx = ctx;
    this.link = ctx.link();
    byte[] s = ctx.identitySeed();
    long a = 0;
    for (int i = 0; i < 8; i++) {
      a = a << 8 | (s[i] & 0xFF);
    }
    address = a == 0 ? 1 : a;
  }

  @Override
  public long address() {
    return address;
  }

  @Override
  public void start() {
    link.start(this);
    ctx.scheduler().schedule(ctx.clock().nowMillis() + ctx.random().nextInt(5000), this, HELLO, 0);
  }

  @Override
  public int publish(byte[] payload) {
    int id = nextId++;
    byte[] f = frame(1, id, payload);
    seen.add(key(address, id));
    link.sendBroadcast(f, 0, f.length);
    return id;
  }

  private byte[] frame(int type, int id, byte[] payload) {
    byte[] f = new byte[15 + payload.length];
    f[0] = (byte) (0x40 | type);
    f[2] = 32;
    f[3] = (byte) (id >>> 24);
    f[4] = (byte) (id >>> 16);
    f[5] = (byte) (id >>> 8);
    f[6] = (byte) id;
    for (int i = 0; i < 8; i++) {
      f[7 + i] = (byte) (address >>> (56 - 8 * i));
    }
    System.arraycopy(payload, 0, f, 15, payload.length);
    return f;
  }

  @Override
  public void onPacket(Link l, long peer, byte[] p, int off, int len, boolean unicast, int rssi, int snr, int loss) {
    if (len < 15 || (p[off] & 0x3F) != 1 || p[off + 2] == 0) {
      return;
    }
    long src = 0;
    for (int i = 0; i < 8; i++) {
      src = src << 8 | (p[off + 7 + i] & 0xFF);
    }
    int id = (p[off + 3] & 0xFF) << 24 | (p[off + 4] & 0xFF) << 16 | (p[off + 5] & 0xFF) << 8 | (p[off + 6] & 0xFF);
    if (!seen.add(key(src, id))) {
      return;
    }
    ctx.deliveries().delivered(ctx.index(), p, off + 15, len - 15);
    int slot = pendingNext++ & 63;
    pending[slot] = java.util.Arrays.copyOfRange(p, off, off + len);
    p[off + 2] = 0; // scribble on the received copy: other receivers must not see it
    ctx.scheduler().schedule(ctx.clock().nowMillis() + ctx.random().nextInt(10), this, RELAY, slot);
  }

  @Override
  public void onTimer(int kind, long arg) {
    if (kind == HELLO) {
      byte[] f = frame(4, nextId++, new byte[8]);
      link.sendBroadcast(f, 0, f.length);
      ctx.scheduler().schedule(ctx.clock().nowMillis() + 5000, this, HELLO, 0);
    } else {
      byte[] f = pending[(int) arg];
      f[2] = (byte) Math.max(0, f[2] - 1);
      link.sendBroadcast(f, 0, f.length);
    }
  }

  @Override
  public void close() {
    link.stop();
  }

  private static long key(long src, int id) {
    return src * 31 + id;
  }
}
