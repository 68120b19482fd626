package network.mtc.channels;

import java.util.ArrayList;
import java.util.List;
import network.mtc.channels.ChannelEffect.InSync;
import network.mtc.channels.ChannelEffect.PayoutFinal;
import network.mtc.channels.ChannelEffect.PeerBehind;
import network.mtc.channels.ChannelEffect.ProposalSuperseded;
import network.mtc.channels.ChannelEffect.Resend;
import network.mtc.channels.ChannelEffect.Restored;
import network.mtc.channels.ChannelEffect.SendProposal;
import network.mtc.channels.ChannelEffect.StateCommitted;
import network.mtc.channels.ChannelEffect.SubmitDispute;
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
import network.mtc.channels.ChannelState.Closing;
import network.mtc.channels.ChannelState.ClosingUnilateral;
import network.mtc.channels.ChannelState.Open;
import network.mtc.channels.ChannelState.Opening;
import network.mtc.channels.ChannelState.Penalised;
import network.mtc.channels.ChannelState.Settled;
import network.mtc.crypto.SigningKey;
import network.mtc.wire.Bytes;

/**
 * The channel state machine: a pure function from a state and an event to the next state and its effects,
 * or a rejection with a reason (spec/channels.md, "Transition table"). It reads no clock (time comes in
 * events), draws no randomness and keeps no fields, so conformance vectors and fuzzers drive it directly
 * and both parties that apply the same events reach the same state.
 *
 * @since 0.1
 */
public final class ChannelMachine {
  /**
   * How far above the latest co-signed nonce a proposal may go: a proposer steps over nonces only where it
   * signed already (a proposal that lost a race, then was recovered after a crash), so a small gap suffices,
   * and a bound keeps a peer from spending the nonce space in one update.
   */
  public static final long MAX_NONCE_STEP = 64;

  /**
   * The nonce of every cooperative close proof (2^63 - 1), above every state: whatever a party has signed
   * (a withdrawn proposal included), it can still sign the close, and once it has, its journal refuses every
   * later state (spec/channels.md §10).
   */
  public static final long FINAL_NONCE = Long.MAX_VALUE;

  private ChannelMachine() {}

  /** The channel before funding. */
  public static ChannelState start(ChannelParams params) {
    return new Opening(params);
  }

  /** Applies {@code event} to {@code state}. Never throws for any event. */
  public static Transition apply(ChannelState state, ChannelEvent event) {
    if (state instanceof Opening s) {
      return opening(s, event);
    } else if (state instanceof Open s) {
      return open(s, event);
    } else if (state instanceof Closing s) {
      return closing(s, event);
    } else if (state instanceof ClosingUnilateral s) {
      return unilateral(s, event);
    }
    return reject(RejectReason.WRONG_STATE); // Penalised and Settled are terminal
  }

  // ---- helpers for a party building messages (not part of the pure function) ----

  /**
   * Builds and signs the proposal of {@code update} by {@code proposer} on the latest state of {@code s}.
   *
   * @throws IllegalStateException naming the {@link RejectReason} if the update is illegal now
   */
  public static Proposal propose(Open s, Party proposer, Update update, SigningKey key) {
    Draft d = draft(s, proposer, update);
    if (d instanceof Draft.Illegal i) {
      throw new IllegalStateException(i.reason().name());
    }
    return ((Draft.Ready) d).sign(key);
  }

  /**
   * The state {@code update} by {@code proposer} yields on the latest state of {@code s}, unsigned, or why
   * it is illegal now (the rules of spec/channels.md §7 that do not depend on a signature).
   */
  public static Draft draft(Open s, Party proposer, Update update) {
    return draft(s, proposer, update, nextNonce(s.latest().proof().nonce(), proposer));
  }

  /**
   * Like {@link #draft(Open, Party, Update)} at a chosen {@code nonce}, which must be one the proposer may
   * use after the latest state ({@code BAD_NONCE} otherwise, see {@link #nonceAllowed}): for an endpoint
   * that must step over a nonce it has signed at already.
   */
  public static Draft draft(Open s, Party proposer, Update update, long nonce) {
    if (!nonceAllowed(s.latest().proof().nonce(), proposer, nonce)) {
      return new Draft.Illegal(RejectReason.BAD_NONCE);
    }
    Object r = next(s, proposer, update, nonce);
    if (r instanceof RejectReason reason) {
      return new Draft.Illegal(reason);
    }
    Step step = (Step) r;
    return new Draft.Ready(proposer, update, step.proof, step.locks);
  }

