package network.mtc.routing;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Counters of one node, a snapshot taken by {@link MeshNode#stats()}.
 *
 * @param originated frames this node originated (published or sent; announces excluded)
 * @param transmissions link packets this node transmitted (fragments count one each; announces included)
 * @param delivered messages delivered to the application
 * @param received frames received and decoded (before any drop)
 * @param relayed frames this node relayed (each relay transmission of a whole frame counts one)
 * @param announcesSent ANNOUNCE frames this node sent
 * @param drops how many frames were dropped, or relays cancelled, for each reason (every reason present)
 * @since 0.1
 */
public record NodeStats(long originated, long transmissions, long delivered, long received, long relayed,
    long announcesSent, Map<DropReason, Long> drops) {

  /** Copies the map; a reason missing from it counts zero. */
  public NodeStats {
    EnumMap<DropReason, Long> m = new EnumMap<>(DropReason.class);
    for (DropReason r : DropReason.values()) {
      Long v = drops == null ? null : drops.get(r);
      m.put(r, v == null ? 0L : v);
    }
    drops = Collections.unmodifiableMap(m);
  }

  /** How many frames were dropped (or relays cancelled) for {@code reason}. */
  public long dropped(DropReason reason) {
    return drops.get(reason);
  }
}
