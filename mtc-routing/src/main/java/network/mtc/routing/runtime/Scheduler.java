package network.mtc.routing.runtime;

/**
 * Schedules timers on a node's event loop (real or simulated).
 *
 * @since 0.1
 */
public interface Scheduler {
  /** Returned by {@link #schedule} when the timer table is full. */
  long REJECTED = -1L;

  /**
   * Schedules {@code handler.onTimer(kind, arg)} at {@code atMillis} (on the scheduler's clock). Timers
   * due at the same time fire in the order they were scheduled.
   *
   * @return an id for {@link #cancel}, or {@link #REJECTED} if the bounded timer table is full
   */
  long schedule(long atMillis, TimerHandler handler, int kind, long arg);

  /** Cancels a pending timer; a no-op for an id that already fired, was cancelled or is stale. */
  void cancel(long id);
}