  /**
   * The nonce {@code proposer} proposes at after a state of nonce {@code after}: the smallest number above
   * it of the proposer's parity, even for A and odd for B (spec/channels.md §8). Two proposals made at the
   * same time by the two parties therefore never share a nonce, and the higher one wins.
   *
   * @throws IllegalStateException if the nonce space is exhausted (the channel must be closed)
   */
  public static long nextNonce(long after, Party proposer) {
    if (after >= FINAL_NONCE - 2) {
      throw new IllegalStateException("nonce space exhausted: close the channel");
    }
    long n = after + 1;
    return parityOf(n) == proposer ? n : n + 1;
  }

  /**
   * True if {@code proposer} may propose at {@code nonce} after a latest state of nonce {@code latest}:
   * above it, of the proposer's parity, at most {@link #MAX_NONCE_STEP} above, below {@link #FINAL_NONCE}
   * (spec/channels.md §7).
   */
  public static boolean nonceAllowed(long latest, Party proposer, long nonce) {
    return nonce > latest && nonce - latest <= MAX_NONCE_STEP && nonce < FINAL_NONCE
        && parityOf(nonce) == proposer;
  }

  /** The party whose proposals use {@code nonce}: A for even nonces, B for odd ones. */
  static Party parityOf(long nonce) {
    return (nonce & 1) == 0 ? Party.A : Party.B;
  }

  /**
   * The outgoing lock of a mediated transfer (spec/channels.md §7, "Mediated transfers"): the mediator, party
   * {@code meIn} of {@code in} and {@code meOut} of {@code out}, forwards the lock on {@code hash} it receives
   * in {@code in} as an AddLock in {@code out} of the same amount expiring at {@code expiry}. Checked in
   * order: {@code in} holds a pending lock on {@code hash} sent by the other party ({@code UNKNOWN_LOCK});
   * it has not expired at {@code in}'s time ({@code LOCK_EXPIRED}); {@code expiry} is at least
   * {@code in}'s challenge period before the incoming lock's expiry ({@code EXPIRY_TOO_CLOSE}); then the
   * rules of an AddLock in {@code out}. Nothing is signed (see {@link #draft}).
   */
  public static Draft forward(Open in, Party meIn, Open out, Party meOut, Bytes hash, long expiry) {
    HashLock incoming = find(in.locks(), hash);
    if (incoming == null || incoming.sender() != meIn.other()) {
      return new Draft.Illegal(RejectReason.UNKNOWN_LOCK);
    }
    if (in.now() >= incoming.expiry()) {
      return new Draft.Illegal(RejectReason.LOCK_EXPIRED);
    }
    if (expiry <= 0 || incoming.expiry() - expiry < in.params().challengePeriod()) {
      return new Draft.Illegal(RejectReason.EXPIRY_TOO_CLOSE);
    }
    return draft(out, meOut, new Update.AddLock(new HashLock(meOut, hash, incoming.amount(), expiry)));
  }

  /**
   * The Unlock by which {@code payee} reveals {@code preimage} to claim an incoming lock off-ledger (spec/
   * channels.md §7, "Revealing the secret"): the payee of a transfer, or a mediator claiming upstream. Checked
   * in order: a pending lock of {@code s} opened by the preimage and sent by the other party
   * ({@code UNKNOWN_LOCK}); not expired at {@code s}'s time ({@code LOCK_EXPIRED}); expiring at least one
   * challenge period after that time ({@code EXPIRY_TOO_CLOSE}), since once the secret is out the other
   * party can claim upstream while withholding its countersignature, and the payee must still be able to
   * close and claim on the ledger before the lock expires; then the rules of an Unlock. Nothing is signed.
   */
  public static Draft reveal(Open s, Party payee, Bytes preimage) {
    HashLock lock = null;
    for (HashLock l : s.locks()) {
      if (l.opens(preimage.toByteArray())) {
        lock = l;
        break;
      }
    }
    if (lock == null || lock.sender() != payee.other()) {
      return new Draft.Illegal(RejectReason.UNKNOWN_LOCK);
    }
    if (s.now() >= lock.expiry()) {
      return new Draft.Illegal(RejectReason.LOCK_EXPIRED);
    }
    if (lock.expiry() - s.now() < s.params().challengePeriod()) {
      return new Draft.Illegal(RejectReason.EXPIRY_TOO_CLOSE);
    }
    return draft(s, payee, new Update.Unlock(preimage));
  }

