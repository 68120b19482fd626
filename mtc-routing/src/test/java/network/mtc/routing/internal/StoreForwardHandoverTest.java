package network.mtc.routing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import network.mtc.routing.BroadcastStrategy;
import network.mtc.routing.DropReason;
import network.mtc.routing.MeshConfig;
import network.mtc.routing.Message;
import network.mtc.wire.Bytes;
import network.mtc.wire.Tlv;
import network.mtc.wire.Varint;
import network.mtc.wire.frame.Frame;
import org.junit.jupiter.api.Test;

class StoreForwardHandoverTest {
  private static byte[] unicast(TestMedium m, int from, int to, int id, long expiresAt) {
    return new Frame(1, 5, id, m.nodes.get(from).address(), m.nodes.get(to).address(), OptionalLong.empty(),
        List.of(new Tlv(2, Bytes.copyOf(Varint.encode(expiresAt))), new Tlv(4, Bytes.copyOf(new byte[] {'t'}))),
        Bytes.copyOf(new byte[] {42}), null).encode();
  }

  @Test
  void aFrameForAnAbsentNodeIsHeldAndHandedOverWhenItAppears() {
    TestMedium m = new TestMedium(0, 31, 1472);
    m.build(TestMedium.line(3), MeshConfig.defaults().toBuilder().strategy(BroadcastStrategy.MANAGED).build());
    List<Message> got = new ArrayList<>();
    m.nodes.get(2).subscribe("t", got::add);
    m.nodes.get(0).start();
    m.nodes.get(1).start();          // node 2 is off: not in node 1's table
    m.runUntil(10_000);
    m.inject(1, 0, unicast(m, 0, 2, 77, m.unixSeconds() + 300));
    assertEquals(1, m.nodes.get(1).storeForward().size(), "held for the absent destination");
    m.runUntil(12_000);
    assertTrue(got.isEmpty());
    m.nodes.get(2).start();          // node 2 appears; its announce makes node 1 hand the frame over
    m.runUntil(20_000);
    assertEquals(1, m.nodes.get(1).handedOver());
    assertEquals(0, m.nodes.get(1).storeForward().size());
    assertEquals(1, got.size());
    assertEquals(77, got.get(0).messageId());
  }

  @Test
  void framesForNeighboursOrWithoutExpiryAreNotHeldAndSyncIsNeverRelayed() {
    TestMedium m = new TestMedium(0, 32, 1472);
    m.build(TestMedium.line(3), MeshConfig.defaults().toBuilder().strategy(BroadcastStrategy.FLOOD).build());
    m.startAll();
    m.runUntil(10_000);
    Router middle = m.nodes.get(1);
    long before = middle.stats().relayed();
    m.inject(1, 0, unicast(m, 0, 2, 78, m.unixSeconds() + 300));       // node 2 is a neighbour
    Frame noExpiry = new Frame(1, 5, 79, m.nodes.get(0).address(), new network.mtc.wire.NodeAddress(0x77L),
        OptionalLong.empty(), List.of(), Bytes.copyOf(new byte[] {1}), null);
    m.inject(1, 0, noExpiry.encode());
    assertEquals(0, middle.storeForward().size());
    Frame sync = new Frame(4, 0, 80, m.nodes.get(0).address(), new network.mtc.wire.NodeAddress(0x77L),
        OptionalLong.empty(), List.of(), Bytes.copyOf(new byte[] {1, 0, 0, 0, 80}), null);
    m.inject(1, 0, sync.encode());
    m.runUntil(11_000);
    // Relayed: the two DATA frames (78 straight to its destination, a neighbour), and node 2's END
    // acknowledgement of frame 78 on its way back to node 0.
    assertEquals(before + 3, middle.stats().relayed(), "the two DATA frames and an END ack, not the SYNC");
    assertEquals(1, m.nodes.get(2).unicastCounts()[3], "node 2 acknowledged frame 78 end to end");
    assertEquals(1, middle.stats().dropped(DropReason.UNHANDLED));
  }
}
