package network.mtc.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import network.mtc.wire.MtcDecodeException;
import network.mtc.wire.frame.Frame;
import network.mtc.wire.frame.FrameDecoder;
import network.mtc.wire.frame.FrameView;

/**
 * Frame decoder: any input is rejected with MtcDecodeException or accepted; an accepted input is the one
 * canonical encoding of its frame, decodes the same at any offset, and its view and value agree on the
 * signed bytes.
 */
public class FrameFuzzTest {
  @FuzzTest
  void fuzz(byte[] data) {
    fuzzerTestOneInput(data);
  }

  /** Entry point of the standalone Jazzer driver (fuzz/run.sh). */
  public static void fuzzerTestOneInput(byte[] data) {
    FrameView v = new FrameView();
    try {
      FrameDecoder.decode(data, 0, data.length, v);
    } catch (MtcDecodeException rejected) {
      return;
    }
    Frame f = v.toFrame();
    Properties.check(Arrays.equals(data, f.encode()), "re-encoding differs");
    byte[] signed = new byte[v.signedMessageLength()];
    v.writeSignedMessage(signed, 0);
    Properties.check(Arrays.equals(signed, f.signedMessage()), "signed message differs");
    byte[] shifted = new byte[data.length + 3];
    System.arraycopy(data, 0, shifted, 3, data.length);
    FrameView w = new FrameView();
    FrameDecoder.decode(shifted, 3, data.length, w);
    Properties.check(f.equals(w.toFrame()), "decoding at an offset differs");
  }
}
