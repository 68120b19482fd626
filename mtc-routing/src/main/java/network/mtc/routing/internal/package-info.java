/**
 * The node's implementation: {@link network.mtc.routing.internal.Router} (the receive path and relay
 * machinery), {@link network.mtc.routing.internal.LinkPort}, the bounded tables ({@link
 * network.mtc.routing.internal.NeighbourTable}, {@link network.mtc.routing.internal.KeyCache}, {@link
 * network.mtc.routing.internal.DuplicateCache}), {@link network.mtc.routing.internal.LinkCredit} and the
 * Trickle {@link network.mtc.routing.internal.AnnounceTimer}. Exported only to the simulator and the
 * vector generator.
 */
package network.mtc.routing.internal;
