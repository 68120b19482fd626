package network.mtc.bench;

import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import javax.crypto.KeyAgreement;
import network.mtc.crypto.X25519KeyPair;
import org.bouncycastle.math.ec.rfc7748.X25519;
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

/** X25519 shared-secret computation against BouncyCastle and SunEC, in operations per second. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class X25519Bench {
  byte[] k = new byte[32];
  byte[] u = new byte[32];
  X25519KeyPair pair;
  PrivateKey jdkPrivate;
  java.security.PublicKey jdkPublic;

  @Setup
  public void setup() throws Exception {
    SplittableRandom rnd = new SplittableRandom(6);
    byte[] other = new byte[32];
    for (int i = 0; i < 32; i++) {
      k[i] = (byte) rnd.nextInt(256);
      other[i] = (byte) rnd.nextInt(256);
    }
    try (X25519KeyPair o = X25519KeyPair.fromPrivateKey(other)) {
      u = o.publicKey();
    }
    pair = X25519KeyPair.fromPrivateKey(k);
    KeyFactory kf = KeyFactory.getInstance("X25519");
    jdkPrivate = kf.generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519, k));
    byte[] be = new byte[32];
    for (int i = 0; i < 32; i++) {
      be[i] = u[31 - i];
    }
    jdkPublic = kf.generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519, new BigInteger(1, be)));
  }

  @Benchmark
  public byte[] mtc() {
    return pair.agree(u);
  }

  @Benchmark
  public byte[] bc() {
    byte[] out = new byte[32];
    X25519.scalarMult(k, 0, u, 0, out, 0);
    return out;
  }

  @Benchmark
  public byte[] jdk() throws Exception {
    KeyAgreement ka = KeyAgreement.getInstance("X25519");
    ka.init(jdkPrivate);
    ka.doPhase(jdkPublic, true);
    return ka.generateSecret();
  }
}
