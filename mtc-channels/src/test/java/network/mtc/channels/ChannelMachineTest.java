package network.mtc.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import network.mtc.channels.ChannelEvent.AcceptClose;
import network.mtc.channels.ChannelEvent.ClaimLock;
import network.mtc.channels.ChannelEvent.CloseUnilaterally;
import network.mtc.channels.ChannelEvent.Countersign;
import network.mtc.channels.ChannelEvent.Dispute;
import network.mtc.channels.ChannelEvent.FundingConfirmed;
import network.mtc.channels.ChannelEvent.OfferClose;
import network.mtc.channels.ChannelEvent.Propose;
import network.mtc.channels.ChannelEvent.Reestablish;
import network.mtc.channels.ChannelEvent.Tick;
import network.mtc.wire.Bytes;
import org.junit.jupiter.api.Test;

class ChannelMachineTest {
  private static final Bytes SECRET = Bytes.copyOf(Fixture.seed(0x33));

  @Test
  void paymentsMoveBalanceAndChainHashes() {
    Fixture f = new Fixture(Asset.MTC, 1000, 500).funded();
    SignedState s0 = f.open().latest();
    SignedState s1 = f.pay(Party.A, 100);
    SignedState s2 = f.pay(Party.B, 30);
    assertEquals(Amount.of(930), s2.proof().balanceA());
    assertEquals(Amount.of(570), s2.proof().balanceB());
    assertEquals(2, s1.proof().nonce()); // A proposes at even nonces, B at odd ones (§8)
    assertEquals(3, s2.proof().nonce());
    assertEquals(s0.proof().hash(), s1.proof().prevHash());
    assertEquals(s1.proof().hash(), s2.proof().prevHash());
    assertEquals(Amount.ZERO, s2.proof().feeA());
    assertTrue(f.effects.stream().anyMatch(e -> e instanceof ChannelEffect.StateCommitted c
        && c.state().equals(s2)));
  }

  @Test
  void nonMtcUpdatesPayGasUntilThePledgeRunsOut() {
    Fixture f = new Fixture(Asset.ETH, 1_000_000, 0).funded();
    SignedState s = f.pay(Party.A, 1);
    assertEquals(ChannelParams.GAS_PER_UPDATE, s.proof().feeA());
    assertEquals(Amount.ZERO, s.proof().feeB());
    for (int i = 1; i < 1000; i++) {
      f.pay(Party.A, 1);
    }
    RejectReason r = RejectReason.valueOf(org.junit.jupiter.api.Assertions.assertThrows(
        IllegalStateException.class, () -> ChannelMachine.propose(f.open(), Party.A,
            new Update.Payment(Amount.of(1)), f.a)).getMessage());
    assertEquals(RejectReason.GAS_EXHAUSTED, r);
  }

