package network.mtc.routing;

/**
 * Builds a {@link MeshNode}. SKELETON: filled in with the implementation (identity, links, clock,
 * scheduler, random source, config).
 *
 * @since 0.1
 */
public final class MeshNodeBuilder {
  MeshNodeBuilder() {}
}
