package network.mtc.routing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import network.mtc.crypto.SigningKey;
import network.mtc.routing.MeshConfig;
import network.mtc.routing.MeshNode;
import network.mtc.routing.Message;
import network.mtc.routing.link.Link;
import network.mtc.routing.link.LinkListener;
import network.mtc.routing.link.LinkProfile;
import network.mtc.routing.runtime.EventLoop;
import org.junit.jupiter.api.Test;

/** The production path: two nodes, each on its own EventLoop thread, joined by an in-memory link. */
class EventLoopRouterTest {
  /** One end of a two-node wire; delivery is posted to the other node's loop, as an adapter would. */
  static final class Wire implements Link {
    Wire other;
    EventLoop loop;
    volatile LinkListener listener;

    @Override
    public LinkProfile profile() {
      return new LinkProfile("wire", 244, 1_000_000, 0, true, false);
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
      byte[] copy = java.util.Arrays.copyOfRange(packet, off, off + len);
      Wire to = other;
      return to.loop.offer(() -> {
        LinkListener l = to.listener;
        if (l != null) {
          l.onPacket(to, 1, copy, 0, copy.length, false, LinkListener.UNKNOWN, LinkListener.UNKNOWN,
              LinkListener.UNKNOWN);
        }
      });
    }

    @Override
    public boolean sendTo(long peer, byte[] packet, int off, int len) {
      return sendBroadcast(packet, off, len);
    }
  }

  @Test
  void publishFromAnApplicationThreadReachesTheOtherNode() throws Exception {
    Wire a = new Wire();
    Wire b = new Wire();
    a.other = b;
    b.other = a;
    try (EventLoop la = new EventLoop("a"); EventLoop lb = new EventLoop("b")) {
      a.loop = la;
      b.loop = lb;
      MeshConfig cfg = MeshConfig.defaults();
      MeshNode na = MeshNode.builder().identity(SigningKey.fromSeed(TestMedium.seed(1))).link(a).eventLoop(la)
          .config(cfg).build();
      MeshNode nb = MeshNode.builder().identity(SigningKey.fromSeed(TestMedium.seed(2))).link(b).eventLoop(lb)
          .config(cfg).build();
      CountDownLatch got = new CountDownLatch(1);
      AtomicReference<Message> msg = new AtomicReference<>();
      AtomicReference<Thread> on = new AtomicReference<>();
      nb.subscribe("t", m -> {
        msg.set(m);
        on.set(Thread.currentThread());
        got.countDown();
      });
      na.start();
      nb.start();
      int id = na.publish("t", new byte[] {4, 2});
      assertTrue(got.await(5, TimeUnit.SECONDS));
      assertEquals(id, msg.get().messageId());
      assertEquals("b", on.get().getName(), "handlers run on the node's loop");
      // Announces flow too: within a few seconds each node has the other in its table.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(8);
      CountDownLatch tables = new CountDownLatch(1);
      while (System.nanoTime() < deadline && tables.getCount() > 0) {
        lb.execute(() -> {
          if (((Router) nb).neighbourTable().size() == 1) {
            tables.countDown();
          }
        });
        tables.await(200, TimeUnit.MILLISECONDS);
      }
      assertEquals(0, tables.getCount(), "node b learned node a from its announce");
      na.close();
      nb.close();
    }
  }
}
