package network.mtc.sim;

/**
 * Creates the node code a simulated node runs: the production {@code MeshNode} ({@link MeshNodeFactory})
 * or, in tests, any other user of the {@link network.mtc.routing.link.Link} SPI. Called again for a node
 * that comes back after churn (its volatile state is lost; its identity seed is the same).
 *
 * @since 0.1
 */
@FunctionalInterface
public interface NodeFactory {
  /** A new, not yet started node wired to the simulated link, clock, scheduler and random source. */
  HostedNode create(NodeContext context);
}
