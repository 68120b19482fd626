/**
 * The application face of an MTC mesh node: {@link network.mtc.routing.MeshNode} (publish/subscribe,
 * unicast send), its {@link network.mtc.routing.MeshNodeBuilder}, {@link network.mtc.routing.MeshConfig}
 * and {@link network.mtc.routing.NodeStats} with its {@link network.mtc.routing.DropReason}s. The
 * protocol is spec/routing.md.
 */
package network.mtc.routing;
