package network.mtc.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class ChaCha20Poly1305Test {
  static byte[] hex(String s) {
    return HexFormat.of().parseHex(s);
  }

  /** RFC 8439 section 2.8.2. */
  @Test
  void rfc8439Section2_8_2() {
    byte[] key = hex("808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f");
    byte[] nonce = hex("070000004041424344454647");
    byte[] aad = hex("50515253c0c1c2c3c4c5c6c7");
    byte[] plaintext = ("Ladies and Gentlemen of the class of '99: If I could offer you only one tip for "
        + "the future, sunscreen would be it.").getBytes(StandardCharsets.US_ASCII);
    byte[] expected = hex("d31a8d34648e60db7b86afbc53ef7ec2"
        + "a4aded51296e08fea9e2b5a736ee62d6"
        + "3dbea45e8ca9671282fafb69da92728b"
        + "1a71de0a9e060b2905d6a5b67ecd3b36"
        + "92ddbd7f2d778b8c9803aee328091b58"
        + "fab324e4fad675945585808b4831d7bc"
        + "3ff4def08e4b7a9de576d26586cec64b"
        + "6116"
        + "1ae10b594f09e26a7e902ecbd0600691");
    assertArrayEquals(expected, ChaCha20Poly1305.seal(key, nonce, aad, plaintext));
    // Sealing twice in a row under the same key and nonce on one thread (the JDK object refuses that).
    assertArrayEquals(expected, ChaCha20Poly1305.seal(key, nonce, aad, plaintext));
    assertArrayEquals(plaintext, ChaCha20Poly1305.open(key, nonce, aad, expected));
    expected[expected.length - 1] ^= 1;
    assertThrows(AeadException.class, () -> ChaCha20Poly1305.open(key, nonce, aad, expected));
    assertThrows(AeadException.class, () -> ChaCha20Poly1305.open(key, nonce, aad, new byte[15]));
    assertThrows(IllegalArgumentException.class, () -> ChaCha20Poly1305.seal(new byte[31], nonce, aad,
        plaintext));
  }

  @Test
  @SuppressWarnings("unchecked")
  void wycheproof() throws Exception {
    Path file = MiniJson.sharedVector("wycheproof", "chacha20_poly1305_test.json");
    Assumptions.assumeTrue(Files.isRegularFile(file), "shared Wycheproof vectors absent");
    Map<String, Object> root = (Map<String, Object>) MiniJson.read(file);
    int run = 0;
    int valid = 0;
    for (Object g : (List<Object>) root.get("testGroups")) {
      for (Object o : (List<Object>) ((Map<String, Object>) g).get("tests")) {
        Map<String, Object> t = (Map<String, Object>) o;
        String id = "tcId " + t.get("tcId");
        byte[] key = hex((String) t.get("key"));
        byte[] iv = hex((String) t.get("iv"));
        byte[] aad = hex((String) t.get("aad"));
        byte[] msg = hex((String) t.get("msg"));
        byte[] ct = hex((String) t.get("ct"));
        byte[] tag = hex((String) t.get("tag"));
        byte[] sealed = new byte[ct.length + tag.length];
        System.arraycopy(ct, 0, sealed, 0, ct.length);
        System.arraycopy(tag, 0, sealed, ct.length, tag.length);
        String result = (String) t.get("result");
        if (result.equals("valid")) {
          assertArrayEquals(sealed, ChaCha20Poly1305.seal(key, iv, aad, msg), id);
          assertArrayEquals(msg, ChaCha20Poly1305.open(key, iv, aad, sealed), id);
          valid++;
        } else if (result.equals("invalid")) {
          if (iv.length != ChaCha20Poly1305.NONCE_LENGTH || key.length != ChaCha20Poly1305.KEY_LENGTH) {
            assertThrows(IllegalArgumentException.class, () -> ChaCha20Poly1305.seal(key, iv, aad, msg), id);
            assertThrows(IllegalArgumentException.class, () -> ChaCha20Poly1305.open(key, iv, aad, sealed),
                id);
          } else {
            assertThrows(AeadException.class, () -> ChaCha20Poly1305.open(key, iv, aad, sealed), id);
          }
        } else {
          fail(id + ": unexpected result " + result);
        }
        run++;
      }
    }
    assertEquals(((Number) root.get("numberOfTests")).intValue(), run);
    assertEquals(325, run);
    assertEquals(256, valid);
  }
}
