/**
 * The pure broadcast relay decision (spec/routing-broadcast.md): coverage-accounted relaying with
 * two-hop knowledge and implicit acknowledgements. Everything here is a deterministic function of a
 * node's view of its neighbourhood, its pending per-message states and one event; time comes in as an
 * argument and jitter from a {@link network.mtc.routing.runtime.RandomSource}, so the conformance vectors
 * and the simulator drive exactly the code the node runs.
 *
 * <p>Exported only to the simulator and the vector runner: applications choose the strategy through
 * {@link network.mtc.routing.BroadcastStrategy}.
 */
package network.mtc.routing.policy;
