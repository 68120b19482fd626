package network.mtc.routing.runtime;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * One node's event loop in production: a single thread that runs the tasks adapters and applications post
 * ({@link #execute}) and the timers the node schedules, so that node state is never touched by two threads.
 * The inbox is bounded ({@value #DEFAULT_INBOX} tasks by default): a radio that delivers faster than the
 * node can process is refused at {@link #execute} instead of growing memory. Timers live in a
 * {@link TimerQueue} and may only be scheduled or cancelled from the loop thread.
 *
 * <p>The simulator does not use this class: it drives nodes from its own event queue.
 *
 * @since 0.1
 */
public final class EventLoop implements Scheduler, Executor, AutoCloseable {
  /** Default inbox bound: about one second of packets at BLE rates, with room for application calls. */
  public static final int DEFAULT_INBOX = 1024;
  /** Default timer bound: relay states, announces, unicast retries and store-and-forward expiries. */
  public static final int DEFAULT_TIMERS = 4096;
  /** Tasks run between two timer checks, so a busy inbox cannot starve timers. */
  private static final int TASKS_PER_TURN = 64;

  private final ArrayBlockingQueue<Runnable> inbox;
  private final TimerQueue timers;
  private final Clock clock;
  private final Thread thread;
  private volatile boolean running;
  private volatile boolean started;
  private long failures;

  /** A loop with the default bounds on the system clock. */
  public EventLoop(String name) {
    this(name, DEFAULT_INBOX, DEFAULT_TIMERS, Clock.system());
  }

  /** A loop with the given bounds and clock (whose {@link Clock#nowMillis()} times the timers). */
  public EventLoop(String name, int inboxCapacity, int timerCapacity, Clock clock) {
    this.inbox = new ArrayBlockingQueue<>(inboxCapacity);
    this.timers = new TimerQueue(timerCapacity);
    this.clock = clock;
    this.thread = new Thread(this::run, name);
    this.thread.setDaemon(true);
  }

  /** The clock the loop times its timers with. */
  public Clock clock() {
    return clock;
  }

  /** Starts the thread (idempotent). */
  public synchronized void start() {
    if (!started) {
      started = true;
      running = true;
      thread.start();
    }
  }

  /** True if the caller is the loop thread. */
  public boolean inLoop() {
    return Thread.currentThread() == thread;
  }

  /** Posts a task; false if the inbox is full or the loop stopped. */
  public boolean offer(Runnable task) {
    return (running || !started) && inbox.offer(task);
  }

  /** Posts a task; throws {@link RejectedExecutionException} if the inbox is full or the loop stopped. */
  @Override
  public void execute(Runnable task) {
    if (!offer(task)) {
      throw new RejectedExecutionException("event loop inbox full or stopped");
    }
  }

  @Override
  public long schedule(long atMillis, TimerHandler handler, int kind, long arg) {
    checkThread();
    return timers.schedule(atMillis, handler, kind, arg);
  }

  @Override
  public void cancel(long id) {
    checkThread();
    timers.cancel(id);
  }

  /** Tasks or timers that threw (the loop goes on). */
  public long failures() {
    return failures;
  }

  /** Stops the loop after the task running now; pending tasks and timers are dropped. */
  @Override
  public void close() {
    running = false;
    thread.interrupt();
  }

  private void checkThread() {
    if (started && !inLoop()) {
      throw new IllegalStateException("timers are scheduled from the event loop thread only");
    }
  }

  private void run() {
    while (running) {
      try {
        timers.fireDue(clock.nowMillis());
        long wait = timers.nextDue() == Long.MAX_VALUE ? 1000 : timers.nextDue() - clock.nowMillis();
        Runnable task = wait <= 0 ? inbox.poll() : inbox.poll(wait, TimeUnit.MILLISECONDS);
        for (int n = 0; task != null && n < TASKS_PER_TURN; n++) {
          task.run();
          task = n + 1 < TASKS_PER_TURN ? inbox.poll() : null;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        failures++;
      }
    }
  }
}
