/**
 * Offline payment channels: pledges, signed off-chain updates, witnesses, settlement and penalties.
 * Built on {@code network.mtc.routing}; filled in by the channels issue.
 */
module network.mtc.channels {
  requires transitive network.mtc.routing;

  // Exports come with the first public type (a package holding only package-info cannot be exported).
}
