package network.mtc.channels.rewards;

/**
 * What a reward pays for. Each category has its own share of the period's pool, so categories measured
 * in different units (token-seconds, seconds, counts, bytes) never have to be converted into each other.
 *
 * @since 0.1
 */
public enum Category {
  /** Tokens held (time-weighted average balance), boosted by how long they have been held. */
  HOLDING,
  /** Time the device was shared as a mesh node. */
  NODE_TIME,
  /** Channel transactions relayed. */
  RELAY,
  /** IoT reports delivered. */
  IOT,
  /** Storage offered (time-weighted average bytes). */
  STORAGE,
  /** Bandwidth offered (bytes carried for others). */
  BANDWIDTH
}
