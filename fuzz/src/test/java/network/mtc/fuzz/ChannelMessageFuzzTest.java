package network.mtc.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import network.mtc.channels.message.ChannelMessage;
import network.mtc.channels.message.ChannelMessageCodec;
import network.mtc.wire.MtcDecodeException;

/**
 * Channel-message decoder (spec/channels-messages.md): any input is rejected with MtcDecodeException or
 * accepted; an accepted input is the one canonical encoding of its message (decode, encode, byte-equal, so
 * decode(encode(m)) equals m), decodes to the same message at an offset inside a larger buffer, and is not
 * longer than MAX_LENGTH.
 */
public class ChannelMessageFuzzTest {
  @FuzzTest
  void fuzz(byte[] data) {
    fuzzerTestOneInput(data);
  }

  /** Entry point of the standalone Jazzer driver (fuzz/run.sh). */
  public static void fuzzerTestOneInput(byte[] data) {
    ChannelMessage m;
    try {
      m = ChannelMessageCodec.decode(data);
    } catch (MtcDecodeException rejected) {
      return;
    }
    Properties.check(data.length <= ChannelMessageCodec.MAX_LENGTH, "accepted above MAX_LENGTH");
    byte[] again = ChannelMessageCodec.encode(m);
    Properties.check(Arrays.equals(data, again), "re-encoding differs");
    Properties.check(m.equals(ChannelMessageCodec.decode(again)), "decode(encode(m)) differs from m");
    byte[] shifted = new byte[data.length + 5];
    System.arraycopy(data, 0, shifted, 3, data.length);
    Properties.check(m.equals(ChannelMessageCodec.decode(shifted, 3, data.length)), "decoding at an offset differs");
  }
}
