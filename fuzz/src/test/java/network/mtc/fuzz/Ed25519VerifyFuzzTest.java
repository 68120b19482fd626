package network.mtc.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import network.mtc.crypto.BatchVerifier;
import network.mtc.crypto.PublicKey;
import network.mtc.crypto.SigningKey;
import network.mtc.crypto.Verdict;

/**
 * Ed25519 point and signature decoding and verification on arbitrary bytes: the input is split into a
 * 32-byte public key, a 64-byte signature and a message (short inputs give malformed lengths). Verifying
 * never throws; the typed key (when the key rules pass) and the raw-bytes path agree; a batch of the
 * signature with a known-valid one gives both single verdicts; a signature that verifies does not also
 * verify for a different message; a key prepared for many verifications (split tables) gives the plain
 * key's verdict, for a fixed key on every input and for the input's key on one input in eight (building
 * its table costs about four verifications).
 */
public class Ed25519VerifyFuzzTest {
  private static final SigningKey KNOWN = SigningKey.fromSeed(new byte[32]);
  private static final byte[] KNOWN_MSG = {1, 2, 3};
  private static final byte[] KNOWN_SIG = KNOWN.sign(KNOWN_MSG);
  private static final PublicKey KNOWN_MANY = KNOWN.publicKey().forManyVerifications();
  private static final SecureRandom RANDOM = new SecureRandom();

  @FuzzTest
  void fuzz(byte[] data) {
    fuzzerTestOneInput(data);
  }

  /** Entry point of the standalone Jazzer driver. */
  public static void fuzzerTestOneInput(byte[] data) {
    byte[] pub = Arrays.copyOfRange(data, 0, Math.min(32, data.length));
    byte[] sig = Arrays.copyOfRange(data, Math.min(32, data.length), Math.min(96, data.length));
    byte[] msg = Arrays.copyOfRange(data, Math.min(96, data.length), data.length);
    Verdict raw = PublicKey.verify(pub, msg, sig);
    Verdict keyRule = PublicKey.check(pub);
    if (keyRule == Verdict.VALID && sig.length == 64) {
      Verdict typed = PublicKey.fromBytes(pub).verifyDetailed(msg, sig);
      Properties.check(typed == raw, "typed and raw verification differ: " + typed + " vs " + raw);
      if ((pub[0] & 7) == 0) {
        Verdict many = PublicKey.fromBytes(pub).forManyVerifications().verifyDetailed(msg, sig);
        Properties.check(many == raw, "split-table and raw verification differ: " + many + " vs " + raw);
      }
    }
    Verdict known = KNOWN.publicKey().verifyDetailed(msg, sig);
    Verdict knownMany = KNOWN_MANY.verifyDetailed(msg, sig);
    Properties.check(known == knownMany, "split-table and plain key differ: " + knownMany + " vs " + known);
    List<Verdict> batch = new BatchVerifier(RANDOM).add(pub, msg, sig)
        .add(KNOWN.publicKey(), KNOWN_MSG, KNOWN_SIG).verdicts();
    Properties.check(batch.get(0) == raw, "batch and single differ: " + batch.get(0) + " vs " + raw);
    Properties.check(batch.get(1) == Verdict.VALID, "a valid signature failed in a batch");
    if (raw == Verdict.VALID) {
      byte[] longer = Arrays.copyOf(msg, msg.length + 1);
      Properties.check(PublicKey.verify(pub, longer, sig) == Verdict.EQUATION,
          "a valid signature also verifies for another message");
    }
  }
}
