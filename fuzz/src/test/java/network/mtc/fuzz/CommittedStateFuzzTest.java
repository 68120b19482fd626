package network.mtc.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import network.mtc.channels.endpoint.CommittedState;
import network.mtc.wire.MtcDecodeException;

/**
 * The bytes a durable channel endpoint journals for a co-signed state (spec/channels-durability.md §2.4),
 * decoded on every restart: only MtcDecodeException; an accepted input is the one encoding of its value
 * (decode, encode, byte-equal) and its locks match the proof's locks root.
 */
public class CommittedStateFuzzTest {
  @FuzzTest
  void fuzz(byte[] data) {
    fuzzerTestOneInput(data);
  }

  /** Entry point of the standalone Jazzer driver (fuzz/run.sh). */
  public static void fuzzerTestOneInput(byte[] data) {
    CommittedState c;
    try {
      c = CommittedState.decode(data);
    } catch (MtcDecodeException rejected) {
      return;
    }
    Properties.check(Arrays.equals(data, c.encode()), "re-encoding differs");
    Properties.check(c.equals(CommittedState.decode(c.encode())), "decode(encode(c)) differs from c");
  }
}
