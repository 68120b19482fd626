package network.mtc.bench;

import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import network.mtc.crypto.BatchVerifier;
import network.mtc.crypto.PublicKey;
import network.mtc.crypto.SigningKey;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
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
 * Ed25519 sign, verify and batch verify, against BouncyCastle's pure-Java rfc8032.Ed25519 and the JDK's
 * SunEC, measured in the same run. Throughput in operations per second, one thread. The message is 64
 * bytes. {@code batch64} verifies 64 signatures per invocation and reports per-signature throughput
 * ({@code @OperationsPerInvocation(64)}), to compare with {@code mtcVerify}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class Ed25519Bench {
  byte[] seed = new byte[32];
  byte[] message = new byte[64];
  SigningKey mtcKey;
  PublicKey mtcPublic;
  PublicKey mtcPublicMany;
  byte[] publicBytes;
  byte[] signature;
  byte[] bcPublic = new byte[32];
  PrivateKey jdkPrivate;
  java.security.PublicKey jdkPublic;
  PublicKey[] batchKeys = new PublicKey[64];
  byte[][] batchMessages = new byte[64][];
  byte[][] batchSignatures = new byte[64][];

  @Setup
  public void setup() throws Exception {
    SplittableRandom rnd = new SplittableRandom(5);
    for (int i = 0; i < 32; i++) {
      seed[i] = (byte) rnd.nextInt(256);
    }
    for (int i = 0; i < 64; i++) {
      message[i] = (byte) rnd.nextInt(256);
    }
    mtcKey = SigningKey.fromSeed(seed);
    mtcPublic = mtcKey.publicKey();
    mtcPublicMany = mtcPublic.forManyVerifications();
    publicBytes = mtcPublic.toBytes();
    signature = mtcKey.sign(message);
    Ed25519.generatePublicKey(seed, 0, bcPublic, 0);
    KeyFactory kf = KeyFactory.getInstance("Ed25519");
    jdkPrivate = kf.generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
    byte[] be = new byte[32];
    for (int i = 0; i < 32; i++) {
      be[i] = publicBytes[31 - i];
    }
    boolean odd = (be[0] & 0x80) != 0;
    be[0] &= 0x7F;
    jdkPublic = kf.generatePublic(new EdECPublicKeySpec(NamedParameterSpec.ED25519,
        new EdECPoint(odd, new BigInteger(1, be))));
    for (int i = 0; i < 64; i++) {
      byte[] s = new byte[32];
      s[0] = (byte) i;
      try (SigningKey k = SigningKey.fromSeed(s)) {
        batchKeys[i] = k.publicKey();
        batchMessages[i] = message.clone();
        batchMessages[i][0] = (byte) i;
        batchSignatures[i] = k.sign(batchMessages[i]);
      }
    }
  }

  @Benchmark
  public byte[] mtcSign() {
    return mtcKey.sign(message);
  }

  @Benchmark
  public byte[] bcSign() {
    byte[] sig = new byte[64];
    Ed25519.sign(seed, 0, message, 0, message.length, sig, 0);
    return sig;
  }

  @Benchmark
  public byte[] jdkSign() throws Exception {
    Signature s = Signature.getInstance("Ed25519");
    s.initSign(jdkPrivate);
    s.update(message);
    return s.sign();
  }

  /** Verification with a key object decoded once (how a node verifies its neighbours). */
  @Benchmark
  public boolean mtcVerify() {
    return mtcPublic.verify(message, signature);
  }

  /**
   * Verification with a key prepared for many verifications ({@code forManyVerifications}: split table,
   * 64 doublings): how a channel verifies its counterparty.
   */
  @Benchmark
  public boolean mtcVerifyManyKey() {
    return mtcPublicMany.verify(message, signature);
  }

  /** Verification from raw key bytes, decoding the key every time (BouncyCastle's model). */
  @Benchmark
  public boolean mtcVerifyRawKey() {
    return PublicKey.verify(publicBytes, message, signature).isValid();
  }

  @Benchmark
  public boolean bcVerify() {
    return Ed25519.verify(signature, 0, bcPublic, 0, message, 0, message.length);
  }

  @Benchmark
  public boolean jdkVerify() throws Exception {
    Signature s = Signature.getInstance("Ed25519");
    s.initVerify(jdkPublic);
    s.update(message);
    return s.verify(signature);
  }

  /** 64 signatures by 64 keys in one batch; the score is per signature. */
  @Benchmark
  @OperationsPerInvocation(64)
  public boolean mtcBatch64() {
    BatchVerifier b = new BatchVerifier();
    for (int i = 0; i < 64; i++) {
      b.add(batchKeys[i], batchMessages[i], batchSignatures[i]);
    }
    return b.verifyAll();
  }

  /** The same 64 signatures verified one by one; the score is per signature. */
  @Benchmark
  @OperationsPerInvocation(64)
  public boolean mtcSingle64() {
    boolean ok = true;
    for (int i = 0; i < 64; i++) {
      ok &= batchKeys[i].verify(batchMessages[i], batchSignatures[i]);
    }
    return ok;
  }
}
