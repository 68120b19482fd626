package network.mtc.sim;

/**
 * What the simulator needs of the node code it hosts: start it, publish a workload message, stop it.
 * Deliveries flow back through {@link NodeContext#deliveries()}.
 *
 * @since 0.1
 */
public interface HostedNode {
  /** The 64-bit value of the node's address (the frame {@code source} field of what it originates). */
  long address();

  /** Starts links and timers. */
  void start();

  /**
   * Broadcasts a workload message to every node (topic {@link NodeContext#TOPIC}).
   *
   * @return the message id of the frame sent
   */
  int publish(byte[] payload);

  /**
   * The node's own bound on its memory in bytes (tables at their configured bounds), or -1 if unknown.
   */
  default long memoryBoundBytes() {
    return -1;
  }

  /** Stops the node; no callback follows. */
  void close();
}
