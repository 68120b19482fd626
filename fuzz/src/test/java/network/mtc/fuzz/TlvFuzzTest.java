package network.mtc.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import java.util.List;
import network.mtc.wire.MtcDecodeException;
import network.mtc.wire.Tlv;
import network.mtc.wire.TlvStream;

/** TLV streams: accepted streams re-encode byte for byte; rejected ones throw only MtcDecodeException. */
public class TlvFuzzTest {
  @FuzzTest
  void fuzz(byte[] data) {
    fuzzerTestOneInput(data);
  }

  /** Entry point of the standalone Jazzer driver. */
  public static void fuzzerTestOneInput(byte[] data) {
    List<Tlv> records;
    try {
      records = TlvStream.decode(data, 0, data.length, t -> t == 0 || t == 2 || t == 4);
    } catch (MtcDecodeException rejected) {
      return;
    }
    Properties.check(Arrays.equals(data, TlvStream.encode(records)), "TLV re-encoding differs");
  }
}
