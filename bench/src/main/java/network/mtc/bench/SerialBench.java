package network.mtc.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;
import network.mtc.wire.serial.Cobs;
import network.mtc.wire.serial.SerialFrameDecoder;
import network.mtc.wire.serial.SerialFraming;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * COBS and serial framing on a 4,096-byte random packet (zero bytes at their random rate of 1/256).
 * MB/s = 4096 / (ns per op) * 1000. Peers: System.arraycopy and the JDK's CRC32C (an intrinsic) over the
 * same bytes.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SerialBench {
  byte[] packet;
  byte[] encoded;
  int encodedLength;
  byte[] framed;
  byte[] scratch;
  byte[] out;
  SerialFrameDecoder decoder;

  @Setup
  public void setup() {
    SplittableRandom rnd = new SplittableRandom(3);
    packet = new byte[4096];
    for (int i = 0; i < packet.length; i++) {
      packet[i] = (byte) rnd.nextInt(256);
    }
    encoded = new byte[Cobs.maxEncodedLength(packet.length)];
    encodedLength = Cobs.encode(packet, 0, packet.length, encoded, 0);
    framed = SerialFraming.encode(packet);
    scratch = new byte[packet.length + 4];
    out = new byte[SerialFraming.maxFramedLength(packet.length)];
    decoder = new SerialFrameDecoder((b, o, l) -> { });
  }

  @Benchmark
  public int cobsEncode() {
    return Cobs.encode(packet, 0, packet.length, out, 0);
  }

  @Benchmark
  public int cobsDecode() {
    return Cobs.decode(encoded, 0, encodedLength, out, 0);
  }

  /** COBS + CRC-32C + delimiter. */
  @Benchmark
  public int serialEncode() {
    return SerialFraming.encode(packet, 0, packet.length, scratch, out, 0);
  }

  /** The streaming decoder on one framed packet: delimiter search, buffering, COBS, CRC check. */
  @Benchmark
  public long serialStreamDecode() {
    decoder.feed(framed, 0, framed.length);
    return decoder.packets();
  }

  @Benchmark
  public void copy(Blackhole bh) {
    System.arraycopy(packet, 0, out, 0, packet.length);
    bh.consume(out);
  }

  @Benchmark
  public long crc32c() {
    CRC32C c = new CRC32C();
    c.update(packet, 0, packet.length);
    return c.getValue();
  }
}
