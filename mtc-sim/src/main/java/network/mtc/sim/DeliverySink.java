package network.mtc.sim;

/**
 * Where hosted nodes report the workload messages they deliver to their application.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface DeliverySink {
  /**
   * Node {@code node} delivered a message whose payload is {@code payload[off, off + len)} (only valid
   * during the call).
   */
  void delivered(int node, byte[] payload, int off, int len);
}
