package network.mtc.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import network.mtc.channels.BalanceProof;
import network.mtc.channels.BalanceProofCodec;
import network.mtc.wire.MtcDecodeException;

/**
 * Balance-proof decoder: any input is rejected with MtcDecodeException or accepted; an accepted input is
 * the one canonical encoding of its proof (decode, encode, byte-equal), decodes the same at an offset, and
 * its hash is a function of the bytes.
 */
public class BalanceProofFuzzTest {
  @FuzzTest
  void fuzz(byte[] data) {
    fuzzerTestOneInput(data);
  }

  /** Entry point of the standalone Jazzer driver (fuzz/run.sh). */
  public static void fuzzerTestOneInput(byte[] data) {
    BalanceProof p;
    try {
      p = BalanceProofCodec.decode(data);
    } catch (MtcDecodeException rejected) {
      return;
    }
    byte[] again = p.encode();
    Properties.check(Arrays.equals(data, again), "re-encoding differs");
    byte[] shifted = new byte[data.length + 3];
    System.arraycopy(data, 0, shifted, 3, data.length);
    BalanceProof q = BalanceProofCodec.decode(shifted, 3, data.length);
    Properties.check(p.equals(q), "decoding at an offset differs");
    Properties.check(p.hash().equals(q.hash()), "hash differs");
  }
}
