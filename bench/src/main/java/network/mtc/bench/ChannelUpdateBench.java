package network.mtc.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import network.mtc.channels.Amount;
import network.mtc.channels.Asset;
import network.mtc.channels.ChannelEvent;
import network.mtc.channels.ChannelMachine;
import network.mtc.channels.ChannelParams;
import network.mtc.channels.ChannelState;
import network.mtc.channels.Party;
import network.mtc.channels.Proposal;
import network.mtc.channels.SignedState;
import network.mtc.channels.Transition;
import network.mtc.channels.Update;
import network.mtc.channels.journal.ChannelJournal;
import network.mtc.channels.journal.Durability;
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
 * A complete channel update, both parties' work on one core (issue 6, section 9): the payer proposes
 * (signs) and reserves the nonce in its journal; the payee verifies the proposal, countersigns and, as the
 * last signer, reserves and stores the co-signed state with one sync; the payer verifies the
 * countersignature and stores the co-signed state. Two Ed25519 signatures, two verifications, three
 * journal records in two journals (three syncs in SYNC mode). Payments alternate direction.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class ChannelUpdateBench {
  @Param({"NO_SYNC", "SYNC"})
  Durability durability;

  Path dir;
  SigningKey a;
  SigningKey b;
  ChannelState state;
  ChannelJournal journalA;
  ChannelJournal journalB;
  byte[] channelId;
  Party payer = Party.A;

  @Setup
  public void setup() throws IOException {
    a = SigningKey.fromSeed(fill(0xA1));
    b = SigningKey.fromSeed(fill(0xB2));
    ChannelParams p = ChannelParams.of(7, Asset.MTC, a.publicKey(), Amount.of(1_000_000_000L), b.publicKey(),
        Amount.of(1_000_000_000L), Amount.ZERO, SigningKey.fromSeed(fill(0x5A)).publicKey(),
        Bytes.copyOf(fill(0xF0)), ChannelParams.MIN_CHALLENGE_PERIOD);
    if (!p.keyA().equals(a.publicKey())) {
      SigningKey t = a;
      a = b;
      b = t;
    }
    channelId = p.channelId().toByteArray();
    state = accepted(ChannelMachine.apply(ChannelMachine.start(p),
        new ChannelEvent.FundingConfirmed(SignedState.cosign(p.openingProof(), a, b), 1_000_000)));
    dir = Files.createTempDirectory("mtc-update-bench");
    ChannelJournal.Options o = ChannelJournal.Options.DEFAULT.with(durability);
    journalA = ChannelJournal.open(dir.resolve("a"), o);
    journalB = ChannelJournal.open(dir.resolve("b"), o);
  }

  @TearDown
  public void tearDown() throws IOException {
    journalA.close();
    journalB.close();
    TempDirs.deleteTree(dir);
  }

  @Benchmark
  public long update() {
    Party payee = payer.other();
    SigningKey payerKey = payer == Party.A ? a : b;
    SigningKey payeeKey = payer == Party.A ? b : a;
    ChannelJournal payerJournal = payer == Party.A ? journalA : journalB;
    ChannelJournal payeeJournal = payer == Party.A ? journalB : journalA;

    ChannelState.Open open = (ChannelState.Open) state;
    Proposal proposal = ChannelMachine.propose(open, payer, new Update.Payment(Amount.of(1)), payerKey);
    byte[] hash = proposal.proof().hash().toByteArray();
    long nonce = proposal.proof().nonce();
    if (!payerJournal.reserveSignature(channelId, nonce, hash).maySign()) {
      throw new IllegalStateException("payer journal refused");
    }
    // Payee: verify the proposal (inside apply), countersign, reserve and store, then send.
    ChannelState proposed = accepted(ChannelMachine.apply(open, new ChannelEvent.Propose(proposal)));
    Bytes sig = ChannelMachine.countersign((ChannelState.Open) proposed, payeeKey);
    byte[] coSigned = coSigned(proposal, sig);
    if (!payeeJournal.reserveAndStore(channelId, nonce, hash, coSigned).maySign()) {
      throw new IllegalStateException("payee journal refused");
    }
    // Payer: verify the countersignature (inside apply) and store the co-signed state.
    state = accepted(ChannelMachine.apply(proposed, new ChannelEvent.Countersign(payee, sig)));
    payerJournal.storeState(channelId, nonce, hash, coSigned);
    payer = payee;
    return nonce;
  }

  private static byte[] coSigned(Proposal p, Bytes countersignature) {
    byte[] proof = p.proof().encode();
    byte[] out = Arrays.copyOf(proof, proof.length + 128);
    p.signature().copyTo(out, proof.length);
    countersignature.copyTo(out, proof.length + 64);
    return out;
  }

  private static ChannelState accepted(Transition t) {
    if (t instanceof Transition.Accepted acc) {
      return acc.next();
    }
    throw new IllegalStateException("rejected: " + t);
  }

  private static byte[] fill(int v) {
    byte[] s = new byte[32];
    Arrays.fill(s, (byte) v);
    return s;
  }
}
