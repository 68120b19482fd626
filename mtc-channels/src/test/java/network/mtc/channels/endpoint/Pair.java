package network.mtc.channels.endpoint;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import network.mtc.channels.Amount;
import network.mtc.channels.Asset;
import network.mtc.channels.ChannelEvent;
import network.mtc.channels.ChannelParams;
import network.mtc.channels.ChannelState;
import network.mtc.channels.Party;
import network.mtc.channels.SignedState;
import network.mtc.channels.journal.ChannelJournal;
import network.mtc.channels.journal.Durability;
import network.mtc.channels.message.ChannelMessage;
import network.mtc.crypto.SigningKey;
import network.mtc.wire.Bytes;

/** Both ends of one MTC channel, each with its own journal in {@code dir}; keys from fixed seeds. */
final class Pair implements AutoCloseable {
  static final long T0 = 1_000_000;
  static final SigningKey KEY_A;
  static final SigningKey KEY_B;
  static final ChannelParams PARAMS;

  static {
    SigningKey k1 = SigningKey.fromSeed(seed(0xA1));
    SigningKey k2 = SigningKey.fromSeed(seed(0xB2));
    boolean swap = Arrays.compareUnsigned(k1.publicKey().toBytes(), k2.publicKey().toBytes()) > 0;
    KEY_A = swap ? k2 : k1;
    KEY_B = swap ? k1 : k2;
    PARAMS = new ChannelParams(7, Asset.MTC, KEY_A.publicKey(), KEY_B.publicKey(), Amount.of(1_000_000),
        Amount.of(1_000_000), Amount.ZERO, Amount.ZERO, SigningKey.fromSeed(seed(0x5A)).publicKey(),
        Bytes.copyOf(seed(0xF0)), ChannelParams.MIN_CHALLENGE_PERIOD);
  }

  final Path dir;
  final Durability durability;
  ChannelJournal journalA;
  ChannelJournal journalB;
  DurableChannel a;
  DurableChannel b;

  Pair(Path dir, Durability durability) {
    this.dir = dir;
    this.durability = durability;
    reopen();
  }

  static byte[] seed(int v) {
    byte[] s = new byte[32];
    Arrays.fill(s, (byte) v);
    return s;
  }

  /** Opens (or, after {@link #crash}, reopens) both journals and recovers both endpoints. */
  void reopen() {
    ChannelJournal.Options o = ChannelJournal.Options.DEFAULT.with(durability);
    journalA = ChannelJournal.open(dir.resolve("a.journal"), o);
    journalB = ChannelJournal.open(dir.resolve("b.journal"), o);
    a = DurableChannel.open(journalA, PARAMS, KEY_A);
    b = DurableChannel.open(journalB, PARAMS, KEY_B);
  }

  /** Drops both endpoints without any goodbye: only what the journals hold survives. */
  void crash() {
    journalA.close();
    journalB.close();
  }

  /** Both sign the opening state and see the funding confirmed. */
  void fund() {
    SignedState opening = new SignedState(PARAMS.openingProof(), a.signOpening(), b.signOpening());
    done(a.receive(new ChannelEvent.FundingConfirmed(opening, T0)));
    done(b.receive(new ChannelEvent.FundingConfirmed(opening, T0)));
  }

  DurableChannel end(Party p) {
    return p == Party.A ? a : b;
  }

  /** The reestablish exchange both ways after a restart, as REESTABLISH messages (and their answers). */
  void reestablish() {
    ChannelMessage fromA = a.reestablish().orElseThrow();
    ChannelMessage fromB = b.reestablish().orElseThrow();
    for (ChannelMessage answer : done(deliver(Party.A, fromA)).send()) {
      done(deliver(Party.B, answer));
    }
    for (ChannelMessage answer : done(deliver(Party.B, fromB)).send()) {
      done(deliver(Party.A, answer));
    }
  }

  /** Delivers {@code m} from {@code from} to the other end and returns the outcome there. */
  Outcome deliver(Party from, ChannelMessage m) {
    DurableChannel to = end(from.other());
    if (m instanceof ChannelMessage.Propose p) {
      return to.receive(new ChannelEvent.Propose(p.proposal()));
    } else if (m instanceof ChannelMessage.Countersign c) {
      return to.receive(new ChannelEvent.Countersign(c.signer(), c.signature()));
    } else if (m instanceof ChannelMessage.OfferClose c) {
      return to.receive(new ChannelEvent.OfferClose(c.by(), c.signature()));
    } else if (m instanceof ChannelMessage.AcceptClose c) {
      return to.receive(new ChannelEvent.AcceptClose(c.by(), c.signature()));
    } else if (m instanceof ChannelMessage.Reestablish r) {
      return to.receive(new ChannelEvent.Reestablish(r.from(), r.lastSeen(), r.locks()));
    }
    throw new IllegalArgumentException("not a message between the parties: " + m);
  }

  /** A REJECT of the proposal at {@code nonce}, signed by {@code from}'s key (as its endpoint would). */
  static ChannelMessage.Reject rejectBy(Party from, long nonce, network.mtc.channels.RejectReason reason,
      long floor) {
    return ChannelMessage.Reject.sign(from == Party.A ? KEY_A : KEY_B, PARAMS.channelId(), nonce, reason, floor);
  }

  static Outcome.Done done(Outcome o) {
    if (!(o instanceof Outcome.Done d)) {
      throw new AssertionError("expected Done, got " + o);
    }
    return d;
  }

  static ChannelMessage only(Outcome o) {
    List<ChannelMessage> send = done(o).send();
    if (send.size() != 1) {
      throw new AssertionError("expected one message, got " + send);
    }
    return send.get(0);
  }

  static ChannelState.Open open(DurableChannel c) {
    return (ChannelState.Open) c.state();
  }

  @Override
  public void close() {
    crash();
  }
}
