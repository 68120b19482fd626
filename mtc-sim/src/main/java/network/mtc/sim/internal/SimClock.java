package network.mtc.sim.internal;

import network.mtc.routing.runtime.Clock;

/**
 * Simulated time, shared by every node of a run: microseconds inside the simulator, milliseconds for
 * nodes. Wall-clock seconds start at a fixed epoch, so frames' {@code expires_at} fields, and with them
 * the run, are the same on every machine.
 */
public final class SimClock implements Clock {
  /** Unix time of simulated time zero: 2027-01-15, a fixed date (not the host's clock). */
  public static final long EPOCH_UNIX_SECONDS = 1_800_000_000L;

  private long nowMicros;

  /** Current simulated time, µs. */
  public long nowMicros() {
    return nowMicros;
  }

  void advanceTo(long micros) {
    nowMicros = micros;
  }

  @Override
  public long nowMillis() {
    return nowMicros / 1000;
  }

  @Override
  public long unixSeconds() {
    return EPOCH_UNIX_SECONDS + nowMicros / 1_000_000;
  }
}
