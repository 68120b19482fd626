package network.mtc.routing;

import network.mtc.wire.NodeAddress;

/**
 * What a node reports about itself when asked with {@link MeshNode#nodeInfo} (spec/routing-unicast.md
 * section 6.1). Every figure is the node's own claim: useful for diagnosis, never for routing decisions.
 *
 * @param node the node that answered
 * @param protocolVersion the routing protocol version it speaks (1)
 * @param uptimeSeconds seconds since it started
 * @param neighbours entries in its neighbour table
 * @param congestionLevel its congestion level, 0..2 (spec/routing-limits.md section 4)
 * @param relayed frames it relayed
 * @param delivered messages it delivered to its applications
 * @param station true if it has an uplink (a mesh station)
 * @since 0.1
 */
public record NodeInfo(NodeAddress node, int protocolVersion, long uptimeSeconds, int neighbours,
    int congestionLevel, long relayed, long delivered, boolean station) {}
