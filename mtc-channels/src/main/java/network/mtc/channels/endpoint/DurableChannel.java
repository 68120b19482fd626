package network.mtc.channels.endpoint;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import network.mtc.channels.BalanceProof;
import network.mtc.channels.ChannelEffect;
import network.mtc.channels.ChannelEvent;
import network.mtc.channels.ChannelMachine;
import network.mtc.channels.ChannelParams;
import network.mtc.channels.ChannelSigner;
import network.mtc.channels.ChannelState;
import network.mtc.channels.Draft;
import network.mtc.channels.Party;
import network.mtc.channels.Proposal;
import network.mtc.channels.RejectReason;
import network.mtc.channels.SignatureType;
import network.mtc.channels.SignedState;
import network.mtc.channels.Transition;
import network.mtc.channels.Update;
import network.mtc.channels.journal.ChannelJournal;
import network.mtc.channels.journal.ChannelRecord;
import network.mtc.channels.journal.JournalRecord;
import network.mtc.channels.journal.SignDecision;
import network.mtc.channels.message.ChannelMessage;
import network.mtc.channels.message.ChannelMessageCodec;
import network.mtc.crypto.SigningKey;
import network.mtc.wire.Bytes;
import network.mtc.wire.MtcDecodeException;

/**
 * One party's end of a channel, as a node runs it: the {@link ChannelMachine} state, the party's key and
 * its {@link ChannelJournal}. It is the only place that signs for the channel, and it keeps the signing
 * invariant of spec/channels-durability.md §1 by construction:
 *
 * <ul>
 *   <li>every signature (proposal, countersignature, opening, close) is reserved in the journal and synced
 *       <em>before</em> it leaves the node (a countersignature is computed first and journaled with the
 *       co-signed state under one sync); a refused reservation is an {@link Outcome.Refused} and no
 *       signature leaves;
 *   <li>every {@link ChannelEffect.StateCommitted} is stored (synced) before the call returns, so the
 *       countersignature in {@link Outcome.Done#send()} never leaves for a state the node could forget;
 *   <li>{@link #open} recovers the latest co-signed state with its locks and ledger time, and this node's
 *       own proposal if it was still waiting for the countersignature ({@link #pendingProposal()}: send it
 *       again, after a reestablish).
 * </ul>
 *
 * <pre>
 *   DurableChannel ch = DurableChannel.open(journal, params, key);     // recovers after a crash
 *   Outcome o = ch.propose(new Update.Payment(Amount.of(5)));           // reserved + synced, then signed
 *   if (o instanceof Outcome.Done d) d.send().forEach(mesh::send);
 *   Outcome r = ch.receive(new ChannelEvent.Propose(theirs));           // checked, journaled, countersigned
 * </pre>
 *
 * <p>What a restart does not recover: the ledger phases (ClosingUnilateral, settled), which the node
 * re-learns from the ledger and feeds to {@link #receive}. A cooperative close it signed is recovered as
 * {@code Closing} offered by this node (its close signature is deterministic), so it signs no later state.
 * Not thread-safe: one channel, one caller.
 *
 * @since 0.1
 */
public final class DurableChannel {
  private static final Bytes NO_SIGNATURE = Bytes.copyOf(new byte[ChannelMessage.SIGNATURE_LENGTH]);

  private final ChannelJournal journal;
  private final ChannelParams params;
  private final SigningKey key;
  private final Party me;
  private final Bytes id;
  private final byte[] idBytes;
  private ChannelState state;
  /**
   * A proposal of the peer made on top of this node's pending proposal, which arrived before the peer's
   * countersignature of it (the mesh does not keep order): held, one at most, until that countersignature.
   */
  private Proposal early;
  /** The highest nonce the peer said it has signed at (a REJECT's floor): this node proposes above it. */
  private long peerFloor;
  /**
   * This node's withdrawn proposals whose outcome is open (the peer may still complete them) until a
   * co-signed state above their nonce: at most {@link ChannelMachine#MAX_NONCE_STEP} / 2 between two
   * co-signed states, since each withdrawal moves the next proposal up two nonces.
   */
  private final List<Proposal> withdrawn = new ArrayList<>();

