package network.mtc.routing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import network.mtc.routing.BroadcastStrategy;
import network.mtc.routing.MeshConfig;
import network.mtc.routing.sync.InMemoryUplink;
import network.mtc.routing.sync.StationEnvelope;
import network.mtc.routing.sync.UplinkListener;
import network.mtc.routing.sync.UplinkState;
import network.mtc.wire.Bytes;
import network.mtc.wire.NodeAddress;
import network.mtc.wire.Tlv;
import network.mtc.wire.Varint;
import network.mtc.wire.frame.Frame;
import org.junit.jupiter.api.Test;

/** The Router drives station sync (spec/routing-sync.md section 5.0) and uplinks what it learns. */
class StationSyncWiringTest {
  private static byte[] heldFrame(int id, long expiresAt) {
    return new Frame(1, 5, id, new NodeAddress(0x55L), new NodeAddress(0x77L), OptionalLong.empty(),
        List.of(new Tlv(2, Bytes.copyOf(Varint.encode(expiresAt)))), Bytes.copyOf(new byte[] {(byte) id}), null)
        .encode();
  }

  /** Frame identity ignores the hop limit (spec/routing-sync.md section 2, rule 2). */
  private static String withoutHopLimit(byte[] frame) {
    byte[] c = frame.clone();
    c[2] = 0;
    return Bytes.copyOf(c).hex();
  }

  @Test
  void aStationMeetingANodeLearnsExactlyWhatTheNodeHoldsAndUplinksIt() {
    InMemoryUplink.Hub hub = new InMemoryUplink.Hub();
    List<StationEnvelope> wideArea = new ArrayList<>();
    hub.connect().start(new UplinkListener() {
      @Override
      public void onDownlink(StationEnvelope e) {
        wideArea.add(e);
      }

      @Override
      public void onWritable() {}

      @Override
      public void onState(UplinkState s) {}
    });
    TestMedium m = new TestMedium(0, 41, 1472);
    m.stations.put(1, hub.connect());
    m.build(TestMedium.line(2), MeshConfig.defaults().toBuilder().strategy(BroadcastStrategy.MANAGED).build());
    Router node = m.nodes.get(0);
    Router station = m.nodes.get(1);
    node.start();
    m.runUntil(5_000);
    Set<String> injected = new HashSet<>();
    for (int id = 1; id <= 5; id++) {
      byte[] f = heldFrame(id, m.unixSeconds() + 600);
      injected.add(withoutHopLimit(f));
      m.inject(0, 9, f);      // heard from a neighbour that has gone: held for the absent 0x77
    }
    assertEquals(5, node.storeForward().size());
    m.runUntil(8_000);        // the node's own relays of them are over before the station exists
    assertTrue(wideArea.isEmpty());

    station.start();          // the station appears: announces, then a session, then pushes
    m.runUntil(30_000);

    assertEquals(5, station.storeForward().size(), "the station now holds what the node held: station " + java.util.Arrays.toString(station.syncCounts()) + " node " + java.util.Arrays.toString(node.syncCounts()) + " unhandled " + node.stats().dropped(network.mtc.routing.DropReason.UNHANDLED) + "/" + station.stats().dropped(network.mtc.routing.DropReason.UNHANDLED) + " nb " + node.neighbourTable().size() + "/" + station.neighbourTable().size());
    Set<String> uplinked = new HashSet<>();
    for (StationEnvelope e : wideArea) {
      uplinked.add(withoutHopLimit(e.frame().toByteArray()));
    }
    assertTrue(uplinked.containsAll(injected), "every held frame reached the wide area");
    assertEquals(1, station.syncCounts()[0], "the station opened one session");
    assertEquals(1, station.syncCounts()[1], "and it completed: station " + java.util.Arrays.toString(station.syncCounts()) + " node " + java.util.Arrays.toString(node.syncCounts()) + " unhandled " + node.stats().dropped(network.mtc.routing.DropReason.UNHANDLED));
    assertEquals(0, node.syncCounts()[2], "nothing aborted at the node");
  }

  @Test
  void ordinaryNodesNeverOpenSessionsAndStraySyncFramesAreRefused() {
    TestMedium m = new TestMedium(0, 42, 1472);
    m.build(TestMedium.line(3), MeshConfig.defaults().toBuilder().strategy(BroadcastStrategy.MANAGED).build());
    m.startAll();
    m.runUntil(20_000);
    for (Router r : m.nodes) {
      assertEquals(0, r.syncCounts()[0]);
    }
    // A RANGES (kind 2) with no session is refused, not answered.
    Frame stray = new Frame(4, 0, 5, m.nodes.get(0).address(), m.nodes.get(1).address(), OptionalLong.empty(),
        List.of(), Bytes.copyOf(new byte[] {2, 0, 0, 0, 5, 1, (byte) 255, 0}), null);
    long before = m.nodes.get(1).stats().dropped(network.mtc.routing.DropReason.UNHANDLED);
    m.inject(1, 0, stray.encode());
    assertEquals(before + 1, m.nodes.get(1).stats().dropped(network.mtc.routing.DropReason.UNHANDLED));
    assertEquals(0, m.nodes.get(1).syncCounts()[0]);
  }
}
