/**
 * Offline payment channels: pledges, signed off-chain updates, witnesses, settlement and penalties.
 * Built on {@code network.mtc.routing}; filled in by the channels issue.
 */
module network.mtc.channels {
  requires transitive network.mtc.routing;

  exports network.mtc.channels;
}