  /** The countersignature of the pending proposal of {@code s}. */
  public static Bytes countersign(Open s, SigningKey key) {
    if (s.pending() == null) {
      throw new IllegalStateException(RejectReason.NO_PENDING_PROPOSAL.name());
    }
    return ChannelSigner.sign(key, SignatureType.STATE, s.pending().proof());
  }

  /**
   * The final state a cooperative close signs: latest balances and gas, no locks, nonce {@link #FINAL_NONCE},
   * chained to the latest state.
   */
  public static BalanceProof closeProof(SignedState latest) {
    BalanceProof p = latest.proof();
    return p.successor(FINAL_NONCE, p.balanceA(), p.balanceB(), p.feeA(), p.feeB(), HashLock.root(List.of()));
  }

  // ---- the transition function ----

  private static Transition opening(Opening s, ChannelEvent e) {
    if (!(e instanceof FundingConfirmed f)) {
      return reject(RejectReason.WRONG_STATE);
    }
    ChannelParams p = s.params();
    if (!sameChannel(p, f.opening().proof())) {
      return reject(RejectReason.WRONG_CHANNEL);
    }
    if (!f.opening().proof().equals(p.openingProof())) {
      return reject(RejectReason.BAD_OPENING);
    }
    if (!f.opening().verify(p.keyA(), p.keyB())) {
      return reject(RejectReason.BAD_SIGNATURE);
    }
    return accept(new Open(p, f.opening(), List.of(), null, f.now()),
        new StateCommitted(f.opening(), List.of()));
  }

  private static Transition open(Open s, ChannelEvent e) {
    ChannelParams p = s.params();
    if (e instanceof Propose pr) {
      return propose(s, pr.proposal());
    } else if (e instanceof Countersign c) {
      return countersign(s, c);
    } else if (e instanceof Reestablish r) {
      return reestablish(s, r);
    } else if (e instanceof Tick t) {
      return t.now() < s.now() ? reject(RejectReason.TIME_BACKWARDS)
          : accept(new Open(p, s.latest(), s.locks(), s.pending(), t.now()));
    } else if (e instanceof OfferClose o) {
      if (s.pending() != null || !s.locks().isEmpty()) {
        return reject(RejectReason.CLOSE_WITH_PENDING);
      }
      BalanceProof close = closeProof(s.latest());
      if (!ChannelSigner.verify(p.key(o.by()), SignatureType.COOPERATIVE_CLOSE, close, o.signature())
          .isValid()) {
        return reject(RejectReason.BAD_SIGNATURE);
      }
      return accept(new Closing(p, s.latest(), close, o.by(), o.signature()));
    } else if (e instanceof CloseUnilaterally c) {
      return closeUnilaterally(p, s.latest(), c);
    }
    return reject(RejectReason.WRONG_STATE); // FundingConfirmed, AcceptClose, Dispute, ClaimLock
  }

  private static Transition closing(Closing s, ChannelEvent e) {
    if (e instanceof AcceptClose a) {
      return settleClose(s, a.by(), a.signature());
    } else if (e instanceof OfferClose o) {
      // Offers that crossed in the mesh: the other party signed the same close proof, which is all an
      // acceptance is (§10).
      return settleClose(s, o.by(), o.signature());
    } else if (e instanceof CloseUnilaterally c) {
      return closeUnilaterally(s.params(), s.latest(), c);
    }
    return reject(RejectReason.WRONG_STATE);
  }

