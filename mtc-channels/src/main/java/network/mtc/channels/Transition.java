package network.mtc.channels;

import java.util.List;

/**
 * The result of {@link ChannelMachine#apply}: the next state and its effects, or a rejection (the state is
 * unchanged).
 *
 * @since 0.1
 */
public sealed interface Transition {
  /** The event was legal. */
  record Accepted(ChannelState next, List<ChannelEffect> effects) implements Transition {
    /** Copies the list. */
    public Accepted {
      effects = List.copyOf(effects);
    }
  }

  /** The event was illegal here; nothing changed. */
  record Rejected(RejectReason reason) implements Transition {}
}
