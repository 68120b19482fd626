package network.mtc.sim.internal;

import network.mtc.routing.link.Link;
import network.mtc.routing.link.LinkListener;
import network.mtc.routing.link.LinkProfile;

/**
 * One node's simulated radio: a broadcast medium on which every neighbour in range hears every packet,
 * unicast included (the addressee with {@code linkUnicast} true). Peer ids are node indices. Every send
 * is one transmission, counted by the {@link Radio}.
 */
final class SimLink implements Link {
  private final Radio radio;
  private final int node;
  private final LinkProfile profile;
  private LinkListener listener;

  SimLink(Radio radio, int node, LinkProfile profile) {
    this.radio = radio;
    this.node = node;
    this.profile = profile;
  }

  @Override
  public LinkProfile profile() {
    return profile;
  }

  @Override
  public void start(LinkListener l) {
    if (l == null) {
      throw new IllegalArgumentException("listener is required");
    }
    listener = l;
  }

  @Override
  public void stop() {
    listener = null;
  }

  @Override
  public boolean sendBroadcast(byte[] packet, int off, int len) {
    return listener != null && radio.transmit(node, -1, packet, off, len);
  }

  @Override
  public boolean sendTo(long peer, byte[] packet, int off, int len) {
    return listener != null && peer >= 0 && peer < radio.nodes() && peer != node
        && radio.transmit(node, (int) peer, packet, off, len);
  }

  LinkListener listener() {
    return listener;
  }
}
