package network.mtc.cli.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import network.mtc.channels.BalanceProof;
import network.mtc.channels.ChannelEffect;
import network.mtc.channels.ChannelEvent;
import network.mtc.channels.ChannelState;
import network.mtc.channels.HashLock;
import network.mtc.channels.Party;
import network.mtc.channels.Proposal;
import network.mtc.channels.RejectReason;
import network.mtc.channels.SignedState;
import network.mtc.channels.Update;
import network.mtc.channels.journal.ChannelJournal;
import network.mtc.channels.endpoint.Outcome;
import network.mtc.channels.message.ChannelMessage;
import network.mtc.channels.message.SealedEnvelope;
import network.mtc.channels.witness.Appointment;
import network.mtc.channels.witness.WitnessCodec;
import network.mtc.channels.witness.WitnessReceipt;
import network.mtc.crypto.AeadException;
import network.mtc.crypto.SigningKey;
import network.mtc.crypto.X25519KeyPair;
import network.mtc.wire.Bytes;
import network.mtc.wire.MtcDecodeException;
import network.mtc.wire.NodeAddress;

/**
 * A channel party's phone on the mesh: its channel key, its X25519 key for sealed envelopes, its journal,
 * and its views of its channels (each a {@link network.mtc.channels.endpoint.DurableChannel} on that
 * journal, the only code that signs). It reacts to what arrives on the mesh the way a wallet would: checks and
 * countersigns proposals (journal first), completes its own proposals, answers close offers, collects
 * witness receipts. The story ({@link Demo}) decides what it proposes and when.
 */
final class Person {
  final String name;
  final SigningKey key;
  final X25519KeyPair box;
  final int node;
  /** This phone's journal; replaced when the phone restarts ({@link #restart}). */
  ChannelJournal journal;
  private final Demo demo;
  /** Views of this person's channels, by channel id hex. */
  private final TreeMap<String, ChannelView> channels = new TreeMap<>();
  /** Invoices received (the payer side of a mediated transfer). */
  final List<ChannelMessage.Invoice> invoices = new ArrayList<>();
  /** Preimages known, by lock hash hex: made (a payee) or learned from an Unlock (a mediator). */
  final TreeMap<String, Bytes> secrets = new TreeMap<>();

  Person(String name, SigningKey key, X25519KeyPair box, int node, ChannelJournal journal, Demo demo) {
    this.name = name;
    this.key = key;
    this.box = box;
    this.node = node;
    this.journal = journal;
    this.demo = demo;
  }

  /**
   * The phone was killed and restarts with {@code reopened}, its journal file opened again: every channel
   * is recovered from the journal alone; nothing held in memory before survives.
   */
  void restart(ChannelJournal reopened) {
    journal = reopened;
    for (ChannelView v : channels.values()) {
      v.recover(reopened);
    }
  }

  NodeAddress address() {
    return demo.world.node(node).address();
  }

  void add(ChannelView v) {
    channels.put(v.id.hex(), v);
  }

  /** This person's channels, in the order of their ids. */
  List<ChannelView> views() {
    return List.copyOf(channels.values());
  }

  ChannelView view(Bytes channelId) {
    return channels.get(channelId.hex());
  }

  void listen() {
    demo.world.node(node).subscribe(Demo.PAY_TOPIC, m -> onEnvelope(m.payload()));
    demo.world.node(node).subscribe(Demo.RECEIPT_TOPIC, m -> onReceipt(m.payload()));
  }

  void send(Person to, ChannelMessage m) {
    demo.send(node, to.address(), to.box.publicKey(), m);
  }

  // ---------------------------------------------------------------- what the story asks this person to do

  /**
   * Proposes through the endpoint: the state and the proposal are reserved in the journal (synced) before
   * the proposal is signed and applied to this side's machine.
   */
  Proposal propose(ChannelView v, Update u) {
    Outcome o = v.channel.propose(u);
    if (!(o instanceof Outcome.Done d)) {
      throw new StoryFailure(name + "'s endpoint refused to propose in " + v.name + ": " + o);
    }
    return ((ChannelMessage.Propose) d.send().get(0)).proposal();
  }

