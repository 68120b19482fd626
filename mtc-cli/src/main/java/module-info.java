/** The {@code mtc} command line. */
module network.mtc.cli {
  requires network.mtc.wire;
  requires network.mtc.crypto;
  requires network.mtc.vectors;
  requires network.mtc.sim;
  requires network.mtc.routing;
  requires network.mtc.channels;
}
