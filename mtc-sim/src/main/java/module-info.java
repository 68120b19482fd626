/**
 * The deterministic mesh simulator (docs/routing-design.md, section 4): same seed, same result. It runs
 * the production node code ({@code MeshNode}) on simulated radios in simulated time: unit-disk
 * topologies, loss, delay, collisions, churn, mobility and partitions; the greedy connected dominating set
 * as the lower bound on broadcast transmissions; metrics as JSON and an HTML report. The event queue,
 * radio and metrics live in the unexported {@code network.mtc.sim.internal}.
 */
module network.mtc.sim {
  requires transitive network.mtc.routing;

  exports network.mtc.sim;
}
