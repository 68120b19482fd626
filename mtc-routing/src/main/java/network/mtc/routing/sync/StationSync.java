package network.mtc.routing.sync;

import java.util.function.Consumer;

/**
 * A mesh station's sync service: answers the sessions nodes open when they meet it, and forwards to the
 * uplink (through its {@link StationBridge}) every frame a session brought that the station did not hold.
 * Bounded: at most {@link #MAX_SESSIONS} sessions at once (the router keeps one per peer).
 *
 * @since 0.1
 */
public final class StationSync {
  /** Concurrent sessions per station (design 1.4). */
  public static final int MAX_SESSIONS = 8;

  private final SyncStore store;
  private final StationBridge bridge;
  private int active;

  /** A station syncing {@code store} and uplinking through {@code bridge}. */
  public StationSync(SyncStore store, StationBridge bridge) {
    this.store = store;
    this.bridge = bridge;
  }

  /**
   * Answers a node that opens a session, or returns null if {@link #MAX_SESSIONS} are running; call
   * {@link #ended()} when the returned session is over.
   */
  public SyncSession accept(SyncTransport transport, long nowMillis) {
    if (active >= MAX_SESSIONS) {
      return null;
    }
    active++;
    Consumer<byte[]> up = bridge::uplink;
    return SyncSession.respond(store, transport, nowMillis, up);
  }

  /** Opens a session towards a node (a station may initiate too), under the same bound. */
  public SyncSession open(SyncTransport transport, int session, long salt, long nowMillis) {
    if (active >= MAX_SESSIONS) {
      return null;
    }
    active++;
    return SyncSession.initiate(store, transport, session, salt, nowMillis, bridge::uplink);
  }

  /** Releases a session slot. */
  public void ended() {
    if (active > 0) {
      active--;
    }
  }

  /** Sessions running. */
  public int active() {
    return active;
  }
}
