package network.mtc.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import network.mtc.channels.witness.Appointment;
import network.mtc.channels.witness.WitnessCodec;
import network.mtc.channels.witness.WitnessReceipt;
import network.mtc.wire.MtcDecodeException;

/**
 * Receipt and appointment decoders: accepted input re-encodes byte for byte (one encoding per value) and
 * verifying the signature never throws; rejected input throws only MtcDecodeException.
 */
public class WitnessCodecFuzzTest {
  @FuzzTest
  void fuzz(byte[] data) {
    fuzzerTestOneInput(data);
  }

  /** Entry point of the standalone Jazzer driver. */
  public static void fuzzerTestOneInput(byte[] data) {
    try {
      WitnessReceipt r = WitnessCodec.decodeReceipt(data, 0, data.length);
      Properties.check(Arrays.equals(r.encode(), data), "receipt re-encoding differs");
      r.verify();
    } catch (MtcDecodeException rejected) {
      // typed rejection
    }
    try {
      Appointment a = WitnessCodec.decodeAppointment(data, 0, data.length);
      Properties.check(Arrays.equals(a.encode(), data), "appointment re-encoding differs");
      a.verify();
    } catch (MtcDecodeException rejected) {
      // typed rejection
    }
  }
}