  /** Signs the cooperative close of {@code v} through the endpoint (reserved first) and applies the offer. */
  ChannelMessage.OfferClose offerClose(ChannelView v) {
    Outcome o = v.channel.offerClose();
    if (!(o instanceof Outcome.Done d)) {
      throw new StoryFailure(name + "'s endpoint refused to offer the close of " + v.name + ": " + o);
    }
    v.offer = (ChannelMessage.OfferClose) d.send().get(0);
    return v.offer;
  }

  // ---------------------------------------------------------------- what arrives over the mesh

  private void onEnvelope(byte[] payload) {
    try {
      if (!SealedEnvelope.recipient(payload).equals(address())) {
        return; // for someone else: relayed by the mesh, never opened
      }
      handle(SealedEnvelope.open(box, payload));
    } catch (MtcDecodeException | AeadException e) {
      demo.log(name + " drops an envelope that does not open: " + e.getMessage());
    }
  }

  private void handle(ChannelMessage m) {
    if (m instanceof ChannelMessage.Propose p) {
      onPropose(p);
    } else if (m instanceof ChannelMessage.Countersign c) {
      onCountersign(c);
    } else if (m instanceof ChannelMessage.OfferClose o) {
      onOfferClose(o);
    } else if (m instanceof ChannelMessage.AcceptClose a) {
      onAcceptClose(a);
    } else if (m instanceof ChannelMessage.Invoice i) {
      if (invoices.stream().noneMatch(x -> x.hash().equals(i.hash()))) {
        invoices.add(i);
        demo.log(name + " opens an invoice: " + i.amount().format(i.asset()) + " " + i.asset()
            + " against the hash " + i.hash().hex().substring(0, 16) + "...");
      }
    } else if (m instanceof ChannelMessage.Reestablish r) {
      onReestablish(r);
    } else if (m instanceof ChannelMessage.Reject r) {
      onReject(r);
    } else if (m instanceof ChannelMessage.Settle) {
      demo.log(name + " ignores a settle message: only stations carry them");
    }
  }

  private void onPropose(ChannelMessage.Propose msg) {
    ChannelView v = view(msg.channelId());
    if (v == null) {
      demo.log(name + " ignores a proposal for an unknown channel");
      return;
    }
    Proposal p = msg.proposal();
    long nonce = p.proof().nonce();
    // a retransmission of a proposal already countersigned: the endpoint answers with the same countersignature
    boolean again = v.state() instanceof ChannelState.Open o && o.latest().proof().equals(p.proof());
    Outcome out = v.channel.receive(new ChannelEvent.Propose(p));
    if (out instanceof Outcome.Rejected r && r.reason() == RejectReason.RACE_LOST) {
      demo.log(name + " gets " + v.peer.name + "'s proposal of state " + nonce + " while " + name + "'s own of "
          + "state " + v.open().pending().proof().nonce() + " is pending: the higher nonce wins the race, so " + name
          + " signs nothing for state " + nonce + " (RACE_LOST) and waits for " + v.peer.name + " to countersign");
      return;
    } else if (out instanceof Outcome.Rejected r) {
      demo.log(name + " rejects " + v.peer.name + "'s proposal of state " + nonce + ": " + r.reason());
      r.send().forEach(m -> send(v.peer, m)); // the REJECT, so that the proposer withdraws
      return;
    } else if (out instanceof Outcome.Refused r) {
      demo.log(name + "'s journal refuses to countersign state " + nonce + ": " + r.decision());
      return;
    }
    Outcome.Done done = (Outcome.Done) out;
    if (!again && done.send().isEmpty()) {
      demo.log(name + " holds " + v.peer.name + "'s proposal of state " + nonce + ": it builds on " + name
          + "'s own pending proposal, whose countersignature it overtook in the mesh");
      return;
    }
    for (ChannelEffect e : done.effects()) {
      if (e instanceof ChannelEffect.ProposalSuperseded lost) {
        Person even = v.me == Party.A ? this : v.peer;
        Person odd = even == this ? v.peer : this;
        demo.log(name + "'s own proposal of state " + lost.loser().proof().nonce() + " lost the race to "
            + v.peer.name + "'s state " + nonce + " (in this channel " + even.name + " proposes at even nonces and "
            + odd.name + " at odd ones, so two proposals never share a nonce; the higher wins)");
      }
    }
    if (!again) {
      demo.log(name + " opens the envelope, checks state " + nonce + " (" + Demo.describe(v, p.update())
          + "), journals it (synced) and only then countersigns");
      if (p.update() instanceof Update.Unlock u) {
        secrets.put(HashLock.hashOf(u.preimage().toByteArray()).hex(), u.preimage());
        demo.log(name + " learns the secret of lock " + HashLock.hashOf(u.preimage().toByteArray()).hex()
            .substring(0, 16) + "... from " + v.peer.name + "'s unlock");
      }
    }
    for (ChannelMessage m : done.send()) { // the countersignature, then our own update again if it lost a race
      if (m instanceof ChannelMessage.Propose retry) {
        demo.log(name + " proposes the payment again on top of it, as state "
            + retry.proposal().proof().nonce());
      }
      send(v.peer, m);
    }
    if (!again) {
      publishAppointment(v);
    }
  }

