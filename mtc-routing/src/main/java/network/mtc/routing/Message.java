package network.mtc.routing;

import network.mtc.wire.NodeAddress;

/**
 * A message delivered to the application.
 *
 * @param source the node that originated it
 * @param messageId the frame's message id (unique per source for the message's lifetime)
 * @param topic the topic for a broadcast, or null for a unicast
 * @param payload the application bytes (a copy the handler may keep)
 * @param signed true if the frame carried a signature that this node verified
 * @since 0.1
 */
public record Message(NodeAddress source, int messageId, String topic, byte[] payload, boolean signed) {}