  private DurableChannel(ChannelJournal journal, ChannelParams params, SigningKey key, Party me,
      ChannelState state) {
    this.journal = journal;
    this.params = params;
    this.key = key;
    this.me = me;
    this.id = params.channelId();
    this.idBytes = id.toByteArray();
    this.state = state;
  }

  /**
   * The channel of {@code params} for the party holding {@code key}, recovered from {@code journal}: Open at
   * the latest co-signed state it holds (with this node's unanswered proposal pending, if any), else
   * Opening.
   *
   * @throws IllegalArgumentException if {@code key} is not one of the channel's keys
   * @throws IllegalStateException if the journal holds bytes for this channel that do not decode, verify
   *     or match their reservation (a corrupted journal: the node must not sign from it)
   */
  public static DurableChannel open(ChannelJournal journal, ChannelParams params, SigningKey key) {
    Objects.requireNonNull(journal, "journal");
    Party me = params.partyOf(key.publicKey());
    if (me == null) {
      throw new IllegalArgumentException("the key is not a party of this channel");
    }
    DurableChannel ch = new DurableChannel(journal, params, key, me, ChannelMachine.start(params));
    journal.latest(ch.idBytes).ifPresent(ch::recover);
    return ch;
  }

  private void recover(ChannelRecord r) {
    if (r.stored().isEmpty()) {
      return; // only the opening signature was reserved: funding not confirmed yet
    }
    JournalRecord.StateStored st = r.stored().get();
    CommittedState c;
    try {
      c = CommittedState.decode(st.coSignedState());
    } catch (MtcDecodeException e) {
      throw new IllegalStateException("journaled state of the channel does not decode: " + e.getMessage());
    }
    SignedState s = c.state();
    if (!s.proof().channelId().equals(id) || s.proof().ledgerId() != params.ledgerId()
        || s.proof().asset() != params.asset() || s.proof().nonce() != st.nonce()
        || !Arrays.equals(st.stateHash(), signedHash(SignatureType.STATE, s.proof()))
        || !s.verify(params.keyA(), params.keyB())) {
      throw new IllegalStateException("journaled state is not a co-signed state of this channel");
    }
    ChannelState.Open open = new ChannelState.Open(params, s, c.locks(), null, c.now());
    Proposal pending = null;
    if (r.proposal().isPresent()) {
      pending = recoverProposal(open, r.proposal().get());
    }
    state = new ChannelState.Open(params, s, c.locks(), pending, c.now());
    if (pending == null && c.locks().isEmpty() && closeSigned((ChannelState.Open) state)) {
      // This node signed the cooperative close of that state (offered, or accepted an offer): it signs no
      // later state, and its close signature (deterministic) can be sent again.
      BalanceProof close = ChannelMachine.closeProof(s);
      state = new ChannelState.Closing(params, s, close, me,
          ChannelSigner.sign(key, SignatureType.COOPERATIVE_CLOSE, close));
    }
  }

  /** Rebuilds and re-signs this node's journaled proposal; it must be the very state reserved. */
  private Proposal recoverProposal(ChannelState.Open open, JournalRecord.ProposalReserved pr) {
    ChannelMessage m;
    try {
      m = ChannelMessageCodec.decode(pr.proposal());
    } catch (MtcDecodeException e) {
      throw new IllegalStateException("journaled proposal does not decode: " + e.getMessage());
    }
    if (!(m instanceof ChannelMessage.Propose p) || p.proposal().proposer() != me) {
      throw new IllegalStateException("journaled proposal is not this party's");
    }
    if (!p.proposal().proof().prevHash().equals(open.latest().proof().hash())) {
      return null; // made on an earlier state that a restored one replaced: it can never be countersigned
    }
    Draft d = ChannelMachine.draft(open, me, p.proposal().update(), p.proposal().proof().nonce());
    if (!(d instanceof Draft.Ready ready) || !ready.proof().equals(p.proposal().proof())
        || !Arrays.equals(pr.stateHash(), signedHash(SignatureType.STATE, ready.proof()))) {
      throw new IllegalStateException("journaled proposal does not follow the journaled state");
    }
    return ready.sign(key); // Ed25519 is deterministic: the same signature as before the crash
  }

  /** The channel's current state. */
  public ChannelState state() {
    return state;
  }

  /** This node's party. */
  public Party me() {
    return me;
  }

  /** The channel's parameters. */
  public ChannelParams params() {
    return params;
  }

