package network.mtc.cli.demo;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.SecureRandomSpi;

/**
 * A deterministic byte stream behind the {@link SecureRandom} interface, for the demo only: block i is
 * SHA-256("mtc-demo-random-v1" || seed || label || i). The demo seals envelopes and draws its hash-lock
 * secret from it so that one seed gives one byte-identical run. Never use it for real keys or real seals:
 * anyone who knows the seed knows every ephemeral key.
 */
final class SeededRandom extends SecureRandom {
  private static final long serialVersionUID = 1L;

  SeededRandom(long seed, String label) {
    super(new Spi(seed, label), null);
  }

  /** 32 bytes derived from the seed and a label (keys, funding references). */
  static byte[] derive(long seed, String label) {
    MessageDigest md = sha256();
    md.update("mtc-demo-key-v1".getBytes(StandardCharsets.US_ASCII));
    md.update(ByteBuffer.allocate(8).putLong(seed).array());
    md.update(label.getBytes(StandardCharsets.UTF_8));
    return md.digest();
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static final class Spi extends SecureRandomSpi {
    private static final long serialVersionUID = 1L;
    private final byte[] prefix;
    private long counter;
    private byte[] block = new byte[0];
    private int used;

    Spi(long seed, String label) {
      byte[] l = label.getBytes(StandardCharsets.UTF_8);
      byte[] d = "mtc-demo-random-v1".getBytes(StandardCharsets.US_ASCII);
      prefix = ByteBuffer.allocate(d.length + 8 + l.length).put(d).putLong(seed).put(l).array();
    }

    @Override
    protected void engineSetSeed(byte[] seed) {
      // deterministic by design: extra seed material is ignored
    }

    @Override
    protected void engineNextBytes(byte[] bytes) {
      for (int i = 0; i < bytes.length; i++) {
        if (used == block.length) {
          MessageDigest md = sha256();
          md.update(prefix);
          block = md.digest(ByteBuffer.allocate(8).putLong(counter++).array());
          used = 0;
        }
        bytes[i] = block[used++];
      }
    }

    @Override
    protected byte[] engineGenerateSeed(int numBytes) {
      byte[] b = new byte[numBytes];
      engineNextBytes(b);
      return b;
    }
  }
}
