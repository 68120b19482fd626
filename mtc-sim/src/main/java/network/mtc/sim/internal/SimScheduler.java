package network.mtc.sim.internal;

import network.mtc.routing.runtime.Scheduler;
import network.mtc.routing.runtime.TimerHandler;

/**
 * One node's view of the global event queue. A timer is one queued event carrying the handler, its kind
 * and argument, and the node's incarnation (a node that churns down takes its timers with it: the engine
 * drops events of an older incarnation). Bounded like a real node's timer table.
 */
final class SimScheduler implements Scheduler {
  /** Most timers one node may have pending: far above what the node code needs, low enough to catch leaks. */
  static final int MAX_PENDING = 4096;

  private final EventQueue queue;
  private final SimClock clock;
  private final int node;
  private final int incarnation;
  private int pending;

  SimScheduler(EventQueue queue, SimClock clock, int node, int incarnation) {
    this.queue = queue;
    this.clock = clock;
    this.node = node;
    this.incarnation = incarnation;
  }

  @Override
  public long schedule(long atMillis, TimerHandler handler, int kind, long arg) {
    if (handler == null) {
      throw new IllegalArgumentException("handler is required");
    }
    if (pending >= MAX_PENDING) {
      return REJECTED;
    }
    long at = atMillis >= EventQueue.MAX_TIME_MICROS / 1000 ? EventQueue.MAX_TIME_MICROS : atMillis * 1000;
    pending++;
    return queue.push(Math.max(at, clock.nowMicros()), node, Engine.EV_TIMER | incarnation << 8, kind, arg, handler);
  }

  @Override
  public void cancel(long id) {
    if (queue.cancel(id)) {
      pending--;
    }
  }

  int incarnation() {
    return incarnation;
  }

  void fired() {
    pending--;
  }

  int pending() {
    return pending;
  }
}
