package network.mtc.routing.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.TreeSet;
import network.mtc.routing.runtime.RandomSource;
import network.mtc.wire.DecodeError;
import network.mtc.wire.MtcDecodeException;
import org.junit.jupiter.api.Test;

class RangeReconcilerTest {
  static boolean TRACE = false;
  /** Result of one simulated session: what each side learned and what it cost. */
  record Run(RangeReconciler a, RangeReconciler b, int messages, long bytes) {}

  /** Runs a whole session, every message through the codec, as two peers would. */
  static Run run(TreeSet<ItemKey> a, TreeSet<ItemKey> b, long salt, int branch) {
    RangeReconciler ini = RangeReconciler.initiator(SyncItemSet.of(a), 77, salt, branch, Long.MAX_VALUE);
    RangeReconciler res = RangeReconciler.responder(SyncItemSet.of(b), Long.MAX_VALUE);
    Deque<SyncMessage> toRes = new ArrayDeque<>(List.of(ini.open(0)));
    Deque<SyncMessage> toIni = new ArrayDeque<>();
    int messages = 0;
    long bytes = 0;
    while (!toRes.isEmpty() || !toIni.isEmpty()) {
      assertTrue(messages < 2 * RangeReconciler.MAX_MESSAGES + 2, "runaway session");
      SyncMessage m;
      RangeReconciler to;
      Deque<SyncMessage> back;
      if (!toRes.isEmpty()) {
        m = toRes.poll();
        to = res;
        back = toIni;
      } else {
        m = toIni.poll();
        to = ini;
        back = toRes;
      }
      byte[] wire = SyncMessageCodec.encode(m);
      assertTrue(wire.length <= SyncMessageCodec.MAX_PAYLOAD);
      SyncMessage decoded = SyncMessageCodec.decode(wire);
      assertEquals(m, decoded);
      messages++;
      bytes += wire.length;
      if (TRACE) {
        System.out.println((to == res ? "I->R " : "R->I ") + m.kind() + " " + wire.length + " B"
            + (m instanceof SyncMessage.Ranges rr ? " " + rr.ranges().size() + " ranges" : ""));
      }
      back.addAll(to.receive(decoded, 0));
    }
    return new Run(ini, res, messages, bytes);
  }

  static void assertConverged(TreeSet<ItemKey> a, TreeSet<ItemKey> b, Run r) {
    TreeSet<ItemKey> aOnly = new TreeSet<>(a);
    aOnly.removeAll(b);
    TreeSet<ItemKey> bOnly = new TreeSet<>(b);
    bOnly.removeAll(a);
    assertEquals(RangeReconciler.Status.DONE, r.a().status());
    assertEquals(RangeReconciler.Status.DONE, r.b().status());
    assertEquals(List.copyOf(aOnly), r.a().peerLacks(), "initiator: what the responder lacks");
    assertEquals(List.copyOf(bOnly), r.a().selfLacks(), "initiator: what it lacks");
    assertEquals(List.copyOf(bOnly), r.b().peerLacks(), "responder: what was wanted");
    assertTrue(r.a().messagesSent() <= RangeReconciler.MAX_MESSAGES);
    assertTrue(r.b().messagesSent() <= RangeReconciler.MAX_MESSAGES);
  }

  static ItemKey randomKey(RandomSource rnd, long baseTime) {
    return new ItemKey((baseTime + rnd.nextInt(3600)) << 32 | (rnd.nextLong() >>> 32), rnd.nextLong());
  }

  /** Common items plus aOnly items only in a and bOnly only in b. */
  static TreeSet<ItemKey>[] sets(long seed, int common, int aOnly, int bOnly) {
    RandomSource rnd = new RandomSource(seed);
    TreeSet<ItemKey> a = new TreeSet<>();
    TreeSet<ItemKey> b = new TreeSet<>();
    for (int i = 0; i < common; i++) {
      ItemKey k = randomKey(rnd, 1_800_000_000L);
      a.add(k);
      b.add(k);
    }
    for (int i = 0; i < aOnly; i++) {
      a.add(randomKey(rnd, 1_800_000_000L));
    }
    for (int i = 0; i < bOnly; i++) {
      b.add(randomKey(rnd, 1_800_000_000L));
    }
    @SuppressWarnings("unchecked")
    TreeSet<ItemKey>[] out = new TreeSet[] {a, b};
    return out;
  }

