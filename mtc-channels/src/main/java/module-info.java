/**
 * Offline payment channels: pledges, signed off-chain updates, witnesses, settlement and penalties.
 * Built on {@code network.mtc.routing}.
 */
module network.mtc.channels {
  requires transitive network.mtc.routing;

  exports network.mtc.channels.journal;
  exports network.mtc.channels.witness;
  exports network.mtc.channels.rewards;
}
