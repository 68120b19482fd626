package network.mtc.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import network.mtc.wire.DecodeError;
import network.mtc.wire.serial.SerialFrameDecoder;
import network.mtc.wire.serial.SerialFraming;

/**
 * The serial stream decoder on arbitrary bytes fed in arbitrary chunks: it never throws, every packet it
 * delivers is one that the encoder would frame to exactly the bytes it came from, and it delivers or drops
 * at most one frame per delimiter.
 */
public class SerialStreamFuzzTest {
  @FuzzTest
  void fuzz(byte[] data) {
    fuzzerTestOneInput(data);
  }

  /** Entry point of the standalone Jazzer driver. */
  public static void fuzzerTestOneInput(byte[] data) {
    if (data.length == 0) {
      return;
    }
    int chunk = 1 + (data[0] & 0x3F);
    long[] delivered = {0};
    SerialFrameDecoder d = new SerialFrameDecoder(new SerialFrameDecoder.Listener() {
      @Override
      public void onPacket(byte[] buf, int off, int len) {
        delivered[0]++;
        byte[] packet = Arrays.copyOfRange(buf, off, off + len);
        byte[] framed = SerialFraming.encode(packet);
        Properties.check(Arrays.equals(packet,
            SerialFraming.decode(Arrays.copyOf(framed, framed.length - 1))), "frame does not round-trip");
      }

      @Override
      public void onDropped(DecodeError reason, long streamOffset) {
        Properties.check(reason != null, "drop without reason");
      }
    });
    for (int p = 1; p < data.length; p += chunk) {
      d.feed(data, p, Math.min(chunk, data.length - p));
    }
    long zeros = 0;
    for (int i = 1; i < data.length; i++) {
      if (data[i] == 0) {
        zeros++;
      }
    }
    Properties.check(d.packets() + d.dropped() <= zeros, "more frames than delimiters");
    Properties.check(d.packets() == delivered[0], "packet count differs");
  }
}
