package network.mtc.routing.policy;

import network.mtc.routing.DropReason;

/**
 * What a {@link RelayPolicy} tells the node to do with one pending message. The node applies it at once;
 * the policy never touches links or timers itself, which keeps it a pure function of its inputs (and lets
 * the decision vectors drive it).
 *
 * <p>Drop, cancel, keep and done decisions are shared constants ({@link #drop}, {@link #cancel},
 * {@link #KEEP}, {@link #DONE}), and {@link #transmit(int)} is cached per hop limit, so the common
 * decisions allocate nothing.
 *
 * @since 0.1
 */
public sealed interface RelayDecision
    permits RelayDecision.Schedule, RelayDecision.Transmit, RelayDecision.Keep, RelayDecision.Drop,
        RelayDecision.Cancel, RelayDecision.Done {

  /** Nothing changes: an armed timer stays armed. */
  Keep KEEP = new Keep();
  /** The message needs nothing more: its state is freed (an armed timer is cancelled, nothing counted). */
  Done DONE = new Done();

  /**
   * Arms (or re-arms) the message's timer: {@link RelayPolicy#onTimer} is called after {@code delayMillis}.
   *
   * @param delayMillis 0 or more
   */
  record Schedule(long delayMillis) implements RelayDecision {
    /** Validates the delay. */
    public Schedule {
      if (delayMillis < 0) {
        throw new IllegalArgumentException("delay must be non-negative");
      }
    }
  }

  /**
   * Transmits the message now, on every link, with {@code hopLimit}; then, if {@code nextTimerMillis} is 0
   * or more, calls {@link RelayPolicy#onTimer} again after that long (a repeat or a linger), else frees the
   * state.
   */
  record Transmit(int hopLimit, long nextTimerMillis) implements RelayDecision {
    /** Validates the hop limit. */
    public Transmit {
      if (hopLimit < 0 || hopLimit > 255) {
        throw new IllegalArgumentException("hop limit must be 0..255");
      }
    }
  }

  /** See {@link #KEEP}. */
  final class Keep implements RelayDecision {
    private Keep() {}

    @Override
    public String toString() {
      return "Keep";
    }
  }

  /** See {@link #DONE}. */
  final class Done implements RelayDecision {
    private Done() {}

    @Override
    public String toString() {
      return "Done";
    }
  }

  /** The first copy is not relayed, for {@code reason}; the state is freed and the reason counted. */
  record Drop(DropReason reason) implements RelayDecision {}

  /** A planned relay is cancelled, for {@code reason}; the state is freed and the reason counted. */
  record Cancel(DropReason reason) implements RelayDecision {}

  /** The shared {@link Drop} for {@code reason}. */
  static Drop drop(DropReason reason) {
    return Decisions.DROPS[reason.ordinal()];
  }

  /** The shared {@link Cancel} for {@code reason}. */
  static Cancel cancel(DropReason reason) {
    return Decisions.CANCELS[reason.ordinal()];
  }

  /** A transmission with no timer after it (shared instance per hop limit). */
  static Transmit transmit(int hopLimit) {
    return Decisions.TRANSMITS[hopLimit];
  }

  /** A {@link Schedule} after {@code delayMillis}. */
  static Schedule schedule(long delayMillis) {
    return delayMillis < Decisions.SCHEDULES.length ? Decisions.SCHEDULES[(int) delayMillis]
        : new Schedule(delayMillis);
  }
}