  /** The peer rejected our proposal: withdraw it (and reestablish if our states differ). */
  private void onReject(ChannelMessage.Reject r) {
    ChannelView v = view(r.channelId());
    if (v == null) {
      return;
    }
    Outcome out = v.channel.onReject(r);
    if (out instanceof Outcome.Done d) {
      demo.log(name + " withdraws its proposal of state " + r.nonce() + ", which " + v.peer.name + " rejected: "
          + r.reason());
      d.send().forEach(m -> send(v.peer, m));
    }
  }

  private void onCountersign(ChannelMessage.Countersign c) {
    ChannelView v = view(c.channelId());
    if (v == null || !(v.state() instanceof ChannelState.Open o) || o.pending() == null
        || o.pending().proof().nonce() != c.nonce()) {
      return; // a duplicate of a countersignature already applied
    }
    Outcome out = v.channel.receive(new ChannelEvent.Countersign(c.signer(), c.signature()));
    if (!(out instanceof Outcome.Done d)) {
      demo.log(name + " rejects a countersignature: " + out);
      return;
    }
    demo.log(name + " receives " + v.peer.name + "'s countersignature: state " + c.nonce()
        + " is co-signed and journaled");
    for (ChannelMessage m : d.send()) { // the countersignature of a proposal that overtook this one
      if (m instanceof ChannelMessage.Countersign next) {
        demo.log(name + " now checks the held proposal of state " + next.nonce() + ", journals it (synced) and "
            + "only then countersigns");
      }
      send(v.peer, m);
    }
    publishAppointment(v);
  }

