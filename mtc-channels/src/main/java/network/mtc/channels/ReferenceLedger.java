package network.mtc.channels;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import network.mtc.crypto.PublicKey;
import network.mtc.wire.Bytes;

/**
 * A deterministic in-memory ledger enforcing the on-chain rules of spec/channels.md ("Ledger rules"):
 * funding, cooperative close, unilateral close with a challenge period, dispute with a newer state and the
 * penalty, hash-lock claims, and payout. Accounts and channels live in sorted maps (no hash-order
 * dependence); time comes from the caller. Conservation: for every asset, the sum over accounts and open
 * channels never changes; gas only moves from a party's pledge to the station.
 *
 * <p>Not thread-safe: one simulated chain, driven by one thread.
 *
 * @since 0.1
 */
public final class ReferenceLedger implements Ledger {
  /** Most channels one reference ledger holds (a test and demo ledger; bounds memory). */
  public static final int MAX_CHANNELS = 100_000;

  private final long id;
  private final TreeMap<String, Amount> accounts = new TreeMap<>();
  private final TreeMap<String, Entry> channels = new TreeMap<>();

  private static final class Entry {
    final ChannelParams params;
    BalanceProof onRecord;
    Party submitter;
    List<HashLock> locks = List.of();
    final List<HashLock> claimed = new ArrayList<>();
    long deadline = -1;
    Payout payout;

    Entry(ChannelParams params) {
      this.params = params;
    }
  }

  /** A ledger with id {@code id} and no accounts. */
  public ReferenceLedger(long id) {
    this.id = id;
  }

  @Override
  public long id() {
    return id;
  }

  /** Credits {@code amount} to an account (the genesis of a test or demo). */
  public void mint(PublicKey owner, Asset asset, Amount amount) {
    String k = key(owner, asset);
    accounts.put(k, accounts.getOrDefault(k, Amount.ZERO).plus(amount));
  }

  @Override
  public Amount balance(PublicKey owner, Asset asset) {
    return accounts.getOrDefault(key(owner, asset), Amount.ZERO);
  }

  /**
   * The total of {@code asset} on this ledger: every account plus every channel not yet paid out (its
   * deposits and, for MTC, its gas pledges). Constant under every call but {@link #mint}.
   */
  public Amount total(Asset asset) {
    BigInteger s = BigInteger.ZERO;
    for (var e : accounts.entrySet()) {
      if (e.getKey().endsWith("/" + asset.name())) {
        s = s.add(e.getValue().units());
      }
    }
    for (Entry c : channels.values()) {
      if (c.payout == null) {
        if (c.params.asset() == asset) {
          s = s.add(c.params.total().units());
        }
        if (asset == Asset.MTC) {
          s = s.add(c.params.gasPledgeA().plus(c.params.gasPledgeB()).units());
        }
      }
    }
    return new Amount(s);
  }

  @Override
  public LedgerResult open(ChannelParams p, SignedState opening, long now) {
    String cid = p.channelId().hex();
    if (p.ledgerId() != id || channels.containsKey(cid) || channels.size() >= MAX_CHANNELS) {
      return LedgerResult.refused(RejectReason.WRONG_CHANNEL);
    }
    if (!opening.proof().equals(p.openingProof())) {
      return LedgerResult.refused(RejectReason.BAD_OPENING);
    }
    if (!opening.verify(p.keyA(), p.keyB())) {
      return LedgerResult.refused(RejectReason.BAD_SIGNATURE);
    }
    for (Party x : Party.values()) {
      if (balance(p.key(x), p.asset()).compareTo(p.deposit(x)) < 0
          || balance(p.key(x), Asset.MTC).compareTo(p.gasPledge(x)
              .plus(p.asset() == Asset.MTC ? p.deposit(x) : Amount.ZERO)) < 0) {
        return LedgerResult.refused(RejectReason.INSUFFICIENT_BALANCE);
      }
    }
    for (Party x : Party.values()) {
      debit(p.key(x), p.asset(), p.deposit(x));
      debit(p.key(x), Asset.MTC, p.gasPledge(x));
    }
    Entry e = new Entry(p);
    e.onRecord = opening.proof();
    channels.put(cid, e);
    return LedgerResult.OK;
  }

  @Override
  public LedgerResult closeCooperatively(Bytes channelId, BalanceProof fin, Bytes sigA, Bytes sigB, long now) {
    Entry e = channels.get(channelId.hex());
    if (e == null || !ChannelMachine.sameChannel(e.params, fin)) {
      return LedgerResult.refused(RejectReason.WRONG_CHANNEL);
    }
    if (e.deadline >= 0 || e.payout != null) {
      return LedgerResult.refused(RejectReason.WRONG_STATE);
    }
    if (!fin.locksRoot().equals(HashLock.root(List.of()))) {
      return LedgerResult.refused(RejectReason.CLOSE_WITH_PENDING);
    }
    if (!conserves(e.params, fin, List.of())) {
      return LedgerResult.refused(RejectReason.PROOF_MISMATCH);
    }
    if (!ChannelSigner.verify(e.params.keyA(), SignatureType.COOPERATIVE_CLOSE, fin, sigA).isValid()
        || !ChannelSigner.verify(e.params.keyB(), SignatureType.COOPERATIVE_CLOSE, fin, sigB).isValid()) {
      return LedgerResult.refused(RejectReason.BAD_SIGNATURE);
    }
    pay(e, new Payout(fin.balanceA(), fin.balanceB(), fin.feeA(), fin.feeB()));
    return LedgerResult.OK;
  }

