/**
 * The conformance vectors' generator and runner, and the small JSON reader and writer they use. The vector
 * files themselves live in the {@code conformance-vectors/} folder of the repository.
 */
module network.mtc.vectors {
  requires transitive network.mtc.wire;
  requires network.mtc.crypto;
  requires network.mtc.routing;

  exports network.mtc.vectors;
  exports network.mtc.vectors.json;
}
