package network.mtc.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;
import java.util.HexFormat;
import java.util.SplittableRandom;
import javax.crypto.KeyAgreement;
import org.junit.jupiter.api.Test;

class X25519Test {
  static byte[] hex(String s) {
    return HexFormat.of().parseHex(s);
  }

  @Test
  void rfc7748Section5_2() {
    assertEquals("c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552",
        HexFormat.of().formatHex(X25519KeyPair.x25519(
            hex("a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4"),
            hex("e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c"))));
    assertEquals("95cbde9476e8907d7aade45cb4b873f88b595a68799fa152e6f8f7647aac7957",
        HexFormat.of().formatHex(X25519KeyPair.x25519(
            hex("4b66e9d4d1b4673c5ad22691957d6af5c11b6421e0ea01d42ca4169e7918ba0d"),
            hex("e5210f12786811d3f4b7959d0538ae2c31dbe7106fc03c3efc4cd549c715a493"))));
  }

  @Test
  void rfc7748Section6_1DiffieHellman() {
    try (X25519KeyPair a = X25519KeyPair.fromPrivateKey(
            hex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a"));
        X25519KeyPair b = X25519KeyPair.fromPrivateKey(
            hex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb"))) {
      assertArrayEquals(hex("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a"), a.publicKey());
      assertArrayEquals(hex("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f"), b.publicKey());
      byte[] k = hex("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742");
      assertArrayEquals(k, a.agree(b.publicKey()));
      assertArrayEquals(k, b.agree(a.publicKey()));
    }
  }

  @Test
  void agreesWithTheJdk() throws Exception {
    SplittableRandom rnd = new SplittableRandom(70);
    KeyFactory kf = KeyFactory.getInstance("X25519");
    for (int i = 0; i < 200; i++) {
      byte[] k = new byte[32];
      byte[] u = new byte[32];
      for (int j = 0; j < 32; j++) {
        k[j] = (byte) rnd.nextInt(256);
        u[j] = (byte) rnd.nextInt(256);
      }
      u[31] &= 0x7F;
      byte[] be = new byte[32];
      for (int j = 0; j < 32; j++) {
        be[j] = u[31 - j];
      }
      KeyAgreement ka = KeyAgreement.getInstance("X25519");
      ka.init(kf.generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519, k)));
      ka.doPhase(kf.generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519,
          new BigInteger(1, be))), true);
      byte[] jdk;
      try {
        jdk = ka.generateSecret();
      } catch (IllegalStateException zero) {
        jdk = new byte[32];
      }
      assertArrayEquals(jdk, X25519KeyPair.x25519(k, u));
    }
  }

  @Test
  void rejectsSmallOrderPeers() {
    try (X25519KeyPair a = X25519KeyPair.generate(new java.security.SecureRandom())) {
      assertThrows(IllegalArgumentException.class, () -> a.agree(new byte[32]));
      byte[] one = new byte[32];
      one[0] = 1;
      assertThrows(IllegalArgumentException.class, () -> a.agree(one));
    }
  }
}
