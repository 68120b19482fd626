package network.mtc.routing.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import network.mtc.routing.NodeInfo;
import network.mtc.wire.DecodeError;
import network.mtc.wire.MtcDecodeException;
import network.mtc.wire.NodeAddress;
import org.junit.jupiter.api.Test;

class NodeInfoCodecTest {
  private static final NodeAddress N = new NodeAddress(0x0102030405060708L);

  @Test
  void roundTripsAndSkipsUnknownOddRecords() {
    NodeInfo i = new NodeInfo(N, 1, 86_400, 12, 2, 1L << 40, 7, true);
    byte[] p = NodeInfoCodec.encode(0xCAFE, i);
    NodeInfoCodec.Reply r = NodeInfoCodec.decode(p, 0, p.length, N);
    assertEquals(0xCAFE, r.nonce());
    assertEquals(i, r.info());
    byte[] longer = new byte[p.length + 3];
    System.arraycopy(p, 0, longer, 0, p.length);
    longer[p.length] = 0x11; // type 17, odd, unknown
    longer[p.length + 1] = 1;
    longer[p.length + 2] = 9;
    assertEquals(i, NodeInfoCodec.decode(longer, 0, longer.length, N).info());
    assertEquals(new NodeInfo(N, 1, 0, 0, 0, 0, 0, false),
        NodeInfoCodec.decode(hex("010400000001"), 0, 6, N).info(), "only the nonce: defaults");
  }

  @Test
  void rejectionsNameTheFieldAndOffset() {
    reject("", DecodeError.INVALID_VALUE, 0, "info.nonce");
    reject("0103000000", DecodeError.INVALID_VALUE, 2, "info.nonce");
    reject("010400000001" + "0200", DecodeError.TLV_UNKNOWN_EVEN, 6, "info.type");
    reject("010400000001" + "030100", DecodeError.INVALID_VALUE, 8, "info.version");
    reject("010400000001" + "090103", DecodeError.INVALID_VALUE, 8, "info.congestion");
    reject("010400000001" + "0f0102", DecodeError.INVALID_VALUE, 8, "info.flags");
    reject("010400000001" + "05028000", DecodeError.NON_CANONICAL, 8, "info.uptime");
    reject("010400000001" + "0502" + "0100", DecodeError.INVALID_VALUE, 8, "info.uptime");
    reject("010400000001" + "0500", DecodeError.INVALID_VALUE, 8, "info.uptime");
    reject("0304" + "01", DecodeError.TRUNCATED, 2, "info.value");
    reject("030101" + "010400000001", DecodeError.TLV_ORDER, 3, "info.type");
  }

  private static void reject(String h, DecodeError code, int offset, String field) {
    byte[] b = hex(h);
    MtcDecodeException e = assertThrows(MtcDecodeException.class, () -> NodeInfoCodec.decode(b, 0, b.length, N));
    assertEquals(code, e.code(), e.getMessage());
    assertEquals(offset, e.offset(), e.getMessage());
    assertEquals(field, e.field(), e.getMessage());
  }

  private static byte[] hex(String h) {
    return HexFormat.of().parseHex(h);
  }
}