  /** The channel id. */
  public Bytes channelId() {
    return id;
  }

  /**
   * This node's proposal still waiting for its countersignature, as a message to send (again): after a
   * restart, send it once the reestablish exchange showed the peer in sync.
   */
  public Optional<ChannelMessage.Propose> pendingProposal() {
    return state instanceof ChannelState.Open o && o.pending() != null && o.pending().proposer() == me
        ? Optional.of(new ChannelMessage.Propose(id, o.pending())) : Optional.empty();
  }

  /**
   * This node's close offer while the channel waits in {@code Closing} for the other's signature, as a
   * message to send (again): after a lost answer or a restart (a signed close is recovered as an offer of
   * this node). The peer settles on it, and if it had offered too, answers with its own (crossing offers,
   * spec/channels.md §10). Empty when the peer offered: {@link #acceptClose} answers that.
   */
  public Optional<ChannelMessage.OfferClose> pendingClose() {
    return state instanceof ChannelState.Closing c && c.offeredBy() == me
        ? Optional.of(new ChannelMessage.OfferClose(id, me, c.offerSignature())) : Optional.empty();
  }

  /**
   * True if closing unilaterally with the latest co-signed state is safe for this node: no proposal of its
   * own is pending or withdrawn with an open outcome. Otherwise the peer may hold one of them co-signed, a
   * newer state, and dispute the close: the node would forfeit its pledge (spec/channels.md §10). Reestablish
   * first; the peer's answer settles the question.
   */
  public boolean mayCloseUnilaterally() {
    return state instanceof ChannelState.Open o && (o.pending() == null || o.pending().proposer() != me)
        && withdrawn.isEmpty();
  }

  /**
   * This party's signature of the opening state (nonce 0), reserved first. Both parties exchange it before
   * funding; the ledger's confirmation then arrives as {@link ChannelEvent.FundingConfirmed}.
   *
   * @throws IllegalStateException if the channel is past Opening or the journal refuses
   */
  public Bytes signOpening() {
    if (!(state instanceof ChannelState.Opening)) {
      throw new IllegalStateException("the channel is open already");
    }
    BalanceProof opening = params.openingProof();
    SignDecision d = journal.reserveSignature(idBytes, 0, signedHash(SignatureType.STATE, opening));
    if (!d.maySign()) {
      throw new IllegalStateException("journal refused the opening signature: " + d);
    }
    return ChannelSigner.sign(key, SignatureType.STATE, opening);
  }

  /**
   * Proposes {@code update}: works out the new state, reserves it in the journal together with the
   * proposal (synced), then signs and applies it. {@link Outcome.Done#send()} holds the proposal.
   */
  public Outcome propose(Update update) {
    if (!(state instanceof ChannelState.Open o)) {
      return new Outcome.Rejected(RejectReason.WRONG_STATE);
    }
    if (o.pending() != null) {
      return new Outcome.Rejected(RejectReason.PROPOSAL_PENDING);
    }
    // Above the latest state, above every nonce this node signed at (a withdrawn proposal: it may sign
    // nothing else there) and above the floor the peer named in a REJECT (it signed there).
    long latest = o.latest().proof().nonce();
    long reserved = reservedNonce();
    if (ChannelMachine.nextNonce(Math.max(latest, reserved), me) - latest
        > ChannelMachine.MAX_NONCE_STEP - 2) {
      // Too many own withdrawals since the latest co-signed state. Stop short of the limit, so that the peer
      // keeps a nonce of its parity above this node's signatures; closing cooperatively still works.
      return new Outcome.Rejected(RejectReason.BAD_NONCE);
    }
    long nonce = ChannelMachine.nextNonce(Math.max(latest, Math.max(reserved, peerFloor)), me);
    Draft d = ChannelMachine.draft(o, me, update, nonce);
    if (d instanceof Draft.Illegal i) {
      return new Outcome.Rejected(i.reason());
    }
    Draft.Ready ready = (Draft.Ready) d;
    // Journaled without the signature, which does not exist yet; recovery re-signs (deterministic).
    byte[] unsigned = ChannelMessageCodec.encode(new ChannelMessage.Propose(id,
        new Proposal(me, update, ready.proof(), ready.locks(), NO_SIGNATURE)));
    SignDecision decision = journal.reserveProposal(idBytes, ready.proof().nonce(),
        signedHash(SignatureType.STATE, ready.proof()), unsigned);
    if (!decision.maySign()) {
      return new Outcome.Refused(decision);
    }
    Proposal p = ready.sign(key);
    // What ChannelMachine.apply(o, Propose(p)) yields for a draft of o with no proposal pending; not re-run,
    // since it would only verify our own fresh signature (an Ed25519 verification, a third of the update).
    state = new ChannelState.Open(params, o.latest(), o.locks(), p, o.now());
    return new Outcome.Done(state, List.of(new ChannelEffect.SendProposal(p)),
        List.of(new ChannelMessage.Propose(id, p)));
  }

