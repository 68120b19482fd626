package network.mtc.routing.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import network.mtc.routing.Delivery;
import network.mtc.routing.DeliveryFailedException;
import network.mtc.routing.MeshConfig;
import network.mtc.routing.Message;
import network.mtc.wire.NodeAddress;
import org.junit.jupiter.api.Test;

/** The unicast engine through whole Routers on the in-memory medium (spec/routing-unicast.md). */
class UnicastTest {
  private static TestMedium line(int n, double loss) {
    TestMedium m = new TestMedium(loss, 7, 244);
    m.build(TestMedium.line(n), MeshConfig.defaults());
    m.startAll();
    m.runUntil(20_000);
    return m;
  }

  @Test
  void sendDeliversOnceToReceiveHandlersAndCompletesWithTheHopCount() {
    TestMedium m = line(4, 0);
    List<Message> got = new ArrayList<>();
    m.nodes.get(3).receive(got::add);
    List<Message> topical = new ArrayList<>();
    m.nodes.get(3).subscribe("t", topical::add);
    CompletableFuture<Delivery> f = m.nodes.get(0).send(m.nodes.get(3).address(), new byte[] {9, 8});
    m.runUntil(25_000);
    assertEquals(1, got.size());
    assertArrayEquals(new byte[] {9, 8}, got.get(0).payload());
    assertNull(got.get(0).topic());
    assertEquals(m.nodes.get(0).address(), got.get(0).source());
    assertTrue(topical.isEmpty(), "topic-less unicast goes to receive handlers only");
    assertTrue(f.isDone());
    Delivery d = f.join();
    assertEquals(3, d.hops());
    assertEquals(1, d.attempts());
    // The END acknowledgement taught node 0 the route back from node 3's side: the next message is routed.
    assertEquals(m.nodes.get(1).address().value(), m.nodes.get(0).routeTable().nextHop(
        m.nodes.get(3).address().value(), m.nowMillis()));
    long relayedBefore = m.nodes.get(1).stats().relayed() + m.nodes.get(2).stats().relayed();
    CompletableFuture<Delivery> second = m.nodes.get(0).send(m.nodes.get(3).address(), new byte[] {7});
    m.runUntil(30_000);
    assertTrue(second.isDone() && !second.isCompletedExceptionally());
    assertEquals(2, got.size());
    assertEquals(relayedBefore + 4, m.nodes.get(1).stats().relayed() + m.nodes.get(2).stats().relayed(),
        "DATA and END each relayed once by nodes 1 and 2");
  }

  @Test
  void pingIsAcknowledgedButNotDelivered() {
    TestMedium m = line(3, 0);
    List<Message> got = new ArrayList<>();
    m.nodes.get(2).receive(got::add);
    m.nodes.get(2).subscribe("mtc/ping", got::add);
    CompletableFuture<Delivery> f = m.nodes.get(0).ping(m.nodes.get(2).address());
    m.runUntil(25_000);
    assertTrue(f.isDone());
    assertEquals(2, f.join().hops());
    assertTrue(got.isEmpty());
  }

  @Test
  void nodeInfoAnswersWithTheNodesOwnFigures() {
    TestMedium m = line(3, 0);
    m.nodes.get(1).publish("x", new byte[] {1});
    m.runUntil(21_000);
    CompletableFuture<network.mtc.routing.NodeInfo> f = m.nodes.get(0).nodeInfo(m.nodes.get(2).address());
    m.runUntil(26_000);
    assertTrue(f.isDone() && !f.isCompletedExceptionally());
    network.mtc.routing.NodeInfo i = f.join();
    assertEquals(m.nodes.get(2).address(), i.node());
    assertEquals(1, i.protocolVersion());
    assertEquals(1, i.neighbours(), "the end of the line has one neighbour");
    assertTrue(i.uptimeSeconds() >= 20 && i.uptimeSeconds() <= 26, "uptime " + i.uptimeSeconds());
    assertEquals(0, i.congestionLevel());
    assertEquals(false, i.station());
    CompletableFuture<network.mtc.routing.NodeInfo> lost = m.nodes.get(0).nodeInfo(new NodeAddress(0x5151L));
    m.runUntil(50_000);
    assertEquals(DeliveryFailedException.Reason.TIMED_OUT, failure2(lost).reason());
  }

