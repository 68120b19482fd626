package network.mtc.routing.sync;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import network.mtc.wire.MtcDecodeException;

/**
 * One sync session with one neighbour: a {@link RangeReconciler} wired to a {@link SyncStore} and a
 * {@link SyncTransport}. It encodes and decodes the SYNC payloads, pushes the frames the peer lacks
 * (the initiator when it has learned the difference, before its WANT; the responder when it receives
 * WANT), and hands every pushed frame it receives to the store, reporting the new ones to a listener
 * (a station forwards them to its uplink).
 *
 * <p>A malformed or out-of-place message aborts the session; nothing is thrown to the caller. Not
 * thread-safe; all calls come from the node's event loop.
 *
 * @since 0.1
 */
public final class SyncSession {
  /** Session lifetime (design 1.4): long enough for 12 round trips over BLE at 1 fragment per 10 ms. */
  public static final long SESSION_MILLIS = 30_000;

  private final RangeReconciler reconciler;
  private final SyncStore store;
  private final SyncTransport transport;
  private final Consumer<byte[]> onNewFrame;
  /** Keys already pushed; bounded by the store snapshot. */
  private final Set<ItemKey> pushed = new HashSet<>();
  private int framesReceived;
  private int framesNew;
  private int framesPushed;

  private SyncSession(RangeReconciler r, SyncStore store, SyncTransport transport,
      Consumer<byte[]> onNewFrame) {
    this.reconciler = r;
    this.store = store;
    this.transport = transport;
    this.onNewFrame = onNewFrame;
  }

  /**
   * Opens a session as initiator and sends the OPEN.
   *
   * @param session the message id of the SYNC frame that carries the OPEN
   * @param salt a fresh random value from the node's RandomSource
   */
  public static SyncSession initiate(SyncStore store, SyncTransport transport, int session, long salt,
      long nowMillis, Consumer<byte[]> onNewFrame) {
    RangeReconciler r = RangeReconciler.initiator(store.items(), session, salt,
        RangeReconciler.DEFAULT_BRANCH, nowMillis + SESSION_MILLIS);
    SyncSession s = new SyncSession(r, store, transport, onNewFrame);
    transport.sendSync(SyncMessageCodec.encode(r.open(nowMillis)));
    return s;
  }

  /** A responder session, waiting for the peer's OPEN. */
  public static SyncSession respond(SyncStore store, SyncTransport transport, long nowMillis,
      Consumer<byte[]> onNewFrame) {
    return new SyncSession(RangeReconciler.responder(store.items(), nowMillis + SESSION_MILLIS), store,
        transport, onNewFrame);
  }

  /** Takes the payload of a SYNC frame from the peer. Returns false if it was refused. */
  public boolean onSync(byte[] payload, int off, int len, long nowMillis) {
    List<SyncMessage> replies;
    try {
      replies = reconciler.receive(SyncMessageCodec.decode(payload, off, len), nowMillis);
    } catch (MtcDecodeException e) {
      return false;
    }
    boolean finishing = replies.stream().anyMatch(m -> m.kind() == SyncMessage.Kind.DONE);
    if (reconciler.role() == RangeReconciler.Role.INITIATOR && finishing
        || reconciler.role() == RangeReconciler.Role.RESPONDER) {
      push();
    }
    for (SyncMessage m : replies) {
      transport.sendSync(SyncMessageCodec.encode(m));
    }
    return true;
  }

  private void push() {
    for (ItemKey k : reconciler.peerLacks()) {
      if (pushed.add(k)) {
        byte[] f = store.frame(k);
        if (f != null) {
          transport.sendFrame(f);
          framesPushed++;
        }
      }
    }
  }

  /** Takes a frame the peer pushed. Returns true if it was new here. */
  public boolean onFrame(byte[] frame) {
    framesReceived++;
    if (store.accept(frame)) {
      framesNew++;
      onNewFrame.accept(frame);
      return true;
    }
    return false;
  }

  /** The reconciler (status, learned differences, message and byte counts). */
  public RangeReconciler reconciler() {
    return reconciler;
  }

  /** Frames pushed to the peer. */
  public int framesPushed() {
    return framesPushed;
  }

  /** Frames received from the peer, and how many of them were new. */
  public int framesReceived() {
    return framesReceived;
  }

  /** Frames received that were new here. */
  public int framesNew() {
    return framesNew;
  }
}
