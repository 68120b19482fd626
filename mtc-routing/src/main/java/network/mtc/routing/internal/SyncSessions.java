package network.mtc.routing.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import network.mtc.routing.sync.ItemKey;
import network.mtc.routing.sync.RangeReconciler;
import network.mtc.routing.sync.SyncItemSet;
import network.mtc.routing.sync.SyncSession;
import network.mtc.routing.sync.SyncStore;
import network.mtc.routing.sync.SyncTransport;

/**
 * The station-sync sessions of one node (spec/routing-sync.md section 5.0): at most one per neighbour and
 * {@link #MAX_SESSIONS} in all, each over the node's store-and-forward queue. A station opens a session
 * with every neighbour that appears; any node answers an OPEN from a neighbour. Frames the peer pushes
 * arrive as ordinary link-unicast frames and take the node's normal receive path, so this class never
 * accepts a frame itself.
 */
final class SyncSessions {
  /** Sessions at once (spec/routing-sync.md section 8: 8 per station, 1 per peer). */
  static final int MAX_SESSIONS = 8;
  /** A station reconciles again with the same neighbour after this long (section 5.0). */
  static final long RESYNC_MILLIS = 600_000;
  /** Neighbours whose last session time is remembered; the least recently opened is forgotten. */
  static final int MAX_REMEMBERED = 256;

  /** How the sessions reach a neighbour: SYNC frames and held frames, link-unicast. */
  interface Sender {
    /** Sends {@code payload} as a SYNC frame (type 4, hop limit 0) to neighbour {@code address}. */
    void sendSync(long address, byte[] payload);

    /** Sends the held frame, unchanged, to neighbour {@code address}. */
    void sendFrame(long address, byte[] frame);
  }

  private final StoreForwardQueue held;
  private final Sender sender;
  private final Map<Long, Entry> sessions = new LinkedHashMap<>();
  private final LinkedHashMap<Long, Long> lastOpened = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Long, Long> eldest) {
      return size() > MAX_REMEMBERED;
    }
  };
  private long opened;
  private long completed;
  private long aborted;

  private record Entry(SyncSession session, long startedAt) {}

  SyncSessions(StoreForwardQueue held, Sender sender) {
    this.held = held;
    this.sender = sender;
  }

  /** True if no session runs with {@code neighbour} and none was opened within {@link #RESYNC_MILLIS}. */
  boolean due(long neighbour, long nowMillis) {
    Long last = lastOpened.get(neighbour);
    return !sessions.containsKey(neighbour) && (last == null || nowMillis - last >= RESYNC_MILLIS);
  }

  /** Opens a session with a neighbour as initiator; false if one runs or the table is full. */
  boolean open(long neighbour, int session, long salt, long nowMillis, long nowSeconds) {
    expire(nowMillis);
    if (sessions.containsKey(neighbour) || sessions.size() >= MAX_SESSIONS) {
      return false;
    }
    SyncSession s = SyncSession.initiate(store(nowSeconds), transport(neighbour), session, salt, nowMillis,
        f -> { });
    sessions.put(neighbour, new Entry(s, nowMillis));
    lastOpened.put(neighbour, nowMillis);
    opened++;
    return true;
  }

  /**
   * Takes the payload of a SYNC frame from a neighbour. An OPEN from a neighbour without a session starts a
   * responder session.
   *
   * @return false if it was refused (no session and not an OPEN, table full, or rejected by the session)
   */
  boolean onSync(long neighbour, byte[] buf, int off, int len, long nowMillis, long nowSeconds) {
    expire(nowMillis);
    Entry e = sessions.get(neighbour);
    if (e == null) {
      if (len < 1 || buf[off] != 1 || sessions.size() >= MAX_SESSIONS) {
        return false;
      }
      e = new Entry(SyncSession.respond(store(nowSeconds), transport(neighbour), nowMillis, f -> { }),
          nowMillis);
      sessions.put(neighbour, e);
      opened++;
    }
    boolean ok = e.session().onSync(buf, off, len, nowMillis);
    RangeReconciler.Status st = e.session().reconciler().status();
    if (st != RangeReconciler.Status.RUNNING) {
      sessions.remove(neighbour);
      if (st == RangeReconciler.Status.DONE) {
        completed++;
      } else {
        aborted++;
      }
    }
    return ok;
  }

  /** Drops sessions older than {@link SyncSession#SESSION_MILLIS}. */
  void expire(long nowMillis) {
    Iterator<Entry> it = sessions.values().iterator();
    while (it.hasNext()) {
      if (nowMillis - it.next().startedAt() > SyncSession.SESSION_MILLIS) {
        it.remove();
        aborted++;
      }
    }
  }

  int active() {
    return sessions.size();
  }

  long opened() {
    return opened;
  }

  long completed() {
    return completed;
  }

  long aborted() {
    return aborted;
  }

  private SyncStore store(long nowSeconds) {
    return new SyncStore() {
      @Override
      public SyncItemSet items() {
        return SyncItemSet.of(held.keys(nowSeconds));
      }

      @Override
      public byte[] frame(ItemKey key) {
        StoreForwardQueue.Held h = held.get(key);
        return h == null ? null : h.frame();
      }

      @Override
      public boolean accept(byte[] frame) {
        // Pushed frames take the router's receive path as ordinary link-unicast frames.
        return false;
      }
    };
  }

  private SyncTransport transport(long neighbour) {
    return new SyncTransport() {
      @Override
      public void sendSync(byte[] payload) {
        sender.sendSync(neighbour, payload);
      }

      @Override
      public void sendFrame(byte[] frame) {
        sender.sendFrame(neighbour, frame);
      }
    };
  }

  /** Addresses of the neighbours with a session, in the order the sessions started (for tests). */
  List<Long> peers() {
    return new ArrayList<>(sessions.keySet());
  }
}
