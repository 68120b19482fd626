/**
 * Neighbour discovery, managed flooding, routed unicast, store-and-forward and mesh-station sync for MTC
 * nodes (spec/routing.md). Built on {@code network.mtc.crypto}; the simulator (mtc-sim) runs the same
 * node code.
 */
// The qualified export names modules built after this one, which javac cannot see from here.
@SuppressWarnings("module")
module network.mtc.routing {
  requires transitive network.mtc.crypto;

  exports network.mtc.routing;
  exports network.mtc.routing.link;
  exports network.mtc.routing.runtime;
  exports network.mtc.routing.policy;
  exports network.mtc.routing.message;
  exports network.mtc.routing.sync;
  exports network.mtc.routing.internal to network.mtc.sim, network.mtc.vectors;
}