  private void onOfferClose(ChannelMessage.OfferClose o) {
    ChannelView v = view(o.channelId());
    if (v == null) {
      return;
    }
    if (v.accept != null) {
      send(v.peer, v.accept); // the offer again: our answer was lost
      demo.sendToStation(this, v.settle);
      return;
    }
    Outcome offered = v.channel.receive(new ChannelEvent.OfferClose(o.by(), o.signature()));
    if (!(offered instanceof Outcome.Done done)) {
      demo.log(name + " rejects the close offer: " + offered);
      return;
    }
    if (v.state() instanceof ChannelState.Settled) {
      demo.log(name + "'s and " + v.peer.name + "'s close offers of " + v.name + " crossed: both signed the same "
          + "close, so it is settled; " + name + " answers with its own signature");
      done.send().forEach(m -> send(v.peer, m));
      return;
    }
    BalanceProof close = ((ChannelState.Closing) v.state()).closeProof();
    Outcome accepted = v.channel.acceptClose();
    if (!(accepted instanceof Outcome.Done d)) {
      demo.log(name + "'s endpoint refuses to accept the close: " + accepted);
      return;
    }
    v.accept = (ChannelMessage.AcceptClose) d.send().get(0);
    Bytes mine = v.accept.signature();
    v.settle = v.me == Party.A ? new ChannelMessage.Settle(close, mine, o.signature())
        : new ChannelMessage.Settle(close, o.signature(), mine);
    demo.log(name + " accepts the close of " + v.name + " at state " + v.latestNonce() + " (" + Demo.split(v, close)
        + "), answers " + v.peer.name + " and hands the co-signed close to " + demo.stationName());
    send(v.peer, v.accept);
    demo.sendToStation(this, v.settle);
  }

  private void onAcceptClose(ChannelMessage.AcceptClose a) {
    ChannelView v = view(a.channelId());
    if (v == null || !(v.state() instanceof ChannelState.Closing)) {
      return;
    }
    Outcome out = v.channel.receive(new ChannelEvent.AcceptClose(a.by(), a.signature()));
    if (!(out instanceof Outcome.Done)) {
      demo.log(name + " rejects the close acceptance: " + out);
      return;
    }
    demo.log(name + " receives " + v.peer.name + "'s close signature: " + v.name + " is closed off-ledger");
  }

  private void onReestablish(ChannelMessage.Reestablish r) {
    ChannelView v = view(r.lastSeen().proof().channelId());
    if (v == null) {
      return;
    }
    Outcome out = v.channel.receive(new ChannelEvent.Reestablish(r.from(), r.lastSeen(), r.locks()));
    if (!(out instanceof Outcome.Done d)) {
      demo.log(name + " rejects " + v.peer.name + "'s reestablish of " + v.name + ": " + out);
      return;
    }
    for (ChannelEffect e : d.effects()) {
      if (e instanceof ChannelEffect.InSync s) {
        if (v.inSyncAt != s.nonce()) {
          demo.log(name + " checks " + v.peer.name + "'s reestablish of " + v.name + ": both hold state "
              + s.nonce() + " (signatures and locks verified)");
        }
        v.inSyncAt = s.nonce();
      } else if (e instanceof ChannelEffect.PeerBehind b) {
        demo.log(name + " sees " + v.peer.name + " behind in " + v.name + " (state " + b.theirNonce() + " < "
            + b.ourNonce() + "): tells it, sends its own state, accuses nobody");
      } else if (e instanceof ChannelEffect.Restored x) {
        demo.log(name + " restores " + v.name + " from state " + x.fromNonce() + " to " + x.toNonce()
            + " shown by " + v.peer.name);
      }
    }
    d.send().forEach(m -> send(v.peer, m));
  }

  private void publishAppointment(ChannelView v) {
    SignedState s = v.latest();
    Appointment a = Appointment.create(key, v.id.toByteArray(), s.proof().nonce(), s.encode());
    v.appointments.put(s.proof().nonce(), a);
    demo.publish(node, Demo.WITNESS_TOPIC, a.encode());
  }

  private void onReceipt(byte[] payload) {
    WitnessReceipt r;
    try {
      r = WitnessCodec.decodeReceipt(payload, 0, payload.length);
    } catch (MtcDecodeException e) {
      return;
    }
    for (ChannelView v : channels.values()) {
      Appointment a = v.appointments.get(r.nonce());
      if (a != null && r.covers(a)) {
        v.receipts.computeIfAbsent(r.nonce(), k -> new TreeSet<>()).add(Bytes.copyOf(r.witness()).hex());
      }
    }
  }
}
