package network.mtc.routing;

/**
 * Counters of one node. SKELETON: the implementation adds drops by reason.
 *
 * @param originated frames this node originated
 * @param transmissions link packets this node transmitted
 * @param delivered messages delivered to the application
 * @since 0.1
 */
public record NodeStats(long originated, long transmissions, long delivered) {}
