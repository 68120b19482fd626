package network.mtc.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import network.mtc.crypto.SigningKey;
import network.mtc.routing.BroadcastStrategy;
import network.mtc.routing.MeshConfig;
import network.mtc.routing.MeshNode;
import network.mtc.routing.internal.Router;
import network.mtc.routing.link.Link;
import network.mtc.routing.link.LinkListener;
import network.mtc.routing.link.LinkProfile;
import network.mtc.routing.runtime.Clock;
import network.mtc.routing.runtime.RandomSource;
import network.mtc.routing.runtime.TimerQueue;

/**
 * The node's whole receive path (spec/routing.md section 8) driven by a script of link packets: records
 * {@code [peer][time step][length][packet...]} go to a Router (COUNTER policy, announces on and unsigned,
 * small tables, MTU 20 so fragments are reassembled). The node must never throw, whatever arrives, and
 * every table must stay within its bound.
 */
public class RouterReceiveFuzzTest {
  private static final MeshConfig CONFIG = MeshConfig.simulation().toBuilder()
      .strategy(BroadcastStrategy.COUNTER).simulationUnsignedAnnounces(true).maxNeighbours(4)
      .maxPendingRelays(4).keyCacheCapacity(4).duplicateCacheCapacity(16).build();
  private static final SigningKey KEY = SigningKey.fromSeed(new byte[32]);

  @FuzzTest
  void fuzz(byte[] data) {
    fuzzerTestOneInput(data);
  }

  /** Entry point of the standalone Jazzer driver. */
  public static void fuzzerTestOneInput(byte[] data) {
    long[] now = {0};
    TimerQueue queue = new TimerQueue(64);
    LinkListener[] listener = new LinkListener[1];
    Link link = new Link() {
      @Override
      public LinkProfile profile() {
        return new LinkProfile("fuzz", 20, 1_000_000, 0, true, true);
      }

      @Override
      public void start(LinkListener l) {
        listener[0] = l;
      }

      @Override
      public void stop() {
        listener[0] = null;
      }

      @Override
      public boolean sendBroadcast(byte[] p, int off, int len) {
        return true;
      }

      @Override
      public boolean sendTo(long peer, byte[] p, int off, int len) {
        return true;
      }
    };
    Clock clock = new Clock() {
      @Override
      public long nowMillis() {
        return now[0];
      }

      @Override
      public long unixSeconds() {
        return 1_700_000_000L + now[0] / 1000;
      }
    };
    Router r = (Router) MeshNode.builder().identity(KEY).link(link).clock(clock).scheduler(queue)
        .random(new RandomSource(1)).config(CONFIG).build();
    r.subscribe("t", m -> { });
    r.start();
    int p = 0;
    while (p + 3 <= data.length) {
      int peer = data[p] & 0x07;
      now[0] += (data[p + 1] & 0xFF) * 16L;
      int len = Math.min(data[p + 2] & 0xFF, data.length - p - 3);
      queue.fireDue(now[0]);
      listener[0].onPacket(link, peer, data, p + 3, len, false, LinkListener.UNKNOWN, LinkListener.UNKNOWN,
          LinkListener.UNKNOWN);
      Properties.check(r.neighbourTable().size() <= CONFIG.maxNeighbours(), "neighbour table over its bound");
      Properties.check(r.pendingRelays() <= CONFIG.maxPendingRelays(), "relay states over their bound");
      Properties.check(r.keyCache().size() <= CONFIG.keyCacheCapacity(), "key cache over its bound");
      Properties.check(r.duplicateCache().size() <= CONFIG.duplicateCacheCapacity(), "cache over its bound");
      p += 3 + len;
    }
    queue.fireDue(now[0] + 10_000);
    r.close();
  }
}
