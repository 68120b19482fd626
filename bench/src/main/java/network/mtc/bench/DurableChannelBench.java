package network.mtc.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import network.mtc.channels.Amount;
import network.mtc.channels.Asset;
import network.mtc.channels.ChannelEvent;
import network.mtc.channels.ChannelParams;
import network.mtc.channels.Party;
import network.mtc.channels.SignedState;
import network.mtc.channels.Update;
import network.mtc.channels.endpoint.DurableChannel;
import network.mtc.channels.endpoint.Outcome;
import network.mtc.channels.journal.ChannelJournal;
import network.mtc.channels.journal.Durability;
import network.mtc.channels.message.ChannelMessage;
import network.mtc.crypto.SigningKey;
import network.mtc.wire.Bytes;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A complete channel update through the endpoint a node uses ({@link DurableChannel}), both parties on
 * one core: the payer reserves its proposal (one record) and signs; the payee verifies, signs, then reserves
 * and stores the co-signed state with its locks and time (two records, one sync); the payer verifies the
 * countersignature and stores (one record). Two signatures, two verifications, four journal records and,
 * in SYNC mode, three fdatasyncs. Payments alternate direction. Compare with {@link ChannelUpdateBench},
 * the same work wired by hand with three records.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class DurableChannelBench {
  @Param({"NO_SYNC", "SYNC"})
  Durability durability;

  Path dir;
  ChannelJournal journalA;
  ChannelJournal journalB;
  DurableChannel a;
  DurableChannel b;
  Party payer = Party.A;

  @Setup
  public void setup() throws IOException {
    SigningKey k1 = SigningKey.fromSeed(fill(0xA1));
    SigningKey k2 = SigningKey.fromSeed(fill(0xB2));
    ChannelParams p = ChannelParams.of(7, Asset.MTC, k1.publicKey(), Amount.of(1_000_000_000L), k2.publicKey(),
        Amount.of(1_000_000_000L), Amount.ZERO, SigningKey.fromSeed(fill(0x5A)).publicKey(),
        Bytes.copyOf(fill(0xF0)), ChannelParams.MIN_CHALLENGE_PERIOD);
    SigningKey ka = p.keyA().equals(k1.publicKey()) ? k1 : k2;
    SigningKey kb = ka == k1 ? k2 : k1;
    dir = Files.createTempDirectory("mtc-endpoint-bench");
    ChannelJournal.Options o = ChannelJournal.Options.DEFAULT.with(durability);
    journalA = ChannelJournal.open(dir.resolve("a"), o);
    journalB = ChannelJournal.open(dir.resolve("b"), o);
    a = DurableChannel.open(journalA, p, ka);
    b = DurableChannel.open(journalB, p, kb);
    SignedState opening = new SignedState(p.openingProof(), a.signOpening(), b.signOpening());
    done(a.receive(new ChannelEvent.FundingConfirmed(opening, 1_000_000)));
    done(b.receive(new ChannelEvent.FundingConfirmed(opening, 1_000_000)));
  }

  @TearDown
  public void tearDown() throws IOException {
    journalA.close();
    journalB.close();
    TempDirs.deleteTree(dir);
  }

  @Benchmark
  public long update() {
    DurableChannel from = payer == Party.A ? a : b;
    DurableChannel to = payer == Party.A ? b : a;
    ChannelMessage.Propose p = (ChannelMessage.Propose) done(from.propose(new Update.Payment(Amount.of(1))))
        .send().get(0);
    ChannelMessage.Countersign c = (ChannelMessage.Countersign) done(to.receive(
        new ChannelEvent.Propose(p.proposal()))).send().get(0);
    done(from.receive(new ChannelEvent.Countersign(c.signer(), c.signature())));
    payer = payer.other();
    return c.nonce();
  }

  private static Outcome.Done done(Outcome o) {
    if (o instanceof Outcome.Done d) {
      return d;
    }
    throw new IllegalStateException("not applied: " + o);
  }

  private static byte[] fill(int v) {
    byte[] s = new byte[32];
    Arrays.fill(s, (byte) v);
    return s;
  }
}
