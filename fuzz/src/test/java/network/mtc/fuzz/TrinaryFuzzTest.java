package network.mtc.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import network.mtc.wire.MtcDecodeException;
import network.mtc.wire.trinary.B1t6;
import network.mtc.wire.trinary.T5b1;
import network.mtc.wire.trinary.TrinaryInts;
import network.mtc.wire.trinary.Trytes;

/**
 * Trinary decoders: b1t6 and integer trytes are canonical (accepted input re-encodes to itself), t5b1
 * unpacking round-trips, and nothing throws but MtcDecodeException.
 */
public class TrinaryFuzzTest {
  @FuzzTest
  void fuzz(byte[] data) {
    fuzzerTestOneInput(data);
  }

  /** Entry point of the standalone Jazzer driver. */
  public static void fuzzerTestOneInput(byte[] data) {
    if (data.length == 0) {
      return;
    }
    byte[] rest = Arrays.copyOfRange(data, 1, data.length);
    String text = new String(rest, StandardCharsets.ISO_8859_1);
    try {
      switch (data[0] & 0x03) {
        case 0 -> Properties.check(text.equals(B1t6.encode(B1t6.decode(text))), "b1t6 not canonical");
        case 1 -> Properties.check(Arrays.equals(rest, T5b1.encode(T5b1.decode(rest))),
            "t5b1 does not round-trip");
        case 2 -> Properties.check(text.equals(TrinaryInts.toTrytes(TrinaryInts.fromTrytes(text))),
            "integer trytes not canonical");
        default -> {
          byte[] trits = Trytes.toTrits(text);
          Properties.check(text.equals(Trytes.fromTrits(trits)), "trytes do not round-trip");
          long v = TrinaryInts.fromTrits(trits);
          Properties.check(v == TrinaryInts.fromTrits(TrinaryInts.toTrits(v)), "int does not round-trip");
        }
      }
    } catch (MtcDecodeException rejected) {
      // expected for bad input
    }
  }
}
