package network.mtc.routing.runtime;

/**
 * Receives a timer that fired. Timers carry a small integer kind and a long argument instead of a
 * closure, so scheduling on the hot path allocates nothing.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface TimerHandler {
  /** The timer scheduled with this kind and argument is due. */
  void onTimer(int kind, long arg);
}