  @Override
  public LedgerResult closeUnilaterally(Bytes channelId, Party submitter, SignedState state,
      List<HashLock> locks, long now) {
    Entry e = channels.get(channelId.hex());
    RejectReason bad = check(e, state);
    if (bad != null) {
      return LedgerResult.refused(bad);
    }
    if (e.deadline >= 0 || e.payout != null) {
      return LedgerResult.refused(RejectReason.WRONG_STATE);
    }
    if (locks.size() > HashLock.MAX_LOCKS || !HashLock.root(locks).equals(state.proof().locksRoot())) {
      return LedgerResult.refused(RejectReason.LOCKS_MISMATCH);
    }
    if (!conserves(e.params, state.proof(), locks)) {
      return LedgerResult.refused(RejectReason.PROOF_MISMATCH);
    }
    e.onRecord = state.proof();
    e.submitter = submitter;
    e.locks = List.copyOf(locks);
    e.deadline = now + e.params.challengePeriod();
    return LedgerResult.OK;
  }

  @Override
  public LedgerResult dispute(Bytes channelId, Party disputer, SignedState newer, long now) {
    Entry e = channels.get(channelId.hex());
    RejectReason bad = check(e, newer);
    if (bad != null) {
      return LedgerResult.refused(bad);
    }
    if (e.deadline < 0 || e.payout != null) {
      return LedgerResult.refused(RejectReason.WRONG_STATE);
    }
    if (disputer == e.submitter) {
      return LedgerResult.refused(RejectReason.DISPUTE_BY_SUBMITTER);
    }
    if (now >= e.deadline) {
      return LedgerResult.refused(RejectReason.DEADLINE_PASSED);
    }
    if (newer.proof().nonce() <= e.onRecord.nonce()) {
      return LedgerResult.refused(RejectReason.NOT_NEWER);
    }
    pay(e, ChannelMachine.penalty(e.params, e.submitter, newer.proof()));
    return LedgerResult.OK;
  }

  @Override
  public LedgerResult claimLock(Bytes channelId, Bytes preimage, long now) {
    Entry e = channels.get(channelId.hex());
    if (e == null) {
      return LedgerResult.refused(RejectReason.WRONG_CHANNEL);
    }
    if (e.deadline < 0 || e.payout != null) {
      return LedgerResult.refused(RejectReason.WRONG_STATE);
    }
    if (now >= e.deadline) {
      return LedgerResult.refused(RejectReason.DEADLINE_PASSED);
    }
    for (HashLock l : e.locks) {
      if (!e.claimed.contains(l) && l.opens(preimage.toByteArray())) {
        if (now >= l.expiry()) {
          return LedgerResult.refused(RejectReason.LOCK_EXPIRED);
        }
        e.claimed.add(l);
        return LedgerResult.OK;
      }
    }
    return LedgerResult.refused(RejectReason.UNKNOWN_LOCK);
  }

  @Override
  public LedgerResult settle(Bytes channelId, long now) {
    Entry e = channels.get(channelId.hex());
    if (e == null) {
      return LedgerResult.refused(RejectReason.WRONG_CHANNEL);
    }
    if (e.deadline < 0 || e.payout != null) {
      return LedgerResult.refused(RejectReason.WRONG_STATE);
    }
    if (now < e.deadline) {
      return LedgerResult.refused(RejectReason.DEADLINE_NOT_REACHED);
    }
    pay(e, ChannelMachine.settle(e.onRecord, e.locks, e.claimed));
    return LedgerResult.OK;
  }

  @Override
  public Payout payout(Bytes channelId) {
    Entry e = channels.get(channelId.hex());
    return e == null ? null : e.payout;
  }

  /** The challenge deadline of a unilateral close, or -1. */
  public long deadline(Bytes channelId) {
    Entry e = channels.get(channelId.hex());
    return e == null ? -1 : e.deadline;
  }

  private RejectReason check(Entry e, SignedState s) {
    if (e == null || !ChannelMachine.sameChannel(e.params, s.proof())) {
      return RejectReason.WRONG_CHANNEL;
    }
    return s.verify(e.params.keyA(), e.params.keyB()) ? null : RejectReason.BAD_SIGNATURE;
  }

  /** The ledger's own conservation check: balances plus locks equal deposits, gas within pledges. */
  private static boolean conserves(ChannelParams p, BalanceProof s, List<HashLock> locks) {
    Amount sum = s.balanceA().plus(s.balanceB());
    for (HashLock l : locks) {
      sum = sum.plus(l.amount());
    }
    return sum.equals(p.total()) && s.feeA().compareTo(p.gasPledgeA()) <= 0
        && s.feeB().compareTo(p.gasPledgeB()) <= 0;
  }

  private void pay(Entry e, Payout payout) {
    ChannelParams p = e.params;
    e.payout = payout;
    for (Party x : Party.values()) {
      mint(p.key(x), p.asset(), payout.to(x));
      Amount gas = x == Party.A ? payout.gasA() : payout.gasB();
      mint(p.key(x), Asset.MTC, p.gasPledge(x).minus(gas));
      mint(p.station(), Asset.MTC, gas);
    }
  }

  private void debit(PublicKey owner, Asset asset, Amount amount) {
    String k = key(owner, asset);
    accounts.put(k, accounts.getOrDefault(k, Amount.ZERO).minus(amount));
  }

  private static String key(PublicKey owner, Asset asset) {
    return owner.hex() + "/" + asset.name();
  }
}
