package network.mtc.routing.internal;

import network.mtc.routing.link.Link;
import network.mtc.wire.fragment.Fragmenter;
import network.mtc.wire.fragment.Reassembler;

/**
 * A node's end of one {@link Link}: a {@link Fragmenter} for the link's MTU on the way out, and a
 * {@link Reassembler} on the way in, created at the first fragment received. Links whose MTU carries
 * whole frames (UDP, the simulator) never create one, which saves 128 KiB per node (wire section 10).
 */
public final class LinkPort implements Fragmenter.PacketSink {
  private final Link link;
  private final int index;
  private final Fragmenter fragmenter;
  private Reassembler reassembler;
  private long target;
  private boolean broadcast;
  private long packetsSent;
  private long packetsRefused;
  private long airtimeSentMicros;

  /**
   * @param firstTag the fragmenter's first tag, 0..16383, random per start
   */
  public LinkPort(Link link, int index, int firstTag) {
    this.link = link;
    this.index = index;
    this.fragmenter = new Fragmenter(link.profile().mtu(), firstTag);
  }

  /** The link. */
  public Link link() {
    return link;
  }

  /** This link's index in the node. */
  public int index() {
    return index;
  }

  /** The reassembler, created on first use. */
  public Reassembler reassembler() {
    if (reassembler == null) {
      reassembler = new Reassembler();
    }
    return reassembler;
  }

  /** True once a fragment has been received. */
  public boolean hasReassembler() {
    return reassembler != null;
  }

  /** Sends a frame to every neighbour on this link; returns the packets sent. */
  public int broadcast(byte[] frame, int off, int len) {
    broadcast = true;
    return fragmenter.split(frame, off, len, this);
  }

  /** Sends a frame to one peer of this link; returns the packets sent. */
  public int sendTo(long peer, byte[] frame, int off, int len) {
    broadcast = false;
    target = peer;
    return fragmenter.split(frame, off, len, this);
  }

  @Override
  public void send(byte[] buf, int off, int len) {
    boolean ok = broadcast ? link.sendBroadcast(buf, off, len) : link.sendTo(target, buf, off, len);
    if (ok) {
      packetsSent++;
      airtimeSentMicros += link.profile().airtimeMicros(len);
    } else {
      packetsRefused++;
    }
  }

  /** Packets the link took. */
  public long packetsSent() {
    return packetsSent;
  }

  /** Airtime of the packets the link took, in microseconds (congestion control, spec/routing-limits.md). */
  public long airtimeSentMicros() {
    return airtimeSentMicros;
  }

  /** Packets the link refused (no credit, down). */
  public long packetsRefused() {
    return packetsRefused;
  }
}
