package network.mtc.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import network.mtc.crypto.SigningKey;
import network.mtc.wire.Bytes;
import org.junit.jupiter.api.Test;

/** {@link ChannelMachine#forward}: the mediator's rule for the outgoing lock of a mediated transfer. */
class ChannelMachineForwardTest {
  static final long T0 = 1_000_000;
  static final long W = ChannelParams.MIN_CHALLENGE_PERIOD;
  final SigningKey arron = SigningKey.fromSeed(Fixture.seed(0x11));
  final SigningKey tom = SigningKey.fromSeed(Fixture.seed(0x22));
  final SigningKey ruby = SigningKey.fromSeed(Fixture.seed(0x33));
  final Bytes secret = Bytes.copyOf(Fixture.seed(0x99));
  final Bytes hash = HashLock.hashOf(secret.toByteArray());

  /** A funded channel of x and y, driven through the machine; returns its latest Open state. */
  private static final class Ch {
    final ChannelParams params;
    final SigningKey a;
    final SigningKey b;
    ChannelState.Open state;

    Ch(SigningKey x, SigningKey y, long challenge) {
      boolean swap = Arrays.compareUnsigned(x.publicKey().toBytes(), y.publicKey().toBytes()) > 0;
      a = swap ? y : x;
      b = swap ? x : y;
      params = new ChannelParams(7, Asset.MTC, a.publicKey(), b.publicKey(), Amount.of(100), Amount.of(100),
          Amount.ZERO, Amount.ZERO, a.publicKey(), Bytes.copyOf(Fixture.seed(0xF0 ^ x.publicKey().toBytes()[0])),
          challenge);
      SignedState opening = SignedState.cosign(params.openingProof(), a, b);
      state = (ChannelState.Open) ((Transition.Accepted) ChannelMachine.apply(ChannelMachine.start(params),
          new ChannelEvent.FundingConfirmed(opening, T0))).next();
    }

    Party of(SigningKey k) {
      return params.partyOf(k.publicKey());
    }

    void lock(SigningKey from, Bytes hash, long amount, long expiry) {
      Party p = of(from);
      update(from, new Update.AddLock(new HashLock(p, hash, Amount.of(amount), expiry)));
    }

    /** {@code from} proposes {@code u}, the other party countersigns. */
    void update(SigningKey from, Update u) {
      Party p = of(from);
      Proposal pr = ChannelMachine.propose(state, p, u, from);
      ChannelState s = ((Transition.Accepted) ChannelMachine.apply(state, new ChannelEvent.Propose(pr))).next();
      SigningKey other = from == a ? b : a;
      Bytes sig = ChannelMachine.countersign((ChannelState.Open) s, other);
      state = (ChannelState.Open) ((Transition.Accepted) ChannelMachine.apply(s,
          new ChannelEvent.Countersign(p.other(), sig))).next();
    }

    void tick(long now) {
      state = (ChannelState.Open) ((Transition.Accepted) ChannelMachine.apply(state, new ChannelEvent.Tick(now)))
          .next();
    }
  }

  private static RejectReason reason(Draft d) {
    return d instanceof Draft.Illegal i ? i.reason() : null;
  }

  @Test
  void theOutgoingLockMustExpireAChallengePeriodOfTheIncomingChannelEarlier() {
    Ch in = new Ch(arron, tom, 2 * W);    // the incoming channel's own, longer window is the margin
    Ch out = new Ch(tom, ruby, W);
    long expiryIn = T0 + 5 * W;
    in.lock(arron, hash, 30, expiryIn);
    Party tomIn = in.of(tom);
    Party tomOut = out.of(tom);
    assertEquals(RejectReason.EXPIRY_TOO_CLOSE,
        reason(ChannelMachine.forward(in.state, tomIn, out.state, tomOut, hash, expiryIn - 2 * W + 1)));
    assertEquals(RejectReason.EXPIRY_TOO_CLOSE,
        reason(ChannelMachine.forward(in.state, tomIn, out.state, tomOut, hash, expiryIn + 1)));
    assertEquals(RejectReason.EXPIRY_TOO_CLOSE,
        reason(ChannelMachine.forward(in.state, tomIn, out.state, tomOut, hash, 0)));
    Draft.Ready ok = assertInstanceOf(Draft.Ready.class,
        ChannelMachine.forward(in.state, tomIn, out.state, tomOut, hash, expiryIn - 2 * W));
    assertEquals(new Update.AddLock(new HashLock(tomOut, hash, Amount.of(30), expiryIn - 2 * W)), ok.update());
    assertEquals(List.of(new HashLock(tomOut, hash, Amount.of(30), expiryIn - 2 * W)), ok.locks());
    assertEquals(Amount.of(70), ok.proof().balance(tomOut));
    // the draft is exactly what the outgoing channel's machine accepts from Tom
    Proposal signed = ok.sign(tom);
    assertInstanceOf(Transition.Accepted.class, ChannelMachine.apply(out.state, new ChannelEvent.Propose(signed)));
  }

