package network.mtc.channels.endpoint;

import static network.mtc.channels.endpoint.Pair.open;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import network.mtc.channels.Amount;
import network.mtc.channels.BalanceProof;
import network.mtc.channels.ChannelEffect;
import network.mtc.channels.Party;
import network.mtc.channels.Proposal;
import network.mtc.channels.RejectReason;
import network.mtc.channels.Update;
import network.mtc.channels.journal.Durability;
import network.mtc.channels.message.ChannelMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both ends pay at random moments over a mesh that reorders (each delivery takes one of the first three
 * messages in flight) and loses one message in twenty, while now and then a peer rejects a proposal it
 * may already have countersigned or countersign later (a change of mind: its ledger time moved):
 * proposals race, overtake their countersignatures, arrive stale, are rejected and withdrawn, and
 * withdrawn ones are completed after all (channels.md §7-8). Each payer is an application that follows only the effects
 * its endpoint reports. Over many seeds, once the mesh is quiet and both ends have reestablished: every
 * payment is reported either committed or failed (none left open or pending), both ends hold the same
 * state, and that state's balances are exactly the deposits moved by the payments reported committed.
 */
class ReorderPropertyTest {
  private static final int SEEDS = 40;
  private static final int STEPS = 150;
  private static final long DEPOSIT = 1_000_000;

  @TempDir
  Path dir;

  enum Status { PENDING, OPEN, COMMITTED, FAILED }

  @Test
  void whatTheEndpointsReportIsWhatTheChannelHolds() throws Exception {
    int[] seen = new int[4];   // held proposals, rejections, withdrawals, failures
    for (int seed = 0; seed < SEEDS; seed++) {
      run(seed, Files.createDirectory(dir.resolve("seed-" + seed)), seen);
    }
    assertTrue(seen[0] > 0 && seen[1] > 0 && seen[2] > 0,
        "reordering never exercised held proposals, rejections and withdrawals: " + List.of(seen[0], seen[1],
            seen[2]));
  }

  private static void run(int seed, Path d, int[] seen) {
    Random rnd = new Random(seed);
    Map<Party, List<ChannelMessage>> inFlight = new EnumMap<>(Map.of(Party.A, new ArrayList<>(),
        Party.B, new ArrayList<>()));
    // per payer: the amount of each payment (unique) -> what its endpoint said of it
    Map<Party, Map<Long, Status>> payments = new EnumMap<>(Map.of(Party.A, new HashMap<>(),
        Party.B, new HashMap<>()));
    long next = 1;
    OWN.set(new EnumMap<>(Map.of(Party.A, new HashMap<>(), Party.B, new HashMap<>())));
    STATUS.set(new EnumMap<>(Map.of(Party.A, new HashMap<>(), Party.B, new HashMap<>())));
    try (Pair p = new Pair(d, Durability.NO_SYNC)) {
      p.fund();
      for (int step = 0; step < STEPS || !inFlight.get(Party.A).isEmpty() || !inFlight.get(Party.B).isEmpty();
          step++) {
        Party who = rnd.nextBoolean() ? Party.A : Party.B;
        if (step < STEPS && rnd.nextInt(3) == 0 && p.end(who).pendingProposal().isEmpty()) {
          long amount = next++;
          Outcome o = p.end(who).propose(new Update.Payment(Amount.of(amount)));
          if (o instanceof Outcome.Done done) {
            payments.get(who).put(amount, Status.PENDING);
            handle(who, done.effects(), done.send(), payments, inFlight);
          }
        } else if (rnd.nextInt(25) == 0 && p.end(who).pendingProposal().isPresent()) {
          // the peer says no to who's pending proposal (say its ledger time passed an expiry) though it may
          // have said yes already or say yes later: who withdraws, the outcome is open
          ChannelMessage.Propose mine = p.end(who).pendingProposal().get();
          deliver(p, who.other(), Pair.rejectBy(who.other(), mine.proposal().proof().nonce(),
              RejectReason.INSUFFICIENT_BALANCE, 0), payments, inFlight, seen);
        } else if (!inFlight.get(who).isEmpty()) {
          List<ChannelMessage> q = inFlight.get(who);
          ChannelMessage m = q.remove(rnd.nextInt(Math.min(3, q.size())));
          if (rnd.nextInt(20) != 0) {   // else the mesh lost it
            deliver(p, who, m, payments, inFlight, seen);
          }
        }
        if (step > 20 * STEPS) {
          fail("seed " + seed + ": the mesh never went quiet");
        }
      }
      // Quiet: both ends reestablish and resend what is pending, in order now, until nothing moves.
      // Once in sync, each end makes one more payment: a co-signed state above every withdrawn proposal
      // settles their open outcomes.
      for (int round = 0; round < 8; round++) {
        for (Party x : Party.values()) {
          p.end(x).reestablish().ifPresent(inFlight.get(x)::add);
          p.end(x).pendingProposal().ifPresent(inFlight.get(x)::add);
          if (round == 3 || round == 5) {
            long amount = next++;
            if (p.end(x).propose(new Update.Payment(Amount.of(amount))) instanceof Outcome.Done done) {
              payments.get(x).put(amount, Status.PENDING);
              handle(x, done.effects(), done.send(), payments, inFlight);
            }
          }
        }
        for (int n = 0; n < 200 && !(inFlight.get(Party.A).isEmpty() && inFlight.get(Party.B).isEmpty()); n++) {
          Party from = inFlight.get(Party.A).isEmpty() ? Party.B
              : inFlight.get(Party.B).isEmpty() ? Party.A : n % 2 == 0 ? Party.A : Party.B;
          deliver(p, from, inFlight.get(from).remove(0), payments, inFlight, seen);
        }
      }
      assertEquals(open(p.a).latest(), open(p.b).latest(), "seed " + seed + ": the ends disagree");
      BalanceProof last = open(p.a).latest().proof();
      long byA = 0;
      long byB = 0;
      for (Party x : Party.values()) {
        for (Map.Entry<Long, Status> e : payments.get(x).entrySet()) {
          Status s = paymentStatus(x, e.getKey());
          assertTrue(s == Status.COMMITTED || s == Status.FAILED,
              "seed " + seed + ": " + x + "'s payment of " + e.getKey() + " is still " + s);
          if (s == Status.FAILED) {
            seen[3]++;
          } else if (x == Party.A) {
            byA += e.getKey();
          } else {
            byB += e.getKey();
          }
        }
      }
      assertEquals(Amount.of(DEPOSIT - byA + byB), last.balanceA(),
          "seed " + seed + ": the balances are not what the endpoints reported");
      assertEquals(Amount.of(DEPOSIT - byB + byA), last.balanceB(), "seed " + seed);
    }
  }

