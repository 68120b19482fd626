package network.mtc.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import network.mtc.routing.message.Announce;
import network.mtc.routing.message.AnnounceCodec;
import network.mtc.wire.MtcDecodeException;

/**
 * ANNOUNCE payloads (spec/routing.md): the first input byte picks the mode, the rest is the payload. In
 * mode 0 every key check runs, with the frame source taken from the payload's key bytes, so a payload is
 * accepted only with a valid key; in mode 1 the key is declared known (the node's key-cache fast path), so
 * the fuzzer reaches the entries and TLVs. Accepted payloads re-encode byte for byte and the encoded
 * length matches; rejected ones throw only MtcDecodeException.
 */
public class AnnounceFuzzTest {
  @FuzzTest
  void fuzz(byte[] data) {
    fuzzerTestOneInput(data);
  }

  /** Entry point of the standalone Jazzer driver. */
  public static void fuzzerTestOneInput(byte[] data) {
    if (data.length == 0) {
      return;
    }
    byte[] payload = Arrays.copyOfRange(data, 1, data.length);
    boolean known = (data[0] & 1) != 0;
    long source = 0;
    if (!known && payload.length >= 34) {
      try {
        source = network.mtc.wire.NodeAddress.fromPublicKey(Arrays.copyOfRange(payload, 2, 34)).value();
      } catch (IllegalArgumentException e) {
        source = 0;
      }
    }
    Announce a;
    try {
      a = AnnounceCodec.decode(payload, 0, payload.length, source, known ? (s, b, o) -> true : null);
    } catch (MtcDecodeException rejected) {
      return;
    }
    byte[] again = a.encode();
    Properties.check(Arrays.equals(payload, again), "announce re-encoding differs");
    Properties.check(a.encodedLength() == again.length, "encodedLength differs from the bytes written");
  }
}
