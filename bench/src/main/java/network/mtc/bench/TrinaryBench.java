package network.mtc.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import network.mtc.wire.trinary.B1t6;
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

/** b1t6 encode and decode of 244 bytes (one BLE 5 packet). Peer: java.util.HexFormat on the same bytes. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TrinaryBench {
  byte[] bytes;
  String trytes;
  String hex;

  @Setup
  public void setup() {
    SplittableRandom rnd = new SplittableRandom(4);
    bytes = new byte[244];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) rnd.nextInt(256);
    }
    trytes = B1t6.encode(bytes);
    hex = java.util.HexFormat.of().formatHex(bytes);
  }

  @Benchmark
  public String b1t6Encode() {
    return B1t6.encode(bytes);
  }

  @Benchmark
  public byte[] b1t6Decode() {
    return B1t6.decode(trytes);
  }

  @Benchmark
  public String hexEncode() {
    return java.util.HexFormat.of().formatHex(bytes);
  }

  @Benchmark
  public byte[] hexDecode() {
    return java.util.HexFormat.of().parseHex(hex);
  }
}
