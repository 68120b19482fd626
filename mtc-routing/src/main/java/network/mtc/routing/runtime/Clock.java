package network.mtc.routing.runtime;

/**
 * The time a node sees. Production uses the system clocks; the simulator supplies simulated time, so the
 * same node code runs in both (docs/routing-design.md, section 1.2).
 *
 * @since 0.1
 */
public interface Clock {
  /** Monotonic milliseconds (arbitrary origin): timers, expiry, rate limits. */
  long nowMillis();

  /** Wall-clock Unix seconds, for {@code expires_at} (spec/wire.md, section 5.4). */
  long unixSeconds();

  /** The system clocks: {@link System#nanoTime()} and {@link System#currentTimeMillis()}. */
  static Clock system() {
    return SystemClock.INSTANCE;
  }
}
