package network.mtc.channels.endpoint;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import network.mtc.channels.Amount;
import network.mtc.channels.BalanceProof;
import network.mtc.channels.ChannelEvent;
import network.mtc.channels.ChannelState;
import network.mtc.channels.Party;
import network.mtc.channels.SignatureType;
import network.mtc.channels.Update;
import network.mtc.channels.journal.Durability;
import network.mtc.channels.message.ChannelMessage;

/**
 * The process {@link EndpointKillTest} kills: both ends of one channel ({@link DurableChannel}s with
 * synced journals) in one process, paying each other random amounts forever. On start it recovers both
 * ends, finishes a funding a crash interrupted, runs the reestablish exchange and resends a proposal left
 * unanswered. It prints, each line in one write(2):
 *
 * <ul>
 *   <li>{@code SIG party nonce hash} when a signature of that party is handed out (it may leave now);
 *   <li>{@code ACK party nonce hash} when that party's end returned with the co-signed state (countersigner:
 *       its countersignature is out; proposer: the countersignature arrived);
 *   <li>{@code RESENT party nonce} and {@code RESTORED party nonce} for the recovery paths taken.
 * </ul>
 */
public final class EndpointKillChild {
  private static final FileOutputStream OUT = new FileOutputStream(FileDescriptor.out);
  private static final HexFormat HEX = HexFormat.of();

  private EndpointKillChild() {}

  public static void main(String[] args) throws IOException {
    Random random = new Random(Long.parseLong(args[1]));
    Pair p = new Pair(Path.of(args[0]), Durability.SYNC);
    // Build the keys' verification tables before READY (tens of milliseconds at C1 speed on a loaded
    // machine), so that the kills fall into channel work rather than into this warm-up.
    if (!network.mtc.channels.SignedState.cosign(Pair.PARAMS.openingProof(), Pair.KEY_A, Pair.KEY_B)
        .verify(Pair.PARAMS.keyA(), Pair.PARAMS.keyB())) {
      throw new IllegalStateException("the opening state does not verify");
    }
    print("READY");
    if (p.a.state() instanceof ChannelState.Opening && p.b.state() instanceof ChannelState.Opening) {
      p.fund();
    } else if (p.a.state() instanceof ChannelState.Opening || p.b.state() instanceof ChannelState.Opening) {
      // the kill fell between the two FundingConfirmed: the funded side holds the opening state
      DurableChannel funded = p.a.state() instanceof ChannelState.Open ? p.a : p.b;
      DurableChannel late = funded == p.a ? p.b : p.a;
      Pair.done(late.receive(new ChannelEvent.FundingConfirmed(Pair.open(funded).latest(), Pair.T0)));
    }
    long[] before = {Pair.open(p.a).latest().proof().nonce(), Pair.open(p.b).latest().proof().nonce()};
    p.reestablish();
    for (Party who : Party.values()) {
      long now = Pair.open(p.end(who)).latest().proof().nonce();
      if (now != before[who.index()]) {
        print("RESTORED " + who + " " + now);
      }
    }
    // Both ends may hold a recovered proposal: resend the higher one first, which supersedes the other.
    List<Party> order = new java.util.ArrayList<>(List.of(Party.values()));
    order.sort(java.util.Comparator.comparingLong((Party w) -> p.end(w).pendingProposal()
        .map(m -> m.proposal().proof().nonce()).orElse(-1L)).reversed());
    for (Party who : order) {
      DurableChannel end = p.end(who);
      if (end.pendingProposal().isPresent()) {
        ChannelMessage.Propose again = end.pendingProposal().get();
        print("RESENT " + who + " " + again.proposal().proof().nonce());
        exchange(p, who, again);
      }
    }
    while (true) {
      if (random.nextInt(3) == 0) {
        race(p, random);
        continue;
      }
      Party payer = random.nextBoolean() ? Party.A : Party.B;
      Outcome o = p.end(payer).propose(new Update.Payment(Amount.of(1 + random.nextInt(1000))));
      if (o instanceof Outcome.Rejected r) {
        continue; // INSUFFICIENT_BALANCE: the other side pays next
      }
      ChannelMessage.Propose prop = (ChannelMessage.Propose) Pair.only(o);
      print("SIG " + payer + " " + line(prop.proposal().proof()));
      exchange(p, payer, prop);
    }
  }

