package network.mtc.vectors;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import network.mtc.crypto.AeadException;
import network.mtc.crypto.ChaCha20Poly1305;

/** ChaCha20-Poly1305 (RFC 8439): every Wycheproof case. */
final class AeadSuite implements Suite {
  @Override
  public String codec() {
    return "chacha20poly1305";
  }

  @Override
  public boolean needsThirdParty() {
    return true;
  }

  @Override
  public String fileName() {
    return "crypto/chacha20poly1305.json";
  }

  @Override
  public String description() {
    return "ChaCha20-Poly1305 (RFC 8439). op \"aead\": input {key, iv, aad, msg, ct, tag}. A valid case "
        + "requires that sealing msg gives ct || tag and opening gives msg back (output.valid true); an "
        + "invalid case requires that opening ct || tag is refused (and sealing too when the key or nonce "
        + "has the wrong size) (output.valid false).";
  }

  @Override
  public String source() {
    return "C2SP/wycheproof testvectors_v1/chacha20_poly1305_test.json (all cases); source given per case";
  }

  @Override
  public List<Map<String, Object>> generate() {
    List<Map<String, Object>> out = new ArrayList<>();
    Map<String, Object> wp = SharedVectors.readObject("wycheproof/chacha20_poly1305_test.json");
    for (Object g : Cases.list(wp.get("testGroups"))) {
      for (Object t : Cases.list(Cases.obj(g).get("tests"))) {
        Map<String, Object> test = Cases.obj(t);
        Map<String, Object> c = Cases.ok(String.format("wycheproof-%03d", Cases.num(test.get("tcId"))),
            "Wycheproof " + test.get("result") + " " + test.get("flags") + " " + test.get("comment"), "aead",
            Cases.map("key", test.get("key"), "iv", test.get("iv"), "aad", test.get("aad"), "msg",
                test.get("msg"), "ct", test.get("ct"), "tag", test.get("tag")),
            Cases.map("valid", !"invalid".equals(test.get("result"))));
        c.put("source", "C2SP/wycheproof testvectors_v1/chacha20_poly1305_test.json tcId " + test.get("tcId"));
        out.add(c);
      }
    }
    return out;
  }

  @Override
  public String check(Map<String, Object> c) {
    Map<String, Object> in = Cases.obj(c.get("input"));
    byte[] key = Cases.unhex(in.get("key"));
    byte[] iv = Cases.unhex(in.get("iv"));
    byte[] aad = Cases.unhex(in.get("aad"));
    byte[] msg = Cases.unhex(in.get("msg"));
    String ctTag = (String) in.get("ct") + in.get("tag");
    boolean valid = (Boolean) Cases.obj(c.get("output")).get("valid");
    boolean opened;
    try {
      byte[] plain = ChaCha20Poly1305.open(key, iv, aad, Cases.unhex(ctTag));
      opened = true;
      if (!java.util.Arrays.equals(plain, msg)) {
        return "opened to another plaintext";
      }
    } catch (AeadException | IllegalArgumentException e) {
      opened = false;
    }
    if (opened != valid) {
      return valid ? "a valid ciphertext was refused" : "an invalid ciphertext was accepted";
    }
    if (valid) {
      return Cases.same(ctTag, Cases.hex(ChaCha20Poly1305.seal(key, iv, aad, msg)));
    }
    return null;
  }
}
