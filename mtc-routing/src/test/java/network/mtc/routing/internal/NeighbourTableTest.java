package network.mtc.routing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import network.mtc.routing.message.Announce;
import network.mtc.routing.message.AnnounceCodec;
import network.mtc.routing.message.AnnounceView;
import network.mtc.routing.message.NeighbourEntry;
import network.mtc.routing.policy.NeighbourView;
import network.mtc.routing.policy.Role;
import network.mtc.routing.policy.TwoHopView;
import network.mtc.wire.Bytes;
import org.junit.jupiter.api.Test;

/**
 * The table's link-binding and address indexes and its per-slot versions, checked against what a scan of the table
 * gives, and the incremental {@link TwoHopView#load} checked against a view rebuilt from scratch, over
 * long random announce sequences (replays, expiry, a full table, peers that change address, prefixes two
 * neighbours share); and a table fed the same announces read in place ({@link AnnounceView}) checked
 * equal, slot by slot, to the one fed records.
 */
class NeighbourTableTest {
  private static final long SELF = 0x1111_2222_3333_4444L;
  private static final Bytes KEY = Bytes.copyOf(new byte[32]);

  @Test
  void indexAndIncrementalViewMatchAScanAndARebuild() {
    for (long seed = 1; seed <= 20; seed++) {
      run(seed, 24, 40);
      run(seed, 64, 80);
    }
  }

  private static void run(long seed, int capacity, int poolSize) {
    SplittableRandom rnd = new SplittableRandom(seed);
    long[] pool = new long[poolSize];
    for (int i = 0; i < poolSize; i++) {
      // Every eighth address shares its prefix with the previous one: such prefixes match nothing.
      pool[i] = i % 8 == 7 ? (pool[i - 1] & 0xFFFF_FF00_0000_0000L) | (rnd.nextLong() >>> 24)
          : rnd.nextLong();
    }
    long[] seq = new long[poolSize];
    NeighbourTable table = new NeighbourTable(capacity, SELF);
    // Fed the same announces as bytes read in place: must stay identical to the table fed records.
    NeighbourTable inPlace = new NeighbourTable(capacity, SELF);
    AnnounceView reader = new AnnounceView();
    TwoHopView incremental = new TwoHopView();
    long now = 0;
    int changes = 0;
    int slotOnly = 0;
    int sameShape = 0;
    long shape = incremental.shapeVersion();
    Role role = Role.compute(incremental, SELF);
    for (int step = 0; step < 4000; step++) {
      now += rnd.nextInt(400);
      long membership = table.membershipVersion();
      long version = table.version();
      if (rnd.nextInt(50) == 0) {
        assertEquals(table.expire(now), inPlace.expire(now));
      } else {
        int who = rnd.nextInt(poolSize);
        seq[who] += rnd.nextInt(20) == 0 ? 0 : 1 + rnd.nextInt(3);
        int linkIndex = rnd.nextInt(8) == 0 ? 1 : 0;
        long peer = rnd.nextInt(30) == 0 ? pool[rnd.nextInt(poolSize)] : pool[who];
        Announce a = announce(rnd, pool);
        int loss = rnd.nextBoolean() ? -1 : rnd.nextInt(1001);
        byte[] bytes = new byte[3 + a.encodedLength()];
        AnnounceCodec.encode(a, bytes, 3);
        AnnounceView v = reader.reset(bytes, 3, bytes.length - 3, pool[who], (src, buf, off) -> true);
        assertEquals(table.accept(pool[who], seq[who], a, linkIndex, peer, loss, now),
            inPlace.accept(pool[who], seq[who], v, linkIndex, peer, loss, now));
      }
      assertSameTable(table, inPlace);
      if (table.version() != version) {
        changes++;
        if (table.membershipVersion() == membership) {
          slotOnly++;
        }
      }
      checkIndex(table, pool);
      incremental.load(table);
      TwoHopView fresh = new TwoHopView();
      fresh.load(table);
      assertSameView(fresh, incremental);
      // The role reads only what shapeVersion tracks: an unmoved shapeVersion means the same role.
      Role now2 = Role.compute(incremental, SELF);
      if (incremental.shapeVersion() == shape) {
        assertEquals(role, now2);
        sameShape++;
      }
      shape = incremental.shapeVersion();
      role = now2;
    }
    assertTrue(sameShape > 0);
    assertTrue(slotOnly > 100 && slotOnly < changes, slotOnly + " of " + changes);
  }

