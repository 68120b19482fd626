package network.mtc.bench;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import network.mtc.wire.fragment.Fragmenter;
import network.mtc.wire.fragment.Reassembler;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Fragmentation of a 4,096-byte frame (the largest) at MTU 20 (256 fragments) and 244 (18), and
 * reassembly of those packets. One operation handles the whole frame, so MB/s = 4096 / (ns per op) * 1000.
 * The peer is {@code copy}: one System.arraycopy per packet of the same sizes.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FragmentBench {
  @Param({"20", "244"})
  int mtu;

  byte[] frame;
  byte[][] packets;
  byte[] sink;
  Fragmenter fragmenter;
  Reassembler reassembler;
  long now;

  @Setup
  public void setup() {
    SplittableRandom rnd = new SplittableRandom(2);
    frame = new byte[4096];
    for (int i = 0; i < frame.length; i++) {
      frame[i] = (byte) rnd.nextInt(256);
    }
    frame[0] = 0x41;
    fragmenter = new Fragmenter(mtu, 0);
    List<byte[]> ps = fragmenter.split(frame);
    packets = ps.toArray(new byte[0][]);
    reassembler = new Reassembler();
    sink = new byte[4096];
  }

  /** Reassembles the pre-split packets of one frame (a new tag each time, as a real link would). */
  @Benchmark
  public int reassemble() {
    Reassembler.Outcome o = null;
    now++;
    int tag = (int) (now & 0x3FFF);
    for (byte[] p : packets) {
      p[0] = (byte) (0xC0 | (tag >>> 8));
      p[1] = (byte) tag;
      o = reassembler.accept(1, p, 0, p.length, now);
    }
    return o.ordinal() + reassembler.frameLength();
  }

  /** Splits one frame into packets (delivered to a no-op sink). */
  @Benchmark
  public int fragment(Blackhole bh) {
    return fragmenter.split(frame, 0, frame.length, (b, o, l) -> bh.consume(l));
  }

  /** Peer: one arraycopy per packet. */
  @Benchmark
  public void copy(Blackhole bh) {
    int off = 0;
    for (byte[] p : packets) {
      int n = p.length - 4;
      System.arraycopy(p, 4, sink, off, n);
      off += n;
    }
    bh.consume(sink);
  }
}
