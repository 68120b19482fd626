package network.mtc.cli.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import network.mtc.channels.SignedState;
import network.mtc.channels.message.ChannelMessage;
import network.mtc.channels.message.SealedEnvelope;
import network.mtc.channels.witness.Appointment;
import network.mtc.channels.witness.Locator;
import network.mtc.channels.witness.SubmissionSchedule;
import network.mtc.channels.witness.WitnessCodec;
import network.mtc.channels.witness.WitnessStore;
import network.mtc.crypto.AeadException;
import network.mtc.crypto.SigningKey;
import network.mtc.crypto.X25519KeyPair;
import network.mtc.wire.Bytes;
import network.mtc.wire.MtcDecodeException;
import network.mtc.wire.NodeAddress;

/**
 * A node near the payment that keeps appointments (a bystander's phone, or Jack's fridge): it admits every
 * appointment it hears into a bounded {@link WitnessStore} and broadcasts the signed receipt. A station (the
 * fridge) also takes co-signed closes sealed to it and carries them to the ledger, and watches the ledger for
 * unilateral closes of channels it holds appointments for.
 */
final class Witness {
  /** Slots per witness: a phone lends a little storage; 1,024 slots of at most 8.3 KB are under 9 MB. */
  static final int CAPACITY = 1024;

  final String name;
  final SigningKey key;
  final X25519KeyPair box;
  final int node;
  final WitnessStore store;
  private final Demo demo;
  /** What this witness stored: "locator nonce from submitter", in arrival order. */
  final List<String> stored = new ArrayList<>();
  /** Co-signed cooperative closes handed to this station, by channel id hex. */
  final TreeMap<String, ChannelMessage.Settle> toCarry = new TreeMap<>();

  Witness(String name, SigningKey key, X25519KeyPair box, int node, long retentionMillis, Demo demo) {
    this.name = name;
    this.key = key;
    this.box = box;
    this.node = node;
    this.store = new WitnessStore(key, CAPACITY, retentionMillis);
    this.demo = demo;
  }

  NodeAddress address() {
    return demo.world.node(node).address();
  }

  void listen(boolean station) {
    demo.world.node(node).subscribe(Demo.WITNESS_TOPIC, m -> onAppointment(m.payload()));
    if (station) {
      demo.world.node(node).subscribe(Demo.PAY_TOPIC, m -> onEnvelope(m.payload()));
    }
  }

  private void onAppointment(byte[] payload) {
    Appointment a;
    try {
      a = WitnessCodec.decodeAppointment(payload, 0, payload.length);
    } catch (MtcDecodeException e) {
      return;
    }
    WitnessStore.Admission ad = store.admit(a, demo.ledgerMillis());
    if (ad.receipt() == null) {
      return;
    }
    if (ad.outcome() != WitnessStore.Outcome.DUPLICATE) {
      stored.add(Locator.hex(a.locator()).substring(0, 8) + " #" + a.nonce() + " from "
          + demo.nameOf(a.submitter()));
    }
    demo.publish(node, Demo.RECEIPT_TOPIC, ad.receipt().encode());
  }

  private void onEnvelope(byte[] payload) {
    try {
      if (!SealedEnvelope.recipient(payload).equals(address())) {
        return;
      }
      if (SealedEnvelope.open(box, payload) instanceof ChannelMessage.Settle s) {
        if (toCarry.put(s.finalState().channelId().hex(), s) == null) {
          demo.log(name + " holds the co-signed close of " + demo.channelName(s.finalState().channelId())
              + " until it reaches the internet");
        }
      }
    } catch (MtcDecodeException | AeadException e) {
      demo.log(name + " drops an envelope that does not open: " + e.getMessage());
    }
  }

  /** A dispute this witness plans after seeing a unilateral close: the newer state and when it submits. */
  record Plan(SignedState newer, long submitAt) {}

  /**
   * Opens the stored appointments of a channel seen closing on the ledger with the state of nonce
   * {@code onRecord}; returns the newest state above it and this witness's staggered time, if it holds one.
   */
  Optional<Plan> onClose(Bytes channelId, long onRecord, long seenAt, long deadline, long margin) {
    for (WitnessStore.Opened o : store.openForClose(channelId.toByteArray())) {
      SignedState s;
      try {
        s = SignedState.decode(o.coSignedState());
      } catch (MtcDecodeException e) {
        continue;
      }
      if (s.proof().channelId().equals(channelId) && s.proof().nonce() > onRecord) {
        long at = SubmissionSchedule.submitAt(key.nodeAddress(), Locator.of(channelId.toByteArray()), seenAt,
            deadline, margin);
        return Optional.of(new Plan(s, at));
      }
    }
    return Optional.empty();
  }
}
