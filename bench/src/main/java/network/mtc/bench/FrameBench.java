package network.mtc.bench;

import java.util.List;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import network.mtc.wire.Bytes;
import network.mtc.wire.NodeAddress;
import network.mtc.wire.Tlv;
import network.mtc.wire.frame.Frame;
import network.mtc.wire.frame.FrameDecoder;
import network.mtc.wire.frame.FrameEncoder;
import network.mtc.wire.frame.FrameView;
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
 * Frame encode and decode for 32, 244 and 1,400-byte payloads: a unicast frame with a sequence number
 * and two extensions. The peer is {@code copy}: System.arraycopy of the same number of bytes, the floor
 * any codec that touches its input pays.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FrameBench {
  @Param({"32", "244", "1400"})
  int payload;

  Frame frame;
  byte[] encoded;
  byte[] out;
  final FrameView view = new FrameView();

  @Setup
  public void setup() {
    SplittableRandom rnd = new SplittableRandom(1);
    byte[] p = new byte[payload];
    for (int i = 0; i < p.length; i++) {
      p[i] = (byte) rnd.nextInt(256);
    }
    frame = new Frame(1, 7, 0x12345678, new NodeAddress(0x0102030405060708L),
        new NodeAddress(0x1112131415161718L), OptionalLong.of(4242),
        List.of(new Tlv(1, Bytes.fromHex("07")), new Tlv(4, Bytes.fromHex("74656d70"))),
        Bytes.copyOf(p), null);
    encoded = frame.encode();
    out = new byte[encoded.length];
  }

  /** Decoding into a reused view: what a relay does per frame. */
  @Benchmark
  public int decode() {
    FrameDecoder.decode(encoded, 0, encoded.length, view);
    return view.payloadLength() + view.messageId();
  }

  /** Encoding into a reused buffer. */
  @Benchmark
  public int encode() {
    return FrameEncoder.encode(frame, out, 0);
  }

  /** Peer: copying the encoded bytes. */
  @Benchmark
  public void copy(Blackhole bh) {
    System.arraycopy(encoded, 0, out, 0, encoded.length);
    bh.consume(out);
  }
}
