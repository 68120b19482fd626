package network.mtc.bench;

import java.math.BigInteger;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import network.mtc.crypto.internal.Field25519;
import org.bouncycastle.math.ec.rfc7748.X25519Field;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * GF(2^255 - 19) multiplication and squaring: ours ({@code Field25519}) against BouncyCastle's
 * {@code rfc7748.X25519Field} (the main peer: the field under BC's X25519 and Ed25519) and a plain
 * {@code BigInteger} multiply-and-mod (a sanity peer). Each invocation runs a dependent chain of
 * {@value #N} operations ({@code x = x * y} or {@code x = x^2}); scores are per operation.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FieldBench {
  static final int N = 100;
  static final BigInteger P = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19));

  long[] mtcX = Field25519.create();
  long[] mtcY = Field25519.create();
  int[] bcX = X25519Field.create();
  int[] bcY = X25519Field.create();
  BigInteger bigX;
  BigInteger bigY;

  @Setup
  public void setup() {
    SplittableRandom rnd = new SplittableRandom(7);
    byte[] x = new byte[32];
    byte[] y = new byte[32];
    for (int i = 0; i < 32; i++) {
      x[i] = (byte) rnd.nextInt(256);
      y[i] = (byte) rnd.nextInt(256);
    }
    x[31] &= 0x7F;
    y[31] &= 0x7F;
    Field25519.decode(x, 0, mtcX);
    Field25519.decode(y, 0, mtcY);
    X25519Field.decode(x, 0, bcX);
    X25519Field.decode(y, 0, bcY);
    bigX = le(x);
    bigY = le(y);
  }

  static BigInteger le(byte[] s) {
    byte[] be = new byte[s.length];
    for (int i = 0; i < s.length; i++) {
      be[i] = s[s.length - 1 - i];
    }
    return new BigInteger(1, be);
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public long[] mtcMul() {
    long[] x = mtcX;
    for (int i = 0; i < N; i++) {
      Field25519.mul(x, mtcY, x);
    }
    return x;
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public long[] mtcSq() {
    long[] x = mtcX;
    for (int i = 0; i < N; i++) {
      Field25519.sq(x, x);
    }
    return x;
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public int[] bcMul() {
    int[] x = bcX;
    for (int i = 0; i < N; i++) {
      X25519Field.mul(x, bcY, x);
    }
    return x;
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public int[] bcSqr() {
    int[] x = bcX;
    for (int i = 0; i < N; i++) {
      X25519Field.sqr(x, x);
    }
    return x;
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public BigInteger bigMul() {
    BigInteger x = bigX;
    for (int i = 0; i < N; i++) {
      x = x.multiply(bigY).mod(P);
    }
    bigX = x;
    return x;
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public BigInteger bigSq() {
    BigInteger x = bigX;
    for (int i = 0; i < N; i++) {
      x = x.multiply(x).mod(P);
    }
    bigX = x;
    return x;
  }
}