  @Test
  void onlyALockTheOtherPartySentAndThatHasNotExpiredCanBeForwarded() {
    Ch in = new Ch(arron, tom, W);
    Ch out = new Ch(tom, ruby, W);
    long expiryIn = T0 + 3 * W;
    in.lock(tom, hash, 10, expiryIn);   // Tom's own lock towards Arron: nothing to forward
    assertEquals(RejectReason.UNKNOWN_LOCK,
        reason(ChannelMachine.forward(in.state, in.of(tom), out.state, out.of(tom), hash, T0 + W)));
    Bytes other = HashLock.hashOf(Fixture.seed(0x98));
    in.lock(arron, other, 10, T0 + 100);
    in.tick(T0 + 100);
    assertEquals(RejectReason.LOCK_EXPIRED,
        reason(ChannelMachine.forward(in.state, in.of(tom), out.state, out.of(tom), other, T0 + 50)));
    assertEquals(RejectReason.UNKNOWN_LOCK, reason(ChannelMachine.forward(in.state, in.of(tom), out.state,
        out.of(tom), HashLock.hashOf(Fixture.seed(0x97)), T0 + W)));
  }

  @Test
  void theOutgoingChannelsOwnRulesStillApply() {
    Ch in = new Ch(arron, tom, W);
    Ch out = new Ch(tom, ruby, W);
    in.lock(arron, hash, 100, T0 + 3 * W);
    out.lock(tom, HashLock.hashOf(Fixture.seed(0x01)), 1, T0 + W);
    assertEquals(RejectReason.INSUFFICIENT_BALANCE,
        reason(ChannelMachine.forward(in.state, in.of(tom), out.state, out.of(tom), hash, T0 + 2 * W)));
    out.tick(T0 + 2 * W);
    assertEquals(RejectReason.LOCK_EXPIRED,
        reason(ChannelMachine.forward(in.state, in.of(tom), out.state, out.of(tom), hash, T0 + 2 * W)));
  }

  @Test
  void thePayeeRevealsTheSecretOnlyWithAChallengePeriodLeftToClaimOnTheLedger() {
    Ch ch = new Ch(tom, ruby, W);
    Party rubyP = ch.of(ruby);
    ch.lock(tom, hash, 30, T0 + 100 + W);
    Bytes other = Bytes.copyOf(Fixture.seed(0x98));
    ch.lock(ruby, HashLock.hashOf(other.toByteArray()), 10, T0 + 2 * W); // Ruby's own lock: not hers to claim
    assertEquals(RejectReason.UNKNOWN_LOCK, reason(ChannelMachine.reveal(ch.state, rubyP, other)));
    assertEquals(RejectReason.UNKNOWN_LOCK,
        reason(ChannelMachine.reveal(ch.state, rubyP, Bytes.copyOf(Fixture.seed(0x97)))));
    ch.tick(T0 + 100);   // exactly one challenge period left: still safe
    Draft.Ready ok = assertInstanceOf(Draft.Ready.class, ChannelMachine.reveal(ch.state, rubyP, secret));
    assertEquals(new Update.Unlock(secret), ok.update());
    assertEquals(Amount.of(100 - 10 + 30), ok.proof().balance(rubyP)); // her own lock of 10 still pending
    ch.tick(T0 + 101);   // one second less: Ruby lets the lock expire instead
    assertEquals(RejectReason.EXPIRY_TOO_CLOSE, reason(ChannelMachine.reveal(ch.state, rubyP, secret)));
    ch.tick(T0 + 100 + W);
    assertEquals(RejectReason.LOCK_EXPIRED, reason(ChannelMachine.reveal(ch.state, rubyP, secret)));
  }

  @Test
  void anUnclaimedTransferIsRefundedHopByHopOnceEachLockExpires() {
    // Ruby never reveals the secret: Tom takes his outgoing lock back at its expiry, Arron his a challenge
    // period later; every balance ends where it started, and neither refund is possible a second earlier.
    Ch in = new Ch(arron, tom, W);
    Ch out = new Ch(tom, ruby, W);
    long expiryIn = T0 + 3 * W;
    in.lock(arron, hash, 30, expiryIn);
    Draft.Ready fwd = assertInstanceOf(Draft.Ready.class,
        ChannelMachine.forward(in.state, in.of(tom), out.state, out.of(tom), hash, expiryIn - W));
    out.update(tom, fwd.update());
    long expiryOut = expiryIn - W;
    out.tick(expiryOut - 1);
    assertEquals(RejectReason.LOCK_NOT_EXPIRED, reason(ChannelMachine.draft(out.state, out.of(tom),
        new Update.ExpireLock(hash))));
    out.tick(expiryOut);
    out.update(tom, new Update.ExpireLock(hash));
    in.tick(expiryIn - 1);
    assertEquals(RejectReason.LOCK_NOT_EXPIRED, reason(ChannelMachine.draft(in.state, in.of(arron),
        new Update.ExpireLock(hash))));
    in.tick(expiryIn);
    assertEquals(RejectReason.LOCK_EXPIRED, reason(ChannelMachine.reveal(in.state, in.of(tom), secret)),
        "too late for Tom to claim upstream");
    in.update(arron, new Update.ExpireLock(hash));
    for (Ch c : List.of(in, out)) {
      assertTrue(c.state.locks().isEmpty());
      assertEquals(Amount.of(100), c.state.latest().proof().balanceA());
      assertEquals(Amount.of(100), c.state.latest().proof().balanceB());
    }
  }
}
