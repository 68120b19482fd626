package network.mtc.routing.sync;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@link Uplink} in memory, for tests and the simulator: every uplink connected to the same {@link Hub}
 * receives, as a downlink, what any uplink of the hub publishes (its own included, as a broker echoes).
 * Delivery is synchronous and in connection order. Credit and state are set by the test.
 *
 * @since 0.1
 */
public final class InMemoryUplink implements Uplink {
  /** Envelopes remembered per uplink for inspection: bounded, oldest dropped. */
  public static final int MAX_REMEMBERED = 1024;

  /** A broker: the set of connected uplinks. */
  public static final class Hub {
    private final List<InMemoryUplink> members = new ArrayList<>();

    /** A new uplink connected to this hub (ACTIVE once started). */
    public InMemoryUplink connect() {
      InMemoryUplink u = new InMemoryUplink(this);
      members.add(u);
      return u;
    }

    void fanOut(StationEnvelope e) {
      for (InMemoryUplink m : List.copyOf(members)) {
        if (m.listener != null && m.state == UplinkState.ACTIVE) {
          m.listener.onDownlink(e);
        }
      }
    }
  }

  private final Hub hub;
  private UplinkListener listener;
  private UplinkState state = UplinkState.INACTIVE;
  private boolean credit = true;
  private final ArrayDeque<StationEnvelope> published = new ArrayDeque<>();

  private InMemoryUplink(Hub hub) {
    this.hub = hub;
  }

  @Override
  public void start(UplinkListener l) {
    listener = l;
    setState(UplinkState.ACTIVE);
  }

  @Override
  public void stop() {
    setState(UplinkState.INACTIVE);
    listener = null;
  }

  @Override
  public UplinkState state() {
    return state;
  }

  @Override
  public boolean publish(StationEnvelope envelope) {
    if (state != UplinkState.ACTIVE || !credit) {
      return false;
    }
    if (published.size() == MAX_REMEMBERED) {
      published.poll();
    }
    published.add(envelope);
    hub.fanOut(envelope);
    return true;
  }

  /** Sets the state (and tells the listener). */
  public void setState(UplinkState s) {
    state = s;
    if (listener != null) {
      listener.onState(s);
    }
  }

  /** Grants or withdraws credit; granting signals onWritable. */
  public void setCredit(boolean hasCredit) {
    credit = hasCredit;
    if (hasCredit && listener != null) {
      listener.onWritable();
    }
  }

  /** What this uplink published, oldest first (at most {@link #MAX_REMEMBERED}). */
  public List<StationEnvelope> published() {
    return List.copyOf(published);
  }
}