  /**
   * Applies an event from the peer or the ledger. A proposal of the peer is checked, journaled as the
   * co-signed state it becomes, and countersigned ({@link Outcome.Done#send()} holds the countersignature;
   * if it won a race against this node's proposal, this node's update is proposed again on top of it and
   * the new proposal follows the countersignature);
   * the peer's countersignature of this node's proposal stores the co-signed state; a reestablish that
   * restores a newer state stores it, and one from a peer that is behind is answered with this node's own
   * REESTABLISH. Every {@link ChannelEffect.StateCommitted} is synced before return. A peer's proposal made
   * on top of this node's pending proposal that arrives before the countersignature of it (the mesh does not
   * keep order) is held, and applied once that countersignature commits the proposal.
   *
   * @throws IllegalArgumentException for this party's own proposal, countersignature or close signatures:
   *     those are made by {@link #propose}, {@link #offerClose} and {@link #acceptClose}
   */
  public Outcome receive(ChannelEvent event) {
    if (event instanceof ChannelEvent.Propose p && p.proposal().proposer() == me
        || event instanceof ChannelEvent.Countersign c && c.signer() == me
        || event instanceof ChannelEvent.OfferClose oc && oc.by() == me
        || event instanceof ChannelEvent.AcceptClose ac && ac.by() == me) {
      throw new IllegalArgumentException("this party's own signatures are made by the endpoint");
    }
    if (event instanceof ChannelEvent.Propose p) {
      return resolveWithdrawn(onProposal(p.proposal()));
    }
    Outcome o = event instanceof ChannelEvent.Countersign c && !withdrawn.isEmpty()
        && state instanceof ChannelState.Open open && open.pending() == null
        ? countersignOfWithdrawn(open, c) : apply(event);
    if (early != null && o instanceof Outcome.Done d && state instanceof ChannelState.Open open
        && open.pending() == null) {
      Proposal next = early;
      early = null;
      if (next.proof().prevHash().equals(open.latest().proof().hash())) {
        Outcome then = onProposal(next);
        List<ChannelEffect> effects = new ArrayList<>(d.effects());
        List<ChannelMessage> send = new ArrayList<>(d.send());
        if (then instanceof Outcome.Done done) {
          effects.addAll(done.effects());
          send.addAll(done.send());
        } else if (then instanceof Outcome.Rejected r) {
          send.addAll(r.send());   // the held proposal is illegal after all: tell its proposer (REJECT)
        }
        return resolveWithdrawn(new Outcome.Done(state, effects, send));
      }
    }
    return resolveWithdrawn(o);
  }

  /**
   * Settles the open outcome of withdrawn proposals once a co-signed state reaches their nonce: the state
   * itself (the peer completed it: {@code StateCommitted} reports it) or a higher one ({@code
   * ProposalSuperseded}: it can no longer be committed). Returns {@code o} with those effects appended.
   */
  private Outcome resolveWithdrawn(Outcome o) {
    if (withdrawn.isEmpty() || !(o instanceof Outcome.Done d)) {
      return o;
    }
    if (state instanceof ChannelState.Settled || state instanceof ChannelState.Penalised) {
      // Paid out: no proposal can be committed any more.
      List<ChannelEffect> effects = new ArrayList<>(d.effects());
      withdrawn.forEach(w -> effects.add(new ChannelEffect.ProposalSuperseded(w)));
      withdrawn.clear();
      return new Outcome.Done(d.state(), effects, d.send());
    }
    if (!(state instanceof ChannelState.Open open)) {
      return o;
    }
    BalanceProof latest = open.latest().proof();
    List<ChannelEffect> effects = new ArrayList<>(d.effects());
    List<BalanceProof> committed = new ArrayList<>();
    for (ChannelEffect e : d.effects()) {
      if (e instanceof ChannelEffect.StateCommitted sc) {
        committed.add(sc.state().proof());
      }
    }
    for (Iterator<Proposal> it = withdrawn.iterator(); it.hasNext(); ) {
      Proposal w = it.next();
      if (w.proof().equals(latest) || committed.contains(w.proof())) {
        it.remove();   // it happened (perhaps followed by more states in the same call)
      } else if (w.proof().nonce() < latest.nonce()) {
        it.remove();
        effects.add(new ChannelEffect.ProposalSuperseded(w));
      }
    }
    return effects.size() == d.effects().size() ? o : new Outcome.Done(d.state(), effects, d.send());
  }

