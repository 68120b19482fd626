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
 *   node.receive(m -> reply(m.source(), m.payload()));          // unicast for this node, once each
 *   node.send(peer, bytes).whenComplete((delivery, err) -> log(delivery, err));   // end-to-end acked
 *   node.ping(peer).thenAccept(d -> log(d.rttMillis(), d.hops()));
 *   node.nodeInfo(peer).thenAccept(info -> log(info.neighbours(), info.congestionLevel()));
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
   * Sends {@code payload} to one node (spec/routing-unicast.md): along a route learned from earlier
   * traffic if there is one, hop by hop with hop acknowledgements, else flooded; retried end to end up to
   * three times, the retries flooded. The destination delivers it once to its {@link #receive} handlers.
   *
   * @return a future that completes with the {@link Delivery} when the destination's end-to-end
   *     acknowledgement arrives, or fails with a {@link DeliveryFailedException}
   */
  CompletableFuture<Delivery> send(NodeAddress destination, byte[] payload);

  /**
   * Delivers every unicast message addressed to this node without a topic (what other nodes
   * {@link #send}) to {@code handler}; {@link Message#topic()} is null.
   */
  Subscription receive(MessageHandler handler);

  /**
   * Checks that {@code destination} is reachable: an empty unicast message on the reserved topic
   * {@code mtc/ping}, which the destination acknowledges end to end without delivering it.
   *
   * @return a future with the round trip ({@link Delivery#rttMillis()}) and the hops travelled
   */
  CompletableFuture<Delivery> ping(NodeAddress destination);

  /**
   * Asks {@code destination} about itself: a unicast request on the reserved topic {@code mtc/info},
   * answered by a unicast reply on {@code mtc/info/reply}.
   *
   * @return a future with the answer, or failing with a {@link DeliveryFailedException} if none came
   */
  CompletableFuture<NodeInfo> nodeInfo(NodeAddress destination);

  /** Counters of this node: frames sent, relayed, delivered and dropped by reason. */
  NodeStats stats();

  /** Stops links and timers; pending futures fail. */
  @Override
  void close();
}
