/**
 * Neighbour discovery, managed flooding, routed unicast, store-and-forward, mesh-station sync and the
 * deterministic simulator. Built on {@code network.mtc.crypto}; filled in by the routing issue.
 */
module network.mtc.routing {
  requires transitive network.mtc.crypto;

  exports network.mtc.routing;
  exports network.mtc.routing.link;
  exports network.mtc.routing.runtime;
  exports network.mtc.routing.sync;
}
