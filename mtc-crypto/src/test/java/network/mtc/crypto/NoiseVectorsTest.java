package network.mtc.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The cacophony vectors for every *_25519_ChaChaPoly_SHA256 protocol (all patterns are supported). */
class NoiseVectorsTest {
  static byte[] hex(String s) {
    return HexFormat.of().parseHex(s);
  }

  @Test
  @SuppressWarnings("unchecked")
  void cacophony() throws Exception {
    Path file = MiniJson.sharedVector("noise", "cacophony_25519_ChaChaPoly_SHA256.json");
    Assumptions.assumeTrue(Files.isRegularFile(file), "shared Noise vectors absent");
    List<Object> vectors = (List<Object>) ((Map<String, Object>) MiniJson.read(file)).get("vectors");
    int run = 0;
    int xx = 0;
    for (Object o : vectors) {
      Map<String, Object> v = (Map<String, Object>) o;
      String name = (String) v.get("protocol_name");
      run(name, v);
      run++;
      if (name.equals("Noise_XX_25519_ChaChaPoly_SHA256")) {
        xx++;
      }
    }
    assertEquals(59, run);
    assertEquals(1, xx);
  }

  @SuppressWarnings("unchecked")
  private static void run(String name, Map<String, Object> v) {
    NoiseHandshake init = side(name, true, v);
    NoiseHandshake resp = side(name, false, v);
    boolean oneWay = NoisePattern.parse(name.substring(6, name.length() - 24)).oneWay;
    List<Object> messages = (List<Object>) v.get("messages");
    NoiseTransport ti = null;
    NoiseTransport tr = null;
    for (int i = 0; i < messages.size(); i++) {
      Map<String, Object> m = (Map<String, Object>) messages.get(i);
      byte[] payload = hex((String) m.get("payload"));
      byte[] ciphertext = hex((String) m.get("ciphertext"));
      String id = name + " message " + i;
      if (!init.isComplete()) {
        NoiseHandshake sender = init.isMyTurn() ? init : resp;
        NoiseHandshake receiver = sender == init ? resp : init;
        assertEquals(i % 2 == 0, sender == init, id);
        assertArrayEquals(ciphertext, sender.writeMessage(payload), id);
        assertArrayEquals(payload, receiver.readMessage(ciphertext), id);
        if (init.isComplete()) {
          assertTrue(resp.isComplete(), id);
          assertArrayEquals(hex((String) v.get("handshake_hash")), init.handshakeHash(), name);
          assertArrayEquals(hex((String) v.get("handshake_hash")), resp.handshakeHash(), name);
          ti = init.split();
          tr = resp.split();
        }
      } else {
        boolean fromInit = oneWay || i % 2 == 0;
        NoiseTransport sender = fromInit ? ti : tr;
        NoiseTransport receiver = fromInit ? tr : ti;
        assertArrayEquals(ciphertext, sender.encrypt(payload), id);
        assertArrayEquals(payload, receiver.decrypt(ciphertext), id);
      }
    }
    assertTrue(init.isComplete() && resp.isComplete(), name);
  }

  @SuppressWarnings("unchecked")
  private static NoiseHandshake side(String name, boolean initiator, Map<String, Object> v) {
    String p = initiator ? "init_" : "resp_";
    NoiseHandshake.Builder b = NoiseHandshake.builder(name).initiator(initiator)
        .prologue(hex((String) v.get(p + "prologue")));
    if (v.get(p + "static") != null) {
      b.staticKey(X25519KeyPair.fromPrivateKey(hex((String) v.get(p + "static"))));
    }
    if (v.get(p + "ephemeral") != null) {
      b.ephemeralKey(X25519KeyPair.fromPrivateKey(hex((String) v.get(p + "ephemeral"))));
    }
    if (v.get(p + "remote_static") != null) {
      b.remoteStaticKey(hex((String) v.get(p + "remote_static")));
    }
    if (v.get(p + "psks") != null) {
      for (Object psk : (List<Object>) v.get(p + "psks")) {
        b.psk(hex((String) psk));
      }
    }
    return b.build();
  }
}