  /** The other party's close signature on the offered close proof settles the channel. */
  private static Transition settleClose(Closing s, Party by, Bytes signature) {
    if (by == s.offeredBy()) {
      return reject(RejectReason.CLOSE_SAME_PARTY);
    }
    if (!ChannelSigner.verify(s.params().key(by), SignatureType.COOPERATIVE_CLOSE, s.closeProof(), signature)
        .isValid()) {
      return reject(RejectReason.BAD_SIGNATURE);
    }
    BalanceProof c = s.closeProof();
    Payout payout = new Payout(c.balanceA(), c.balanceB(), c.feeA(), c.feeB());
    return accept(new Settled(s.params(), payout), new PayoutFinal(payout));
  }

  private static Transition unilateral(ClosingUnilateral s, ChannelEvent e) {
    ChannelParams p = s.params();
    if (e instanceof Dispute d) {
      if (d.disputer() == s.submitter()) {
        return reject(RejectReason.DISPUTE_BY_SUBMITTER);
      }
      if (d.now() >= s.deadline()) {
        return reject(RejectReason.DEADLINE_PASSED);
      }
      RejectReason bad = checkSigned(p, d.newer());
      if (bad != null) {
        return reject(bad);
      }
      if (d.newer().proof().nonce() <= s.submitted().proof().nonce()) {
        return reject(RejectReason.NOT_NEWER);
      }
      Payout payout = penalty(p, s.submitter(), d.newer().proof());
      return accept(new Penalised(p, s.submitter(), payout), new PayoutFinal(payout));
    } else if (e instanceof ClaimLock c) {
      if (c.now() >= s.deadline()) {
        return reject(RejectReason.DEADLINE_PASSED);
      }
      HashLock lock = null;
      for (HashLock l : s.locks()) {
        if (!s.claimed().contains(l) && l.opens(c.preimage().toByteArray())) {
          lock = l;
          break;
        }
      }
      if (lock == null) {
        return reject(RejectReason.UNKNOWN_LOCK);
      }
      if (c.now() >= lock.expiry()) {
        return reject(RejectReason.LOCK_EXPIRED);
      }
      List<HashLock> claimed = new ArrayList<>(s.claimed());
      claimed.add(lock);
      return accept(new ClosingUnilateral(p, s.submitted(), s.submitter(), s.locks(), claimed, s.deadline(),
          s.newest()));
    } else if (e instanceof Tick t) {
      if (t.now() < s.deadline()) {
        return accept(s);
      }
      Payout payout = settle(s.submitted().proof(), s.locks(), s.claimed());
      return accept(new Settled(p, payout), new PayoutFinal(payout));
    }
    return reject(RejectReason.WRONG_STATE);
  }

  private static Transition closeUnilaterally(ChannelParams p, SignedState latest, CloseUnilaterally c) {
    RejectReason bad = checkSigned(p, c.state());
    if (bad != null) {
      return reject(bad);
    }
    if (!HashLock.root(c.locks()).equals(c.state().proof().locksRoot())) {
      return reject(RejectReason.LOCKS_MISMATCH);
    }
    long theirs = c.state().proof().nonce();
    long ours = latest.proof().nonce();
    if (theirs == ours && !c.state().proof().equals(latest.proof())) {
      return reject(RejectReason.CONFLICTING_STATE);
    }
    SignedState newest = theirs >= ours ? c.state() : latest;
    ClosingUnilateral next = new ClosingUnilateral(p, c.state(), c.submitter(), c.locks(), List.of(),
        c.now() + p.challengePeriod(), newest);
    return theirs < ours ? accept(next, new SubmitDispute(latest)) : accept(next);
  }

