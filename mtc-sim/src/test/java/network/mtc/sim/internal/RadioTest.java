package network.mtc.sim.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import network.mtc.routing.BroadcastStrategy;
import network.mtc.routing.link.Link;
import network.mtc.routing.link.LinkListener;
import network.mtc.routing.runtime.TimerHandler;
import network.mtc.sim.HostedNode;
import network.mtc.sim.NodeContext;
import network.mtc.sim.NodeFactory;
import network.mtc.sim.Progress;
import network.mtc.sim.SimConfig;
import network.mtc.sim.Topology;
import org.junit.jupiter.api.Test;

/** The radio model on hand-made three-node lines: delay, unicast reaching its addressee only, collisions, half duplex. */
class RadioTest {
  /** Nodes 0 - 1 - 2 on a line, 50 m apart, range 60 m: 0 and 2 cannot hear each other. */
  static Topology line3() {
    return Topology.fromPoints(new double[] {10, 60, 110}, new double[] {0, 0, 0}, 120, 60);
  }

  /** Transmits a 100-byte packet at given times (ms; -1 = never); records what it hears. */
  static class Scripted implements HostedNode, LinkListener, TimerHandler {
    final NodeContext ctx;
    final long sendAtMillis;
    final int sendTo;
    final long[] heardAtMicros = new long[8];
    final boolean[] unicastFlag = new boolean[8];
    int heard;
    SimClock clock;

    Scripted(NodeContext ctx, long sendAtMillis, int sendTo) {
      this.ctx = ctx;
      this.sendAtMillis = sendAtMillis;
      this.sendTo = sendTo;
      this.clock = (SimClock) ctx.clock();
    }

    @Override
    public long address() {
      return ctx.index() + 1;
    }

    @Override
    public void start() {
      ctx.link().start(this);
      if (sendAtMillis >= 0) {
        ctx.scheduler().schedule(sendAtMillis, this, 0, 0);
      }
    }

    @Override
    public void onTimer(int kind, long arg) {
      byte[] p = new byte[100];
      p[0] = 0x44; // a whole frame of type 4: control traffic
      boolean ok = sendTo < 0 ? ctx.link().sendBroadcast(p, 0, p.length) : ctx.link().sendTo(sendTo, p, 0, p.length);
      assertTrue(ok);
    }

    @Override
    public void onPacket(Link l, long peer, byte[] b, int off, int len, boolean unicast, int rssi, int snr, int loss) {
      assertEquals(100, len);
      assertTrue(rssi < -40 && rssi > -100, "rssi " + rssi);
      heardAtMicros[heard] = clock.nowMicros();
      unicastFlag[heard++] = unicast;
    }

    @Override
    public int publish(byte[] payload) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void close() {}
  }

  static Scripted[] run(boolean collisions, long[] sendAt, int[] sendTo) {
    Scripted[] nodes = new Scripted[3];
    NodeFactory f = ctx -> nodes[ctx.index()] = new Scripted(ctx, sendAt[ctx.index()], sendTo[ctx.index()]);
    SimConfig cfg = SimConfig.builder().loss(0).messages(0).warmupMillis(0).drainMillis(1000).collisions(collisions)
        .strategy(BroadcastStrategy.FLOOD).bitrateBps(1_000_000).build();
    Engine e = new Engine(cfg, line3(), f);
    e.setUp();
    e.run(Progress.NONE);
    return nodes;
  }

  @Test
  void receptionComesAfterAirtimePlusOneMillisecondAndUnicastReachesItsAddresseeOnly() {
    Scripted[] n = run(false, new long[] {-1, 100, -1}, new int[] {-1, 2, -1});
    // 100 bytes at 1 Mbit/s = 800 µs of airtime, then 1 ms, then up to 0.5 ms of jitter
    assertEquals(1, n[2].heard);
    long delay = n[2].heardAtMicros[0] - 100_000;
    assertTrue(delay >= 1800 && delay < 2300, "delay " + delay);
    assertTrue(n[2].unicastFlag[0]);
    assertEquals(0, n[0].heard, "node 0 is in range but the packet is addressed to node 2");
    assertEquals(0, n[1].heard);
    Scripted[] b = run(false, new long[] {-1, 100, -1}, new int[] {-1, -1, -1});
    assertEquals(1, b[0].heard, "a broadcast reaches both ends");
    assertEquals(1, b[2].heard);
    assertFalse(b[0].unicastFlag[0]);
  }

  @Test
  void hiddenTerminalsCollideAtTheMiddleNodeOnlyWhenCollisionsAreOn() {
    long[] at = {100, -1, 100};
    int[] to = {-1, -1, -1};
    assertEquals(2, run(false, at, to)[1].heard);
    assertEquals(0, run(true, at, to)[1].heard);
    long[] apart = {100, -1, 102}; // 2 ms apart: airtimes (0.8 ms) do not overlap
    assertEquals(2, run(true, apart, to)[1].heard);
  }

  @Test
  void aNodeHearsNothingWhileItTransmits() {
    Scripted[] n = run(true, new long[] {100, 100, -1}, new int[] {-1, -1, -1});
    assertEquals(0, n[0].heard, "half duplex");
    assertEquals(0, n[1].heard, "half duplex");
    assertEquals(1, n[2].heard, "node 2 hears node 1, which did not overlap anything at node 2");
    Scripted[] off = run(false, new long[] {100, 100, -1}, new int[] {-1, -1, -1});
    assertArrayEquals(new int[] {1, 1, 1}, new int[] {off[0].heard, off[1].heard, off[2].heard});
  }

  @Test
  void aNodesPacketsGoOutBackToBack() {
    Scripted[] n = new Scripted[3];
    NodeFactory f = ctx -> n[ctx.index()] = new Scripted(ctx, ctx.index() == 1 ? 100 : -1, -1) {
      @Override
      public void onTimer(int kind, long arg) {
        super.onTimer(kind, arg);
        super.onTimer(kind, arg); // two packets in the same instant
      }
    };
    SimConfig cfg = SimConfig.builder().loss(0).messages(0).warmupMillis(0).drainMillis(1000)
        .strategy(BroadcastStrategy.FLOOD).build();
    Engine e = new Engine(cfg, line3(), f);
    e.setUp();
    e.run(Progress.NONE);
    assertEquals(2, n[0].heard);
    long gap = n[0].heardAtMicros[1] - n[0].heardAtMicros[0];
    assertTrue(gap > 800 - 500 && gap < 800 + 500, "the second starts when the first's airtime ends: " + gap);
  }
}
