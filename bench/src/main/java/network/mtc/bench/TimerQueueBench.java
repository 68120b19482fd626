package network.mtc.bench;

import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import network.mtc.routing.runtime.RandomSource;
import network.mtc.routing.runtime.TimerHandler;
import network.mtc.routing.runtime.TimerQueue;
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
 * The simulator's event core in steady state: fire the earliest of {@code pending} timers and schedule a
 * new one at a random later time, one event per operation. The peer is java.util.PriorityQueue of event
 * objects doing the same (allocation per event).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TimerQueueBench {
  @Param({"1000", "100000"})
  int pending;

  TimerQueue queue;
  PriorityQueue<long[]> peer;
  RandomSource rnd;
  long now;
  long peerOrder;
  long sink;
  final TimerHandler handler = (kind, arg) -> sink += arg;

  @Setup
  public void setup() {
    rnd = new RandomSource(7);
    queue = new TimerQueue(pending + 1);
    peer = new PriorityQueue<>(pending + 1, (a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0])
        : Long.compare(a[1], b[1]));
    for (int i = 0; i < pending; i++) {
      long at = rnd.nextInt(1_000_000);
      queue.schedule(at, handler, 0, i);
      peer.add(new long[] {at, peerOrder++, i});
    }
  }

  @Benchmark
  public long timerQueue() {
    now = queue.nextDue();
    queue.fireNext(now);
    queue.schedule(now + 1 + rnd.nextInt(100_000), handler, 0, now);
    return sink;
  }

  @Benchmark
  public long priorityQueue() {
    long[] e = peer.poll();
    sink += e[2];
    peer.add(new long[] {e[0] + 1 + rnd.nextInt(100_000), peerOrder++, e[0]});
    return sink;
  }
}
