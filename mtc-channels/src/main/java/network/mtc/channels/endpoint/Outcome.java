package network.mtc.channels.endpoint;

import java.util.List;
import java.util.Objects;
import network.mtc.channels.ChannelEffect;
import network.mtc.channels.ChannelState;
import network.mtc.channels.RejectReason;
import network.mtc.channels.journal.SignDecision;
import network.mtc.channels.message.ChannelMessage;

/**
 * What a {@link DurableChannel} call did. Only {@link Done} changes the channel; its messages may be sent
 * at once, because everything they commit the node to is already synced to the journal.
 *
 * @since 0.1
 */
public sealed interface Outcome {
  /**
   * Applied and journaled.
   *
   * @param state the channel's new state
   * @param effects the machine's effects, in order (journaling of {@code StateCommitted} is done)
   * @param send messages for the other party, to send in order
   */
  record Done(ChannelState state, List<ChannelEffect> effects, List<ChannelMessage> send) implements Outcome {
    /** Copies the lists. */
    public Done {
      Objects.requireNonNull(state, "state");
      effects = List.copyOf(effects);
      send = List.copyOf(send);
    }
  }

  /**
   * The state machine rejected the event or update; nothing changed.
   *
   * @param reason why
   * @param send messages for the other party: a REJECT answering its proposal (channels.md §7), else none
   */
  record Rejected(RejectReason reason, List<ChannelMessage> send) implements Outcome {
    /** Checks presence; copies the list. */
    public Rejected {
      Objects.requireNonNull(reason, "reason");
      send = List.copyOf(send);
    }

    /** A rejection with nothing to send. */
    public Rejected(RejectReason reason) {
      this(reason, List.of());
    }
  }

  /**
   * The journal refused the signature this step needs (another state is reserved at that nonce, or a higher
   * one, or the journal tracks as many channels as it may): nothing was signed and nothing changed. A
   * countersignature refused because this node signed at or above that nonce is a {@link Rejected}
   * {@code NONCE_RESERVED} with a REJECT for the peer instead: see spec/channels-durability.md 2.4.
   */
  record Refused(SignDecision decision) implements Outcome {
    /** Checks presence. */
    public Refused {
      Objects.requireNonNull(decision, "decision");
    }
  }
}
