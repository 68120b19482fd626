package network.mtc.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import network.mtc.wire.Bytes;
import org.junit.jupiter.api.Test;

class ReferenceLedgerTest {
  static ReferenceLedger funded(Fixture f) {
    ReferenceLedger l = new ReferenceLedger(Fixture.LEDGER);
    for (Party p : Party.values()) {
      l.mint(f.params.key(p), f.params.asset(), Amount.of(10_000));
      l.mint(f.params.key(p), Asset.MTC, new Amount(ChannelParams.GAS_PER_UPDATE.units().multiply(
          java.math.BigInteger.valueOf(2000))));
    }
    assertTrue(l.open(f.params, f.opening(), Fixture.T0).accepted());
    return l;
  }

  private static RejectReason refused(LedgerResult r) {
    return r.rejection();
  }

  @Test
  void fundingMovesPledgesAndRefusesBadOpenings() {
    Fixture f = new Fixture(Asset.ETH, 1000, 500);
    ReferenceLedger l = new ReferenceLedger(Fixture.LEDGER);
    assertEquals(RejectReason.INSUFFICIENT_BALANCE, refused(l.open(f.params, f.opening(), Fixture.T0)));
    SignedState forged = new SignedState(f.params.openingProof(), f.opening().sigA(), f.opening().sigA());
    l.mint(f.a.publicKey(), Asset.ETH, Amount.of(1000));
    l.mint(f.b.publicKey(), Asset.ETH, Amount.of(500));
    l.mint(f.a.publicKey(), Asset.MTC, f.params.gasPledgeA());
    l.mint(f.b.publicKey(), Asset.MTC, f.params.gasPledgeB());
    assertEquals(RejectReason.BAD_SIGNATURE, refused(l.open(f.params, forged, Fixture.T0)));
    Amount eth = l.total(Asset.ETH);
    Amount mtc = l.total(Asset.MTC);
    assertTrue(l.open(f.params, f.opening(), Fixture.T0).accepted());
    assertEquals(Amount.ZERO, l.balance(f.a.publicKey(), Asset.ETH));
    assertEquals(eth, l.total(Asset.ETH));
    assertEquals(mtc, l.total(Asset.MTC));
    assertEquals(RejectReason.WRONG_CHANNEL, refused(l.open(f.params, f.opening(), Fixture.T0)));
  }

  @Test
  void cooperativeClosePaysTheFinalStateAndGasToTheStation() {
    Fixture f = new Fixture(Asset.ETH, 1000, 500).funded();
    ReferenceLedger l = funded(f);
    Amount mtc = l.total(Asset.MTC);
    f.pay(Party.A, 100);
    SignedState s = f.pay(Party.B, 1);
    BalanceProof fin = ChannelMachine.closeProof(s);
    Bytes sa = ChannelSigner.sign(f.a, SignatureType.COOPERATIVE_CLOSE, fin);
    Bytes sb = ChannelSigner.sign(f.b, SignatureType.COOPERATIVE_CLOSE, fin);
    assertEquals(RejectReason.BAD_SIGNATURE, refused(l.closeCooperatively(f.params.channelId(), fin, s.sigA(),
        s.sigB(), Fixture.T0)));
    assertTrue(l.closeCooperatively(f.params.channelId(), fin, sa, sb, Fixture.T0).accepted());
    assertEquals(Amount.of(10_000 - 1000 + 901), l.balance(f.a.publicKey(), Asset.ETH));
    assertEquals(Amount.of(10_000 - 500 + 599), l.balance(f.b.publicKey(), Asset.ETH));
    assertEquals(new Amount(ChannelParams.GAS_PER_UPDATE.units().multiply(java.math.BigInteger.TWO)),
        l.balance(f.station.publicKey(), Asset.MTC));
    assertEquals(mtc, l.total(Asset.MTC));
    assertEquals(RejectReason.WRONG_STATE, refused(l.closeCooperatively(f.params.channelId(), fin, sa, sb,
        Fixture.T0)));
  }

  @Test
  void staleUnilateralCloseIsPenalised() {
    Fixture f = new Fixture(Asset.MTC, 1000, 500).funded();
    ReferenceLedger l = funded(f);
    Amount total = l.total(Asset.MTC);
    SignedState old = f.pay(Party.B, 400);
    SignedState newest = f.pay(Party.A, 300);
    Bytes cid = f.params.channelId();
    assertTrue(l.closeUnilaterally(cid, Party.B, old, List.of(), Fixture.T0).accepted());
    assertEquals(RejectReason.WRONG_STATE, refused(l.closeUnilaterally(cid, Party.B, old, List.of(),
        Fixture.T0)));
    assertEquals(RejectReason.DEADLINE_NOT_REACHED, refused(l.settle(cid, Fixture.T0 + 1)));
    assertEquals(RejectReason.DISPUTE_BY_SUBMITTER, refused(l.dispute(cid, Party.B, newest, Fixture.T0 + 1)));
    assertEquals(RejectReason.NOT_NEWER, refused(l.dispute(cid, Party.A, old, Fixture.T0 + 1)));
    assertTrue(l.dispute(cid, Party.A, newest, Fixture.T0 + 1).accepted());
    assertEquals(Amount.of(10_000 + 500), l.balance(f.a.publicKey(), Asset.MTC)
        .minus(new Amount(ChannelParams.GAS_PER_UPDATE.units().multiply(java.math.BigInteger.valueOf(2000)))));
    assertEquals(total, l.total(Asset.MTC));
    assertEquals(Party.B, ((ChannelState.Penalised) ((Transition.Accepted) ChannelMachine.apply(
        new ChannelState.ClosingUnilateral(f.params, old, Party.B, List.of(), List.of(),
            Fixture.T0 + f.params.challengePeriod(), newest),
        new ChannelEvent.Dispute(Party.A, newest, Fixture.T0 + 1))).next()).cheater());
  }

  @Test
  void locksAreClaimedBeforeExpiryAndRefundedAfter() {
    Fixture f = new Fixture(Asset.MTC, 1000, 500).funded();
    ReferenceLedger l = funded(f);
    byte[] secret = Fixture.seed(0x44);
    HashLock lock = new HashLock(Party.A, HashLock.hashOf(secret), Amount.of(100), Fixture.T0 + 50);
    HashLock late = new HashLock(Party.B, HashLock.hashOf(new byte[32]), Amount.of(20), Fixture.T0 + 50);
    f.update(Party.A, new Update.AddLock(lock));
    SignedState s = f.update(Party.B, new Update.AddLock(late));
    Bytes cid = f.params.channelId();
    assertEquals(RejectReason.LOCKS_MISMATCH, refused(l.closeUnilaterally(cid, Party.B, s, List.of(),
        Fixture.T0)));
    assertTrue(l.closeUnilaterally(cid, Party.B, s, f.open().locks(), Fixture.T0).accepted());
    assertEquals(RejectReason.UNKNOWN_LOCK, refused(l.claimLock(cid, Bytes.copyOf(new byte[3]), Fixture.T0)));
    assertTrue(l.claimLock(cid, Bytes.copyOf(secret), Fixture.T0 + 49).accepted());
    assertEquals(RejectReason.LOCK_EXPIRED, refused(l.claimLock(cid, Bytes.copyOf(new byte[32]),
        Fixture.T0 + 50)));
    assertNull(l.payout(cid));
    assertTrue(l.settle(cid, l.deadline(cid)).accepted());
    assertEquals(new Payout(Amount.of(900), Amount.of(600), Amount.ZERO, Amount.ZERO), l.payout(cid));
  }
}
