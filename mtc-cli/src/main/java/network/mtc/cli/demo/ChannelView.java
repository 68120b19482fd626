package network.mtc.cli.demo;

import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import network.mtc.channels.ChannelEffect;
import network.mtc.channels.ChannelEvent;
import network.mtc.channels.ChannelParams;
import network.mtc.channels.ChannelState;
import network.mtc.channels.Party;
import network.mtc.channels.SignedState;
import network.mtc.channels.endpoint.DurableChannel;
import network.mtc.channels.endpoint.Outcome;
import network.mtc.channels.journal.ChannelJournal;
import network.mtc.channels.message.ChannelMessage;
import network.mtc.channels.witness.Appointment;
import network.mtc.wire.Bytes;

/**
 * One party's own copy of a channel: its {@link DurableChannel} (the state machine, the party's key and its
 * synced journal: each side runs the machine on its own events), the appointments it handed to witnesses and
 * the receipts it collected for them, and what it last answered (to answer a retransmission the same way).
 */
final class ChannelView {
  final String name;
  final ChannelParams params;
  final Bytes id;
  final Person owner;
  final Party me;
  Person peer;
  DurableChannel channel;
  SignedState opening;
  /** Appointments this party handed out, by nonce. */
  final TreeMap<Long, Appointment> appointments = new TreeMap<>();
  /** Witness keys (hex) whose verified receipts cover the appointment of each nonce. */
  final TreeMap<Long, TreeSet<String>> receipts = new TreeMap<>();
  /** The nonce at which the peer's last REESTABLISH found both sides in sync, or -1. */
  long inSyncAt = -1;
  /** The last close offer sent, for retransmission. */
  ChannelMessage.OfferClose offer;
  /** The accept and the settle message sent in answer to a close offer, for retransmission. */
  ChannelMessage.AcceptClose accept;
  ChannelMessage.Settle settle;

  ChannelView(String name, ChannelParams params, Person owner) {
    this.name = name;
    this.params = params;
    this.id = params.channelId();
    this.owner = owner;
    this.me = params.partyOf(owner.key.publicKey());
    this.channel = DurableChannel.open(owner.journal, params, owner.key);
  }

  /** After a restart: the channel as the owner's journal alone recovers it. */
  void recover(ChannelJournal journal) {
    channel = DurableChannel.open(journal, params, owner.key);
  }

  /** The channel's current state. */
  ChannelState state() {
    return channel.state();
  }

  ChannelView peerView() {
    return peer.view(id);
  }

  ChannelState.Open open() {
    if (!(state() instanceof ChannelState.Open o)) {
      throw new StoryFailure(owner.name + "'s " + name + " channel is not open: "
          + state().getClass().getSimpleName());
    }
    return o;
  }

  SignedState latest() {
    return open().latest();
  }

  /** The nonce of the latest co-signed state, or -1 if the channel is not open. */
  long latestNonce() {
    return state() instanceof ChannelState.Open o ? o.latest().proof().nonce() : -1;
  }

  /** An event from the ledger that the story expects to be legal; returns its effects. */
  List<ChannelEffect> apply(ChannelEvent e) {
    return done(channel.receive(e), e.getClass().getSimpleName());
  }

  /** The effects of an outcome the story expects to be {@link Outcome.Done}. */
  List<ChannelEffect> done(Outcome o, String what) {
    if (!(o instanceof Outcome.Done d)) {
      throw new StoryFailure(owner.name + "'s endpoint did not apply " + what + " in " + name + ": " + o);
    }
    return d.effects();
  }

  /** Receipts collected for the appointment of {@code nonce}. */
  int receiptCount(long nonce) {
    TreeSet<String> s = receipts.get(nonce);
    return s == null ? 0 : s.size();
  }
}
