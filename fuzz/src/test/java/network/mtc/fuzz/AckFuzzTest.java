package network.mtc.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import network.mtc.routing.message.Ack;
import network.mtc.routing.message.AckCodec;
import network.mtc.wire.MtcDecodeException;

/**
 * ACK payloads (spec/routing-unicast.md section 2): an accepted payload re-encodes byte for byte, decodes to
 * an equal value and is dispatched by {@code kindOf} to its kind; a rejected one throws only
 * MtcDecodeException, at an offset within the payload.
 */
public class AckFuzzTest {
  @FuzzTest
  void fuzz(byte[] data) {
    fuzzerTestOneInput(data);
  }

  /** Entry point of the standalone Jazzer driver. */
  public static void fuzzerTestOneInput(byte[] data) {
    Ack a;
    try {
      a = AckCodec.decode(data, 0, data.length);
    } catch (MtcDecodeException rejected) {
      Properties.check(rejected.offset() >= 0 && rejected.offset() <= data.length, "offset out of the payload");
      return;
    }
    byte[] again = AckCodec.encode(a);
    Properties.check(Arrays.equals(data, again), "ACK re-encoding differs");
    Properties.check(a.equals(AckCodec.decode(again, 0, again.length)), "decode(encode(a)) != a");
    int kind = a instanceof Ack.Hop ? Ack.KIND_HOP : Ack.KIND_END;
    Properties.check(AckCodec.kindOf(data, 0, data.length) == kind, "kindOf disagrees with decode");
  }
}
