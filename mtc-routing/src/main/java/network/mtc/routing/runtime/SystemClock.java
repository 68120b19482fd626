package network.mtc.routing.runtime;

/** {@link Clock#system()}. */
enum SystemClock implements Clock {
  INSTANCE;

  @Override
  public long nowMillis() {
    return System.nanoTime() / 1_000_000L;
  }

  @Override
  public long unixSeconds() {
    return System.currentTimeMillis() / 1000L;
  }
}