  /**
   * The peer countersigned a proposal this node withdrew (the peer rejected it and then changed its mind, or
   * its countersignature and its REJECT crossed): it is a valid co-signed state, committed like any other. Tried on the
   * withdrawn proposals that still follow the latest state, newest first.
   */
  private Outcome countersignOfWithdrawn(ChannelState.Open open, ChannelEvent.Countersign c) {
    for (int i = withdrawn.size() - 1; i >= 0; i--) {
      Proposal w = withdrawn.get(i);
      if (!w.proof().prevHash().equals(open.latest().proof().hash())) {
        continue;
      }
      state = new ChannelState.Open(params, open.latest(), open.locks(), w, open.now());
      Outcome o = apply(c);
      if (o instanceof Outcome.Done) {
        return o;
      }
      state = open;
    }
    return apply(c);
  }

  /** The highest nonce this node has signed at in this channel (its journal's latest reservation), or 0. */
  private long reservedNonce() {
    return journal.latest(idBytes).map(r -> r.reserved().nonce()).orElse(0L);
  }

  private Outcome apply(ChannelEvent event) {
    Transition t = ChannelMachine.apply(state, event);
    if (t instanceof Transition.Rejected r) {
      return new Outcome.Rejected(r.reason());
    }
    Transition.Accepted a = (Transition.Accepted) t;
    ChannelState before = state;
    for (ChannelEffect e : a.effects()) {
      if (e instanceof ChannelEffect.StateCommitted sc) {
        SignDecision d = commit(sc, nowOf(a.next()));
        if (!d.maySign()) {
          return new Outcome.Refused(d);
        }
      }
    }
    state = a.next();
    List<ChannelMessage> send = new ArrayList<>();
    for (ChannelEffect e : a.effects()) {
      if (e instanceof ChannelEffect.ProposalWithdrawn w && w.proposal().proposer() == me) {
        withdrawn.add(w.proposal());   // dropped by a restore below its nonce: its outcome is open (§9)
      }
      if (e instanceof ChannelEffect.Resend r) {
        send.add(new ChannelMessage.Reestablish(me, r.state(), r.locks())); // the peer is behind: show ours
      }
    }
    if (event instanceof ChannelEvent.OfferClose && before instanceof ChannelState.Closing c
        && c.offeredBy() == me) {
      // Our offers crossed, or the peer resent its offer after we accepted it and restarted: answer with our
      // close signature, which settles the peer too.
      send.add(new ChannelMessage.OfferClose(id, me, c.offerSignature()));
    }
    return new Outcome.Done(state, a.effects(), send);
  }

  /**
   * The REESTABLISH this node sends after a reconnect or a restart: its latest co-signed state and locks
   * (channels.md §9), or empty if the channel is not open.
   */
  public Optional<ChannelMessage.Reestablish> reestablish() {
    return state instanceof ChannelState.Open o
        ? Optional.of(new ChannelMessage.Reestablish(me, o.latest(), o.locks())) : Optional.empty();
  }

