package network.mtc.routing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import network.mtc.crypto.SigningKey;
import network.mtc.routing.BroadcastStrategy;
import network.mtc.routing.DropReason;
import network.mtc.routing.MeshConfig;
import network.mtc.routing.Message;
import network.mtc.wire.Bytes;
import network.mtc.wire.Tlv;
import network.mtc.wire.frame.Frame;
import org.junit.jupiter.api.Test;

class RouterSecurityTest {
  @Test
  void signedBroadcastsVerifyAgainstAnnouncedKeysAndForgeriesAreDropped() {
    TestMedium m = new TestMedium(0, 21, 1472);
    MeshConfig c = MeshConfig.defaults().toBuilder().strategy(BroadcastStrategy.MANAGED).signBroadcasts(true)
        .build();
    m.build(TestMedium.line(3), c);
    List<Message> got = new ArrayList<>();
    m.nodes.get(1).subscribe("t", got::add);
    m.startAll();
    m.runUntil(10_000);                       // announces: node 1 learns node 0's key
    int first = m.nodes.get(0).publish("t", new byte[] {1});
    m.runUntil(11_000);
    assertEquals(1, got.size());
    assertTrue(got.get(0).signed(), "verified with the key from node 0's announce");
    long nextSeq = (Integer.toUnsignedLong(first) + 1) & Frame.MAX_SEQUENCE;

    // A frame claiming node 0 as its source, signed by someone else.
    SigningKey mallory = SigningKey.fromSeed(TestMedium.seed(777));
    // Its SEQ is the next one node 0 will use, so it passes the replay window and reaches the signature step.
    Frame f = new Frame(1, 5, 12345, m.nodes.get(0).address(), null, OptionalLong.of(nextSeq),
        List.of(new Tlv(4, Bytes.copyOf(new byte[] {'t'}))), Bytes.copyOf(new byte[] {6}),
        Bytes.copyOf(new byte[64]));
    f = f.withSignature(Bytes.copyOf(mallory.sign(f.signedMessage())));
    m.inject(1, 0, f.encode());
    assertEquals(1, m.nodes.get(1).stats().dropped(DropReason.BAD_SIGNATURE));
    assertEquals(1, got.size());
    assertFalse(m.nodes.get(1).duplicateCache().contains(m.nodes.get(0).address().value(), 12345),
        "a forged copy does not poison the duplicate cache");
    // Node 0 announced SIGNS_ALL: an unsigned frame claiming it as source is dropped too.
    Frame unsigned = new Frame(1, 5, 12346, m.nodes.get(0).address(), null, OptionalLong.empty(),
        List.of(new Tlv(4, Bytes.copyOf(new byte[] {'t'}))), Bytes.copyOf(new byte[] {7}), null);
    m.inject(1, 0, unsigned.encode());
    assertEquals(2, m.nodes.get(1).stats().dropped(DropReason.BAD_SIGNATURE));
    assertEquals(1, got.size());
    // The forgery did not move node 0's replay window: its genuine next frame, with that SEQ, is taken.
    m.nodes.get(0).publish("t", new byte[] {8});
    m.runUntil(12_000);
    assertEquals(2, got.size());
    assertEquals(0, m.nodes.get(1).stats().dropped(DropReason.REPLAY));
  }

  @Test
  void relayStatesAreBoundedAndTheOldestGivesWay() {
    TestMedium m = new TestMedium(0, 22, 1472);
    MeshConfig c = MeshConfig.defaults().toBuilder().strategy(BroadcastStrategy.COUNTER).maxPendingRelays(1)
        .announcesEnabled(false).build();
    m.build(TestMedium.line(3), c);
    m.startAll();
    m.nodes.get(0).publish("t", new byte[] {1});
    m.nodes.get(0).publish("t", new byte[] {2});
    m.runUntil(2);
    assertTrue(m.nodes.get(1).pendingRelays() <= 1);
    m.runUntil(1_000);
    assertEquals(1, m.nodes.get(1).stats().dropped(DropReason.OVERLOAD));
    assertEquals(0, m.nodes.get(1).pendingRelays());
  }

  @Test
  void malformedPacketsAreCountedAndNeverThrow() {
    TestMedium m = new TestMedium(0, 23, 20);
    m.build(TestMedium.line(1), MeshConfig.defaults().toBuilder().announcesEnabled(false).build());
    m.startAll();
    Router r = m.nodes.get(0);
    m.inject(0, 1, new byte[0]);
    m.inject(0, 1, new byte[] {0x41});                   // truncated frame
    m.inject(0, 1, new byte[] {(byte) 0x80, 1, 2});      // reserved packet kind
    m.inject(0, 1, new byte[] {(byte) 0xC0, 0, 0, 0, 1}); // fragment with count 1
    assertEquals(4, r.stats().dropped(DropReason.MALFORMED));
    assertFalse(r.neighbourTable().size() > 0);
  }
}
