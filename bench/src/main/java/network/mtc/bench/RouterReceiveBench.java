package network.mtc.bench;

import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import network.mtc.crypto.SigningKey;
import network.mtc.routing.BroadcastStrategy;
import network.mtc.routing.DropReason;
import network.mtc.routing.NodeStats;
import network.mtc.routing.MeshConfig;
import network.mtc.routing.MeshNode;
import network.mtc.routing.link.Link;
import network.mtc.routing.link.LinkListener;
import network.mtc.routing.link.LinkProfile;
import network.mtc.routing.runtime.Clock;
import network.mtc.routing.runtime.RandomSource;
import network.mtc.routing.runtime.TimerQueue;
import network.mtc.wire.Bytes;
import network.mtc.wire.NodeAddress;
import network.mtc.wire.Tlv;
import network.mtc.wire.Varint;
import network.mtc.wire.frame.Frame;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The node's receive path (spec/routing.md section 8) per link packet, on the production Router with the
 * COUNTER policy and a link that drops what it is given: a duplicate copy (most receptions in a dense
 * mesh) and a first copy (decode, expiry, cache insert, relay state, timer, relay, free). Run with
 * {@code -prof gc} to see that neither allocates per packet (no subscriber, so nothing is delivered).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RouterReceiveBench {
  long now;
  TimerQueue queue;
  LinkListener router;
  Link link;
  byte[] frame;
  MeshNode node;

  @Setup
  public void setup() {
    queue = new TimerQueue(4096);
    Clock clock = new Clock() {
      @Override
      public long nowMillis() {
        return now;
      }

      @Override
      public long unixSeconds() {
        return 1_700_000_000L;   // fixed: the frame's expires_at stays valid however long JMH runs
      }
    };
    link = new Link() {
      @Override
      public LinkProfile profile() {
        return new LinkProfile("bench", 244, 1_000_000, 0, true, true);
      }

      @Override
      public void start(LinkListener l) {
        router = l;
      }

      @Override
      public void stop() {}

      @Override
      public boolean sendBroadcast(byte[] p, int off, int len) {
        return true;
      }

      @Override
      public boolean sendTo(long peer, byte[] p, int off, int len) {
        return true;
      }
    };
    MeshConfig cfg = MeshConfig.simulation().toBuilder().strategy(BroadcastStrategy.COUNTER)
        .announcesEnabled(false).simulationUnsignedAnnounces(true).build();
    node = MeshNode.builder().identity(SigningKey.fromSeed(new byte[32])).link(link).clock(clock)
        .scheduler(queue).random(new RandomSource(1)).config(cfg).build();
    node.start();
    frame = new Frame(1, 20, 0, new NodeAddress(0x0102030405060708L), null, OptionalLong.empty(),
        List.of(new Tlv(1, Bytes.copyOf(new byte[] {32})),
            new Tlv(2, Bytes.copyOf(Varint.encode(1_700_000_300L))), new Tlv(4, Bytes.copyOf(new byte[] {'s'}))),
        Bytes.copyOf(new byte[24]), null).encode();
    for (int i = 0; i < 1000; i++) {
      firstCopyAndRelay();
    }
    NodeStats st = node.stats();
    if (st.relayed() == 0 || st.received() != 1000 || st.dropped(DropReason.CACHE_FULL) > 0
        || st.dropped(DropReason.TOO_FAR_FUTURE) > 0) {
      throw new IllegalStateException("the benchmark does not exercise the relay path: " + st);
    }
  }

  /** A copy of a message already seen. */
  @Benchmark
  public void duplicate() {
    router.onPacket(link, 2, frame, 0, frame.length, false, LinkListener.UNKNOWN, LinkListener.UNKNOWN,
        LinkListener.UNKNOWN);
  }

  /** The first copy of a new message, then its relay timer. */
  @Benchmark
  public void firstCopyAndRelay() {
    now += 2_000;   // 256 cache entries span 512 s, past the 300 s retention: the cache never fills
    int id = (int) now;
    frame[3] = (byte) (id >>> 24);
    frame[4] = (byte) (id >>> 16);
    frame[5] = (byte) (id >>> 8);
    frame[6] = (byte) id;
    router.onPacket(link, 2, frame, 0, frame.length, false, LinkListener.UNKNOWN, LinkListener.UNKNOWN,
        LinkListener.UNKNOWN);
    queue.fireDue(now + 101);
  }
}
