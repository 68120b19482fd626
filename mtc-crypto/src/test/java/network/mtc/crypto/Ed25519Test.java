package network.mtc.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class Ed25519Test {
  static byte[] hex(String s) {
    return HexFormat.of().parseHex(s);
  }

  /** RFC 8032 section 7.1, TEST 1 to 3: seed, public key, message, signature. */
  static final String[][] RFC8032 = {
      {"9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
          "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "",
          "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b4"
              + "6bd25bf5f0595bbe24655141438e7a100b"},
      {"4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
          "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72",
          "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d"
              + "8c387b2eaeb4302aeeb00d291612bb0c00"},
      {"c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
          "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025", "af82",
          "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6"
              + "594a7c15e9716ed28dc027beceea1ec40a"},
  };

  @Test
  void rfc8032Vectors() {
    for (String[] v : RFC8032) {
      try (SigningKey k = SigningKey.fromSeed(hex(v[0]))) {
        assertEquals(v[1], k.publicKey().hex());
        assertEquals(v[3], HexFormat.of().formatHex(k.sign(hex(v[2]))));
        assertTrue(k.publicKey().verify(hex(v[2]), hex(v[3])));
        byte[] bad = hex(v[3]);
        bad[5] ^= 1;
        assertFalse(k.publicKey().verify(hex(v[2]), bad));
      }
    }
  }

  static java.security.PublicKey sunKey(byte[] pub) throws Exception {
    byte[] be = new byte[32];
    for (int i = 0; i < 32; i++) {
      be[i] = pub[31 - i];
    }
    boolean xOdd = (be[0] & 0x80) != 0;
    be[0] &= 0x7F;
    EdECPoint point = new EdECPoint(xOdd, new BigInteger(1, be));
    return KeyFactory.getInstance("Ed25519").generatePublic(
        new EdECPublicKeySpec(NamedParameterSpec.ED25519, point));
  }

  @Test
  void agreesWithTheJdkOnRandomKeysAndMessages() throws Exception {
    SplittableRandom rnd = new SplittableRandom(60);
    for (int i = 0; i < 300; i++) {
      byte[] seed = new byte[32];
      byte[] msg = new byte[rnd.nextInt(200)];
      for (int j = 0; j < 32; j++) {
        seed[j] = (byte) rnd.nextInt(256);
      }
      for (int j = 0; j < msg.length; j++) {
        msg[j] = (byte) rnd.nextInt(256);
      }
      try (SigningKey k = SigningKey.fromSeed(seed)) {
        byte[] sig = k.sign(msg);
        // The JDK signs with the same seed (PKCS#8 raw private key) and must produce the same bytes.
        java.security.PrivateKey jdkPriv = KeyFactory.getInstance("Ed25519").generatePrivate(
            new java.security.spec.EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(jdkPriv);
        s.update(msg);
        assertArrayEquals(s.sign(), sig);
        Signature v = Signature.getInstance("Ed25519");
        v.initVerify(sunKey(k.publicKey().toBytes()));
        v.update(msg);
        assertTrue(v.verify(sig));
        // Same verdict on a tampered signature.
        byte[] bad = sig.clone();
        bad[rnd.nextInt(64)] ^= (byte) (1 << rnd.nextInt(8));
        v.initVerify(sunKey(k.publicKey().toBytes()));
        v.update(msg);
        boolean jdk;
        try {
          jdk = v.verify(bad);
        } catch (java.security.SignatureException e) {
          jdk = false;
        }
        assertEquals(jdk, k.publicKey().verify(msg, bad));
      }
    }
  }

  @Test
  void batchGivesTheSingleVerdictForEverySignature() {
    SplittableRandom rnd = new SplittableRandom(61);
    SecureRandom secure = new SecureRandom();
    for (int round = 0; round < 20; round++) {
      BatchVerifier b = new BatchVerifier(secure);
      List<byte[]> keys = new ArrayList<>();
      List<byte[]> msgs = new ArrayList<>();
      List<byte[]> sigs = new ArrayList<>();
      int n = 1 + rnd.nextInt(40);
      for (int i = 0; i < n; i++) {
        byte[] seed = new byte[32];
        seed[0] = (byte) i;
        seed[1] = (byte) round;
        try (SigningKey k = SigningKey.fromSeed(seed)) {
          byte[] msg = {(byte) i, (byte) round};
          byte[] sig = k.sign(msg);
          byte[] pub = k.publicKey().toBytes();
          switch (round % 4 == 0 ? 0 : rnd.nextInt(6)) {
            case 1 -> sig[rnd.nextInt(32)] ^= 1;
            case 2 -> sig[32 + rnd.nextInt(31)] ^= 1;
            case 3 -> msg = new byte[] {9};
            default -> { }
          }
          keys.add(pub);
          msgs.add(msg);
          sigs.add(sig);
          b.add(pub, msg, sig);
        }
      }
      List<Verdict> batch = b.verdicts();
      for (int i = 0; i < n; i++) {
        PublicKey pk = PublicKey.fromBytes(keys.get(i));
        assertEquals(pk.verifyDetailed(msgs.get(i), sigs.get(i)), batch.get(i), "signature " + i);
      }
      assertEquals(batch.stream().allMatch(Verdict::isValid), b.verifyAll());
    }
  }

  @Test
  void keyRules() {
    // The identity (y = 1) has small order.
    byte[] identity = new byte[32];
    identity[0] = 1;
    assertEquals(Verdict.SMALL_ORDER_A, PublicKey.check(identity));
    assertThrows(IllegalArgumentException.class, () -> PublicKey.fromBytes(identity));
    // y = p is a non-canonical encoding of y = 0.
    byte[] yp = hex("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");
    assertEquals(Verdict.NON_CANONICAL_A, PublicKey.check(yp));
    // y = 2 is not on the curve.
    byte[] y2 = new byte[32];
    y2[0] = 2;
    assertEquals(Verdict.INVALID_A, PublicKey.check(y2));
    assertEquals(Verdict.MALFORMED, PublicKey.check(new byte[31]));
  }

  @Test
  void secretsStayInside() {
    SigningKey k = SigningKey.fromSeed(hex(RFC8032[0][0]));
    assertFalse(k.toString().contains(RFC8032[0][0]));
    k.close();
    assertThrows(IllegalStateException.class, () -> k.sign(new byte[0]));
    assertThrows(IllegalStateException.class, k::seedBytes);
  }

  /**
   * A key prepared for many verifications (split table) gives the verdict of the plain key and of raw
   * key bytes on every case of {@code cases}: public key, message, signature, and the expected validity
   * (null if the source gives none).
   */
  private static int assertSameVerdicts(List<String[]> cases) {
    int compared = 0;
    for (String[] c : cases) {
      byte[] pub = hex(c[0]);
      byte[] msg = hex(c[1]);
      byte[] sig = hex(c[2]);
      Verdict raw = PublicKey.verify(pub, msg, sig);
      if (c[3] != null) {
        assertEquals(Boolean.parseBoolean(c[3]), raw.isValid(), c[4]);
      }
      if (PublicKey.check(pub) != Verdict.VALID) {
        continue; // no key object exists for a key that breaks the key rules
      }
      PublicKey plain = PublicKey.fromBytes(pub);
      PublicKey many = plain.forManyVerifications();
      assertEquals(plain, many);
      assertEquals(raw, plain.verifyDetailed(msg, sig), c[4]);
      assertEquals(raw, many.verifyDetailed(msg, sig), c[4]);
      compared++;
    }
    return compared;
  }

  @Test
  @SuppressWarnings("unchecked")
  void manyVerificationKeysAgreeOnEveryWycheproofAndSpeccheckCase() throws Exception {
    Path wp = MiniJson.sharedVector("wycheproof", "ed25519_test.json");
    Path sc = MiniJson.sharedVector("ed25519-speccheck", "cases.json");
    Assumptions.assumeTrue(Files.isRegularFile(wp) && Files.isRegularFile(sc), "shared vectors absent");
    List<String[]> cases = new ArrayList<>();
    Map<String, Object> root = (Map<String, Object>) MiniJson.read(wp);
    for (Object g : (List<Object>) root.get("testGroups")) {
      Map<String, Object> group = (Map<String, Object>) g;
      String pk = (String) ((Map<String, Object>) group.get("publicKey")).get("pk");
      for (Object o : (List<Object>) group.get("tests")) {
        Map<String, Object> t = (Map<String, Object>) o;
        cases.add(new String[] {pk, (String) t.get("msg"), (String) t.get("sig"),
            String.valueOf("valid".equals(t.get("result"))), "wycheproof tcId " + t.get("tcId")});
      }
    }
    int wycheproof = cases.size();
    assertEquals(((Number) root.get("numberOfTests")).intValue(), wycheproof);
    List<Object> spec = (List<Object>) MiniJson.read(sc);
    for (int i = 0; i < spec.size(); i++) {
      Map<String, Object> t = (Map<String, Object>) spec.get(i);
      cases.add(new String[] {(String) t.get("pub_key"), (String) t.get("message"),
          (String) t.get("signature"), null, "speccheck " + i});
    }
    // Every Wycheproof key is valid; speccheck 0, 1, 10 and 11 have keys that break the key rules.
    assertEquals(wycheproof + spec.size() - 4, assertSameVerdicts(cases));
  }

  @Test
  void manyVerificationKeysAgreeOnRandomAndTamperedSignatures() {
    SplittableRandom rnd = new SplittableRandom(62);
    List<String[]> cases = new ArrayList<>();
    HexFormat h = HexFormat.of();
    for (int i = 0; i < 200; i++) {
      byte[] seed = new byte[32];
      byte[] msg = new byte[rnd.nextInt(100)];
      for (int j = 0; j < 32; j++) {
        seed[j] = (byte) rnd.nextInt(256);
      }
      for (int j = 0; j < msg.length; j++) {
        msg[j] = (byte) rnd.nextInt(256);
      }
      try (SigningKey k = SigningKey.fromSeed(seed)) {
        byte[] sig = k.sign(msg);
        String pub = k.publicKey().hex();
        cases.add(new String[] {pub, h.formatHex(msg), h.formatHex(sig), "true", "valid " + i});
        byte[] bad = sig.clone();
        bad[rnd.nextInt(64)] ^= (byte) (1 << rnd.nextInt(8));
        cases.add(new String[] {pub, h.formatHex(msg), h.formatHex(bad), "false", "tampered " + i});
      }
    }
    assertEquals(400, assertSameVerdicts(cases));
  }

  @Test
  void batchesOfManyVerificationKeysGiveTheSingleVerdicts() {
    SplittableRandom rnd = new SplittableRandom(63);
    BatchVerifier b = new BatchVerifier(new SecureRandom());
    List<PublicKey> keys = new ArrayList<>();
    List<byte[]> msgs = new ArrayList<>();
    List<byte[]> sigs = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      byte[] seed = new byte[32];
      seed[0] = (byte) i;
      seed[1] = 63;
      try (SigningKey k = SigningKey.fromSeed(seed)) {
        byte[] msg = {(byte) i};
        byte[] sig = k.sign(msg);
        if (i % 3 == 1) {
          sig[32 + rnd.nextInt(31)] ^= 1; // S tampered: the equation fails
        }
        PublicKey many = k.publicKey().forManyVerifications();
        keys.add(many);
        msgs.add(msg);
        sigs.add(sig);
        b.add(many, msg, sig);
      }
    }
    List<Verdict> batch = b.verdicts();
    for (int i = 0; i < keys.size(); i++) {
      assertEquals(keys.get(i).verifyDetailed(msgs.get(i), sigs.get(i)), batch.get(i), "signature " + i);
      assertEquals(i % 3 == 1 ? Verdict.EQUATION : Verdict.VALID, batch.get(i), "signature " + i);
    }
  }
}
