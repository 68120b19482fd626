package network.mtc.routing.sync;

/**
 * The frames one side of a sync session holds: a node's store-and-forward queue, a station's store.
 *
 * @since 0.1
 */
public interface SyncStore {
  /** A snapshot of the keys of every live frame held now. */
  SyncItemSet items();

  /** The held frame with this key, or null if it is gone (expired or evicted since the snapshot). */
  byte[] frame(ItemKey key);

  /**
   * Offers a frame the peer pushed. The implementation runs the node's usual checks (decode, expiry,
   * signature, quotas).
   *
   * @return true if the frame is new here and now held
   */
  boolean accept(byte[] frame);
}
