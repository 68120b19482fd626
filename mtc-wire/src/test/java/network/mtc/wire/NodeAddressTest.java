package network.mtc.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class NodeAddressTest {
  @Test
  void derivesFromPublicKeyAsTheSpecSays() {
    // Expected values computed outside Java: printf 'mtc-node-address-v1' + key | sha256sum | cut -c1-16
    assertEquals("032ffc456368e9a7", NodeAddress.fromPublicKey(HexFormat.of().parseHex(
        "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a")).hex());
    assertEquals("48a44b04a59e2da7", NodeAddress.fromPublicKey(HexFormat.of().parseHex(
        "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c")).hex());
  }

  @Test
  void writesBigEndianAndParsesHex() {
    NodeAddress a = NodeAddress.fromHex("0102030405060708");
    byte[] out = new byte[8];
    a.writeTo(out, 0);
    assertEquals("0102030405060708", HexFormat.of().formatHex(out));
    assertEquals(a, NodeAddress.fromHex(a.hex()));
  }

  @Test
  void rejectsZeroAndWrongKeyLength() {
    assertThrows(IllegalArgumentException.class, () -> new NodeAddress(0));
    assertThrows(IllegalArgumentException.class, () -> NodeAddress.fromPublicKey(new byte[31]));
  }
}
