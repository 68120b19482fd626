package network.mtc.wire.fragment;

/**
 * The layout of one link packet (one BLE write/notification, one UDP datagram, one serial frame): either
 * a whole frame, or one fragment of a frame too large for the link's MTU. The top two bits of the first
 * byte tell which (spec/wire.md, "Link packets and fragments"):
 *
 * <pre>
 *   01xxxxxx ...            a whole v1 frame (its version bits)
 *   11tttttt tttttttt iiiiiiii cccccccc chunk...
 *            14-bit tag,     index,   count - 1
 *   00, 10                  reserved (10 is kept for frame v2)
 * </pre>
 *
 * <p>The fragment header is 4 bytes; a whole frame costs no header at all.
 *
 * @since 0.1
 */
public final class LinkPacket {
  /** Fragment header length. */
  public static final int FRAGMENT_HEADER_LENGTH = 4;
  /** Smallest link MTU: a BLE 4.x ATT payload. */
  public static final int MIN_MTU = 20;
  /** Largest link MTU: a UDP payload, which an IPv4 datagram can carry in one 1500-byte Ethernet frame. */
  public static final int MAX_MTU = 1472;
  /** Most fragments a frame may be split into (the count field is one byte). */
  public static final int MAX_FRAGMENTS = 256;
  /** Largest fragment tag (14 bits). */
  public static final int MAX_TAG = 0x3FFF;

  static final int KIND_MASK = 0xC0;
  static final int KIND_FRAME_V1 = 0x40;
  static final int KIND_FRAGMENT = 0xC0;

  private LinkPacket() {}

  /** True if the packet starting with {@code firstByte} is a fragment. */
  public static boolean isFragment(byte firstByte) {
    return (firstByte & KIND_MASK) == KIND_FRAGMENT;
  }
}