  private Outcome onProposal(Proposal p) {
    if (state instanceof ChannelState.Open o && o.latest().proof().equals(p.proof())) {
      // a retransmission of a proposal countersigned already: the countersignature was lost, send it again
      return new Outcome.Done(state, List.of(), List.of(new ChannelMessage.Countersign(id, me,
          p.proof().nonce(), o.latest().signature(me))));
    }
    if (state instanceof ChannelState.Open o && o.pending() != null && o.pending().proposer() == me
        && p.proposer() != me && p.proof().prevHash().equals(o.pending().proof().hash())) {
      // The peer countersigned our proposal and proposed on top; its countersignature is still on the way.
      // Held only if it is the peer's, on this channel, at a nonce the peer may use after ours: a forgery
      // cannot displace it (the first one held stays).
      BalanceProof q = p.proof();
      if (early == null && q.channelId().equals(id) && q.ledgerId() == params.ledgerId()
          && q.asset() == params.asset()
          && ChannelMachine.nonceAllowed(o.pending().proof().nonce(), p.proposer(), p.proof().nonce())
          && ChannelSigner.verify(params.key(p.proposer()), SignatureType.STATE, p.proof(), p.signature())
              .isValid()) {
        early = p;
      }
      return new Outcome.Done(state, List.of(), List.of());
    }
    Transition t = ChannelMachine.apply(state, new ChannelEvent.Propose(p));
    if (t instanceof Transition.Rejected r) {
      // Tell the proposer, so that it withdraws (§7); a lost race needs no word: our higher proposal is on
      // its way and supersedes theirs there.
      return r.reason() == RejectReason.RACE_LOST ? new Outcome.Rejected(r.reason())
          : new Outcome.Rejected(r.reason(), List.of(reject(p, r.reason())));
    }
    Transition.Accepted proposed = (Transition.Accepted) t;
    ChannelState.Open withPending = (ChannelState.Open) proposed.next();
    byte[] hash = signedHash(SignatureType.STATE, p.proof());
    // Sign in memory, then reserve and store the co-signed state under one sync, and only then release the
    // countersignature: a signature that never left the node binds it to nothing (channels-durability.md §1),
    // and a refused reservation discards it.
    Bytes sig = ChannelSigner.sign(key, SignatureType.STATE, p.proof());
    SignedState signed = cosigned(p, sig);
    byte[] committed = new CommittedState(signed, p.locks(), withPending.now()).encode();
    SignDecision d = journal.reserveAndStore(idBytes, p.proof().nonce(), hash, committed);
    if (d == SignDecision.REFUSED_STALE || d == SignDecision.REFUSED_CONFLICT) {
      // We signed at or above this nonce (a proposal we withdrew): the peer must go above our floor.
      return new Outcome.Rejected(RejectReason.NONCE_RESERVED, List.of(reject(p, RejectReason.NONCE_RESERVED)));
    }
    if (!d.maySign()) {
      return new Outcome.Refused(d);
    }
    // What ChannelMachine.apply(withPending, Countersign(me, sig)) yields; not re-run, since it would only
    // verify our own fresh signature.
    state = new ChannelState.Open(params, signed, p.locks(), null, withPending.now());
    List<ChannelEffect> effects = new ArrayList<>(proposed.effects());
    effects.add(new ChannelEffect.StateCommitted(signed, p.locks()));
    List<ChannelMessage> send = new ArrayList<>();
    send.add(new ChannelMessage.Countersign(id, me, p.proof().nonce(), sig));
    for (ChannelEffect e : proposed.effects()) {
      if (e instanceof ChannelEffect.ProposalSuperseded lost && lost.loser().proposer() == me) {
        // Our proposal lost the race (§8): the peer's higher one is committed without our update, so we
        // propose it again on top. If it is no longer legal, the ProposalSuperseded effect alone reports it.
        if (propose(lost.loser().update()) instanceof Outcome.Done again) {
          effects.addAll(again.effects());
          send.addAll(again.send());
        }
      }
    }
    return new Outcome.Done(state, effects, send);
  }

  /** The REJECT of {@code p} for {@code reason}, naming this node's floor (channels-messages.md). */
  private ChannelMessage.Reject reject(Proposal p, RejectReason reason) {
    long latest = state instanceof ChannelState.Open o ? o.latest().proof().nonce() : 0;
    return ChannelMessage.Reject.sign(key, id, p.proof().nonce(), reason, Math.max(latest, reservedNonce()));
  }

