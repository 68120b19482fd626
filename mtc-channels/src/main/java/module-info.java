/**
 * Offline payment channels: assets and amounts, balance proofs and their signatures, the channel state
 * machine, and the settlement SPI with its deterministic reference ledger. Built on
 * {@code network.mtc.routing} (and through it on crypto and wire).
 */
module network.mtc.channels {
  requires transitive network.mtc.routing;
  requires transitive network.mtc.crypto;
  requires transitive network.mtc.wire;

  exports network.mtc.channels;
}
