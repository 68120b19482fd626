package network.mtc.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import network.mtc.routing.sync.SyncMessage;
import network.mtc.routing.sync.SyncMessageCodec;
import network.mtc.wire.MtcDecodeException;

/**
 * SYNC payloads: an accepted payload re-encodes byte for byte and decodes to an equal message, and
 * encodedLength() equals the bytes written; a rejected one throws only MtcDecodeException.
 */
public class SyncMessageFuzzTest {
  @FuzzTest
  void fuzz(byte[] data) {
    fuzzerTestOneInput(data);
  }

  /** Entry point of the standalone Jazzer driver. */
  public static void fuzzerTestOneInput(byte[] data) {
    SyncMessage m;
    try {
      m = SyncMessageCodec.decode(data);
    } catch (MtcDecodeException rejected) {
      return;
    }
    byte[] again = SyncMessageCodec.encode(m);
    Properties.check(Arrays.equals(data, again), "SYNC re-encoding differs");
    Properties.check(SyncMessageCodec.encodedLength(m) == again.length, "encodedLength differs");
    Properties.check(m.equals(SyncMessageCodec.decode(again)), "decode(encode(m)) != m");
  }
}
