package network.mtc.vectors;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import network.mtc.crypto.X25519KeyPair;

/** X25519: every Wycheproof case, with whether {@link X25519KeyPair#agree} refuses the peer key. */
final class X25519Suite implements Suite {
  @Override
  public String codec() {
    return "x25519";
  }

  @Override
  public boolean needsThirdParty() {
    return true;
  }

  @Override
  public String fileName() {
    return "crypto/x25519.json";
  }

  @Override
  public String description() {
    return "X25519 (RFC 7748; spec/crypto.md). op \"x25519\": input {private, public} gives output.shared "
        + "(the raw function, clamping the scalar and ignoring the top bit of the u-coordinate) and "
        + "output.agree: \"ok\", or \"rejected\" when the shared secret is all zero (a small-order peer key), "
        + "which key agreement refuses.";
  }

  @Override
  public String source() {
    return "C2SP/wycheproof testvectors_v1/x25519_test.json (all cases; \"acceptable\" ones have the "
        + "shared value RFC 7748 defines); source given per case";
  }

  @Override
  public List<Map<String, Object>> generate() {
    List<Map<String, Object>> out = new ArrayList<>();
    Map<String, Object> wp = SharedVectors.readObject("wycheproof/x25519_test.json");
    for (Object g : Cases.list(wp.get("testGroups"))) {
      for (Object t : Cases.list(Cases.obj(g).get("tests"))) {
        Map<String, Object> test = Cases.obj(t);
        String shared = (String) test.get("shared");
        boolean zero = shared.matches("(00)+");
        Map<String, Object> c = Cases.ok(String.format("wycheproof-%03d", Cases.num(test.get("tcId"))),
            "Wycheproof " + test.get("result") + " " + test.get("flags") + " " + test.get("comment"),
            "x25519", Cases.map("private", test.get("private"), "public", test.get("public")),
            Cases.map("shared", shared, "agree", zero ? "rejected" : "ok"));
        c.put("source", "C2SP/wycheproof testvectors_v1/x25519_test.json tcId " + test.get("tcId"));
        out.add(c);
      }
    }
    return out;
  }

  @Override
  public String check(Map<String, Object> c) {
    Map<String, Object> in = Cases.obj(c.get("input"));
    byte[] k = Cases.unhex(in.get("private"));
    byte[] u = Cases.unhex(in.get("public"));
    String shared = Cases.hex(X25519KeyPair.x25519(k, u));
    String agree;
    try (X25519KeyPair kp = X25519KeyPair.fromPrivateKey(k)) {
      kp.agree(u);
      agree = "ok";
    } catch (IllegalArgumentException e) {
      agree = "rejected";
    }
    return Cases.same(c.get("output"), Cases.map("shared", shared, "agree", agree));
  }
}