  /**
   * Withdraws this node's pending proposal after the peer rejected it (channels.md §7, "Rejecting and
   * withdrawing"). Nothing is journaled and nothing signed: the proposal keeps this node's signature, so
   * the peer may still complete it until a later state is co-signed; the effect is {@code
   * ProposalWithdrawn} (outcome open), and {@code ProposalSuperseded} follows once a co-signed state passes
   * its nonce. The next proposal steps over its nonce. A restart brings a withdrawn proposal back as
   * pending. Not for an unanswered proposal: send it again instead (each withdrawal uses up two nonces of
   * the {@link ChannelMachine#MAX_NONCE_STEP} a channel may advance between co-signed states).
   */
  Outcome withdraw() {
    if (!(state instanceof ChannelState.Open o) || o.pending() == null || o.pending().proposer() != me) {
      return new Outcome.Rejected(RejectReason.NO_PENDING_PROPOSAL);
    }
    state = new ChannelState.Open(params, o.latest(), o.locks(), null, o.now());
    withdrawn.add(o.pending());
    early = null;   // a proposal held on top of the withdrawn one; the peer sends it again if it still stands
    return new Outcome.Done(state, List.of(new ChannelEffect.ProposalWithdrawn(o.pending())), List.of());
  }

  /**
   * The peer's REJECT of a proposal: if it names this node's pending proposal, withdraws it ({@link
   * #withdraw}) and remembers the peer's floor. For {@code NONCE_RESERVED} (the peer signed at or above that
   * nonce) the update itself was fine: it is proposed again above the floor, in {@link Outcome.Done#send()}.
   * For a nonce or chain mismatch ({@code BAD_NONCE}, {@code BAD_PREV_HASH}) the peer holds another state
   * than this node, so {@code send()} holds this node's REESTABLISH. A REJECT of anything else is {@code
   * NO_PENDING_PROPOSAL} (a late one: nothing changes); one the peer did not sign is {@code BAD_SIGNATURE}.
   * A floor the channel cannot go above (within {@link ChannelMachine#MAX_NONCE_STEP}) is ignored.
   */
  public Outcome onReject(ChannelMessage.Reject r) {
    if (!r.channelId().equals(id)) {
      return new Outcome.Rejected(RejectReason.WRONG_CHANNEL);
    }
    if (!r.verify(params.key(me.other()))) {
      return new Outcome.Rejected(RejectReason.BAD_SIGNATURE);   // not the peer's: a forgery changes nothing
    }
    if (!(state instanceof ChannelState.Open o) || o.pending() == null || o.pending().proposer() != me
        || o.pending().proof().nonce() != r.nonce()) {
      return new Outcome.Rejected(RejectReason.NO_PENDING_PROPOSAL);
    }
    if (r.floor() > peerFloor && r.floor() - o.latest().proof().nonce() <= ChannelMachine.MAX_NONCE_STEP - 2) {
      peerFloor = r.floor();
    }
    Proposal mine = o.pending();
    Outcome.Done w = (Outcome.Done) withdraw();
    if (r.reason() == RejectReason.NONCE_RESERVED && propose(mine.update()) instanceof Outcome.Done again) {
      List<ChannelEffect> effects = new ArrayList<>(w.effects());
      effects.addAll(again.effects());
      return new Outcome.Done(state, effects, again.send());
    }
    boolean otherState = r.reason() == RejectReason.BAD_NONCE || r.reason() == RejectReason.BAD_PREV_HASH;
    return otherState ? new Outcome.Done(w.state(), w.effects(), List.of(reestablish().orElseThrow())) : w;
  }

  /** Offers a cooperative close at the latest state: reserves the close's nonce, signs, applies. */
  public Outcome offerClose() {
    if (!(state instanceof ChannelState.Open o)) {
      return new Outcome.Rejected(RejectReason.WRONG_STATE);
    }
    if (o.pending() != null || !o.locks().isEmpty() || !withdrawn.isEmpty()) {
      // A withdrawn proposal may yet be completed by the peer: a close below it would leave the channel
      // waiting for a close the peer cannot sign (it holds a newer state). Settle that first (reestablish).
      return new Outcome.Rejected(RejectReason.CLOSE_WITH_PENDING);
    }
    BalanceProof close = ChannelMachine.closeProof(o.latest());
    SignDecision d = reserveClose(close);
    if (!d.maySign()) {
      return new Outcome.Refused(d);
    }
    Bytes sig = ChannelSigner.sign(key, SignatureType.COOPERATIVE_CLOSE, close);
    return closeStep(new ChannelEvent.OfferClose(me, sig), new ChannelMessage.OfferClose(id, me, sig));
  }

