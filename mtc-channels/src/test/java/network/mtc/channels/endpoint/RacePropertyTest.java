package network.mtc.channels.endpoint;

import static network.mtc.channels.endpoint.Pair.open;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import network.mtc.channels.Amount;
import network.mtc.channels.BalanceProof;
import network.mtc.channels.ChannelState;
import network.mtc.channels.Party;
import network.mtc.channels.RejectReason;
import network.mtc.channels.SignatureType;
import network.mtc.channels.SignedState;
import network.mtc.channels.Update;
import network.mtc.channels.journal.Durability;
import network.mtc.channels.message.ChannelMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/**
 * Both ends pay each other at random moments while messages are in flight both ways (one FIFO queue per
 * direction, delivered in a random interleaving), so proposals race all the time (channels.md §8). Over many
 * seeds: every payment is committed exactly once, both ends end on the same co-signed state, and no party
 * ever hands out signatures of two different states at one nonce.
 */
class RacePropertyTest {
  private static final int SEEDS = 60;
  private static final int STEPS = 120;

  @TempDir
  Path dir;

  @Test
  void racingPaymentsAllCommitOnceAndNoNonceIsSignedTwice() throws Exception {
    int races = 0;
    for (int seed = 0; seed < SEEDS; seed++) {
      races += run(seed, Files.createDirectory(dir.resolve("seed-" + seed)));
    }
    assertTrue(races > SEEDS, "the interleavings raced only " + races + " times: the test lost its point");
  }

  /** One random run; returns how many proposals lost a race. */
  private static int run(int seed, Path d) {
    Random rnd = new Random(seed);
    Map<Party, ArrayDeque<ChannelMessage>> inFlight = Map.of(Party.A, new ArrayDeque<>(),
        Party.B, new ArrayDeque<>());
    Map<Party, Map<Long, String>> signed = Map.of(Party.A, new HashMap<>(), Party.B, new HashMap<>());
    Map<Party, Long> paid = new HashMap<>(Map.of(Party.A, 0L, Party.B, 0L));
    int races = 0;
    try (Pair p = new Pair(d, Durability.NO_SYNC)) {
      p.fund();
      for (int step = 0; step < STEPS || !inFlight.get(Party.A).isEmpty() || !inFlight.get(Party.B).isEmpty();
          step++) {
        Party who = rnd.nextBoolean() ? Party.A : Party.B;
        boolean mayPay = step < STEPS && rnd.nextInt(3) == 0;
        if (mayPay && p.end(who).pendingProposal().isEmpty()) {
          long amount = 1 + rnd.nextInt(50);
          Outcome o = p.end(who).propose(new Update.Payment(Amount.of(amount)));
          if (!(o instanceof Outcome.Done done)) {
            fail("seed " + seed + ": " + who + " could not propose: " + o);
            return races;
          }
          paid.merge(who, amount, Long::sum);
          send(who, done, inFlight, signed, seed);
        } else if (!inFlight.get(who).isEmpty()) {
          ChannelMessage m = inFlight.get(who).poll();
          Outcome o = p.deliver(who, m);
          if (o instanceof Outcome.Rejected r && r.reason() == RejectReason.RACE_LOST) {
            races++; // the peer's higher proposal is in flight the other way and supersedes this one there
          } else if (o instanceof Outcome.Done done) {
            send(who.other(), done, inFlight, signed, seed);
          } else {
            fail("seed " + seed + ": delivering " + m + " from " + who + " gave " + o);
          }
        }
      }
      SignedState a = open(p.a).latest();
      assertEquals(a, open(p.b).latest(), "seed " + seed + ": the ends disagree");
      assertTrue(p.a.pendingProposal().isEmpty() && p.b.pendingProposal().isEmpty(), "seed " + seed);
      BalanceProof last = a.proof();
      long deposit = 1_000_000;
      assertEquals(Amount.of(deposit - paid.get(Party.A) + paid.get(Party.B)), last.balanceA(),
          "seed " + seed + ": a payment was lost or committed twice");
      assertEquals(Amount.of(deposit - paid.get(Party.B) + paid.get(Party.A)), last.balanceB(), "seed " + seed);
    }
    return races;
  }

  /** Queues what {@code from} sends and records each signature it hands out, by nonce. */
  private static void send(Party from, Outcome.Done done, Map<Party, ArrayDeque<ChannelMessage>> inFlight,
      Map<Party, Map<Long, String>> signed, int seed) {
    for (ChannelMessage m : done.send()) {
      inFlight.get(from).add(m);
      if (m instanceof ChannelMessage.Propose pr) {
        record(signed.get(from), pr.proposal().proof(), seed);
      } else if (m instanceof ChannelMessage.Countersign cs) {
        // the countersigned state is the sender's latest: its own re-proposal, if any, is only pending
        BalanceProof proof = stateOf(done).latest().proof();
        assertEquals(cs.nonce(), proof.nonce(), "seed " + seed);
        record(signed.get(from), proof, seed);
      }
    }
  }

  private static ChannelState.Open stateOf(Outcome.Done done) {
    return (ChannelState.Open) done.state();
  }

  private static void record(Map<Long, String> signedAt, BalanceProof proof, int seed) {
    String hash = HexFormat.of().formatHex(DurableChannel.signedHash(SignatureType.STATE, proof));
    String before = signedAt.putIfAbsent(proof.nonce(), hash);
    if (before != null) {
      assertEquals(before, hash, "seed " + seed + ": two states signed at nonce " + proof.nonce());
    }
  }

  @Test
  void theSignatureLogCatchesADoubleSignature() {
    // the check above can fail: two different states at one nonce are caught
    Map<Long, String> log = new HashMap<>();
    BalanceProof p = Pair.PARAMS.openingProof();
    record(log, p, 0);
    BalanceProof other = new BalanceProof(p.ledgerId(), p.channelId(), p.asset(), p.nonce(), p.balanceB(),
        p.balanceA().minus(Amount.of(1)), p.feeA(), p.feeB(), p.locksRoot(), p.prevHash());
    assertThrows(AssertionFailedError.class,
        () -> record(log, other, 0));
    assertEquals(List.of(0L), List.copyOf(log.keySet()));
  }
}
