package network.mtc.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import network.mtc.wire.Bytes;
import org.junit.jupiter.api.Test;

/**
 * Seeded random channel lifetimes: payments both ways, racing proposals, locks added, unlocked and expired,
 * then a close by a random party with a random (possibly stale) state, disputed by the other party when
 * stale. Checks conservation after every step, that the machine and the reference ledger agree on the
 * payout, that the ledger's totals never change, and that no stale state ever wins.
 */
class ChannelPropertyTest {
  private static final int RUNS = 60;
  private static final int STEPS = 40;

  @Test
  void conservationHoldsAndNoStaleStateWins() {
    for (int run = 0; run < RUNS; run++) {
      runOnce(new SplittableRandom(0xC4A2_0000L + run), run);
    }
  }

  private static void runOnce(SplittableRandom rnd, int run) {
    Asset asset = run % 2 == 0 ? Asset.MTC : Asset.ETH;
    Fixture f = new Fixture(asset, 1 + rnd.nextInt(5000), rnd.nextInt(5000)).funded();
    ReferenceLedger ledger = ReferenceLedgerTest.funded(f);
    Amount totalAsset = ledger.total(asset);
    Amount totalMtc = ledger.total(Asset.MTC);
    List<SignedState> history = new ArrayList<>();
    List<List<HashLock>> historyLocks = new ArrayList<>();
    List<byte[]> secrets = new ArrayList<>();
    history.add(f.open().latest());
    historyLocks.add(List.of());
    long now = Fixture.T0;
    for (int step = 0; step < STEPS; step++) {
      Party p = rnd.nextBoolean() ? Party.A : Party.B;
      ChannelState.Open o = f.open();
      Update u;
      int kind = rnd.nextInt(6);
      if (kind <= 2) {
        u = new Update.Payment(Amount.of(1 + rnd.nextInt(300)));
      } else if (kind == 3) {
        byte[] secret = new byte[32];
        for (int i = 0; i < 32; i++) {
          secret[i] = (byte) rnd.nextInt(256);
        }
        secrets.add(secret);
        u = new Update.AddLock(new HashLock(p, HashLock.hashOf(secret), Amount.of(1 + rnd.nextInt(100)),
            now + 1 + rnd.nextInt(200)));
      } else if (kind == 4 && !secrets.isEmpty()) {
        u = new Update.Unlock(Bytes.copyOf(secrets.get(rnd.nextInt(secrets.size()))));
      } else if (!o.locks().isEmpty()) {
        u = new Update.ExpireLock(o.locks().get(rnd.nextInt(o.locks().size())).hash());
      } else {
        now += rnd.nextInt(100);
        f.ok(new ChannelEvent.Tick(now));
        continue;
      }
      Proposal pr;
      try {
        pr = ChannelMachine.propose(o, p, u, f.key(p));
      } catch (IllegalStateException illegal) {
        continue; // the machine refused to build it (insufficient balance, unknown lock, ...)
      }
      if (rnd.nextInt(4) == 0) {
        // a racing payment from the other party, arriving first or second
        try {
          Proposal rival = ChannelMachine.propose(o, p.other(), new Update.Payment(Amount.of(1)), f.key(p.other()));
          Proposal first = rnd.nextBoolean() ? rival : pr;
          Proposal second = first == rival ? pr : rival;
          f.ok(new ChannelEvent.Propose(first));
          f.apply(new ChannelEvent.Propose(second));
        } catch (IllegalStateException illegal) {
          f.ok(new ChannelEvent.Propose(pr));
        }
      } else {
        f.ok(new ChannelEvent.Propose(pr));
      }
      Proposal pending = f.open().pending();
      f.ok(new ChannelEvent.Countersign(pending.proposer().other(),
          ChannelMachine.countersign(f.open(), f.key(pending.proposer().other()))));
      history.add(f.open().latest());
      historyLocks.add(f.open().locks());
      BalanceProof s = f.open().latest().proof();
      Amount sum = s.balanceA().plus(s.balanceB()).plus(HashLock.lockedBy(f.open().locks(), Party.A))
          .plus(HashLock.lockedBy(f.open().locks(), Party.B));
      assertEquals(f.params.total(), sum, "conservation, run " + run);
    }
    int pick = rnd.nextInt(history.size());
    SignedState submitted = history.get(pick);
    Party submitter = rnd.nextBoolean() ? Party.A : Party.B;
    Bytes cid = f.params.channelId();
    assertTrue(ledger.closeUnilaterally(cid, submitter, submitted, historyLocks.get(pick), now).accepted());
    Transition.Accepted closed = f.ok(new ChannelEvent.CloseUnilaterally(submitter, submitted,
        historyLocks.get(pick), now));
    boolean stale = pick < history.size() - 1;
    assertEquals(stale, closed.effects().stream().anyMatch(e -> e instanceof ChannelEffect.SubmitDispute));
    if (stale) {
      SignedState newest = history.get(history.size() - 1);
      assertTrue(ledger.dispute(cid, submitter.other(), newest, now + 1).accepted());
      f.ok(new ChannelEvent.Dispute(submitter.other(), newest, now + 1));
      ChannelState.Penalised pen = (ChannelState.Penalised) f.state;
      assertEquals(submitter, pen.cheater());
      assertEquals(Amount.ZERO, ledger.payout(cid).to(submitter));
      assertEquals(f.params.total(), ledger.payout(cid).to(submitter.other()));
      assertEquals(pen.payout(), ledger.payout(cid));
    } else {
      long deadline = ledger.deadline(cid);
      assertTrue(ledger.settle(cid, deadline).accepted());
      f.ok(new ChannelEvent.Tick(deadline));
      ChannelState.Settled done = (ChannelState.Settled) f.state;
      assertEquals(done.payout(), ledger.payout(cid));
      assertEquals(f.params.total(), done.payout().toA().plus(done.payout().toB()));
    }
    assertEquals(totalAsset, ledger.total(asset), "asset conserved, run " + run);
    assertEquals(totalMtc, ledger.total(Asset.MTC), "MTC conserved (gas moved to the station), run " + run);
  }
}
