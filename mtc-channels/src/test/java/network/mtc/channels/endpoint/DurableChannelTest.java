package network.mtc.channels.endpoint;

import static network.mtc.channels.endpoint.Pair.done;
import static network.mtc.channels.endpoint.Pair.only;
import static network.mtc.channels.endpoint.Pair.open;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import network.mtc.channels.Amount;
import network.mtc.channels.ChannelEffect;
import network.mtc.channels.ChannelEvent;
import network.mtc.channels.ChannelMachine;
import network.mtc.channels.ChannelState;
import network.mtc.channels.HashLock;
import network.mtc.channels.Party;
import network.mtc.channels.RejectReason;
import network.mtc.channels.SignatureType;
import network.mtc.channels.Update;
import network.mtc.channels.journal.ChannelRecord;
import network.mtc.channels.journal.Durability;
import network.mtc.channels.journal.JournalRecord;
import network.mtc.channels.journal.SignDecision;
import network.mtc.channels.message.ChannelMessage;
import network.mtc.channels.message.ChannelMessageCodec;
import network.mtc.crypto.SigningKey;
import network.mtc.wire.Bytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurableChannelTest {
  @TempDir
  Path dir;

  private static Update pay(long units) {
    return new Update.Payment(Amount.of(units));
  }

  private static long storedNonce(Pair p, Party who) {
    var j = who == Party.A ? p.journalA : p.journalB;
    return j.latest(Pair.PARAMS.channelId().toByteArray()).flatMap(ChannelRecord::stored)
        .map(JournalRecord::nonce).orElse(-1L);
  }

  @Test
  void aPaymentIsJournaledByTheCountersignerBeforeItsCountersignatureIsReturned() {
    try (Pair p = new Pair(dir, Durability.NO_SYNC)) {
      p.fund();
      assertEquals(0, storedNonce(p, Party.A));
      ChannelMessage propose = only(p.a.propose(pay(250)));
      assertEquals(0, storedNonce(p, Party.B), "nothing co-signed yet");
      Outcome atB = p.deliver(Party.A, propose);
      ChannelMessage counter = only(atB);
      assertInstanceOf(ChannelMessage.Countersign.class, counter);
      assertEquals(2, storedNonce(p, Party.B), "stored before the countersignature was handed out");
      assertTrue(done(atB).effects().stream().anyMatch(e -> e instanceof ChannelEffect.StateCommitted));
      assertEquals(0, storedNonce(p, Party.A));
      done(p.deliver(Party.B, counter));
      assertEquals(2, storedNonce(p, Party.A));
      assertEquals(open(p.a).latest(), open(p.b).latest());
      assertEquals(Amount.of(999_750), open(p.a).latest().proof().balanceA());
    }
  }

  @Test
  void theEndpointReachesExactlyTheStatesAndEffectsOfTheMachine() {
    try (Pair p = new Pair(dir, Durability.NO_SYNC)) {
      p.fund();
      for (Party payer : List.of(Party.A, Party.B, Party.B)) {
        DurableChannel from = p.end(payer);
        DurableChannel to = p.end(payer.other());
        ChannelState fromBefore = from.state();
        ChannelState toBefore = to.state();
        Outcome.Done proposed = done(from.propose(pay(3)));
        ChannelMessage.Propose prop = (ChannelMessage.Propose) proposed.send().get(0);
        var byMachine = (network.mtc.channels.Transition.Accepted) network.mtc.channels.ChannelMachine.apply(
            fromBefore, new ChannelEvent.Propose(prop.proposal()));
        assertEquals(byMachine.next(), from.state());
        assertEquals(byMachine.effects(), proposed.effects());
        Outcome.Done countersigned = done(to.receive(new ChannelEvent.Propose(prop.proposal())));
        ChannelMessage.Countersign c = (ChannelMessage.Countersign) countersigned.send().get(0);
        var received = (network.mtc.channels.Transition.Accepted) network.mtc.channels.ChannelMachine.apply(
            toBefore, new ChannelEvent.Propose(prop.proposal()));
        var signed = (network.mtc.channels.Transition.Accepted) network.mtc.channels.ChannelMachine.apply(
            received.next(), new ChannelEvent.Countersign(c.signer(), c.signature()));
        assertEquals(signed.next(), to.state());
        List<ChannelEffect> effects = new java.util.ArrayList<>(received.effects());
        effects.addAll(signed.effects());
        assertEquals(effects, countersigned.effects());
        done(from.receive(new ChannelEvent.Countersign(c.signer(), c.signature())));
        assertEquals(from.state(), to.state());
      }
    }
  }

  @Test
  void restartRecoversTheLatestCoSignedStateWithItsLocksAndLedgerTime() {
    Bytes hash = HashLock.hashOf(new byte[32]);
    ChannelState.Open beforeA;
    ChannelState.Open beforeB;
    try (Pair p = new Pair(dir, Durability.NO_SYNC)) {
      p.fund();
      done(p.a.receive(new ChannelEvent.Tick(Pair.T0 + 60)));
      done(p.b.receive(new ChannelEvent.Tick(Pair.T0 + 60)));
      p.deliver(Party.B, only(p.deliver(Party.A, only(p.a.propose(pay(10))))));
      HashLock lock = new HashLock(Party.B, hash, Amount.of(40), Pair.T0 + 2 * Pair.PARAMS.challengePeriod());
      p.deliver(Party.A, only(p.deliver(Party.B, only(p.b.propose(new Update.AddLock(lock))))));
      beforeA = open(p.a);
      beforeB = open(p.b);
    }
    try (Pair p = new Pair(dir, Durability.NO_SYNC)) {
      assertEquals(beforeA, open(p.a));
      assertEquals(beforeB, open(p.b));
      assertEquals(1, open(p.a).locks().size());
      assertEquals(Pair.T0 + 60, open(p.a).now());
      // and the channel goes on: the secret unlocks the lock
      p.deliver(Party.A, only(p.deliver(Party.B, only(p.b.propose(new Update.Unlock(Bytes.copyOf(new byte[32])))))));
      assertEquals(5, open(p.a).latest().proof().nonce()); // A at 2, B at 3 and 5
      assertTrue(open(p.b).locks().isEmpty());
    }
  }

  @Test
  void aProposalCutOffByACrashIsRecoveredAndSentAgainByteForByte() {
    byte[] sent;
    try (Pair p = new Pair(dir, Durability.NO_SYNC)) {
      p.fund();
      sent = ChannelMessageCodec.encode(only(p.a.propose(pay(77))));
    }   // crashed before B answered
    try (Pair p = new Pair(dir, Durability.NO_SYNC)) {
      ChannelMessage.Propose again = p.a.pendingProposal().orElseThrow();
      assertArrayEquals(sent, ChannelMessageCodec.encode(again));
      assertEquals(new Outcome.Rejected(RejectReason.PROPOSAL_PENDING), p.a.propose(pay(5)),
          "no other state at the reserved nonce");
      p.reestablish();
      done(p.deliver(Party.B, only(p.deliver(Party.A, again))));
      assertEquals(2, open(p.a).latest().proof().nonce());
      assertTrue(p.a.pendingProposal().isEmpty());
    }
  }

  @Test
  void aCrashAfterTheCountersignatureLeftIsHealedByReestablish() {
    try (Pair p = new Pair(dir, Durability.NO_SYNC)) {
      p.fund();
      p.deliver(Party.A, only(p.a.propose(pay(5))));   // B countersigned, the answer never reached A
    }
    try (Pair p = new Pair(dir, Durability.NO_SYNC)) {
      assertEquals(0, open(p.a).latest().proof().nonce());
      assertTrue(p.a.pendingProposal().isPresent());
      ChannelState.Open ob = open(p.b);
      Outcome.Done d = done(p.a.receive(new ChannelEvent.Reestablish(Party.B, ob.latest(), ob.locks())));
      assertTrue(d.effects().stream().anyMatch(e -> e instanceof ChannelEffect.Restored));
      assertTrue(d.effects().stream().noneMatch(e -> e instanceof ChannelEffect.ProposalSuperseded),
          "the restored state is the proposal itself, committed");
      assertEquals(2, storedNonce(p, Party.A));
      assertEquals(ob.latest(), open(p.a).latest());
      assertTrue(p.a.pendingProposal().isEmpty());
    }
  }

  @Test
  void aPeerThatIsBehindIsAnsweredWithOurReestablishAndRestoresFromIt() {
    try (Pair p = new Pair(dir, Durability.NO_SYNC)) {
      p.fund();
      p.deliver(Party.A, only(p.a.propose(pay(5))));   // B countersigned; A never heard back
      ChannelMessage fromA = p.a.reestablish().orElseThrow();
      Outcome.Done atB = done(p.deliver(Party.A, fromA));
      assertTrue(atB.effects().stream().anyMatch(e -> e instanceof ChannelEffect.PeerBehind));
      ChannelMessage.Reestablish answer = (ChannelMessage.Reestablish) only(atB);
      assertEquals(Party.B, answer.from());
      assertEquals(open(p.b).latest(), answer.lastSeen());
      // the answer crosses the mesh as bytes
      ChannelMessage decoded = ChannelMessageCodec.decode(ChannelMessageCodec.encode(answer));
      Outcome.Done atA = done(p.deliver(Party.B, decoded));
      assertTrue(atA.effects().stream().anyMatch(e -> e instanceof ChannelEffect.Restored));
      assertEquals(open(p.b).latest(), open(p.a).latest());
      assertEquals(2, storedNonce(p, Party.A));
    }
  }

  @Test
  void aRetransmittedProposalGetsTheSameCountersignatureAndNoNewJournalRecord() {
    try (Pair p = new Pair(dir, Durability.NO_SYNC)) {
      p.fund();
      ChannelMessage prop = only(p.a.propose(pay(5)));
      ChannelMessage first = only(p.deliver(Party.A, prop));
      long size = p.journalB.size();
      assertEquals(first, only(p.deliver(Party.A, prop)));
      assertEquals(size, p.journalB.size());
    }
  }

  @Test
  void aRejectedProposalIsNeitherSignedNorJournaled() {
    try (Pair p = new Pair(dir, Durability.NO_SYNC)) {
      p.fund();
      ChannelMessage.Propose prop = (ChannelMessage.Propose) only(p.a.propose(pay(5)));
      var forged = new network.mtc.channels.Proposal(Party.A, prop.proposal().update(), prop.proposal().proof(),
          prop.proposal().locks(), Bytes.copyOf(new byte[64]));
      long size = p.journalB.size();
      assertEquals(new Outcome.Rejected(RejectReason.BAD_SIGNATURE, List.of(Pair.rejectBy(Party.B, 2,
          RejectReason.BAD_SIGNATURE, 0))),
          p.b.receive(new ChannelEvent.Propose(forged)));
      assertEquals(size, p.journalB.size());
      assertEquals(new Outcome.Rejected(RejectReason.INSUFFICIENT_BALANCE), p.b.propose(pay(5_000_000)));
    }
  }

  @Test
  void aRaceIsWonByTheHigherNonceAndTheLoserProposesAgainOnTop() {
    // channels.md §8: B proposes at 1, A at 2, at the same time; neither signs two states at one nonce.
    try (Pair p = new Pair(dir, Durability.NO_SYNC)) {
      p.fund();
      ChannelMessage fromB = only(p.b.propose(pay(3)));
      ChannelMessage fromA = only(p.a.propose(pay(4)));
      long size = p.journalA.size();
      assertEquals(new Outcome.Rejected(RejectReason.RACE_LOST), p.deliver(Party.B, fromB));
      assertEquals(size, p.journalA.size(), "A signed nothing for the lower proposal");
      Outcome.Done atB = done(p.deliver(Party.A, fromA));
      assertTrue(atB.effects().stream().anyMatch(e -> e instanceof ChannelEffect.ProposalSuperseded));
      assertEquals(2, atB.send().size(), "the countersignature, then B's payment again");
      ChannelMessage.Countersign cs = (ChannelMessage.Countersign) atB.send().get(0);
      ChannelMessage.Propose again = (ChannelMessage.Propose) atB.send().get(1);
      assertEquals(2, cs.nonce());
      assertEquals(3, again.proposal().proof().nonce());
      assertEquals(((ChannelMessage.Propose) fromB).proposal().update(), again.proposal().update());
      done(p.deliver(Party.B, cs));
      p.deliver(Party.A, only(p.deliver(Party.B, again)));
      assertEquals(open(p.a).latest(), open(p.b).latest());
      assertEquals(Amount.of(1_000_000 - 4 + 3), open(p.a).latest().proof().balanceA());
      assertTrue(p.a.pendingProposal().isEmpty() && p.b.pendingProposal().isEmpty());
    }
  }

  @Test
  void aProposalOvertakingTheCountersignatureItFollowsIsHeldNotRejected() {
    // The mesh does not keep order: B's re-proposal after a lost race reaches A before B's countersignature.
    try (Pair p = new Pair(dir, Durability.NO_SYNC)) {
      p.fund();
      only(p.b.propose(pay(3)));
      Outcome.Done atB = done(p.deliver(Party.A, only(p.a.propose(pay(4)))));
      ChannelMessage cs = atB.send().get(0);
      ChannelMessage again = atB.send().get(1);
      Outcome.Done held = done(p.deliver(Party.B, again));
      assertTrue(held.send().isEmpty() && held.effects().isEmpty(), "held, neither signed nor rejected");
      Outcome.Done both = done(p.deliver(Party.B, cs));
      ChannelMessage.Countersign second = (ChannelMessage.Countersign) only(both);
      assertEquals(3, second.nonce(), "the held proposal is countersigned right after state 2 is committed");
      done(p.deliver(Party.A, second));
      assertEquals(open(p.a).latest(), open(p.b).latest());
      assertEquals(3, open(p.a).latest().proof().nonce());
    }
  }

  @Test
  void aRejectedProposalIsWithdrawnAndTheNextOneStepsOverItsNonce() {
    try (Pair p = new Pair(dir, Durability.NO_SYNC)) {
      p.fund();
      done(p.b.receive(new ChannelEvent.Tick(Pair.T0 + 600)));   // B has seen a later ledger time than A
      HashLock lock = new HashLock(Party.A, HashLock.hashOf(new byte[32]), Amount.of(9), Pair.T0 + 500);
      ChannelMessage prop = only(p.a.propose(new Update.AddLock(lock)));
      Outcome atB = p.deliver(Party.A, prop);
      assertEquals(RejectReason.LOCK_EXPIRED, ((Outcome.Rejected) atB).reason());
      ChannelMessage.Reject reject = (ChannelMessage.Reject) ((Outcome.Rejected) atB).send().get(0);
      assertEquals(Pair.rejectBy(Party.B, 2, RejectReason.LOCK_EXPIRED, 0),
          ChannelMessageCodec.decode(ChannelMessageCodec.encode(reject)));
      assertEquals(new Outcome.Rejected(RejectReason.PROPOSAL_PENDING), p.a.propose(pay(5)));
      Outcome.Done withdrawn = done(p.a.onReject(reject));
      assertTrue(withdrawn.send().isEmpty(), "no reestablish for a rule the update broke");
      assertTrue(p.a.pendingProposal().isEmpty());
      assertEquals(new Outcome.Rejected(RejectReason.NO_PENDING_PROPOSAL), p.a.onReject(reject), "only once");
      ChannelMessage.Propose next = (ChannelMessage.Propose) only(p.a.propose(pay(5)));
      assertEquals(4, next.proposal().proof().nonce(), "A signed at 2 already: it steps over to 4");
      p.deliver(Party.B, only(p.deliver(Party.A, next)));
      assertEquals(open(p.a).latest(), open(p.b).latest());
      assertEquals(4, open(p.b).latest().proof().nonce());
    }
  }

  @Test
  void aWithdrawnProposalCountersignedAfterAllIsRestoredBelowTheNewReservation() {
    try (Pair p = new Pair(dir, Durability.NO_SYNC)) {
      p.fund();
      ChannelMessage first = only(p.a.propose(pay(10)));
      p.deliver(Party.A, first);                       // B countersigns state 2; the answer is lost
      done(p.a.withdraw());                            // A gives up waiting
      ChannelMessage second = only(p.a.propose(pay(7)));
      assertEquals(4, ((ChannelMessage.Propose) second).proposal().proof().nonce());
      Outcome atB = p.deliver(Party.A, second);        // built on state 0, but B holds 2
      ChannelMessage.Reject reject = (ChannelMessage.Reject) ((Outcome.Rejected) atB).send().get(0);
      assertEquals(RejectReason.BAD_PREV_HASH, reject.reason());
      ChannelMessage ours = only(p.a.onReject(reject)); // withdraw, and show B our state
      ChannelMessage theirs = only(p.deliver(Party.A, ours));
      Outcome.Done restored = done(p.deliver(Party.B, theirs));
      assertTrue(restored.effects().stream().anyMatch(e -> e instanceof ChannelEffect.Restored));
      assertEquals(open(p.b).latest(), open(p.a).latest());
      assertEquals(Amount.of(1_000_000 - 10), open(p.a).latest().proof().balanceA(), "the first payment stands");
    }
    try (Pair p = new Pair(dir, Durability.NO_SYNC)) {   // both restart
      assertEquals(2, open(p.a).latest().proof().nonce(), "stored below A's reservation at 4");
      assertTrue(p.a.pendingProposal().isEmpty(), "the proposal made on state 0 is not brought back");
      ChannelMessage.Propose next = (ChannelMessage.Propose) only(p.a.propose(pay(7)));
      assertEquals(6, next.proposal().proof().nonce());
      p.deliver(Party.B, only(p.deliver(Party.A, next)));
      assertEquals(open(p.a).latest(), open(p.b).latest());
      assertEquals(Amount.of(1_000_000 - 17), open(p.b).latest().proof().balanceA());
    }
  }

  @Test
  void aPeerProposingBelowOurWithdrawnNonceIsToldOurFloorAndStepsOverIt() {
    // Review finding: A withdrew its proposal at 2 (no co-signed state since), so its journal refuses to
    // countersign B's at 1; the REJECT names A's floor and B proposes again at 3, which both commit.
    try (Pair p = new Pair(dir, Durability.NO_SYNC)) {
      p.fund();
      only(p.a.propose(pay(10)));                       // lost in the mesh
      assertInstanceOf(ChannelEffect.ProposalWithdrawn.class, done(p.a.withdraw()).effects().get(0));
      ChannelMessage fromB = only(p.b.propose(pay(3)));
      Outcome.Rejected atA = (Outcome.Rejected) p.deliver(Party.B, fromB);
      assertEquals(RejectReason.NONCE_RESERVED, atA.reason());
      ChannelMessage.Reject reject = (ChannelMessage.Reject) atA.send().get(0);
      assertEquals(2, reject.floor());
      Outcome.Done atB = done(p.b.onReject(reject));
      ChannelMessage.Propose again = (ChannelMessage.Propose) only(atB);
      assertEquals(3, again.proposal().proof().nonce());
      Outcome.Done countersigned = done(p.deliver(Party.B, again));
      Outcome.Done atB2 = done(p.deliver(Party.A, only(countersigned)));
      assertTrue(atB2.effects().stream().anyMatch(e -> e instanceof ChannelEffect.ProposalSuperseded),
          "B's withdrawn proposal at 1 is settled as superseded once state 3 is co-signed");
      assertTrue(countersigned.effects().stream().anyMatch(e -> e instanceof ChannelEffect.ProposalSuperseded),
          "and A's withdrawn proposal at 2 too");
      assertEquals(open(p.a).latest(), open(p.b).latest());
      assertEquals(Amount.of(1_000_000 + 3), open(p.a).latest().proof().balanceA());
      // both can go on: A pays next
      p.deliver(Party.B, only(p.deliver(Party.A, only(p.a.propose(pay(1))))));
      assertEquals(4, open(p.b).latest().proof().nonce());
    }
  }

  @Test
  void aForgedRejectIsIgnoredAndAWithdrawnProposalCountersignedAfterAllCommits() {
    try (Pair p = new Pair(dir, Durability.NO_SYNC)) {
      p.fund();
      ChannelMessage prop = only(p.a.propose(pay(400)));
      ChannelMessage cs = only(p.deliver(Party.A, prop));   // B countersigned: the payment happened
      ChannelMessage.Reject forged = new ChannelMessage.Reject(Pair.PARAMS.channelId(), 2,
          RejectReason.INSUFFICIENT_BALANCE, 0, Bytes.copyOf(new byte[64]));
      assertEquals(new Outcome.Rejected(RejectReason.BAD_SIGNATURE), p.a.onReject(forged), "a forgery is ignored");
      // B's endpoint said no (say its ledger time had passed an expiry) and then yes after a correction
      Outcome.Done w = done(p.a.onReject(Pair.rejectBy(Party.B, 2, RejectReason.INSUFFICIENT_BALANCE, 0)));
      assertEquals(List.of(ChannelEffect.ProposalWithdrawn.class),
          w.effects().stream().map(Object::getClass).toList(), "outcome open, not failed");
      Outcome.Done d = done(p.deliver(Party.B, cs));
      assertTrue(d.effects().stream().anyMatch(e -> e instanceof ChannelEffect.StateCommitted));
      assertTrue(d.effects().stream().noneMatch(e -> e instanceof ChannelEffect.ProposalSuperseded));
      assertEquals(open(p.a).latest(), open(p.b).latest());
      assertEquals(Amount.of(1_000_000 - 400), open(p.a).latest().proof().balanceA());
    }
  }

  @Test
  void tooManyWithdrawalsStopProposalsButTheChannelStillClosesCooperatively() {
    try (Pair p = new Pair(dir, Durability.NO_SYNC)) {
      p.fund();
      int withdrawals = 0;
      while (p.a.propose(pay(1)) instanceof Outcome.Done d) {
        ChannelMessage.Propose prop = (ChannelMessage.Propose) only(d);
        done(p.a.onReject(Pair.rejectBy(Party.B, prop.proposal().proof().nonce(), RejectReason.LOCK_EXPIRED, 0)));
        withdrawals++;
      }
      assertEquals(31, withdrawals, "nonces 2, 4, ..., 62: the next would pass MAX_NONCE_STEP");
      assertEquals(new Outcome.Rejected(RejectReason.BAD_NONCE), p.a.propose(pay(1)));
      // the close has the final nonce, above every withdrawn proposal: B offers (A, with outcomes open,
      // does not), A accepts, and its 31 open outcomes are settled as superseded
      assertEquals(new Outcome.Rejected(RejectReason.CLOSE_WITH_PENDING), p.a.offerClose());
      done(p.deliver(Party.B, only(p.b.offerClose())));
      Outcome.Done settled = done(p.a.acceptClose());
      assertInstanceOf(ChannelState.Settled.class, settled.state());
      assertEquals(31, settled.effects().stream().filter(e -> e instanceof ChannelEffect.ProposalSuperseded)
          .count());
      assertInstanceOf(ChannelState.Settled.class, done(p.deliver(Party.A, only(settled))).state());
    }
  }

  @Test
  void aForgedCopyCannotDisplaceAHeldProposal() {
    try (Pair p = new Pair(dir, Durability.NO_SYNC)) {
      p.fund();
      only(p.b.propose(pay(3)));
      Outcome.Done atB = done(p.deliver(Party.A, only(p.a.propose(pay(4)))));
      ChannelMessage.Propose again = (ChannelMessage.Propose) atB.send().get(1);
      var forged = new network.mtc.channels.Proposal(Party.B, again.proposal().update(), again.proposal().proof(),
          again.proposal().locks(), Bytes.copyOf(new byte[64]));
      done(p.deliver(Party.B, new ChannelMessage.Propose(Pair.PARAMS.channelId(), forged)));   // not held
      done(p.deliver(Party.B, again));                                                          // held
      done(p.deliver(Party.B, new ChannelMessage.Propose(Pair.PARAMS.channelId(), forged)));   // cannot displace
      ChannelMessage.Countersign second = (ChannelMessage.Countersign) only(done(p.deliver(Party.B,
          atB.send().get(0))));
      assertEquals(3, second.nonce());
    }
  }

  @Test
  void withAWithdrawnOutcomeOpenTheNodeNeitherOffersACloseNorClosesAloneUntilItIsSettled() {
    // Second review: a close offered below a withdrawn proposal the peer completed would deadlock, and a
    // unilateral close below it could be disputed.
    try (Pair p = new Pair(dir, Durability.NO_SYNC)) {
      p.fund();
      assertTrue(p.a.mayCloseUnilaterally());
      ChannelMessage prop = only(p.a.propose(pay(10)));
      assertTrue(!p.a.mayCloseUnilaterally(), "own proposal pending");
      ChannelMessage cs = only(p.deliver(Party.A, prop));        // B countersigned; the answer is late
      done(p.a.withdraw());
      assertTrue(!p.a.mayCloseUnilaterally(), "withdrawn, outcome open");
      assertEquals(new Outcome.Rejected(RejectReason.CLOSE_WITH_PENDING), p.a.offerClose());
      done(p.deliver(Party.B, cs));                              // it happened after all
      assertTrue(p.a.mayCloseUnilaterally());
      // B offers to close; A accepts: settled, and nothing is left open
      done(p.deliver(Party.B, only(p.b.offerClose())));
      assertInstanceOf(ChannelState.Settled.class, done(p.a.acceptClose()).state());
    }
  }

  @Test
  void aWithdrawnProposalStillOpenIsSupersededWhenTheChannelSettles() {
    try (Pair p = new Pair(dir, Durability.NO_SYNC)) {
      p.fund();
      only(p.a.propose(pay(10)));                                // never reaches B
      done(p.a.withdraw());
      done(p.deliver(Party.B, only(p.b.offerClose())));
      Outcome.Done settled = done(p.a.acceptClose());
      assertTrue(settled.effects().stream().anyMatch(e -> e instanceof ChannelEffect.ProposalSuperseded),
          "paid out at state 0: the withdrawn payment can no longer happen");
    }
  }

  @Test
  void aCloseOfferWhoseAnswerWasLostIsSentAgainAfterARestart() {
    try (Pair p = new Pair(dir, Durability.NO_SYNC)) {
      p.fund();
      done(p.deliver(Party.A, only(p.a.offerClose())));
      assertTrue(p.b.pendingClose().isEmpty(), "B answers with acceptClose");
      done(p.b.acceptClose());                                   // its ACCEPT_CLOSE is lost
    }
    try (Pair p = new Pair(dir, Durability.NO_SYNC)) {             // both restart in Closing
      ChannelMessage.OfferClose fromA = p.a.pendingClose().orElseThrow();
      ChannelMessage.OfferClose fromB = p.b.pendingClose().orElseThrow();
      assertInstanceOf(ChannelState.Settled.class, done(p.deliver(Party.A, fromA)).state());
      assertInstanceOf(ChannelState.Settled.class, done(p.deliver(Party.B, fromB)).state());
    }
  }

  @Test
  void aSignedCloseBlocksEveryStateAtItsNonceAcrossARestart() {
    try (Pair p = new Pair(dir, Durability.NO_SYNC)) {
      p.fund();
      p.deliver(Party.B, only(p.deliver(Party.A, only(p.a.propose(pay(100))))));
      ChannelMessage offer = only(p.a.offerClose());
      done(p.deliver(Party.A, offer));
      Outcome.Done settled = done(p.b.acceptClose());
      assertInstanceOf(ChannelState.Settled.class, settled.state());
      assertInstanceOf(ChannelState.Settled.class, done(p.deliver(Party.B, only(settled))).state());
    }
    try (Pair p = new Pair(dir, Durability.NO_SYNC)) {
      // the close each signed is recovered from its journal; the settlement is re-learned from the ledger
      for (DurableChannel end : List.of(p.a, p.b)) {
        ChannelState.Closing c = assertInstanceOf(ChannelState.Closing.class, end.state());
        assertEquals(2, c.latest().proof().nonce());
        assertEquals(ChannelMachine.FINAL_NONCE, c.closeProof().nonce());
        assertEquals(new Outcome.Rejected(RejectReason.WRONG_STATE), end.propose(pay(1)), "no state after a close");
      }
      // the recovered close signatures settle each other, as crossing offers do
      ChannelMessage again = only(done(p.a.receive(new ChannelEvent.OfferClose(Party.B,
          ((ChannelState.Closing) p.b.state()).offerSignature()))));
      assertInstanceOf(ChannelState.Settled.class, p.a.state());
      assertInstanceOf(ChannelState.Settled.class, done(p.deliver(Party.A, again)).state());
    }
  }

  @Test
  void closeOffersThatCrossSettleBothEnds() {
    try (Pair p = new Pair(dir, Durability.NO_SYNC)) {
      p.fund();
      p.deliver(Party.B, only(p.deliver(Party.A, only(p.a.propose(pay(100))))));
      ChannelMessage fromA = only(p.a.offerClose());
      ChannelMessage fromB = only(p.b.offerClose());
      Outcome.Done atB = done(p.deliver(Party.A, fromA));
      Outcome.Done atA = done(p.deliver(Party.B, fromB));
      assertInstanceOf(ChannelState.Settled.class, atA.state());
      assertInstanceOf(ChannelState.Settled.class, atB.state());
      assertEquals(atA.state(), atB.state());
      assertEquals(Amount.of(1_000_000 - 100), ((ChannelState.Settled) atA.state()).payout().toA());
    }
  }

  @Test
  void ownSignaturesCannotBeFedInAsEvents() {
    try (Pair p = new Pair(dir, Durability.NO_SYNC)) {
      p.fund();
      assertThrows(IllegalArgumentException.class,
          () -> p.a.receive(new ChannelEvent.Countersign(Party.A, Bytes.copyOf(new byte[64]))));
      assertThrows(IllegalArgumentException.class,
          () -> DurableChannel.open(p.journalA, Pair.PARAMS, SigningKey.fromSeed(Pair.seed(0x77))));
    }
  }

  @Test
  void aJournalThatDoesNotHoldAValidStateOfTheChannelIsRefused() {
    try (Pair p = new Pair(dir, Durability.NO_SYNC)) {
      byte[] id = Pair.PARAMS.channelId().toByteArray();
      byte[] hash = DurableChannel.signedHash(SignatureType.STATE, Pair.PARAMS.openingProof());
      p.journalA.reserveAndStore(id, 0, hash, new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 1});
    }
    assertThrows(IllegalStateException.class, () -> new Pair(dir, Durability.NO_SYNC));
  }

  @Test
  void updatesAfterRestartsKeepBothSidesEqual() {
    for (int life = 0; life < 4; life++) {
      try (Pair p = new Pair(dir, Durability.SYNC)) {
        if (life == 0) {
          p.fund();
        } else {
          p.reestablish();
        }
        for (int i = 0; i < 5; i++) {
          Party payer = (i + life) % 2 == 0 ? Party.A : Party.B;
          p.deliver(payer.other(), only(p.deliver(payer, only(p.end(payer).propose(pay(1 + i))))));
        }
        assertEquals(open(p.a).latest(), open(p.b).latest());
        // five updates a life, payers alternating: nonces 2..6, 7..11, 12..16, 17..21
        assertEquals(5L * (life + 1) + 1, open(p.a).latest().proof().nonce());
        List<Long> total = List.of(open(p.a).latest().proof().balanceA().plus(open(p.a).latest().proof().balanceB())
            .units().longValueExact());
        assertEquals(List.of(2_000_000L), total);
      }
    }
  }
}
