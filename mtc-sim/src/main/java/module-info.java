/**
 * The deterministic mesh simulator (docs/routing-design.md, section 4): same seed, same result. For now
 * the topology model and the greedy connected dominating set, the lower bound that broadcast strategies
 * are measured against.
 */
module network.mtc.sim {
  requires transitive network.mtc.routing;

  exports network.mtc.sim;
}
