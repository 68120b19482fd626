/**
 * The lowest layer of MTC: frames, canonical varints and TLV extensions, fragmentation for BLE MTUs,
 * COBS serial framing and IOTA-compatible trinary codecs. Normative text: {@code spec/wire.md}.
 *
 * <p>No runtime dependency besides the JDK.
 */
module network.mtc.wire {
  exports network.mtc.wire;
  exports network.mtc.wire.frame;
  exports network.mtc.wire.fragment;
  exports network.mtc.wire.serial;
  exports network.mtc.wire.trinary;
}
