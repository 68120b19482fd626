package network.mtc.routing.sync;

/**
 * The lifecycle of an {@link Uplink} (MESH-LESSONS 10, as {@code LinkState} for radios).
 *
 * @since 0.1
 */
public enum UplinkState {
  /** Switched off by configuration. */
  DISABLED,
  /** Connecting. */
  ENABLING,
  /** Connected: publish may succeed. */
  ACTIVE,
  /** Configured but not connected (no backhaul now). */
  INACTIVE
}
