package network.mtc.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.TreeMap;
import java.util.stream.Stream;
import network.mtc.channels.Amount;
import network.mtc.channels.Asset;
import network.mtc.channels.ChannelEvent;
import network.mtc.channels.ChannelParams;
import network.mtc.channels.ChannelState;
import network.mtc.channels.Party;
import network.mtc.channels.RejectReason;
import network.mtc.channels.SignedState;
import network.mtc.channels.Update;
import network.mtc.channels.endpoint.DurableChannel;
import network.mtc.channels.endpoint.Outcome;
import network.mtc.channels.journal.ChannelJournal;
import network.mtc.channels.journal.Durability;
import network.mtc.channels.message.ChannelMessage;
import network.mtc.crypto.SigningKey;
import network.mtc.wire.Bytes;

/**
 * Both ends of a channel as {@link DurableChannel}s with real journals, in the manner of LDK's
 * chanmon_consistency: the input is a stream of operations (either side proposes, messages in either
 * direction are delivered, dropped or duplicated, either side crashes and restarts from its journal alone,
 * either side sends a REESTABLISH or withdraws its pending proposal; rejected proposals are answered with a
 * REJECT, which makes the proposer withdraw). Properties: nothing throws; no party ever signs two different states at
 * one nonce (Ed25519 is deterministic, so one state gives one signature: every signature that leaves an end
 * is recorded per party and nonce, across restarts); every state an end holds conserves the deposits; and
 * once both sides exchange REESTABLISH and every message is delivered, they hold the same latest state.
 */
public class DurableChannelFuzzTest {
  private static final SigningKey KA;
  private static final SigningKey KB;
  private static final ChannelParams PARAMS;
  /** Operations per input: bounds the run time of one input. */
  private static final int MAX_OPS = 48;
  /** Messages in flight per direction: a bounded mesh. */
  private static final int MAX_IN_FLIGHT = 8;
  private static final RejectReason[] REASONS = RejectReason.values();

  static {
    SigningKey k1 = SigningKey.fromSeed(fill(0xA1));
    SigningKey k2 = SigningKey.fromSeed(fill(0xB2));
    boolean swap = Arrays.compareUnsigned(k1.publicKey().toBytes(), k2.publicKey().toBytes()) > 0;
    KA = swap ? k2 : k1;
    KB = swap ? k1 : k2;
    PARAMS = new ChannelParams(7, Asset.MTC, KA.publicKey(), KB.publicKey(), Amount.of(1000), Amount.of(500),
        Amount.ZERO, Amount.ZERO, KA.publicKey(), Bytes.copyOf(fill(0xF0)), ChannelParams.MIN_CHALLENGE_PERIOD);
  }

  @FuzzTest
  void fuzz(byte[] data) {
    fuzzerTestOneInput(data);
  }