  /**
   * Both ends pay at once (channels.md §8): the proposal with the higher nonce wins, the other end
   * countersigns it and proposes its payment again on top. The crossing proposals are delivered in a random
   * order; the lower one is refused with RACE_LOST wherever it lands.
   */
  private static void race(Pair p, Random random) throws IOException {
    Outcome oa = p.a.propose(new Update.Payment(Amount.of(1 + random.nextInt(100))));
    Outcome ob = p.b.propose(new Update.Payment(Amount.of(1 + random.nextInt(100))));
    ChannelMessage.Propose pa = oa instanceof Outcome.Done ? (ChannelMessage.Propose) Pair.only(oa) : null;
    ChannelMessage.Propose pb = ob instanceof Outcome.Done ? (ChannelMessage.Propose) Pair.only(ob) : null;
    if (pa != null) {
      print("SIG A " + line(pa.proposal().proof()));
    }
    if (pb != null) {
      print("SIG B " + line(pb.proposal().proof()));
    }
    if (pa == null || pb == null) {   // one side could not pay: a plain update
      if (pa != null || pb != null) {
        exchange(p, pa != null ? Party.A : Party.B, pa != null ? pa : pb);
      }
      return;
    }
    print("RACE");
    boolean aWins = pa.proposal().proof().nonce() > pb.proposal().proof().nonce();
    Party winner = aWins ? Party.A : Party.B;
    ChannelMessage.Propose win = aWins ? pa : pb;
    ChannelMessage.Propose lose = aWins ? pb : pa;
    boolean lowerFirst = random.nextBoolean();
    if (lowerFirst && !(p.deliver(winner.other(), lose) instanceof Outcome.Rejected)) {
      throw new IllegalStateException("the lower proposal was not refused");
    }
    Outcome.Done atLoser = Pair.done(p.deliver(winner, win));
    BalanceProof proof = win.proposal().proof();
    print("SIG " + winner.other() + " " + line(proof));
    print("ACK " + winner.other() + " " + line(proof));
    if (!lowerFirst && !(p.deliver(winner.other(), lose) instanceof Outcome.Rejected)) {
      throw new IllegalStateException("the lower proposal was not refused");
    }
    ChannelMessage.Propose again = null;
    for (ChannelMessage m : atLoser.send()) {
      if (m instanceof ChannelMessage.Propose pr) {
        again = pr;
        print("SIG " + winner.other() + " " + line(pr.proposal().proof()));
      }
    }
    Pair.done(p.deliver(winner.other(), atLoser.send().get(0)));
    print("ACK " + winner + " " + line(proof));
    if (again != null) {
      exchange(p, winner.other(), again);
    }
  }

  private static void exchange(Pair p, Party payer, ChannelMessage.Propose prop) throws IOException {
    BalanceProof proof = prop.proposal().proof();
    List<ChannelMessage> answer = Pair.done(p.deliver(payer, prop)).send();
    print("SIG " + payer.other() + " " + line(proof));
    print("ACK " + payer.other() + " " + line(proof));
    // After a restart both ends may hold a recovered proposal: ours wins the race, and the other end's update
    // comes back as a new proposal after the countersignature.
    ChannelMessage.Propose again = answer.size() > 1 ? (ChannelMessage.Propose) answer.get(1) : null;
    if (again != null) {
      print("SIG " + payer.other() + " " + line(again.proposal().proof()));
    }
    Pair.done(p.deliver(payer.other(), answer.get(0)));
    print("ACK " + payer + " " + line(proof));
    if (again != null) {
      exchange(p, payer.other(), again);
    }
  }

  private static String line(BalanceProof proof) {
    return proof.nonce() + " " + HEX.formatHex(DurableChannel.signedHash(SignatureType.STATE, proof));
  }

  private static void print(String s) throws IOException {
    OUT.write((s + "\n").getBytes(StandardCharsets.US_ASCII));
  }
}