  @Test
  void emptyAndIdentical() {
    for (int[] c : new int[][] {{0, 0, 0}, {5, 0, 0}, {1000, 0, 0}, {0, 3, 0}, {0, 0, 3}, {0, 40, 0},
        {0, 0, 40}}) {
      TreeSet<ItemKey>[] s = sets(c[0] + c[1] * 7L + c[2] * 13L, c[0], c[1], c[2]);
      Run r = run(s[0], s[1], 42, 16);
      assertConverged(s[0], s[1], r);
    }
    TreeSet<ItemKey>[] s = sets(1, 10_000, 0, 0);
    Run r = run(s[0], s[1], 9, 16);
    assertConverged(s[0], s[1], r);
    assertEquals(3, r.messages(), "identical sets: OPEN, one all-SKIP RANGES, DONE");
  }

  @Test
  void disjoint() {
    TreeSet<ItemKey>[] s = sets(3, 0, 300, 400);
    assertConverged(s[0], s[1], run(s[0], s[1], 5, 16));
    TreeSet<ItemKey>[] t = sets(4, 0, 20, 20);
    assertConverged(t[0], t[1], run(t[0], t[1], 5, 2));
  }

  @Test
  void randomSetsRandomDifferences() {
    RandomSource rnd = new RandomSource(2024);
    for (int trial = 0; trial < 300; trial++) {
      int common = rnd.nextInt(trial < 200 ? 300 : 3000);
      int aOnly = rnd.nextInt(trial % 3 == 0 ? 3 : 40);
      int bOnly = rnd.nextInt(trial % 5 == 0 ? 3 : 40);
      int branch = 2 + rnd.nextInt(31);
      TreeSet<ItemKey>[] s = sets(trial, common, aOnly, bOnly);
      assertConverged(s[0], s[1], run(s[0], s[1], rnd.nextLong(), branch));
    }
  }

  @Test
  void tenThousandWithTwentyDifferences() {
    TreeSet<ItemKey>[] s = sets(10, 10_000, 10, 10);
    TRACE = true;
    Run r = run(s[0], s[1], 0x5EED, 16);
    assertConverged(s[0], s[1], r);
    long all = (long) ItemKey.LENGTH * 10_000;
    System.out.printf("10,000 vs 10,000, 20 differences: %d messages, %d bytes (send all keys: %d bytes)%n",
        r.messages(), r.bytes(), all);
    assertTrue(r.bytes() * 5 < all, "reconciliation must cost far less than sending every key");
  }

  @Test
  void protocolViolationsAreTyped() {
    RangeReconciler res = RangeReconciler.responder(SyncItemSet.of(List.of()), Long.MAX_VALUE);
    MtcDecodeException e = assertThrows(MtcDecodeException.class,
        () -> res.receive(new SyncMessage.Done(1), 0));
    assertEquals(DecodeError.TYPE_RULE, e.code());
    RangeReconciler ini = RangeReconciler.initiator(SyncItemSet.of(List.of()), 5, 1, 16, Long.MAX_VALUE);
    ini.open(0);
    assertEquals(DecodeError.TYPE_RULE, assertThrows(MtcDecodeException.class,
        () -> ini.receive(new SyncMessage.Ranges(6, List.of(new SyncRange.Skip(SyncBound.INFINITY))), 0))
        .code());
    assertEquals(RangeReconciler.Status.ABORTED, ini.status());
  }

  @Test
  void deadlineAborts() {
    RangeReconciler ini = RangeReconciler.initiator(SyncItemSet.of(List.of()), 5, 1, 16, 1000);
    RangeReconciler res = RangeReconciler.responder(SyncItemSet.of(List.of()), 1000);
    List<SyncMessage> out = res.receive(ini.open(0), 1000);
    assertEquals(List.of(), out);
    assertEquals(RangeReconciler.Status.ABORTED, res.status());
  }

  @Test
  void manyDifferencesStayBounded() {
    // 3,000 differences need more WANT messages than the limit allows: the session ends ABORTED, within
    // the message bound, and what it learned is still part of the true difference.
    TreeSet<ItemKey>[] s = sets(11, 2000, 0, 3000);
    Run r = run(s[0], s[1], 1, 16);
    assertTrue(r.a().messagesSent() <= RangeReconciler.MAX_MESSAGES);
    assertTrue(r.b().messagesSent() <= RangeReconciler.MAX_MESSAGES);
    List<ItemKey> learned = new ArrayList<>(r.a().selfLacks());
    learned.removeAll(s[1]);
    assertEquals(List.of(), learned, "only true differences are learned");
  }
}