  /** Accepts the peer's close offer: reserves the close's nonce, signs, applies (the channel settles). */
  public Outcome acceptClose() {
    if (!(state instanceof ChannelState.Closing c) || c.offeredBy() == me) {
      return new Outcome.Rejected(state instanceof ChannelState.Closing ? RejectReason.CLOSE_SAME_PARTY
          : RejectReason.WRONG_STATE);
    }
    SignDecision d = reserveClose(c.closeProof());
    if (!d.maySign()) {
      return new Outcome.Refused(d);
    }
    Bytes sig = ChannelSigner.sign(key, SignatureType.COOPERATIVE_CLOSE, c.closeProof());
    return closeStep(new ChannelEvent.AcceptClose(me, sig), new ChannelMessage.AcceptClose(id, me, sig));
  }

  /**
   * True if this node signed a cooperative close of {@code o}'s latest state (its reservation is that close):
   * the peer may settle at that state at any moment, so this node signs no later state (a payment to it
   * could be undone by the close; spec/channels-durability.md 2.4). Recovery then opens in Closing.
   */
  private boolean closeSigned(ChannelState.Open o) {
    Optional<ChannelRecord> r = journal.latest(idBytes);
    BalanceProof close = ChannelMachine.closeProof(o.latest());
    return r.isPresent() && r.get().reserved().nonce() == close.nonce()
        && Arrays.equals(r.get().reserved().stateHash(), signedHash(SignatureType.COOPERATIVE_CLOSE, close));
  }

  /** Reserves the close proof's nonce for the COOPERATIVE_CLOSE signature: no state is signed there after. */
  private SignDecision reserveClose(BalanceProof close) {
    return journal.reserveSignature(idBytes, close.nonce(), signedHash(SignatureType.COOPERATIVE_CLOSE, close));
  }

  private Outcome closeStep(ChannelEvent e, ChannelMessage m) {
    Transition t = ChannelMachine.apply(state, e);
    if (t instanceof Transition.Rejected r) {
      return new Outcome.Rejected(r.reason());
    }
    Transition.Accepted a = (Transition.Accepted) t;
    state = a.next();
    return resolveWithdrawn(new Outcome.Done(state, a.effects(), List.of(m)));
  }

  /** Stores a co-signed state: for the latest reservation if it is this state, else reserving it too. */
  private SignDecision commit(ChannelEffect.StateCommitted sc, long now) {
    BalanceProof proof = sc.state().proof();
    byte[] hash = signedHash(SignatureType.STATE, proof);
    byte[] bytes = new CommittedState(sc.state(), sc.locks(), now).encode();
    Optional<ChannelRecord> r = journal.latest(idBytes);
    if (r.isPresent() && r.get().reserved().nonce() == proof.nonce()
        && Arrays.equals(r.get().reserved().stateHash(), hash)) {
      journal.storeState(idBytes, proof.nonce(), hash, bytes);
      return SignDecision.ALREADY_RESERVED;
    }
    if (r.isPresent() && Long.compareUnsigned(proof.nonce(), r.get().reserved().nonce()) < 0
        && r.get().stored().map(st -> Long.compareUnsigned(proof.nonce(), st.nonce()) > 0).orElse(true)) {
      // a state we signed before a later reservation (a withdrawn proposal the peer countersigned after all):
      // storing it signs nothing
      journal.storeEarlier(idBytes, proof.nonce(), hash, bytes);
      return SignDecision.ALREADY_RESERVED;
    }
    return journal.reserveAndStore(idBytes, proof.nonce(), hash, bytes);
  }

  private static long nowOf(ChannelState s) {
    return s instanceof ChannelState.Open o ? o.now() : 0;
  }

  private static SignedState cosigned(Proposal p, Bytes mine) {
    return p.proposer() == Party.A ? new SignedState(p.proof(), p.signature(), mine)
        : new SignedState(p.proof(), mine, p.signature());
  }

  /** SHA-256 of the exact bytes a signature of {@code type} over {@code proof} covers (the journal's hash). */
  static byte[] signedHash(SignatureType type, BalanceProof proof) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(ChannelSigner.message(type, proof));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-256", e);
    }
  }
}
