/**
 * Offline payment channels: assets and amounts, balance proofs and their signatures, the channel state
 * machine, the settlement SPI with its deterministic reference ledger, the durable journal, witnesses and
 * token rewards. Built on {@code network.mtc.routing} (and through it on crypto and wire).
 */
module network.mtc.channels {
  requires transitive network.mtc.routing;
  requires transitive network.mtc.crypto;
  requires transitive network.mtc.wire;

  exports network.mtc.channels;
  exports network.mtc.channels.journal;
  exports network.mtc.channels.endpoint;
  exports network.mtc.channels.message;
  exports network.mtc.channels.witness;
  exports network.mtc.channels.rewards;
}