  private static Transition propose(Open s, Proposal pr) {
    Proposal held = s.pending();
    if (held != null && held.proposer() == pr.proposer()) {
      return reject(RejectReason.PROPOSAL_PENDING);
    }
    BalanceProof proof = pr.proof();
    if (!sameChannel(s.params(), proof)) {
      return reject(RejectReason.WRONG_CHANNEL);
    }
    BalanceProof last = s.latest().proof();
    if (!nonceAllowed(last.nonce(), pr.proposer(), proof.nonce())) {
      return reject(RejectReason.BAD_NONCE);
    }
    if (!proof.prevHash().equals(last.hash())) {
      return reject(RejectReason.BAD_PREV_HASH);
    }
    // Race rule (§8): the parties' nonces differ in parity, so two pending proposals never share a nonce;
    // the higher one wins whatever the order of arrival.
    if (held != null && proof.nonce() < held.proof().nonce()) {
      return reject(RejectReason.RACE_LOST);
    }
    Object r = next(s, pr.proposer(), pr.update(), proof.nonce());
    if (r instanceof RejectReason reason) {
      return reject(reason);
    }
    Step step = (Step) r;
    if (!step.proof.equals(proof) || !step.locks.equals(pr.locks())) {
      return reject(RejectReason.PROOF_MISMATCH);
    }
    if (!ChannelSigner.verify(s.params().key(pr.proposer()), SignatureType.STATE, proof, pr.signature())
        .isValid()) {
      return reject(RejectReason.BAD_SIGNATURE);
    }
    Open next = new Open(s.params(), s.latest(), s.locks(), pr, s.now());
    return held == null ? accept(next, new SendProposal(pr))
        : accept(next, new ProposalSuperseded(held), new SendProposal(pr));
  }

  private static Transition countersign(Open s, Countersign c) {
    Proposal pr = s.pending();
    if (pr == null) {
      return reject(RejectReason.NO_PENDING_PROPOSAL);
    }
    if (c.signer() == pr.proposer()) {
      return reject(RejectReason.WRONG_SIGNER);
    }
    if (!ChannelSigner.verify(s.params().key(c.signer()), SignatureType.STATE, pr.proof(), c.signature())
        .isValid()) {
      return reject(RejectReason.BAD_SIGNATURE);
    }
    SignedState signed = pr.proposer() == Party.A
        ? new SignedState(pr.proof(), pr.signature(), c.signature())
        : new SignedState(pr.proof(), c.signature(), pr.signature());
    return accept(new Open(s.params(), signed, pr.locks(), null, s.now()),
        new StateCommitted(signed, pr.locks()));
  }

  private static Transition reestablish(Open s, Reestablish r) {
    RejectReason bad = checkSigned(s.params(), r.lastSeen());
    if (bad != null) {
      return reject(bad);
    }
    if (r.locks().size() > HashLock.MAX_LOCKS
        || !HashLock.root(r.locks()).equals(r.lastSeen().proof().locksRoot())) {
      return reject(RejectReason.LOCKS_MISMATCH);
    }
    long theirs = r.lastSeen().proof().nonce();
    long ours = s.latest().proof().nonce();
    if (theirs == ours) {
      return r.lastSeen().proof().equals(s.latest().proof()) ? accept(s, new InSync(r.from(), ours))
          : reject(RejectReason.CONFLICTING_STATE);
    }
    if (theirs < ours) {
      return accept(s, new PeerBehind(r.from(), theirs, ours), new Resend(r.from(), s.latest(), s.locks()));
    }
    Open restored = new Open(s.params(), r.lastSeen(), r.locks(), null, s.now());
    Proposal pending = s.pending();
    // A pending proposal that the restored state is (the peer countersigned it) is committed; one below it is
    // superseded; one above it (made after a withdrawal, §7) is dropped here but could still be completed.
    if (pending == null || pending.proof().equals(r.lastSeen().proof())) {
      return accept(restored, new Restored(ours, theirs), new StateCommitted(r.lastSeen(), r.locks()));
    }
    ChannelEffect dropped = pending.proof().nonce() < theirs ? new ProposalSuperseded(pending)
        : new ChannelEffect.ProposalWithdrawn(pending);
    return accept(restored, new Restored(ours, theirs), dropped, new StateCommitted(r.lastSeen(), r.locks()));
  }

