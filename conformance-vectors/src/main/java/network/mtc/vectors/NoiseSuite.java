package network.mtc.vectors;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import network.mtc.crypto.NoiseHandshake;
import network.mtc.crypto.NoiseTransport;
import network.mtc.crypto.X25519KeyPair;

/**
 * Noise handshakes with X25519, ChaCha20-Poly1305 and SHA-256: the cacophony vectors for every pattern,
 * Noise_XX (the link handshake) among them.
 */
final class NoiseSuite implements Suite {
  @Override
  public String codec() {
    return "noise";
  }

  @Override
  public boolean needsThirdParty() {
    return true;
  }

  @Override
  public String fileName() {
    return "crypto/noise.json";
  }

  @Override
  public String description() {
    return "Noise handshakes (Noise Protocol Framework rev. 34; spec/crypto.md section 4). op "
        + "\"handshake\": input is a cacophony vector without its ciphertexts (protocol_name, prologues, "
        + "fixed ephemeral and static private keys, remote static public keys, psks, and the payloads); "
        + "output.ciphertexts lists every message in order, initiator first, handshake then transport "
        + "messages, and output.handshake_hash the final handshake hash.";
  }

  @Override
  public String source() {
    return "haskell-cryptography/cacophony vectors/cacophony.txt, commit "
        + "8ee9d41e34a1a596cfa3ab12aa4069ff87dc1247 (public domain), *_25519_ChaChaPoly_SHA256 vectors";
  }

  @Override
  public List<Map<String, Object>> generate() {
    List<Map<String, Object>> out = new ArrayList<>();
    Map<String, Object> file = SharedVectors.readObject("noise/cacophony_25519_ChaChaPoly_SHA256.json");
    int n = 0;
    for (Object o : Cases.list(file.get("vectors"))) {
      Map<String, Object> v = Cases.obj(o);
      Map<String, Object> in = new java.util.LinkedHashMap<>();
      for (Map.Entry<String, Object> e : v.entrySet()) {
        if (!e.getKey().equals("messages") && !e.getKey().equals("handshake_hash")) {
          in.put(e.getKey(), e.getValue());
        }
      }
      List<Object> payloads = new ArrayList<>();
      List<Object> ciphertexts = new ArrayList<>();
      for (Object m : Cases.list(v.get("messages"))) {
        payloads.add(Cases.obj(m).get("payload"));
        ciphertexts.add(Cases.obj(m).get("ciphertext"));
      }
      in.put("payloads", payloads);
      Map<String, Object> c = Cases.ok(String.format("cacophony-%03d", n++), (String) v.get("protocol_name"),
          "handshake", in, Cases.map("ciphertexts", ciphertexts, "handshake_hash", v.get("handshake_hash")));
      out.add(c);
    }
    return out;
  }

  @Override
  public String check(Map<String, Object> c) {
    Map<String, Object> in = Cases.obj(c.get("input"));
    String name = (String) in.get("protocol_name");
    String pattern = name.substring("Noise_".length(), name.indexOf("_25519"));
    boolean oneWay = pattern.matches("[NKX](psk\\d)*");
    NoiseHandshake init = side(name, true, in);
    NoiseHandshake resp = side(name, false, in);
    List<Object> ciphertexts = new ArrayList<>();
    NoiseTransport ti = null;
    NoiseTransport tr = null;
    String hash = null;
    int i = 0;
    for (Object p : Cases.list(in.get("payloads"))) {
      byte[] payload = Cases.unhex(p);
      byte[] ct;
      byte[] back;
      if (!init.isComplete()) {
        NoiseHandshake sender = init.isMyTurn() ? init : resp;
        NoiseHandshake receiver = sender == init ? resp : init;
        ct = sender.writeMessage(payload);
        back = receiver.readMessage(ct);
        if (init.isComplete()) {
          hash = Cases.hex(init.handshakeHash());
          if (!hash.equals(Cases.hex(resp.handshakeHash()))) {
            return "the two sides' handshake hashes differ";
          }
          ti = init.split();
          tr = resp.split();
        }
      } else {
        boolean fromInit = oneWay || i % 2 == 0;
        ct = (fromInit ? ti : tr).encrypt(payload);
        back = (fromInit ? tr : ti).decrypt(ct);
      }
      if (!java.util.Arrays.equals(payload, back)) {
        return "message " + i + " does not decrypt to its payload";
      }
      ciphertexts.add(Cases.hex(ct));
      i++;
    }
    return Cases.same(c.get("output"), Cases.map("ciphertexts", ciphertexts, "handshake_hash", hash));
  }

  private static NoiseHandshake side(String name, boolean initiator, Map<String, Object> v) {
    String p = initiator ? "init_" : "resp_";
    NoiseHandshake.Builder b = NoiseHandshake.builder(name).initiator(initiator)
        .prologue(Cases.unhex(v.get(p + "prologue")));
    if (v.get(p + "static") != null) {
      b.staticKey(X25519KeyPair.fromPrivateKey(Cases.unhex(v.get(p + "static"))));
    }
    if (v.get(p + "ephemeral") != null) {
      b.fixedEphemeralKeyForTestVectors(X25519KeyPair.fromPrivateKey(Cases.unhex(v.get(p + "ephemeral"))));
    }
    if (v.get(p + "remote_static") != null) {
      b.remoteStaticKey(Cases.unhex(v.get(p + "remote_static")));
    }
    if (v.get(p + "psks") != null) {
      for (Object psk : Cases.list(v.get(p + "psks"))) {
        b.psk(Cases.unhex(psk));
      }
    }
    return b.build();
  }
}