  private static Announce announce(SplittableRandom rnd, long[] pool) {
    TreeSet<Integer> prefixes = new TreeSet<>();
    int n = rnd.nextInt(Math.min(Announce.MAX_ENTRIES, pool.length) + 1);
    for (int i = 0; i < n; i++) {
      prefixes.add(NeighbourView.prefixOf(rnd.nextInt(6) == 0 ? SELF : pool[rnd.nextInt(pool.length)]));
    }
    List<NeighbourEntry> entries = new ArrayList<>();
    for (int p : prefixes) {
      entries.add(new NeighbourEntry(p, rnd.nextInt(Announce.MAX_CREDIT + 1), rnd.nextBoolean(),
          rnd.nextBoolean()));
    }
    int flags = rnd.nextInt(4) == 0 ? NeighbourView.FLAG_TRUNCATED : 0;
    flags |= rnd.nextBoolean() ? NeighbourView.FLAG_MARKED : 0;
    return new Announce(flags, KEY, 1 + rnd.nextInt(10), entries, List.of());
  }

  private static void assertSameTable(NeighbourTable a, NeighbourTable b) {
    assertEquals(a.presentMask(), b.presentMask());
    assertEquals(a.version(), b.version());
    assertEquals(a.membershipVersion(), b.membershipVersion());
    for (int s = 0; s < a.capacity(); s++) {
      if (!a.present(s)) {
        continue;
      }
      assertEquals(a.address(s), b.address(s));
      assertEquals(a.linkIndex(s), b.linkIndex(s));
      assertEquals(a.peer(s), b.peer(s));
      assertEquals(a.inboundCredit(s), b.inboundCredit(s));
      assertEquals(a.outboundCredit(s), b.outboundCredit(s));
      assertEquals(a.flags(s), b.flags(s));
      assertEquals(a.intervalSeconds(s), b.intervalSeconds(s));
      assertEquals(a.expiresAtMillis(s), b.expiresAtMillis(s));
      assertEquals(a.slotVersion(s), b.slotVersion(s));
      assertEquals(a.announcedVersion(s), b.announcedVersion(s));
      assertEquals(a.adjacencyCount(s), b.adjacencyCount(s));
      for (int i = 0; i < a.adjacencyCount(s); i++) {
        assertEquals(a.adjacencyPrefix(s, i), b.adjacencyPrefix(s, i));
        assertEquals(a.adjacencyCredit(s, i), b.adjacencyCredit(s, i));
        assertEquals(a.adjacencyFlags(s, i), b.adjacencyFlags(s, i));
      }
    }
  }

  private static void checkIndex(NeighbourTable table, long[] pool) {
    for (int linkIndex = 0; linkIndex < 2; linkIndex++) {
      for (long peer : pool) {
        int expected = -1;
        for (int s = 0; s < table.capacity() && expected < 0; s++) {
          if (table.present(s) && table.linkIndex(s) == linkIndex && table.peer(s) == peer) {
            expected = s;
          }
        }
        assertEquals(expected, table.slotOfPeer(linkIndex, peer));
      }
    }
    assertEquals(-1, table.slotOfPeer(2, pool[0]));
    for (long a : pool) {
      int expected = -1;
      for (int s = 0; s < table.capacity() && expected < 0; s++) {
        if (table.present(s) && table.address(s) == a) {
          expected = s;
        }
      }
      assertEquals(expected, table.slotOf(a));
    }
    assertEquals(-1, table.slotOf(0));
  }

  private static void assertSameView(TwoHopView want, TwoHopView got) {
    assertEquals(want.presentMask(), got.presentMask());
    for (long m = want.presentMask(); m != 0; m &= m - 1) {
      int x = Long.numberOfTrailingZeros(m);
      assertEquals(want.address(x), got.address(x));
      assertEquals(want.creditOut(x), got.creditOut(x));
      assertEquals(want.degree(x), got.degree(x));
      assertEquals(want.marked(x), got.marked(x));
      assertEquals(want.complete(x), got.complete(x));
      assertEquals(want.hears(x), got.hears(x), "row " + x);
      for (int w = 0; w < TwoHopView.MAX_NEIGHBOURS; w++) {
        assertEquals(want.creditIn(x, w), got.creditIn(x, w));
      }
    }
  }

  @Test
  void refreshingAnEntryMovesOnlyItsSlotVersion() {
    NeighbourTable t = new NeighbourTable(4, SELF);
    Announce a = new Announce(0, KEY, 5, List.of(), List.of());
    t.accept(10L << 40, 1, a, 0, 10, -1, 0);
    t.accept(20L << 40, 1, a, 0, 20, -1, 0);
    long membership = t.membershipVersion();
    long other = t.slotVersion(1);
    long before = t.slotVersion(0);
    assertEquals(NeighbourTable.Outcome.UPDATED, t.accept(10L << 40, 2, a, 0, 10, -1, 100));
    assertEquals(membership, t.membershipVersion());
    assertEquals(other, t.slotVersion(1));
    assertNotEquals(before, t.slotVersion(0));
    assertEquals(1, t.expire(15_001));
    assertNotEquals(membership, t.membershipVersion());
    assertEquals(-1, t.slotOfPeer(0, 20));
    assertEquals(0, t.slotOfPeer(0, 10));
  }
}