  private static DeliveryFailedException failure2(CompletableFuture<?> f) {
    assertTrue(f.isDone(), "the future has ended");
    try {
      f.join();
    } catch (CompletionException e) {
      return assertInstanceOf(DeliveryFailedException.class, e.getCause());
    }
    throw new AssertionError("the future succeeded");
  }

  @Test
  void anUnreachableDestinationTimesOutAfterThreeAttempts() {
    TestMedium m = line(3, 0);
    CompletableFuture<Delivery> f = m.nodes.get(0).send(new NodeAddress(0x0123_4567_89ab_cdefL), new byte[] {1});
    m.runUntil(20_000 + 3 * (2_000 + 100 * 16) + 1_000);
    assertTrue(f.isCompletedExceptionally());
    DeliveryFailedException e = failure(f);
    assertEquals(DeliveryFailedException.Reason.TIMED_OUT, e.reason());
    assertEquals(3, e.attempts());
  }

  @Test
  void inFlightMessagesAreBoundedAndFailWhenTheNodeCloses() {
    TestMedium m = line(2, 0);
    List<CompletableFuture<Delivery>> fs = new ArrayList<>();
    for (int i = 0; i < UnicastEngine.MAX_IN_FLIGHT + 1; i++) {
      fs.add(m.nodes.get(0).send(new NodeAddress(0x0100 + i), new byte[] {1}));
    }
    DeliveryFailedException over = failure(fs.get(UnicastEngine.MAX_IN_FLIGHT));
    assertEquals(DeliveryFailedException.Reason.TOO_MANY_IN_FLIGHT, over.reason());
    assertTrue(fs.subList(0, UnicastEngine.MAX_IN_FLIGHT).stream().noneMatch(CompletableFuture::isDone));
    m.nodes.get(0).close();
    for (CompletableFuture<Delivery> f : fs.subList(0, UnicastEngine.MAX_IN_FLIGHT)) {
      assertEquals(DeliveryFailedException.Reason.CLOSED, failure(f).reason());
    }
  }

  @Test
  void retriesAcrossALossyLineDeliverEveryMessageExactlyOnce() {
    TestMedium m = line(5, 0.25);
    m.runUntil(60_000);
    List<Integer> got = new ArrayList<>();
    m.nodes.get(4).receive(msg -> got.add((int) msg.payload()[0]));
    List<CompletableFuture<Delivery>> fs = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      fs.add(m.nodes.get(0).send(m.nodes.get(4).address(), new byte[] {(byte) i}));
      m.runUntil(60_000 + 1_000L * (i + 1));
    }
    m.runUntil(120_000);
    assertEquals(got.size(), got.stream().distinct().count(), "no message delivered twice: " + got);
    long acked = fs.stream().filter(f -> f.isDone() && !f.isCompletedExceptionally()).count();
    assertTrue(got.size() >= 29, "delivered " + got.size() + " of 30 at 25% loss per reception");
    assertTrue(acked <= got.size(), "an acknowledgement implies a delivery");
    long[] counts = m.nodes.get(1).unicastCounts();
    assertTrue(counts[1] > 0, "25% loss makes hops retransmit");
  }

  private static DeliveryFailedException failure(CompletableFuture<Delivery> f) {
    assertTrue(f.isDone(), "the future has ended");
    try {
      f.join();
    } catch (CompletionException e) {
      return assertInstanceOf(DeliveryFailedException.class, e.getCause());
    }
    throw new AssertionError("the future succeeded");
  }
}
