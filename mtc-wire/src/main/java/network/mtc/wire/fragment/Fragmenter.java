package network.mtc.wire.fragment;

import java.util.ArrayList;
import java.util.List;
import network.mtc.wire.frame.Frame;

/**
 * Splits encoded frames into link packets for one link's MTU. A frame that fits the MTU goes out whole,
 * with no header; a larger one is cut into fragments that all carry {@code mtu - 4} bytes except the last,
 * which carries the rest (1 to {@code mtu - 4} bytes). One {@code Fragmenter} per link: it numbers
 * messages with a 14-bit tag that wraps.
 *
 * <p>Not thread-safe; the node's event loop owns it.
 *
 * @since 0.1
 */
public final class Fragmenter {
  /** Receives each link packet; the array is reused after the call returns. */
  @FunctionalInterface
  public interface PacketSink {
    /** Sends {@code buf[off, off + len)} as one link packet. */
    void send(byte[] buf, int off, int len);
  }

  private final int mtu;
  private final byte[] packet;
  private int nextTag;

  /**
   * @param mtu the link's payload size per packet, {@value LinkPacket#MIN_MTU}..{@value LinkPacket#MAX_MTU}
   * @param firstTag the first message tag, 0..16383 (pick it at random, so that a restarted node does not
   *     reuse the tags its peers may still hold partial messages for)
   */
  public Fragmenter(int mtu, int firstTag) {
    if (mtu < LinkPacket.MIN_MTU || mtu > LinkPacket.MAX_MTU) {
      throw new IllegalArgumentException("MTU must be " + LinkPacket.MIN_MTU + ".." + LinkPacket.MAX_MTU);
    }
    if (firstTag < 0 || firstTag > LinkPacket.MAX_TAG) {
      throw new IllegalArgumentException("tag must be 0..16383");
    }
    this.mtu = mtu;
    this.packet = new byte[mtu];
    this.nextTag = firstTag;
  }

  /** The link MTU. */
  public int mtu() {
    return mtu;
  }

  /** How many packets a frame of {@code length} bytes takes on this link. */
  public int packetCount(int length) {
    if (length <= mtu) {
      return 1;
    }
    int chunk = mtu - LinkPacket.FRAGMENT_HEADER_LENGTH;
    return (length + chunk - 1) / chunk;
  }

  /**
   * Sends the frame in {@code frame[off, off + len)} as one or more packets.
   *
   * @return the number of packets sent
   * @throws IllegalArgumentException if the frame is empty or longer than {@link Frame#MAX_LENGTH}
   */
  public int split(byte[] frame, int off, int len, PacketSink sink) {
    if (len < 1 || len > Frame.MAX_LENGTH) {
      throw new IllegalArgumentException("frame length must be 1.." + Frame.MAX_LENGTH);
    }
    if (len <= mtu) {
      sink.send(frame, off, len);
      return 1;
    }
    int chunk = mtu - LinkPacket.FRAGMENT_HEADER_LENGTH;
    int count = (len + chunk - 1) / chunk;
    int tag = nextTag;
    nextTag = (nextTag + 1) & LinkPacket.MAX_TAG;
    packet[0] = (byte) (LinkPacket.KIND_FRAGMENT | (tag >>> 8));
    packet[1] = (byte) tag;
    packet[3] = (byte) (count - 1);
    for (int i = 0; i < count; i++) {
      int n = Math.min(chunk, len - i * chunk);
      packet[2] = (byte) i;
      System.arraycopy(frame, off + i * chunk, packet, LinkPacket.FRAGMENT_HEADER_LENGTH, n);
      sink.send(packet, 0, LinkPacket.FRAGMENT_HEADER_LENGTH + n);
    }
    return count;
  }

  /** Splits a whole frame into freshly allocated packets (convenience for tests and tools). */
  public List<byte[]> split(byte[] frame) {
    List<byte[]> out = new ArrayList<>();
    split(frame, 0, frame.length, (b, o, l) -> {
      byte[] copy = new byte[l];
      System.arraycopy(b, o, copy, 0, l);
      out.add(copy);
    });
    return out;
  }
}
