package network.mtc.routing.internal;

import network.mtc.routing.runtime.RandomSource;

/**
 * Trickle timing for announces (RFC 6206, without its suppression: every node must announce, since its
 * neighbours measure link loss from the announces' sequence gaps). The interval I starts at the minimum,
 * doubles after each interval up to the maximum, and goes back to the minimum when the neighbourhood
 * changes. The announce of an interval is sent at a uniform time in [I/2, I), so two announces are at
 * least I_min/2 apart: that is the rate limit.
 */
public final class AnnounceTimer {
  private final long minMillis;
  private final long maxMillis;
  private final RandomSource random;
  private long intervalStart;
  private long interval;
  private long fireAt;

  /** A timer with the given bounds, drawing from {@code random}. */
  public AnnounceTimer(long minMillis, long maxMillis, RandomSource random) {
    this.minMillis = minMillis;
    this.maxMillis = maxMillis;
    this.random = random;
  }

  /** Starts at the minimum interval; returns when the first announce is due. */
  public long start(long now) {
    return begin(now, minMillis);
  }

  /**
   * Goes back to the minimum interval if the current one is longer (a neighbourhood change).
   *
   * @return the new due time, or -1 if nothing changed
   */
  public long reset(long now) {
    if (interval <= minMillis) {
      return -1;
    }
    return begin(now, minMillis);
  }

  /** The announce of this interval was sent: moves to the next interval and returns its due time. */
  public long fired() {
    return begin(intervalStart + interval, Math.min(2 * interval, maxMillis));
  }

  /** Due time of the next announce. */
  public long fireAt() {
    return fireAt;
  }

  /** The current interval. */
  public long intervalMillis() {
    return interval;
  }

  /**
   * The longest time from {@code now} (the moment an announce is sent) to the next one, in whole seconds
   * rounded up, 1..255: what the announce declares as its interval. The next announce falls at most at
   * the end of the next interval, which is at most twice as long as this one.
   */
  public int declaredIntervalSeconds(long now) {
    long next = Math.min(2 * interval, maxMillis);
    long latest = intervalStart + interval + next - now;
    return (int) Math.max(1, Math.min(255, (latest + 999) / 1000));
  }

  private long begin(long start, long length) {
    intervalStart = start;
    interval = length;
    long half = length / 2;
    fireAt = start + half + random.nextInt((int) Math.max(1, length - half));
    return fireAt;
  }
}
