package network.mtc.routing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import java.util.List;
import network.mtc.routing.DropReason;
import network.mtc.routing.MeshConfig;
import network.mtc.wire.Bytes;
import network.mtc.wire.NodeAddress;
import network.mtc.wire.frame.Frame;
import org.junit.jupiter.api.Test;

/** The limits step of the receive path (spec/routing-limits.md) through a whole Router. */
class LimitsTest {
  private static TestMedium line3() {
    TestMedium m = new TestMedium(0, 5, 1472);
    m.build(TestMedium.line(3), MeshConfig.defaults());
    m.startAll();
    m.runUntil(20_000);
    return m;
  }

  @Test
  void aSourceBeyondItsBucketIsRateLimitedAndALaterCopyIsStillTaken() {
    TestMedium m = line3();
    Router r = m.nodes.get(1);
    NodeAddress forged = new NodeAddress(0x0bad_0bad_0bad_0badL);
    for (int id = 0; id < 20; id++) {
      m.inject(1, 0, Frame.broadcast(5, id, forged, Bytes.copyOf(new byte[] {1})).encode());
    }
    assertEquals(4, r.stats().dropped(DropReason.RATE_LIMITED), "a burst of 16 frames, then nothing");
    m.runUntil(21_000);
    m.inject(1, 0, Frame.broadcast(5, 19, forged, Bytes.copyOf(new byte[] {1})).encode());
    assertEquals(4, r.stats().dropped(DropReason.RATE_LIMITED), "a refused frame was not cached: it is taken now");
    assertEquals(0, r.stats().dropped(DropReason.DUPLICATE));
  }

  @Test
  void aReplayedSequenceNumberIsRejected() {
    TestMedium m = line3();
    Router r = m.nodes.get(1);
    NodeAddress src = new NodeAddress(0x1234L);
    m.inject(1, 0, seq(src, 1, 500));
    m.inject(1, 0, seq(src, 2, 560));
    m.inject(1, 0, seq(src, 3, 500));
    m.inject(1, 0, seq(src, 4, 400));
    assertEquals(2, r.stats().dropped(DropReason.REPLAY), "SEQ 500 seen, SEQ 400 below the 64-wide window");
  }

  private static byte[] seq(NodeAddress src, int id, long seq) {
    return new Frame(1, 5, id, src, null, OptionalLong.of(seq), List.of(), Bytes.copyOf(new byte[] {2}), null)
        .encode();
  }

  @Test
  void aTransmitterThatTakesMostOfTheMeasuredAirtimeIsCutWhenTheChannelIsBusy() {
    TestMedium m = line3();
    Router r = m.nodes.get(1);
    byte[] payload = new byte[1400];
    // Three transmitters are active: node 2, a radio not in the table (peer 99), and node 0, the hog.
    for (int i = 0; i < 3; i++) {
      m.inject(1, 2, Frame.broadcast(5, 9000 + i, new NodeAddress(0x6000 + i), Bytes.copyOf(payload)).encode());
      m.inject(1, 99, Frame.broadcast(5, 9100 + i, new NodeAddress(0x6100 + i), Bytes.copyOf(payload)).encode());
    }
    // 1,415-byte frames take 11.3 ms each at 1 Mbit/s; 400 of them, from 400 minted sources, in one second.
    for (int i = 0; i < 400; i++) {
      m.inject(1, 0, Frame.broadcast(5, i, new NodeAddress(0x7000 + i), Bytes.copyOf(payload)).encode());
    }
    assertTrue(r.congestionLevel(m.nowMillis()) >= 1, "the channel is busy");
    long cut = r.stats().dropped(DropReason.CONGESTED_PEER);
    assertTrue(cut > 100, "frames cut: " + cut);
    assertEquals(0, r.stats().dropped(DropReason.RATE_LIMITED), "minted sources each have a full bucket");
    // Node 2, quiet, still gets through.
    m.inject(1, 2, Frame.broadcast(5, 9999, new NodeAddress(0x6999), Bytes.copyOf(new byte[] {1})).encode());
    assertEquals(cut, r.stats().dropped(DropReason.CONGESTED_PEER));
  }
}
