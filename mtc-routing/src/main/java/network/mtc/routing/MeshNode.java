package network.mtc.routing;

import java.util.concurrent.CompletableFuture;
import network.mtc.wire.NodeAddress;

/**
 * A node of the mesh, as application developers see it: broadcast by topic, unicast with a delivery
 * future, and device management. The same implementation runs on real transports and in the simulator
 * (mtc-sim), which supplies simulated {@link network.mtc.routing.runtime.Clock clock},
 * {@link network.mtc.routing.runtime.Scheduler scheduler} and {@link network.mtc.routing.link.Link links}.
 *
 * <pre>{@code
 * try (SigningKey id = SigningKey.generate(new SecureRandom());
 *      MeshNode node = MeshNode.builder().identity(id).link(bleLink).link(udpLink).build()) {
 *   node.start();                                            // links, announces, timers
 *   Subscription s = node.subscribe("alerts",
 *       m -> show(m.source(), new String(m.payload(), UTF_8)));
 *   int id = node.publish("alerts", "flood at gate 3".getBytes(UTF_8));   // expires in 300 s
 *   node.send(peer, bytes).whenComplete((delivery, err) -> log(delivery, err));
 *   NodeStats st = node.stats();                             // transmissions, drops by reason
 * }
 * }</pre>
 *
 * <p>Without a scheduler the builder gives the node its own {@link network.mtc.routing.runtime.EventLoop};
 * calls from other threads are posted to it, and handlers run on it unless a callback executor is set.
 * In the simulator every call comes from the simulator's thread.
 *
 * @since 0.1
 */
public interface MeshNode extends AutoCloseable {
  /** A builder for a node. */
  static MeshNodeBuilder builder() {
    return new MeshNodeBuilder();
  }

  /** This node's address, derived from its identity key. */
  NodeAddress address();

  /** Starts the links, announces and timers. */
  void start();

  /**
   * Broadcasts {@code payload} to every node subscribed to {@code topic} in the mesh.
   *
   * @return the message id of the frame sent
   */
  int publish(String topic, byte[] payload);

  /** Delivers every message published on {@code topic} (by other nodes) to {@code handler}. */
  Subscription subscribe(String topic, MessageHandler handler);

  /**
   * Sends {@code payload} to one node; the future completes when its end-to-end acknowledgement arrives.
   *
   * <p><b>Not implemented in 0.1.0-SNAPSHOT:</b> the unicast engine (routes, hop and end-to-end
   * acknowledgements, retries) is still to come (spec/routing.md lists routing-unicast.md as not written),
   * and the returned future fails with {@link UnsupportedOperationException}. A unicast frame with a topic
   * already reaches that topic's subscribers at its destination.
   */
  CompletableFuture<Delivery> send(NodeAddress destination, byte[] payload);

  /** Counters of this node: frames sent, relayed, delivered and dropped by reason. */
  NodeStats stats();

  /** Stops links and timers; pending futures fail. */
  @Override
  void close();
}
