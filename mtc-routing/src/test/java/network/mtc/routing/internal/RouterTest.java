package network.mtc.routing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import network.mtc.routing.BroadcastStrategy;
import network.mtc.routing.DropReason;
import network.mtc.routing.MeshConfig;
import network.mtc.routing.Message;
import network.mtc.routing.NodeStats;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class RouterTest {
  private static MeshConfig config(BroadcastStrategy s) {
    return MeshConfig.defaults().toBuilder().strategy(s).announcesEnabled(false).build();
  }

  private static List<List<Message>> subscribeAll(TestMedium m, String topic) {
    List<List<Message>> got = new ArrayList<>();
    for (Router r : m.nodes) {
      List<Message> l = new ArrayList<>();
      got.add(l);
      r.subscribe(topic, l::add);
    }
    return got;
  }

  @ParameterizedTest
  @EnumSource(value = BroadcastStrategy.class, names = {"FLOOD", "MANAGED", "COUNTER"})
  void publishReachesEveryNodeOfALine(BroadcastStrategy s) {
    TestMedium m = new TestMedium(0, 1, 1472);
    m.build(TestMedium.line(5), config(s));
    List<List<Message>> got = subscribeAll(m, "alerts");
    m.startAll();
    int id = m.nodes.get(0).publish("alerts", "hello".getBytes(StandardCharsets.UTF_8));
    m.runUntil(5_000);
    assertEquals(0, got.get(0).size(), "a publisher does not deliver to itself");
    for (int i = 1; i < 5; i++) {
      assertEquals(1, got.get(i).size(), "node " + i);
      Message msg = got.get(i).get(0);
      assertEquals(id, msg.messageId());
      assertEquals("alerts", msg.topic());
      assertEquals("hello", new String(msg.payload(), StandardCharsets.UTF_8));
      assertEquals(m.nodes.get(0).address(), msg.source());
    }
  }

  @ParameterizedTest
  @EnumSource(value = BroadcastStrategy.class, names = {"FLOOD", "MANAGED", "COUNTER"})
  void publishReachesEveryNodeOfAGridOnce(BroadcastStrategy s) {
    TestMedium m = new TestMedium(0, 2, 1472);
    m.build(TestMedium.grid(6, 6), config(s));
    List<List<Message>> got = subscribeAll(m, "t");
    m.startAll();
    m.nodes.get(14).publish("t", new byte[] {1, 2, 3});
    m.runUntil(5_000);
    long duplicates = 0;
    for (int i = 0; i < 36; i++) {
      assertEquals(i == 14 ? 0 : 1, got.get(i).size(), "node " + i);
      duplicates += m.nodes.get(i).stats().dropped(DropReason.DUPLICATE);
    }
    assertTrue(duplicates > 0, "copies were heard and suppressed");
    if (s != BroadcastStrategy.COUNTER) {
      assertEquals(36, m.transmissions, "flooding: every node transmits exactly once");
    } else {
      assertTrue(m.transmissions < 36, "counter suppression saves transmissions: " + m.transmissions);
    }
  }

  @Test
  void floodCostsOneTransmissionPerNodeUnderLoss() {
    TestMedium m = new TestMedium(0.1, 3, 1472);
    m.build(TestMedium.grid(8, 8), config(BroadcastStrategy.FLOOD));
    m.startAll();
    m.nodes.get(0).publish("t", new byte[] {9});
    m.runUntil(10_000);
    long relayed = 0;
    for (Router r : m.nodes) {
      relayed += r.stats().relayed();
    }
    // Every node that received the message relayed it once; the origin transmitted once.
    assertEquals(m.transmissions, relayed + 1);
    assertTrue(m.transmissions <= 64);
  }

  @Test
  void hopLimitIsCappedByTheReceiver() {
    TestMedium m = new TestMedium(0, 4, 1472);
    MeshConfig c = config(BroadcastStrategy.MANAGED).toBuilder().maxHopLimit(3).build();
    m.build(TestMedium.line(8), c);
    List<List<Message>> got = subscribeAll(m, "t");
    m.startAll();
    m.nodes.get(0).publish("t", new byte[] {1});   // carries hop limit 32, capped to 3 by each receiver
    m.runUntil(5_000);
    for (int i = 1; i < 8; i++) {
      assertEquals(i <= 4 ? 1 : 0, got.get(i).size(), "node " + i);
    }
    assertEquals(1, m.nodes.get(4).stats().dropped(DropReason.HOP_LIMIT));
  }

  @Test
  void ownEchoIsDroppedAsOwn() {
    TestMedium m = new TestMedium(0, 5, 1472);
    m.build(TestMedium.line(3), config(BroadcastStrategy.FLOOD));
    m.startAll();
    m.nodes.get(1).publish("t", new byte[] {1});
    m.runUntil(1_000);
    NodeStats s = m.nodes.get(1).stats();
    assertEquals(2, s.dropped(DropReason.OWN), "both neighbours relayed it back");
    assertEquals(1, s.originated());
  }

  @Test
  void fragmentsOnASmallMtuAreReassembledLazily() {
    TestMedium m = new TestMedium(0, 6, 20);
    m.build(TestMedium.line(3), config(BroadcastStrategy.MANAGED));
    List<List<Message>> got = subscribeAll(m, "t");
    m.startAll();
    byte[] big = new byte[300];
    for (int i = 0; i < big.length; i++) {
      big[i] = (byte) i;
    }
    m.nodes.get(0).publish("t", big);
    m.runUntil(5_000);
    assertEquals(1, got.get(2).size());
    assertTrue(java.util.Arrays.equals(big, got.get(2).get(0).payload()));
    assertTrue(m.transmissions > 3, "fragments were sent");
  }

  @Test
  void expiredFramesAreNotRelayed() {
    TestMedium m = new TestMedium(0, 7, 1472);
    MeshConfig c = config(BroadcastStrategy.FLOOD).toBuilder().messageLifetimeSeconds(2).build();
    m.build(TestMedium.line(3), c);
    m.startAll();
    m.nodes.get(0).publish("t", new byte[] {1});
    // Hold the frame back: run the origin's transmission, then replay the bytes much later.
    byte[][] captured = new byte[1][];
    m.links.get(0).listener = null;
    m.runUntil(1);
    m.now = 60_000;
    network.mtc.wire.frame.Frame f = new network.mtc.wire.frame.Frame(1, 5, 77,
        m.nodes.get(0).address(), null, java.util.OptionalLong.empty(),
        List.of(new network.mtc.wire.Tlv(2, network.mtc.wire.Bytes.copyOf(
            network.mtc.wire.Varint.encode(m.unixSeconds() - 1)))), network.mtc.wire.Bytes.copyOf(new byte[] {1}),
        null);
    captured[0] = f.encode();
    m.inject(1, 0, captured[0]);
    assertEquals(1, m.nodes.get(1).stats().dropped(DropReason.EXPIRED));
    for (long far : new long[] {m.unixSeconds() + 8 * 86_400L, Long.MIN_VALUE, -1L}) {
      network.mtc.wire.frame.Frame g = new network.mtc.wire.frame.Frame(1, 5, (int) far ^ 99,
          m.nodes.get(0).address(), null, java.util.OptionalLong.empty(),
          List.of(new network.mtc.wire.Tlv(2, network.mtc.wire.Bytes.copyOf(network.mtc.wire.Varint.encode(far)))),
          network.mtc.wire.Bytes.copyOf(new byte[] {1}), null);
      m.inject(1, 0, g.encode());
    }
    assertEquals(3, m.nodes.get(1).stats().dropped(DropReason.TOO_FAR_FUTURE),
        "8 days ahead, and expiries of 2^63 and above (unsigned), are too far");
  }

  @Test
  void airtimeCountsFragmentsOnTheSlowestLink() {
    TestMedium m = new TestMedium(0, 8, 20);
    m.build(TestMedium.line(1), config(BroadcastStrategy.FLOOD));
    Router r = m.nodes.get(0);
    // 1 Mbit/s, no overhead: 20 bytes whole = 160 us; 40 bytes = 3 fragments (16 + 16 + 8 bytes + headers)
    assertEquals(160, r.airtimeMicros(20));
    assertEquals(2 * 160 + 8 * 12, r.airtimeMicros(40));
  }
}
