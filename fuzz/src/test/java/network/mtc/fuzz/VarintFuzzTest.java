package network.mtc.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import network.mtc.wire.MtcDecodeException;
import network.mtc.wire.Varint;

/** Varints: an accepted input is exactly the canonical encoding of its value. */
public class VarintFuzzTest {
  @FuzzTest
  void fuzz(byte[] data) {
    fuzzerTestOneInput(data);
  }

  /** Entry point of the standalone Jazzer driver. */
  public static void fuzzerTestOneInput(byte[] data) {
    long v;
    try {
      v = Varint.decode(data);
    } catch (MtcDecodeException rejected) {
      return;
    }
    Properties.check(Arrays.equals(data, Varint.encode(v)), "non-canonical varint accepted");
  }
}
