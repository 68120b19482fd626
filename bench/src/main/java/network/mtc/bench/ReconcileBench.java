package network.mtc.bench;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import network.mtc.routing.runtime.RandomSource;
import network.mtc.routing.sync.ItemKey;
import network.mtc.routing.sync.RangeReconciler;
import network.mtc.routing.sync.SyncItemSet;
import network.mtc.routing.sync.SyncMessage;
import network.mtc.routing.sync.SyncMessageCodec;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A whole station sync session, both sides in one thread, every message encoded and decoded: 10,000
 * items against 10,000 with 20 differences (10 on each side), branch 16, a fresh salt per session (so
 * each operation hashes all 20,000 keys, as a real session does). The aux counters report the SYNC bytes
 * and messages of one session; sending every key instead would be 160,000 bytes.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ReconcileBench {
  SyncItemSet a;
  SyncItemSet b;
  long salt;

  /** Per-session cost, reported next to the time. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Cost {
    public long syncBytes;
    public long syncMessages;

    @Setup(Level.Iteration)
    public void reset() {
      syncBytes = 0;
      syncMessages = 0;
    }
  }

  @Setup
  public void setup() {
    RandomSource rnd = new RandomSource(10);
    List<ItemKey> common = new ArrayList<>();
    for (int i = 0; i < 10_000 - 10; i++) {
      common.add(key(rnd));
    }
    List<ItemKey> x = new ArrayList<>(common);
    List<ItemKey> y = new ArrayList<>(common);
    for (int i = 0; i < 10; i++) {
      x.add(key(rnd));
      y.add(key(rnd));
    }
    a = SyncItemSet.of(x);
    b = SyncItemSet.of(y);
  }

  private static ItemKey key(RandomSource rnd) {
    return new ItemKey((1_800_000_000L + rnd.nextInt(3600)) << 32 | (rnd.nextLong() >>> 32), rnd.nextLong());
  }

  @Benchmark
  public int reconcile10kVs10k20Differences(Cost cost) {
    RangeReconciler ini = RangeReconciler.initiator(a, 1, ++salt, 16, Long.MAX_VALUE);
    RangeReconciler res = RangeReconciler.responder(b, Long.MAX_VALUE);
    Deque<SyncMessage> toRes = new ArrayDeque<>(List.of(ini.open(0)));
    Deque<SyncMessage> toIni = new ArrayDeque<>();
    while (!toRes.isEmpty() || !toIni.isEmpty()) {
      boolean fromIni = !toRes.isEmpty();
      byte[] wire = SyncMessageCodec.encode(fromIni ? toRes.poll() : toIni.poll());
      cost.syncBytes += wire.length;
      cost.syncMessages++;
      SyncMessage m = SyncMessageCodec.decode(wire);
      (fromIni ? toIni : toRes).addAll((fromIni ? res : ini).receive(m, 0));
    }
    return ini.selfLacks().size() + ini.peerLacks().size();
  }
}