  private static void deliver(Pair p, Party from, ChannelMessage m, Map<Party, Map<Long, Status>> payments,
      Map<Party, List<ChannelMessage>> inFlight, int[] seen) {
    Party to = from.other();
    Outcome o = m instanceof ChannelMessage.Reject r ? p.end(to).onReject(r) : p.deliver(from, m);
    if (o instanceof Outcome.Done done) {
      if (m instanceof ChannelMessage.Propose && done.send().isEmpty() && done.effects().isEmpty()) {
        seen[0]++;   // held until the countersignature it overtook
      }
      if (m instanceof ChannelMessage.Reject) {
        seen[2]++;
      }
      handle(to, done.effects(), done.send(), payments, inFlight);
    } else if (o instanceof Outcome.Rejected r) {
      if (!r.send().isEmpty()) {
        seen[1]++;
      }
      inFlight.get(to).addAll(r.send());
    }
  }

  /** The application of {@code who}: learns its payments' fate from the effects, sends the messages. */
  private static void handle(Party who, List<ChannelEffect> effects, List<ChannelMessage> send,
      Map<Party, Map<Long, Status>> payments, Map<Party, List<ChannelMessage>> inFlight) {
    Map<BalanceProof, Long> own = OWN.get().get(who);
    Map<Party, Map<BalanceProof, Status>> byProof = STATUS.get();
    for (ChannelEffect e : effects) {
      // Per proposal: a payment may take several (proposed again after a lost race or NONCE_RESERVED).
      if (e instanceof ChannelEffect.SendProposal sp && sp.proposal().proposer() == who) {
        byProof.get(who).put(track(sp.proposal(), own), Status.PENDING);
      } else if (e instanceof ChannelEffect.ProposalSuperseded ps && ps.loser().proposer() == who) {
        byProof.get(who).put(track(ps.loser(), own), Status.FAILED);
      } else if (e instanceof ChannelEffect.ProposalWithdrawn pw && pw.proposal().proposer() == who) {
        byProof.get(who).put(track(pw.proposal(), own), Status.OPEN);
      } else if (e instanceof ChannelEffect.StateCommitted sc && own.containsKey(sc.state().proof())) {
        byProof.get(who).put(sc.state().proof(), Status.COMMITTED);   // one of our proposals is co-signed
      }
    }
    inFlight.get(who).addAll(send);
  }

  /** Per run: each party's own proposals by proof, so that a committed state is recognised as one of them. */
  private static final ThreadLocal<Map<Party, Map<BalanceProof, Long>>> OWN = new ThreadLocal<>();

  /** Per run: what the endpoint last said of each own proposal. */
  private static final ThreadLocal<Map<Party, Map<BalanceProof, Status>>> STATUS = new ThreadLocal<>();

  private static BalanceProof track(Proposal p, Map<BalanceProof, Long> own) {
    own.put(p.proof(), ((Update.Payment) p.update()).amount().units().longValueExact());
    return p.proof();
  }

  /**
   * A payment happened if one of its proposals was co-signed, failed if every one of them can no longer
   * be, and is otherwise still open.
   */
  private static Status paymentStatus(Party who, long amount) {
    boolean allFailed = true;
    for (Map.Entry<BalanceProof, Long> e : OWN.get().get(who).entrySet()) {
      if (e.getValue() == amount) {
        Status s = STATUS.get().get(who).get(e.getKey());
        if (s == Status.COMMITTED) {
          return Status.COMMITTED;
        }
        allFailed &= s == Status.FAILED;
      }
    }
    return allFailed ? Status.FAILED : Status.OPEN;
  }
}
