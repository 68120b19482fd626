/**
 * The runtime a mesh node runs on, identical in production and in the simulator: {@link
 * network.mtc.routing.runtime.Clock}, {@link network.mtc.routing.runtime.Scheduler} with its bounded,
 * allocation-free {@link network.mtc.routing.runtime.TimerQueue}, and the reproducible {@link
 * network.mtc.routing.runtime.RandomSource}. The rest of mtc-routing (docs/routing-design.md) builds on
 * these.
 */
package network.mtc.routing.runtime;
