package network.mtc.channels.endpoint;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import network.mtc.channels.BalanceProof;
import network.mtc.channels.ChannelState;
import network.mtc.channels.ChildJvm;
import network.mtc.channels.Party;
import network.mtc.channels.SignatureType;
import network.mtc.channels.journal.Durability;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6, section 6, through the endpoint a node uses: a real process running both ends of a channel
 * ({@link EndpointKillChild}) is killed with SIGKILL at random moments, {@value #ROUNDS} times, and
 * restarted. After every kill, the ends recovered from the journals must hold every state they
 * acknowledged (or a newer one), their latest states and any recovered proposal must be states they signed,
 * and over all lives no party signed two different states at one nonce.
 */
class EndpointKillTest {
  static final int ROUNDS = 25;

  @TempDir
  Path dir;

  @Test
  void killedAtRandomMomentsTheEndpointNeverSignsTwiceAndNeverLosesAnAcknowledgedState() throws Exception {
    Random random = new Random(0x656e6470L);   // seeded kill delays; the moments still vary with timing
    TreeMap<String, String> signed = new TreeMap<>();   // "party nonce" -> hash of every SIG printed
    long[] lastAck = {-1, -1};
    int acks = 0;
    int resent = 0;
    int restored = 0;
    int races = 0;
    for (int round = 0; round < ROUNDS; round++) {
      ChildJvm child = ChildJvm.start(EndpointKillChild.class, dir.toString(), Long.toString(round));
      Thread.sleep(30 + random.nextInt(300));
      List<String> out = child.kill();
      assertTrue(!out.isEmpty() && out.get(0).equals("READY"), "round " + round + ": " + out);
      for (String line : out.subList(1, out.size())) {
        String[] f = line.split(" ");
        switch (f[0]) {
          case "SIG" -> {
            String prev = signed.putIfAbsent(f[1] + " " + f[2], f[3]);
            if (prev != null && !prev.equals(f[3])) {
              fail("round " + round + ": party " + f[1] + " signed two states at nonce " + f[2]);
            }
          }
          case "ACK" -> {
            int i = Party.valueOf(f[1]).index();
            lastAck[i] = Math.max(lastAck[i], Long.parseLong(f[2]));
            acks++;
          }
          case "RESENT" -> resent++;
          case "RESTORED" -> restored++;
          case "RACE" -> races++;
          default -> fail("round " + round + ": unexpected line " + line);
        }
      }
      try (Pair p = new Pair(dir, Durability.SYNC)) {
        for (Party who : Party.values()) {
          DurableChannel end = p.end(who);
          if (lastAck[who.index()] < 0) {
            continue;
          }
          ChannelState.Open o = (ChannelState.Open) end.state();
          long n = o.latest().proof().nonce();
          assertTrue(n >= lastAck[who.index()], "round " + round + ": " + who + " lost an acknowledged state");
          String hash = HexFormat.of().formatHex(DurableChannel.signedHash(SignatureType.STATE, o.latest().proof()));
          for (Party signer : Party.values()) {
            String s = signed.get(signer + " " + n);
            assertTrue(n == 0 || s == null || s.equals(hash), "round " + round + ": recovered state not the signed one");
          }
          if (end.pendingProposal().isPresent()) {
            var prop = end.pendingProposal().get().proposal().proof();
            String s = signed.get(who + " " + prop.nonce());
            assertTrue(s == null || s.equals(HexFormat.of().formatHex(
                DurableChannel.signedHash(SignatureType.STATE, prop))), "round " + round + ": recovered proposal");
          }
        }
        if (p.a.state() instanceof ChannelState.Open oa && p.b.state() instanceof ChannelState.Open ob) {
          BalanceProof pa = oa.latest().proof();
          BalanceProof pb = ob.latest().proof();
          BalanceProof older = pa.nonce() <= pb.nonce() ? pa : pb;
          BalanceProof newer = older == pa ? pb : pa;
          assertTrue(older.equals(newer) || newer.prevHash().equals(older.hash()),
              "round " + round + ": ends more than one state apart");
        } else {
          // killed during the funding: an end still Opening has acknowledged nothing
          assertTrue(lastAck[0] < 0 && lastAck[1] < 0, "round " + round + ": an end lost its funding");
        }
      }
    }
    assertTrue(acks > ROUNDS, "the child made too little progress to test anything: " + acks + " acks");
    assertTrue(races > 0, "no payments raced: the race path was not exercised under kills");
    System.out.printf("endpoint kill test: %d rounds, %d acknowledgements, %d signatures, %d proposals resent, "
        + "%d states restored by reestablish, %d races%n", ROUNDS, acks, signed.size(), resent, restored, races);
  }
}