  @Test
  void proposalsAreCheckedFieldByField() {
    Fixture f = new Fixture(Asset.MTC, 1000, 500).funded();
    ChannelState.Open o = f.open();
    Proposal good = ChannelMachine.propose(o, Party.A, new Update.Payment(Amount.of(5)), f.a);
    BalanceProof p = good.proof();
    Proposal lying = new Proposal(Party.A, new Update.Payment(Amount.of(1)), p, good.locks(), good.signature());
    assertEquals(RejectReason.PROOF_MISMATCH, f.rejected(new Propose(lying)));
    Proposal badSig = new Proposal(Party.A, good.update(), p, good.locks(),
        ChannelSigner.sign(f.b, SignatureType.STATE, p));
    assertEquals(RejectReason.BAD_SIGNATURE, f.rejected(new Propose(badSig)));
    for (long n : new long[] {0, 1, 3, ChannelMachine.MAX_NONCE_STEP + 2}) { // not above, B's parity, too far
      BalanceProof skip = new BalanceProof(p.ledgerId(), p.channelId(), p.asset(), n, p.balanceA(),
          p.balanceB(), p.feeA(), p.feeB(), p.locksRoot(), p.prevHash());
      assertEquals(RejectReason.BAD_NONCE, f.rejected(new Propose(
          new Proposal(Party.A, good.update(), skip, good.locks(), good.signature()))), "nonce " + n);
    }
    BalanceProof farthest = new BalanceProof(p.ledgerId(), p.channelId(), p.asset(), ChannelMachine.MAX_NONCE_STEP,
        p.balanceA(), p.balanceB(), p.feeA(), p.feeB(), p.locksRoot(), p.prevHash());
    assertEquals(RejectReason.BAD_SIGNATURE, f.rejected(new Propose(
        new Proposal(Party.A, good.update(), farthest, good.locks(), good.signature()))), "a legal step over");
    BalanceProof prev = new BalanceProof(p.ledgerId(), p.channelId(), p.asset(), 2, p.balanceA(), p.balanceB(),
        p.feeA(), p.feeB(), p.locksRoot(), p.locksRoot());
    assertEquals(RejectReason.BAD_PREV_HASH, f.rejected(new Propose(
        new Proposal(Party.A, good.update(), prev, good.locks(), good.signature()))));
    BalanceProof other = new BalanceProof(9, p.channelId(), p.asset(), 2, p.balanceA(), p.balanceB(),
        p.feeA(), p.feeB(), p.locksRoot(), p.prevHash());
    assertEquals(RejectReason.WRONG_CHANNEL, f.rejected(new Propose(
        new Proposal(Party.A, good.update(), other, good.locks(), good.signature()))));
    org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
        () -> ChannelMachine.propose(o, Party.B, new Update.Payment(Amount.of(501)), f.b));
    f.ok(new Propose(good));
    assertEquals(RejectReason.PROPOSAL_PENDING, f.rejected(new Propose(good)));
    assertEquals(RejectReason.WRONG_SIGNER, f.rejected(new Countersign(Party.A, good.signature())));
    assertEquals(RejectReason.BAD_SIGNATURE, f.rejected(new Countersign(Party.B, good.signature())));
    assertEquals(RejectReason.CLOSE_WITH_PENDING, f.rejected(new OfferClose(Party.A, good.signature())));
  }

  @Test
  void racingPaymentsConvergeInEitherArrivalOrder() {
    Fixture base = new Fixture(Asset.MTC, 1000, 500).funded();
    Proposal fromA = ChannelMachine.propose(base.open(), Party.A, new Update.Payment(Amount.of(10)), base.a);
    Proposal fromB = ChannelMachine.propose(base.open(), Party.B, new Update.Payment(Amount.of(20)), base.b);
    assertEquals(2, fromA.proof().nonce());
    assertEquals(1, fromB.proof().nonce()); // never the same nonce: the higher one wins
    Fixture x = new Fixture(Asset.MTC, 1000, 500).funded();
    x.ok(new Propose(fromA));
    assertEquals(RejectReason.RACE_LOST, x.rejected(new Propose(fromB)));
    Fixture y = new Fixture(Asset.MTC, 1000, 500).funded();
    y.ok(new Propose(fromB));
    Transition.Accepted t = y.ok(new Propose(fromA));
    assertEquals(new ChannelEffect.ProposalSuperseded(fromB), t.effects().get(0));
    assertEquals(x.state, y.state);
    Bytes cs = ChannelMachine.countersign(x.open(), x.b);
    x.ok(new Countersign(Party.B, cs));
    y.ok(new Countersign(Party.B, cs));
    assertEquals(x.state, y.state);
    // the loser re-proposes on the new state
    x.pay(Party.B, 20);
    assertEquals(Amount.of(1000 - 10 + 20), x.open().latest().proof().balanceA());
    assertEquals(3, x.open().latest().proof().nonce());
  }

  @Test
  void afterAnOddStateTheRaceGoesToB() {
    Fixture f = new Fixture(Asset.MTC, 1000, 500).funded();
    f.pay(Party.B, 1); // latest nonce 1: now A proposes at 2 and B at 3
    Proposal fromA = ChannelMachine.propose(f.open(), Party.A, new Update.Payment(Amount.of(10)), f.a);
    Proposal fromB = ChannelMachine.propose(f.open(), Party.B, new Update.Payment(Amount.of(20)), f.b);
    assertEquals(2, fromA.proof().nonce());
    assertEquals(3, fromB.proof().nonce());
    f.ok(new Propose(fromA));
    Transition.Accepted t = f.ok(new Propose(fromB));
    assertEquals(List.of(new ChannelEffect.ProposalSuperseded(fromA), new ChannelEffect.SendProposal(fromB)),
        t.effects());
    assertEquals(RejectReason.RACE_LOST, f.rejected(new Propose(fromA)));
  }

  @Test
  void noPartySignsTwoStatesAtOneNonceInARace() {
    // Each party's signatures, collected over a race in both arrival orders: no nonce carries two states.
    Fixture base = new Fixture(Asset.MTC, 1000, 500).funded();
    Proposal fromA = ChannelMachine.propose(base.open(), Party.A, new Update.Payment(Amount.of(10)), base.a);
    Proposal fromB = ChannelMachine.propose(base.open(), Party.B, new Update.Payment(Amount.of(20)), base.b);
    Map<Party, Map<Long, BalanceProof>> signedBy = new LinkedHashMap<>();
    signedBy.computeIfAbsent(Party.A, k -> new LinkedHashMap<>()).put(fromA.proof().nonce(), fromA.proof());
    signedBy.computeIfAbsent(Party.B, k -> new LinkedHashMap<>()).put(fromB.proof().nonce(), fromB.proof());
    Fixture atB = new Fixture(Asset.MTC, 1000, 500).funded();
    atB.ok(new Propose(fromB));
    atB.ok(new Propose(fromA)); // B countersigns A's: a nonce it has not signed at
    BalanceProof countersigned = atB.open().pending().proof();
    BalanceProof before = signedBy.get(Party.B).putIfAbsent(countersigned.nonce(), countersigned);
    assertEquals(null, before, "B signs a second state at nonce " + countersigned.nonce());
    // and the state B holds after countersigning supersedes A's completion of B's proposal
    assertTrue(countersigned.nonce() > fromB.proof().nonce());
  }

  @Test
  void reestablishTellsABehindPeerAndRestoresALostOne() {
    Fixture f = new Fixture(Asset.MTC, 1000, 500).funded();
    SignedState s1 = f.pay(Party.A, 1);
    SignedState s2 = f.pay(Party.A, 2);
    Transition.Accepted same = f.ok(new Reestablish(Party.B, s2, List.of()));
    assertEquals(List.of(new ChannelEffect.InSync(Party.B, 4)), same.effects());
    Transition.Accepted behind = f.ok(new Reestablish(Party.B, s1, List.of()));
    assertEquals(new ChannelEffect.PeerBehind(Party.B, 2, 4), behind.effects().get(0));
    assertEquals(new ChannelEffect.Resend(Party.B, s2, List.of()), behind.effects().get(1));
    assertEquals(s2, f.open().latest());
    // a node that lost data restarts from s1 and learns s2 from its peer
    Fixture lost = new Fixture(Asset.MTC, 1000, 500).funded();
    lost.state = new ChannelState.Open(lost.params, s1, List.of(), null, Fixture.T0);
    Transition.Accepted r = lost.ok(new Reestablish(Party.B, s2, List.of()));
    assertEquals(new ChannelEffect.Restored(2, 4), r.effects().get(0));
    assertEquals(s2, lost.open().latest());
    SignedState forged = new SignedState(s2.proof(), s2.sigA(), s2.sigA());
    assertEquals(RejectReason.BAD_SIGNATURE, f.rejected(new Reestablish(Party.B, forged, List.of())));
    SignedState fork = SignedState.cosign(new BalanceProof(s2.proof().ledgerId(), s2.proof().channelId(),
        Asset.MTC, 4, Amount.of(900), Amount.of(600), Amount.ZERO, Amount.ZERO, s2.proof().locksRoot(),
        s2.proof().prevHash()), f.a, f.b);
    assertEquals(RejectReason.CONFLICTING_STATE, f.rejected(new Reestablish(Party.B, fork, List.of())));
  }

  @Test
  void cooperativeCloseSettlesTheLatestBalances() {
    Fixture f = new Fixture(Asset.MTC, 1000, 500).funded();
    SignedState s = f.pay(Party.A, 100);
    BalanceProof close = ChannelMachine.closeProof(s);
    Bytes sa = ChannelSigner.sign(f.a, SignatureType.COOPERATIVE_CLOSE, close);
    Bytes sb = ChannelSigner.sign(f.b, SignatureType.COOPERATIVE_CLOSE, close);
    assertEquals(RejectReason.BAD_SIGNATURE, f.rejected(new OfferClose(Party.A, s.sigA())));
    f.ok(new OfferClose(Party.A, sa));
    assertEquals(RejectReason.CLOSE_SAME_PARTY, f.rejected(new AcceptClose(Party.A, sa)));
    assertEquals(RejectReason.CLOSE_SAME_PARTY, f.rejected(new OfferClose(Party.A, sa)));
    f.ok(new AcceptClose(Party.B, sb));
    ChannelState.Settled done = assertInstanceOf(ChannelState.Settled.class, f.state);
    assertEquals(Amount.of(900), done.payout().toA());
    assertEquals(Amount.of(600), done.payout().toB());
  }

  @Test
  void staleCloseIsDisputedAndTheCheaterLosesItsPledge() {
    Fixture f = new Fixture(Asset.MTC, 1000, 500).funded();
    SignedState old = f.pay(Party.B, 400);
    SignedState newest = f.pay(Party.A, 300);
    Transition.Accepted c = f.ok(new CloseUnilaterally(Party.B, old, List.of(), Fixture.T0 + 10));
    assertEquals(List.of(new ChannelEffect.SubmitDispute(newest)), c.effects());
    assertEquals(RejectReason.DISPUTE_BY_SUBMITTER, f.rejected(new Dispute(Party.B, newest, Fixture.T0 + 20)));
    assertEquals(RejectReason.NOT_NEWER, f.rejected(new Dispute(Party.A, old, Fixture.T0 + 20)));
    long deadline = Fixture.T0 + 10 + ChannelParams.MIN_CHALLENGE_PERIOD;
    assertEquals(RejectReason.DEADLINE_PASSED, f.rejected(new Dispute(Party.A, newest, deadline)));
    f.ok(new Dispute(Party.A, newest, deadline - 1));
    ChannelState.Penalised p = assertInstanceOf(ChannelState.Penalised.class, f.state);
    assertEquals(Party.B, p.cheater());
    assertEquals(Amount.of(1500), p.payout().toA());
    assertEquals(Amount.ZERO, p.payout().toB());
  }

  @Test
  void undisputedCloseSettlesAtTheDeadlineWithClaimedAndRefundedLocks() {
    Fixture f = new Fixture(Asset.MTC, 1000, 500).funded();
    HashLock claimed = new HashLock(Party.A, HashLock.hashOf(SECRET.toByteArray()), Amount.of(50),
        Fixture.T0 + 1000);
    HashLock refunded = new HashLock(Party.A, HashLock.hashOf(new byte[32]), Amount.of(70), Fixture.T0 + 1000);
    f.update(Party.A, new Update.AddLock(claimed));
    SignedState s = f.update(Party.A, new Update.AddLock(refunded));
    assertEquals(Amount.of(880), s.proof().balanceA());
    List<HashLock> locks = f.open().locks();
    assertEquals(RejectReason.LOCKS_MISMATCH,
        f.rejected(new CloseUnilaterally(Party.A, s, List.of(claimed), Fixture.T0 + 5)));
    f.ok(new CloseUnilaterally(Party.A, s, locks, Fixture.T0 + 5));
    assertEquals(RejectReason.UNKNOWN_LOCK, f.rejected(new ClaimLock(Bytes.copyOf(new byte[31]),
        Fixture.T0 + 6)));
    f.ok(new ClaimLock(SECRET, Fixture.T0 + 6));
    assertEquals(RejectReason.UNKNOWN_LOCK, f.rejected(new ClaimLock(SECRET, Fixture.T0 + 7)));
    assertEquals(RejectReason.LOCK_EXPIRED, f.rejected(new ClaimLock(Bytes.copyOf(new byte[32]),
        Fixture.T0 + 1000)));
    f.ok(new Tick(Fixture.T0 + 100));
    assertInstanceOf(ChannelState.ClosingUnilateral.class, f.state);
    f.ok(new Tick(Fixture.T0 + 5 + ChannelParams.MIN_CHALLENGE_PERIOD));
    ChannelState.Settled done = assertInstanceOf(ChannelState.Settled.class, f.state);
    assertEquals(Amount.of(880 + 70), done.payout().toA());
    assertEquals(Amount.of(550), done.payout().toB());
  }

  @Test
  void hashLocksUnlockWithTheSecretOrExpireBackToTheSender() {
    Fixture f = new Fixture(Asset.MTC, 1000, 500).funded();
    HashLock l = new HashLock(Party.A, HashLock.hashOf(SECRET.toByteArray()), Amount.of(40), Fixture.T0 + 100);
    org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
        () -> ChannelMachine.propose(f.open(), Party.B, new Update.AddLock(l), f.b), "LOCK_SENDER");
    f.update(Party.A, new Update.AddLock(l));
    org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
        () -> ChannelMachine.propose(f.open(), Party.A, new Update.AddLock(l), f.a), "DUPLICATE_LOCK");
    org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
        () -> ChannelMachine.propose(f.open(), Party.A, new Update.ExpireLock(l.hash()), f.a));
    SignedState s = f.update(Party.A, new Update.Unlock(SECRET));
    assertEquals(Amount.of(960), s.proof().balanceA());
    assertEquals(Amount.of(540), s.proof().balanceB());
    assertTrue(f.open().locks().isEmpty());
    HashLock l2 = new HashLock(Party.B, HashLock.hashOf(new byte[32]), Amount.of(10), Fixture.T0 + 100);
    f.update(Party.B, new Update.AddLock(l2));
    assertEquals(RejectReason.TIME_BACKWARDS, f.rejected(new Tick(Fixture.T0 - 1)));
    f.ok(new Tick(Fixture.T0 + 100));
    org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
        () -> ChannelMachine.propose(f.open(), Party.B, new Update.Unlock(Bytes.copyOf(new byte[32])), f.b));
    SignedState back = f.update(Party.A, new Update.ExpireLock(l2.hash()));
    assertEquals(Amount.of(540), back.proof().balanceB());
  }

  /** One sample of every state and a factory of every event kind, legal or not. */
  static Map<String, ChannelState> sampleStates(Fixture f) {
    Map<String, ChannelState> m = new LinkedHashMap<>();
    m.put("Opening", ChannelMachine.start(f.params));
    Fixture o = new Fixture(f.params.asset(), 1000, 500).funded();
    SignedState s1 = o.pay(Party.A, 10);
    m.put("Open", o.state);
    BalanceProof close = ChannelMachine.closeProof(s1);
    m.put("Closing", new ChannelState.Closing(f.params, s1, close, Party.A,
        ChannelSigner.sign(o.a, SignatureType.COOPERATIVE_CLOSE, close)));
    m.put("ClosingUnilateral", new ChannelState.ClosingUnilateral(f.params, s1, Party.A, List.of(), List.of(),
        Fixture.T0 + ChannelParams.MIN_CHALLENGE_PERIOD, s1));
    Payout pay = new Payout(Amount.of(990), Amount.of(510), Amount.ZERO, Amount.ZERO);
    m.put("Penalised", new ChannelState.Penalised(f.params, Party.B, pay));
    m.put("Settled", new ChannelState.Settled(f.params, pay));
    return m;
  }

  static List<ChannelEvent> sampleEvents(Fixture f) {
    Fixture o = new Fixture(f.params.asset(), 1000, 500).funded();
    SignedState s1 = o.pay(Party.A, 10);
    Proposal p2 = ChannelMachine.propose(o.open(), Party.B, new Update.Payment(Amount.of(1)), o.b);
    o.ok(new Propose(p2));
    Bytes cs = ChannelMachine.countersign(o.open(), o.a);
    o.ok(new Countersign(Party.A, cs));
    SignedState s2 = o.open().latest();
    BalanceProof close = ChannelMachine.closeProof(s1);
    List<ChannelEvent> events = new ArrayList<>();
    events.add(new FundingConfirmed(o.opening(), Fixture.T0));
    events.add(new Propose(p2));
    events.add(new Countersign(Party.A, cs));
    events.add(new Reestablish(Party.B, s1, List.of()));
    events.add(new Tick(Fixture.T0 + 1));
    events.add(new OfferClose(Party.B, ChannelSigner.sign(o.b, SignatureType.COOPERATIVE_CLOSE, close)));
    events.add(new AcceptClose(Party.B, ChannelSigner.sign(o.b, SignatureType.COOPERATIVE_CLOSE, close)));
    events.add(new CloseUnilaterally(Party.B, s1, List.of(), Fixture.T0 + 1));
    events.add(new Dispute(Party.B, s2, Fixture.T0 + 1));
    events.add(new ClaimLock(SECRET, Fixture.T0 + 1));
    return events;
  }

  static final Map<String, Set<Class<?>>> LEGAL = Map.of(
      "Opening", Set.of(FundingConfirmed.class),
      "Open", Set.of(Propose.class, Countersign.class, Reestablish.class, Tick.class, OfferClose.class,
          CloseUnilaterally.class),
      "Closing", Set.of(AcceptClose.class, OfferClose.class, CloseUnilaterally.class),
      "ClosingUnilateral", Set.of(Dispute.class, ClaimLock.class, Tick.class),
      "Penalised", Set.of(),
      "Settled", Set.of());

  @Test
  void everyEventKindInEveryStateIsAcceptedOrRejectedWithAReason() {
    Fixture f = new Fixture(Asset.MTC, 1000, 500);
    List<ChannelEvent> events = sampleEvents(f);
    assertEquals(ChannelEvent.class.getPermittedSubclasses().length, events.size());
    Map<String, ChannelState> states = sampleStates(f);
    assertEquals(ChannelState.class.getPermittedSubclasses().length, states.size());
    int legalSeen = 0;
    for (var st : states.entrySet()) {
      for (ChannelEvent e : events) {
        Transition t = ChannelMachine.apply(st.getValue(), e);
        boolean legal = LEGAL.get(st.getKey()).contains(e.getClass());
        if (!legal) {
          Transition.Rejected r = assertInstanceOf(Transition.Rejected.class, t, st.getKey() + " x " + e);
          assertTrue(r.reason() == RejectReason.WRONG_STATE || r.reason() == RejectReason.CLOSE_SAME_PARTY,
              st.getKey() + " x " + e.getClass().getSimpleName() + ": " + r.reason());
        } else {
          legalSeen++;
          if (t instanceof Transition.Rejected r) {
            assertNotEquals(RejectReason.WRONG_STATE, r.reason(), st.getKey() + " x " + e);
          }
        }
      }
    }
    assertEquals(13, legalSeen); // the cells of the transition table (spec/channels.md §10) that are not "-"
  }
}
