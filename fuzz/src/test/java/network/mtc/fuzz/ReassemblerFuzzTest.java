package network.mtc.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import network.mtc.wire.MtcDecodeException;
import network.mtc.wire.fragment.Reassembler;
import network.mtc.wire.fragment.ReassemblyLimits;

/**
 * Reassembly state machine driven by a script of packets. The input is read as records
 * {@code [peer][time step][length][packet...]}; the reassembler must only ever throw MtcDecodeException,
 * hold at most its bound of partial messages, and never deliver more than the largest message.
 */
public class ReassemblerFuzzTest {
  private static final ReassemblyLimits LIMITS = new ReassemblyLimits(600, 6, 3, 1_000);

  @FuzzTest
  void fuzz(byte[] data) {
    fuzzerTestOneInput(data);
  }

  /** Entry point of the standalone Jazzer driver. */
  public static void fuzzerTestOneInput(byte[] data) {
    Reassembler r = new Reassembler(LIMITS);
    long now = 0;
    int p = 0;
    while (p + 3 <= data.length) {
      int peer = data[p] & 0x07;
      now += (data[p + 1] & 0xFF) * 16L;
      int len = Math.min(data[p + 2] & 0xFF, data.length - p - 3);
      try {
        Reassembler.Outcome o = r.accept(peer, data, p + 3, len, now);
        if (o == Reassembler.Outcome.COMPLETED || o == Reassembler.Outcome.WHOLE_FRAME) {
          Properties.check(r.frameLength() <= LIMITS.maxMessageLength(), "message over the bound");
          Properties.check(r.frameLength() > 0, "empty message");
        }
      } catch (MtcDecodeException rejected) {
        // expected for bad packets
      }
      Properties.check(r.partials() <= LIMITS.maxPartialsTotal(), "too many partial messages");
      p += 3 + len;
    }
  }
}
