package network.mtc.routing;

import java.util.concurrent.CompletableFuture;
import network.mtc.wire.NodeAddress;

/**
 * A node of the mesh, as application developers see it: broadcast by topic, unicast with a delivery
 * future, and device management. The same implementation runs on real transports and in the simulator
 * (mtc-sim), which supplies simulated {@link network.mtc.routing.runtime.Clock clock},
 * {@link network.mtc.routing.runtime.Scheduler scheduler} and {@link network.mtc.routing.link.Link links}.
 *
 * <p>The SKELETON of this interface is fixed; the complete javadoc example is written with the
 * implementation (issue 5, section 3).
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

  /** Sends {@code payload} to one node; the future completes when its end-to-end acknowledgement arrives. */
  CompletableFuture<Delivery> send(NodeAddress destination, byte[] payload);

  /** Counters of this node: frames sent, relayed, delivered and dropped by reason. */
  NodeStats stats();

  /** Stops links and timers; pending futures fail. */
  @Override
  void close();
}
