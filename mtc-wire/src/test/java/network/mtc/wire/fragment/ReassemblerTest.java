package network.mtc.wire.fragment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import network.mtc.wire.MtcDecodeException;
import org.junit.jupiter.api.Test;

class ReassemblerTest {
  private static byte[] frame(SplittableRandom rnd, int len) {
    byte[] f = new byte[len];
    for (int i = 0; i < len; i++) {
      f[i] = (byte) rnd.nextInt(256);
    }
    f[0] = 0x41;
    return f;
  }

  @Test
  void anyOrderWithDuplicatesCompletesExactlyOnce() {
    SplittableRandom rnd = new SplittableRandom(20);
    Random shuffler = new Random(20);
    for (int i = 0; i < 3_000; i++) {
      int mtu = LinkPacket.MIN_MTU + rnd.nextInt(300);
      byte[] f = frame(rnd, 1 + rnd.nextInt(4096));
      List<byte[]> packets = new ArrayList<>(new Fragmenter(mtu, rnd.nextInt(0x4000)).split(f));
      boolean whole = packets.size() == 1;
      int dups = rnd.nextInt(3);
      for (int d = 0; d < dups; d++) {
        packets.add(packets.get(rnd.nextInt(packets.size())));
      }
      Collections.shuffle(packets, shuffler);
      Reassembler r = new Reassembler();
      int done = 0;
      for (byte[] p : packets) {
        Reassembler.Outcome o = r.accept(1, p, 0, p.length, 0);
        if (o == Reassembler.Outcome.COMPLETED || o == Reassembler.Outcome.WHOLE_FRAME) {
          done++;
          assertArrayEquals(f, java.util.Arrays.copyOfRange(r.frameBuffer(), r.frameOffset(),
              r.frameOffset() + r.frameLength()));
        }
      }
      // Whole frames pass straight through (the routing layer's duplicate cache drops copies);
      // a fragmented frame completes once whatever the duplicates.
      assertEquals(whole ? 1 + dups : 1, done);
      assertEquals(0, r.partials());
    }
  }

  @Test
  void lossLeavesAPartialThatExpires() {
    SplittableRandom rnd = new SplittableRandom(21);
    byte[] f = frame(rnd, 500);
    List<byte[]> packets = new Fragmenter(20, 5).split(f);
    Reassembler r = new Reassembler();
    for (int i = 1; i < packets.size(); i++) {
      assertEquals(Reassembler.Outcome.STORED, r.accept(9, packets.get(i), 0, packets.get(i).length, 0));
    }
    assertEquals(1, r.partials());
    assertEquals(0, r.expire(29_999));
    assertEquals(1, r.expire(30_000));
    assertEquals(0, r.partials());
  }

  @Test
  void forgedFloodStaysWithinTheBound() {
    SplittableRandom rnd = new SplittableRandom(22);
    ReassemblyLimits limits = new ReassemblyLimits(4096, 16, 2, 30_000);
    Reassembler r = new Reassembler(limits);
    long before = r.bufferBytes();
    int rejected = 0;
    for (int i = 0; i < 200_000; i++) {
      byte[] p = new byte[4 + rnd.nextInt(300)];
      for (int k = 0; k < p.length; k++) {
        p[k] = (byte) rnd.nextInt(256);
      }
      p[0] |= (byte) 0xC0;
      try {
        r.accept(rnd.nextInt(50), p, 0, p.length, i);
      } catch (MtcDecodeException e) {
        rejected++;
      }
      assertTrue(r.partials() <= 16);
    }
    assertEquals(before, r.bufferBytes());
    assertTrue(rejected > 0);
    assertTrue(r.evictedCount() > 0);
    // A legitimate message still gets through a full table.
    byte[] f = frame(rnd, 300);
    Reassembler.Outcome last = null;
    for (byte[] p : new Fragmenter(20, 99).split(f)) {
      last = r.accept(1000, p, 0, p.length, 300_000);
    }
    assertEquals(Reassembler.Outcome.COMPLETED, last);
  }

  @Test
  void perPeerQuotaProtectsOtherPeers() {
    SplittableRandom rnd = new SplittableRandom(23);
    Reassembler r = new Reassembler(new ReassemblyLimits(4096, 8, 2, 30_000));
    List<byte[]> victim = new Fragmenter(20, 1).split(frame(rnd, 100));
    r.accept(1, victim.get(0), 0, victim.get(0).length, 0);
    for (int i = 0; i < 100; i++) {
      List<byte[]> spam = new Fragmenter(20, i).split(frame(rnd, 100));
      r.accept(2, spam.get(0), 0, spam.get(0).length, i + 1);
    }
    Reassembler.Outcome o = null;
    for (int i = 1; i < victim.size(); i++) {
      o = r.accept(1, victim.get(i), 0, victim.get(i).length, 200);
    }
    assertEquals(Reassembler.Outcome.COMPLETED, o);
  }

  @Test
  void fragmenterUsesAtMostFourBytesOfHeader() {
    SplittableRandom rnd = new SplittableRandom(24);
    for (int mtu : new int[] {20, 23, 185, 244, 512, 1472}) {
      byte[] f = frame(rnd, 4096);
      List<byte[]> ps = new Fragmenter(mtu, 0).split(f);
      int payload = 0;
      for (byte[] p : ps) {
        assertTrue(p.length <= mtu);
        payload += p.length - LinkPacket.FRAGMENT_HEADER_LENGTH;
      }
      assertEquals(f.length, payload);
    }
  }
}
