package network.mtc.channels;

import java.util.ArrayList;
import java.util.List;
import network.mtc.crypto.SigningKey;
import network.mtc.wire.Bytes;

/** Two parties with keys from fixed seeds, a station, and a funded channel driven through the machine. */
final class Fixture {
  static final long LEDGER = 7;
  static final long T0 = 1_000_000;
  final SigningKey a;
  final SigningKey b;
  final SigningKey station = SigningKey.fromSeed(seed(0x5A));
  final ChannelParams params;
  ChannelState state;
  final List<ChannelEffect> effects = new ArrayList<>();

  Fixture(Asset asset, long depositA, long depositB) {
    SigningKey k1 = SigningKey.fromSeed(seed(0xA1));
    SigningKey k2 = SigningKey.fromSeed(seed(0xB2));
    boolean swap = java.util.Arrays.compareUnsigned(k1.publicKey().toBytes(), k2.publicKey().toBytes()) > 0;
    a = swap ? k2 : k1;
    b = swap ? k1 : k2;
    params = new ChannelParams(LEDGER, asset, a.publicKey(), b.publicKey(), Amount.of(depositA),
        Amount.of(depositB), asset.paysGas() ? ChannelParams.GAS_PER_UPDATE.plus(
            new Amount(ChannelParams.GAS_PER_UPDATE.units().multiply(java.math.BigInteger.valueOf(999))))
            : Amount.ZERO,
        asset.paysGas() ? new Amount(ChannelParams.GAS_PER_UPDATE.units().multiply(
            java.math.BigInteger.valueOf(1000))) : Amount.ZERO,
        station.publicKey(), Bytes.copyOf(seed(0xF0)), ChannelParams.MIN_CHALLENGE_PERIOD);
    state = ChannelMachine.start(params);
  }

  static byte[] seed(int b) {
    byte[] s = new byte[32];
    java.util.Arrays.fill(s, (byte) b);
    return s;
  }

  SigningKey key(Party p) {
    return p == Party.A ? a : b;
  }

  SignedState opening() {
    return SignedState.cosign(params.openingProof(), a, b);
  }

  Fixture funded() {
    ok(new ChannelEvent.FundingConfirmed(opening(), T0));
    return this;
  }

  ChannelState.Open open() {
    return (ChannelState.Open) state;
  }

  Transition apply(ChannelEvent e) {
    Transition t = ChannelMachine.apply(state, e);
    if (t instanceof Transition.Accepted acc) {
      state = acc.next();
      effects.addAll(acc.effects());
    }
    return t;
  }

  Transition.Accepted ok(ChannelEvent e) {
    Transition t = apply(e);
    if (!(t instanceof Transition.Accepted acc)) {
      throw new AssertionError("rejected: " + t + " for " + e);
    }
    return acc;
  }

  RejectReason rejected(ChannelEvent e) {
    Transition t = apply(e);
    if (!(t instanceof Transition.Rejected r)) {
      throw new AssertionError("accepted " + e);
    }
    return r.reason();
  }

  /** Propose and countersign. */
  SignedState update(Party proposer, Update u) {
    Proposal p = ChannelMachine.propose(open(), proposer, u, key(proposer));
    ok(new ChannelEvent.Propose(p));
    ok(new ChannelEvent.Countersign(proposer.other(), ChannelMachine.countersign(open(), key(proposer.other()))));
    return open().latest();
  }

  SignedState pay(Party payer, long amount) {
    return update(payer, new Update.Payment(Amount.of(amount)));
  }
}
