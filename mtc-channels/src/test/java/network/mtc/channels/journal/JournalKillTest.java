package network.mtc.channels.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import network.mtc.channels.ChildJvm;
import network.mtc.wire.MtcDecodeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6, section 6: a real process updating channels through the journal is killed with SIGKILL at
 * random moments, {@value #ROUNDS} times, and restarted. After every kill: recovery succeeds; every
 * acknowledged (countersigned) state is recovered or superseded; every signature the process ever emitted
 * is covered by a durable reservation; and no nonce was ever signed with two different states.
 */
class JournalKillTest {
  static final int ROUNDS = 30;

  @TempDir
  Path dir;

  @Test
  void killedAtRandomMomentsTheJournalNeverSignsTwiceAndNeverLosesAnAcknowledgedState() throws Exception {
    Path journal = dir.resolve("channels.journal");
    Random random = new Random(0x6b696c6cL);   // seeded kill delays; the moments still vary with timing
    Map<String, String> signed = new HashMap<>();          // "ch nonce" -> hash of every SIG ever printed
    long[] lastAck = new long[JournalKillChild.CHANNELS];
    String[] lastAckHash = new String[JournalKillChild.CHANNELS];
    long[] lastSig = new long[JournalKillChild.CHANNELS];
    int refusals = 0;
    int acks = 0;
    Set<String> stops = new LinkedHashSet<>();
    for (int round = 0; round < ROUNDS; round++) {
      ChildJvm child = ChildJvm.start(JournalKillChild.class, journal.toString(), Long.toString(round));
      Thread.sleep(20 + random.nextInt(250));
      List<String> out = child.kill();
      assertTrue(!out.isEmpty() && out.get(0).startsWith("READY"), "round " + round + ": " + out);
      for (String line : out.subList(1, out.size())) {
        String[] f = line.split(" ");
        switch (f[0]) {
          case "SIG" -> {
            int ch = Integer.parseInt(f[1]);
            String prev = signed.putIfAbsent(f[1] + " " + f[2], f[3]);
            if (prev != null && !prev.equals(f[3])) {
              fail("round " + round + ": channel " + ch + " nonce " + f[2] + " signed with two states");
            }
            lastSig[ch] = Math.max(lastSig[ch], Long.parseLong(f[2]));
          }
          case "ACK" -> {
            int ch = Integer.parseInt(f[1]);
            lastAck[ch] = Long.parseLong(f[2]);
            lastAckHash[ch] = f[3];
            acks++;
          }
          case "REFUSED" -> refusals++;
          default -> fail("round " + round + ": unexpected line " + line);
        }
      }
      // The child is dead: recover in this process and check against what it acknowledged.
      try (ChannelJournal j = ChannelJournal.open(journal, ChannelJournal.Options.DEFAULT)) {
        stops.add(j.recovery().stop() + (j.recovery().discardedBytes() > 0 ? " (tail cut)" : ""));
        for (int ch = 0; ch < JournalKillChild.CHANNELS; ch++) {
          if (lastSig[ch] == 0) {
            continue;
          }
          ChannelRecord r = j.latest(JournalKillChild.channelId(ch)).orElseThrow();
          assertTrue(r.reserved().nonce() >= lastSig[ch], "round " + round + ": a signature was not reserved");
          String reservedHash = HexFormat.of().formatHex(r.reserved().stateHash());
          String sigHash = signed.get(ch + " " + r.reserved().nonce());
          if (sigHash != null) {
            assertEquals(sigHash, reservedHash, "round " + round + ": reservation differs from signature");
          }
          if (lastAck[ch] > 0) {
            JournalRecord.StateStored s = r.stored().orElseThrow();
            assertTrue(s.nonce() >= lastAck[ch], "round " + round + ": acknowledged state lost");
            if (s.nonce() == lastAck[ch]) {
              assertEquals(lastAckHash[ch], HexFormat.of().formatHex(s.stateHash()));
            }
          }
        }
      } catch (MtcDecodeException e) {
        fail("round " + round + ": recovery failed: " + e.getMessage());
      }
    }
    assertTrue(acks > ROUNDS, "the child made too little progress to test anything: " + acks + " acks");
    System.out.printf("kill test: %d rounds, %d acknowledged updates, %d signatures, %d conflicting proposals "
        + "refused after a restart, recoveries seen after kills: %s%n", ROUNDS, acks, signed.size(), refusals, stops);
  }
}
