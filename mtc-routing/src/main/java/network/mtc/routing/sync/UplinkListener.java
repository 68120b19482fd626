package network.mtc.routing.sync;

/**
 * Events from an {@link Uplink}, delivered on the station's event loop.
 *
 * @since 0.1
 */
public interface UplinkListener {
  /** An envelope arrived from the wide area (any station's, possibly this one's own echo). */
  void onDownlink(StationEnvelope envelope);

  /** The uplink has credit again after {@link Uplink#publish} returned false. */
  void onWritable();

  /** The uplink changed state. */
  void onState(UplinkState state);
}