  /** Entry point of the standalone Jazzer driver (fuzz/run.sh). */
  public static void fuzzerTestOneInput(byte[] data) {
    Path dir;
    try {
      dir = Files.createTempDirectory("mtc-endpoint-fuzz");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (Run run = new Run(dir)) {
      run.play(data);
    } finally {
      delete(dir);
    }
  }

  /** One input's world: two ends, their journals, the messages in flight and every signature seen. */
  private static final class Run implements AutoCloseable {
    final Path dir;
    final ChannelJournal[] journals = new ChannelJournal[2];
    final DurableChannel[] ends = new DurableChannel[2];
    final Deque<ChannelMessage>[] inFlight = newQueues();   // [p]: messages from p to the other
    final TreeMap<String, Bytes> signatures = new TreeMap<>();

    Run(Path dir) {
      this.dir = dir;
      for (Party p : Party.values()) {
        open(p);
      }
      SignedState opening = new SignedState(PARAMS.openingProof(), ends[0].signOpening(), ends[1].signOpening());
      record(opening);
      for (Party p : Party.values()) {
        done(ends[p.index()].receive(new ChannelEvent.FundingConfirmed(opening, 1_000_000)));
      }
    }

    @SuppressWarnings("unchecked")
    private static Deque<ChannelMessage>[] newQueues() {
      return new Deque[] {new ArrayDeque<>(), new ArrayDeque<>()};
    }

    void open(Party p) {
      journals[p.index()] = ChannelJournal.open(dir.resolve(p.name()),
          ChannelJournal.Options.DEFAULT.with(Durability.NO_SYNC));
      ends[p.index()] = DurableChannel.open(journals[p.index()], PARAMS, p == Party.A ? KA : KB);
    }

    void play(byte[] data) {
      int ops = 0;
      for (int i = 0; i < data.length && ops < MAX_OPS; i++, ops++) {
        int op = data[i] & 0xFF;
        Party p = (op & 1) == 0 ? Party.A : Party.B;
        switch ((op >>> 1) % 7) {
          case 0 -> {
            int amount = 1 + (i + 1 < data.length ? data[++i] & 0x7F : 1);
            outcome(p, ends[p.index()].propose(new Update.Payment(Amount.of(amount))));
          }
          case 1 -> deliver(p);
          case 2 -> inFlight[p.index()].pollFirst();   // the mesh lost it
          case 3 -> {
            ChannelMessage m = inFlight[p.index()].peekFirst();   // the mesh duplicated it
            if (m != null) {
              send(p, m);
            }
          }
          case 4 -> restart(p);
          case 5 -> {   // a REJECT of p's pending proposal (any reason, any floor): by the peer, or forged
            int b = i + 1 < data.length ? data[++i] & 0xFF : 0;
            DurableChannel end = ends[p.index()];
            end.pendingProposal().ifPresent(m -> {
              long nonce = m.proposal().proof().nonce();
              RejectReason reason = REASONS[b % REASONS.length];
              if ((b & 0x80) != 0) {   // a third party's forgery: ignored, nothing changes
                ChannelState before = end.state();
                Outcome o = end.onReject(new ChannelMessage.Reject(PARAMS.channelId(), nonce, reason, b % 80,
                    Bytes.copyOf(new byte[64])));
                Properties.check(o instanceof Outcome.Rejected && end.state().equals(before),
                    "an unsigned REJECT changed the endpoint: " + o);
              } else {   // the peer said no (say its ledger time passed an expiry), perhaps after saying yes
                outcome(p, end.onReject(ChannelMessage.Reject.sign(p == Party.A ? KB : KA, PARAMS.channelId(),
                    nonce, reason, b % 80)));
              }
            });
          }
          default -> ends[p.index()].reestablish().ifPresent(m -> send(p, m));
        }
        checkConserved();
      }
      converge();
    }

    /** Both sides reestablish; every message is delivered until none is left; then they must agree. */
    void converge() {
      for (int round = 0; round < 4; round++) {
        for (Party p : Party.values()) {
          ends[p.index()].reestablish().ifPresent(m -> send(p, m));
          ends[p.index()].pendingProposal().ifPresent(m -> send(p, m));
        }
        for (int n = 0; n < 8 * MAX_IN_FLIGHT && !(inFlight[0].isEmpty() && inFlight[1].isEmpty()); n++) {
          deliver(n % 2 == 0 ? Party.A : Party.B);
        }
      }
      ChannelState.Open a = (ChannelState.Open) ends[0].state();
      ChannelState.Open b = (ChannelState.Open) ends[1].state();
      Properties.check(a.latest().equals(b.latest()), "the ends hold different latest states after reestablish: "
          + a.latest().proof().nonce() + " and " + b.latest().proof().nonce());
      for (Party p : Party.values()) {
        Properties.check(ends[p.index()].pendingProposal().isEmpty(),
            p + " still has a proposal pending after the exchange: the channel is stuck");
      }
      // Liveness: each end can still pay the other, and the payment commits on both (perhaps at a higher
      // nonce than first proposed: the peer may name a floor above it, NONCE_RESERVED).
      for (Party p : Party.values()) {
        Amount before = ((ChannelState.Open) ends[0].state()).latest().proof().balance(p);
        Outcome o = ends[p.index()].propose(new Update.Payment(Amount.of(1)));
        if (o instanceof Outcome.Rejected r) {
          Properties.check(r.reason() == RejectReason.BAD_NONCE || r.reason() == RejectReason.INSUFFICIENT_BALANCE,
              p + " cannot propose after the exchange: " + r.reason());
          continue;
        }
        outcome(p, o);
        for (int n = 0; n < 8 * MAX_IN_FLIGHT && !(inFlight[0].isEmpty() && inFlight[1].isEmpty()); n++) {
          deliver(n % 2 == 0 ? Party.A : Party.B);
        }
        ChannelState.Open x = (ChannelState.Open) ends[0].state();
        ChannelState.Open y = (ChannelState.Open) ends[1].state();
        Properties.check(x.latest().equals(y.latest())
            && x.latest().proof().balance(p).equals(before.minus(Amount.of(1))),
            "a payment by " + p + " after the exchange did not commit on both ends, once");
        Properties.check(ends[0].pendingProposal().isEmpty() && ends[1].pendingProposal().isEmpty(),
            "a proposal is left pending after a payment by " + p);
      }
    }

    void deliver(Party from) {
      ChannelMessage m = inFlight[from.index()].pollFirst();
      if (m == null) {
        return;
      }
      DurableChannel to = ends[from.other().index()];
      Outcome o;
      if (m instanceof ChannelMessage.Propose pr) {
        o = to.receive(new ChannelEvent.Propose(pr.proposal()));
      } else if (m instanceof ChannelMessage.Countersign c) {
        o = to.receive(new ChannelEvent.Countersign(c.signer(), c.signature()));
      } else if (m instanceof ChannelMessage.Reestablish r) {
        o = to.receive(new ChannelEvent.Reestablish(r.from(), r.lastSeen(), r.locks()));
      } else if (m instanceof ChannelMessage.Reject r) {
        o = to.onReject(r);
      } else {
        throw new AssertionError("unexpected message " + m);
      }
      outcome(from.other(), o);
    }

    void outcome(Party at, Outcome o) {
      if (o instanceof Outcome.Done d) {
        d.send().forEach(m -> send(at, m));
      } else if (o instanceof Outcome.Rejected r) {
        r.send().forEach(m -> send(at, m));
      }
    }

    void send(Party from, ChannelMessage m) {
      if (m instanceof ChannelMessage.Propose pr) {
        record(from, pr.proposal().proof().nonce(), pr.proposal().signature());
      } else if (m instanceof ChannelMessage.Countersign c) {
        record(c.signer(), c.nonce(), c.signature());
      } else if (m instanceof ChannelMessage.Reestablish r) {
        record(r.lastSeen());
      }
      if (inFlight[from.index()].size() < MAX_IN_FLIGHT) {
        inFlight[from.index()].addLast(m);
      }
    }

    void record(SignedState s) {
      record(Party.A, s.proof().nonce(), s.sigA());
      record(Party.B, s.proof().nonce(), s.sigB());
    }

    void record(Party signer, long nonce, Bytes signature) {
      Bytes before = signatures.putIfAbsent(signer + " " + nonce, signature);
      Properties.check(before == null || before.equals(signature),
          signer + " signed two different states at nonce " + nonce);
    }

    /** The end crashes: its journal is closed without a goodbye and everything in memory is lost. */
    void restart(Party p) {
      journals[p.index()].close();
      open(p);
    }

    void checkConserved() {
      for (DurableChannel end : ends) {
        if (end.state() instanceof ChannelState.Open o) {
          Properties.check(o.latest().proof().balanceA().plus(o.latest().proof().balanceB())
              .equals(PARAMS.total()), "a state that does not conserve the deposits");
        }
      }
    }

    private static Outcome.Done done(Outcome o) {
      Properties.check(o instanceof Outcome.Done, "funding not applied: " + o);
      return (Outcome.Done) o;
    }

    @Override
    public void close() {
      for (ChannelJournal j : journals) {
        if (j != null) {
          j.close();
        }
      }
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] fill(int v) {
    byte[] x = new byte[32];
    Arrays.fill(x, (byte) v);
    return x;
  }
}