  /** The state at {@code nonce} {@code update} by {@code proposer} yields from the latest, or a RejectReason. */
  private static Object next(Open s, Party proposer, Update update, long nonce) {
    ChannelParams p = s.params();
    BalanceProof last = s.latest().proof();
    Party other = proposer.other();
    Amount[] bal = {last.balanceA(), last.balanceB()};
    Amount[] fee = {last.feeA(), last.feeB()};
    if (p.asset().paysGas()) {
      Amount f = fee[proposer.index()].plus(ChannelParams.GAS_PER_UPDATE);
      if (f.compareTo(p.gasPledge(proposer)) > 0) {
        return RejectReason.GAS_EXHAUSTED;
      }
      fee[proposer.index()] = f;
    }
    List<HashLock> locks = new ArrayList<>(s.locks());
    if (update instanceof Update.Payment pay) {
      if (bal[proposer.index()].compareTo(pay.amount()) < 0) {
        return RejectReason.INSUFFICIENT_BALANCE;
      }
      bal[proposer.index()] = bal[proposer.index()].minus(pay.amount());
      bal[other.index()] = bal[other.index()].plus(pay.amount());
    } else if (update instanceof Update.AddLock add) {
      HashLock l = add.lock();
      if (l.sender() != proposer) {
        return RejectReason.LOCK_SENDER;
      }
      if (locks.size() >= HashLock.MAX_LOCKS) {
        return RejectReason.TOO_MANY_LOCKS;
      }
      for (HashLock x : locks) {
        if (x.hash().equals(l.hash())) {
          return RejectReason.DUPLICATE_LOCK;
        }
      }
      if (l.expiry() <= s.now()) {
        return RejectReason.LOCK_EXPIRED;
      }
      if (bal[proposer.index()].compareTo(l.amount()) < 0) {
        return RejectReason.INSUFFICIENT_BALANCE;
      }
      bal[proposer.index()] = bal[proposer.index()].minus(l.amount());
      locks.add(l);
    } else if (update instanceof Update.Unlock u) {
      HashLock l = find(locks, HashLock.hashOf(u.preimage().toByteArray()));
      if (l == null) {
        return RejectReason.UNKNOWN_LOCK;
      }
      if (s.now() >= l.expiry()) {
        return RejectReason.LOCK_EXPIRED;
      }
      Party receiver = l.sender().other();
      bal[receiver.index()] = bal[receiver.index()].plus(l.amount());
      locks.remove(l);
    } else if (update instanceof Update.ExpireLock x) {
      HashLock l = find(locks, x.hash());
      if (l == null) {
        return RejectReason.UNKNOWN_LOCK;
      }
      if (s.now() < l.expiry()) {
        return RejectReason.LOCK_NOT_EXPIRED;
      }
      bal[l.sender().index()] = bal[l.sender().index()].plus(l.amount());
      locks.remove(l);
    }
    return new Step(last.successor(nonce, bal[0], bal[1], fee[0], fee[1], HashLock.root(locks)),
        List.copyOf(locks));
  }

  private static HashLock find(List<HashLock> locks, Bytes hash) {
    for (HashLock l : locks) {
      if (l.hash().equals(hash)) {
        return l;
      }
    }
    return null;
  }

  /** Payout at the end of a challenge period: claimed locks to their receiver, the others back. */
  static Payout settle(BalanceProof proof, List<HashLock> locks, List<HashLock> claimed) {
    Amount[] bal = {proof.balanceA(), proof.balanceB()};
    for (HashLock l : locks) {
      Party to = claimed.contains(l) ? l.sender().other() : l.sender();
      bal[to.index()] = bal[to.index()].plus(l.amount());
    }
    return new Payout(bal[0], bal[1], proof.feeA(), proof.feeB());
  }

  /** Payout of a penalty: the whole channel to the cheater's counterparty; gas of the newer state. */
  static Payout penalty(ChannelParams p, Party cheater, BalanceProof newer) {
    Amount all = p.total();
    return cheater == Party.A ? new Payout(Amount.ZERO, all, newer.feeA(), newer.feeB())
        : new Payout(all, Amount.ZERO, newer.feeA(), newer.feeB());
  }

  static boolean sameChannel(ChannelParams p, BalanceProof proof) {
    return proof.ledgerId() == p.ledgerId() && proof.asset() == p.asset()
        && proof.channelId().equals(p.channelId());
  }

  private static RejectReason checkSigned(ChannelParams p, SignedState s) {
    if (!sameChannel(p, s.proof())) {
      return RejectReason.WRONG_CHANNEL;
    }
    return s.verify(p.keyA(), p.keyB()) ? null : RejectReason.BAD_SIGNATURE;
  }

  private static Transition accept(ChannelState next, ChannelEffect... effects) {
    return new Transition.Accepted(next, List.of(effects));
  }

  private static Transition reject(RejectReason reason) {
    return new Transition.Rejected(reason);
  }

  private record Step(BalanceProof proof, List<HashLock> locks) {}
}
