package network.mtc.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import network.mtc.routing.message.NodeInfoCodec;
import network.mtc.wire.MtcDecodeException;
import network.mtc.wire.NodeAddress;

/**
 * Node-info replies (spec/routing-unicast.md section 6.1): only MtcDecodeException, at an offset inside the
 * payload; an accepted reply re-encodes to a payload that decodes to the same reply.
 */
public class NodeInfoFuzzTest {
  private static final NodeAddress NODE = new NodeAddress(0x0102030405060708L);

  @FuzzTest
  void fuzz(byte[] data) {
    fuzzerTestOneInput(data);
  }

  /** Entry point of the standalone Jazzer driver. */
  public static void fuzzerTestOneInput(byte[] data) {
    NodeInfoCodec.Reply r;
    try {
      r = NodeInfoCodec.decode(data, 0, data.length, NODE);
    } catch (MtcDecodeException rejected) {
      Properties.check(rejected.offset() >= 0 && rejected.offset() <= data.length, "offset out of the payload");
      return;
    }
    byte[] again = NodeInfoCodec.encode(r.nonce(), r.info());
    Properties.check(r.equals(NodeInfoCodec.decode(again, 0, again.length, NODE)), "decode(encode(r)) != r");
  }
}
