package network.mtc.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import network.mtc.channels.journal.JournalFormat;
import network.mtc.channels.journal.JournalRecord;
import network.mtc.wire.MtcDecodeException;

/**
 * Journal recovery on arbitrary bytes: it throws nothing but MtcDecodeException (a wrong header), and the
 * records it returns are exactly the bytes of the prefix it keeps (header + records re-encode to
 * data[0, validLength)), so a torn or corrupt record is never returned.
 */
public class JournalRecoveryFuzzTest {
  @FuzzTest
  void fuzz(byte[] data) {
    fuzzerTestOneInput(data);
  }

  /** Entry point of the standalone Jazzer driver. */
  public static void fuzzerTestOneInput(byte[] data) {
    // Half the inputs get a valid header so that the fuzzer reaches the record scanner.
    byte[] input = data;
    if (data.length > 0 && (data[0] & 1) == 1) {
      input = new byte[JournalFormat.HEADER_LENGTH + data.length - 1];
      System.arraycopy(JournalFormat.header(), 0, input, 0, JournalFormat.HEADER_LENGTH);
      System.arraycopy(data, 1, input, JournalFormat.HEADER_LENGTH, data.length - 1);
    }
    JournalFormat.Scan scan;
    try {
      scan = JournalFormat.scan(input, input.length);
    } catch (MtcDecodeException rejected) {
      int n = Math.min(input.length, JournalFormat.HEADER_LENGTH);
      Properties.check(n == JournalFormat.HEADER_LENGTH
          || !Arrays.equals(input, 0, n, JournalFormat.header(), 0, n), "a torn header rejected");
      return;
    }
    Properties.check(scan.validLength() >= 0 && scan.validLength() <= input.length, "valid length in range");
    Properties.check((scan.stop() == JournalFormat.Stop.CLEAN) == (scan.validLength() == input.length)
        || input.length < JournalFormat.HEADER_LENGTH, "CLEAN exactly when everything is kept");
    if (scan.validLength() == 0) {
      Properties.check(scan.records().isEmpty(), "records without a header");
      return;
    }
    ByteArrayOutputStream re = new ByteArrayOutputStream();
    re.writeBytes(JournalFormat.header());
    for (JournalRecord r : scan.records()) {
      re.writeBytes(JournalFormat.encode(r));
    }
    Properties.check(Arrays.equals(re.toByteArray(), 0, re.size(), input, 0, (int) scan.validLength())
        && re.size() == scan.validLength(), "recovered records differ from the kept bytes");
  }
}
