package network.mtc.routing;

/**
 * How a unicast message reached its destination.
 *
 * @param hops how many hops the message travelled, or -1 if unknown
 * @param attempts end-to-end attempts it took (1 = the first)
 * @param rttMillis time from sending to the acknowledgement
 * @since 0.1
 */
public record Delivery(int hops, int attempts, long rttMillis) {}
