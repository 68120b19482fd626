package network.mtc.bench;

import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import network.mtc.routing.runtime.RandomSource;
import network.mtc.sim.internal.EventQueue;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The simulator's global event queue (mtc-sim EventQueue, a 4-ary heap of long keys) in steady state,
 * the classic "hold" model: pop the earliest of {@code pending} events and push one at a random later
 * time; one operation = one pop + one push. {@code popPushCancel} also cancels every fourth event it
 * pushes (lazy cancellation: the dead entry is skipped when it surfaces). Peer: java.util.PriorityQueue of
 * event objects (allocates per event). Sizes: 1,000 (a small run) and 100,000 (100,000 nodes with a timer
 * each).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EventQueueBench {
  @Param({"1000", "100000"})
  int pending;

  EventQueue queue;
  PriorityQueue<long[]> peer;
  RandomSource rnd;
  long order;
  long sink;
  long toCancel = -1;

  @Setup
  public void setup() {
    rnd = new RandomSource(7);
    queue = new EventQueue(pending * 2);
    peer = new PriorityQueue<>(pending + 1, (a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0])
        : Long.compare(a[1], b[1]));
    for (int i = 0; i < pending; i++) {
      long at = rnd.nextInt(1_000_000);
      queue.push(at, i, 1, 0, i, null);
      peer.add(new long[] {at, order++, i});
    }
  }

  @Benchmark
  public long popPush() {
    queue.pop();
    long now = queue.time();
    sink += queue.arg();
    queue.push(now + 1 + rnd.nextInt(100_000), queue.node(), 1, 0, now, null);
    return sink;
  }

  @Benchmark
  public long popPushCancel() {
    queue.pop();
    long now = queue.time();
    sink += queue.arg();
    long id = queue.push(now + 1 + rnd.nextInt(100_000), queue.node(), 1, 0, now, null);
    if ((order++ & 3) == 0) {
      queue.cancel(toCancel);
      // keep the live population constant: replace the cancelled event
      queue.push(now + 1 + rnd.nextInt(100_000), 0, 1, 0, now, null);
      toCancel = id;
    }
    return sink;
  }

  @Benchmark
  public long priorityQueue() {
    long[] e = peer.poll();
    sink += e[2];
    peer.add(new long[] {e[0] + 1 + rnd.nextInt(100_000), order++, e[0]});
    return sink;
  }
}
