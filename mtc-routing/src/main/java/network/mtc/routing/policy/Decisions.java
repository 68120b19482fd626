package network.mtc.routing.policy;

import network.mtc.routing.DropReason;

/** The shared decision instances of {@link RelayDecision}, built once. */
final class Decisions {
  static final RelayDecision.Drop[] DROPS = new RelayDecision.Drop[DropReason.values().length];
  static final RelayDecision.Cancel[] CANCELS = new RelayDecision.Cancel[DropReason.values().length];
  static final RelayDecision.Transmit[] TRANSMITS = new RelayDecision.Transmit[256];
  /** Schedules up to 1 s are shared: the baselines' delays are all below it. */
  static final RelayDecision.Schedule[] SCHEDULES = new RelayDecision.Schedule[1001];

  static {
    for (DropReason r : DropReason.values()) {
      DROPS[r.ordinal()] = new RelayDecision.Drop(r);
      CANCELS[r.ordinal()] = new RelayDecision.Cancel(r);
    }
    for (int h = 0; h < TRANSMITS.length; h++) {
      TRANSMITS[h] = new RelayDecision.Transmit(h, -1);
    }
    for (int d = 0; d < SCHEDULES.length; d++) {
      SCHEDULES[d] = new RelayDecision.Schedule(d);
    }
  }

  private Decisions() {}
}
