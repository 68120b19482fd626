package network.mtc.routing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalLong;
import network.mtc.crypto.SigningKey;
import network.mtc.routing.BroadcastStrategy;
import network.mtc.routing.DropReason;
import network.mtc.routing.MeshConfig;
import network.mtc.routing.message.Announce;
import network.mtc.routing.message.NeighbourEntry;
import network.mtc.routing.policy.NeighbourView;
import network.mtc.wire.Bytes;
import network.mtc.wire.frame.Frame;
import org.junit.jupiter.api.Test;

class AnnounceDiscoveryTest {
  private static MeshConfig withAnnounces() {
    return MeshConfig.defaults().toBuilder().strategy(BroadcastStrategy.MANAGED).build();
  }

  /** A signed ANNOUNCE frame from {@code key} (the signature broken if {@code corrupt}). */
  static byte[] announce(SigningKey key, long seq, List<NeighbourEntry> entries, boolean corrupt) {
    Announce a = new Announce(0, Bytes.copyOf(key.publicKey().toBytes()), 10, entries, List.of());
    Frame f = new Frame(3, 0, (int) seq, key.nodeAddress(), null, OptionalLong.of(seq), List.of(),
        Bytes.copyOf(a.encode()), Bytes.copyOf(new byte[64]));
    byte[] sig = key.sign(f.signedMessage());
    if (corrupt) {
      sig[5] ^= 1;
    }
    return f.withSignature(Bytes.copyOf(sig)).encode();
  }

  @Test
  void announcesBuildNeighbourTablesWithTwoHopAdjacency() {
    TestMedium m = new TestMedium(0, 11, 1472);
    int[][] g = TestMedium.grid(4, 4);
    m.build(g, withAnnounces());
    m.startAll();
    m.runUntil(20_000);
    for (int i = 0; i < g.length; i++) {
      NeighbourTable t = m.nodes.get(i).neighbourTable();
      assertEquals(g[i].length, t.size(), "node " + i);
      for (int j : g[i]) {
        int slot = t.slotOf(m.nodes.get(j).address().value());
        assertTrue(slot >= 0, "node " + i + " knows " + j);
        assertEquals(NeighbourView.MAX_CREDIT, t.inboundCredit(slot), "no loss, full credit");
        assertEquals(NeighbourView.MAX_CREDIT, t.outboundCredit(slot), "the neighbour lists us back");
        assertEquals(g[j].length, t.adjacencyCount(slot), "its announce lists its neighbours");
        assertEquals(j, t.peer(slot));
      }
      assertTrue(m.nodes.get(i).keyCache().size() >= g[i].length);
    }
    // Trickle: intervals doubled, so announces are far fewer than one per 2 s per node.
    long sent = m.nodes.get(5).stats().announcesSent();
    assertTrue(sent >= 4 && sent <= 10, "announces sent in 20 s: " + sent);
  }

  @Test
  void lossShowsInInboundCredit() {
    TestMedium m = new TestMedium(0.3, 12, 1472);
    m.build(TestMedium.line(2), withAnnounces().toBuilder().announceMaxIntervalMillis(2_000).build());
    m.startAll();
    m.runUntil(120_000);
    NeighbourTable t = m.nodes.get(0).neighbourTable();
    int slot = t.slotOf(m.nodes.get(1).address().value());
    assertTrue(slot >= 0);
    int c = t.inboundCredit(slot);
    assertTrue(c >= 1 && c <= 9, "30% loss gives credit near 4, got " + c);
  }

  @Test
  void neighboursExpireAfterThreeIntervals() {
    TestMedium m = new TestMedium(0, 13, 1472);
    m.build(TestMedium.line(3), withAnnounces());
    m.startAll();
    m.runUntil(10_000);
    assertEquals(2, m.nodes.get(1).neighbourTable().size());
    m.nodes.get(2).close();
    m.runUntil(600_000);
    assertEquals(1, m.nodes.get(1).neighbourTable().size());
  }

  @Test
  void forgedAndInvalidAnnouncesAreRejected() {
    TestMedium m = new TestMedium(0, 14, 1472);
    m.build(TestMedium.line(1), withAnnounces());
    m.startAll();
    Router r = m.nodes.get(0);
    SigningKey k = SigningKey.fromSeed(TestMedium.seed(900));
    m.inject(0, 7, announce(k, 5, List.of(), true));
    assertEquals(1, r.stats().dropped(DropReason.BAD_SIGNATURE));
    assertEquals(0, r.neighbourTable().size());

    m.inject(0, 7, announce(k, 5, List.of(), false));
    assertEquals(1, r.neighbourTable().size());
    m.inject(0, 7, announce(k, 5, List.of(), false));
    m.inject(0, 7, announce(k, 4, List.of(), false));
    assertEquals(2, r.stats().dropped(DropReason.REPLAY));

    // Someone else's key under this source address: the payload's key does not hash to the source.
    SigningKey other = SigningKey.fromSeed(TestMedium.seed(901));
    Announce a = new Announce(0, Bytes.copyOf(other.publicKey().toBytes()), 10, List.of(), List.of());
    Frame f = new Frame(3, 0, 1, k.nodeAddress(), null, OptionalLong.of(9), List.of(), Bytes.copyOf(a.encode()),
        Bytes.copyOf(new byte[64]));
    f = f.withSignature(Bytes.copyOf(k.sign(f.signedMessage())));
    m.inject(0, 7, f.encode());
    // A truncated payload and a frame with no sequence number.
    Frame g = new Frame(3, 0, 2, k.nodeAddress(), null, OptionalLong.of(10), List.of(), Bytes.copyOf(new byte[10]),
        Bytes.copyOf(new byte[64]));
    m.inject(0, 7, g.withSignature(Bytes.copyOf(k.sign(g.signedMessage()))).encode());
    Frame h = new Frame(3, 0, 3, k.nodeAddress(), null, OptionalLong.empty(), List.of(), Bytes.copyOf(a.encode()),
        Bytes.copyOf(new byte[64]));
    m.inject(0, 7, h.encode());
    assertEquals(3, r.stats().dropped(DropReason.MALFORMED));
    assertEquals(1, r.neighbourTable().size());
  }

  @Test
  void tableStaysBoundedUnderAFloodOfForgedAddresses() {
    TestMedium m = new TestMedium(0, 15, 1472);
    MeshConfig c = withAnnounces().toBuilder().maxNeighbours(8).build();
    m.build(TestMedium.line(3), c);
    m.startAll();
    m.runUntil(10_000);
    Router victim = m.nodes.get(1);
    long left = m.nodes.get(0).address().value();
    long right = m.nodes.get(2).address().value();
    assertEquals(2, victim.neighbourTable().size());
    // One radio (peer 99) mints 40 keys: it binds one slot, the rest are peer conflicts.
    for (int i = 0; i < 40; i++) {
      m.inject(1, 99, announce(SigningKey.fromSeed(TestMedium.seed(1000 + i)), 1, List.of(), false));
    }
    assertEquals(3, victim.neighbourTable().size());
    assertEquals(39, victim.stats().dropped(DropReason.PEER_CONFLICT));
    // Forty radios with a key each: the table fills to its bound and refuses the rest; the measured
    // neighbours are never pushed out by newcomers whose link quality is unknown.
    for (int i = 0; i < 40; i++) {
      m.inject(1, 200 + i, announce(SigningKey.fromSeed(TestMedium.seed(2000 + i)), 1, List.of(), false));
    }
    assertEquals(8, victim.neighbourTable().size());
    assertEquals(40 - 5, victim.stats().dropped(DropReason.TABLE_FULL), "5 free slots, 35 refused");
    assertTrue(victim.neighbourTable().slotOf(left) >= 0);
    assertTrue(victim.neighbourTable().slotOf(right) >= 0);
    assertTrue(victim.keyCache().size() <= c.keyCacheCapacity());
  }

  @Test
  void simulationModeSkipsSignaturesButKeepsTheOtherRules() {
    TestMedium m = new TestMedium(0, 16, 1472);
    m.build(TestMedium.grid(3, 3), withAnnounces().toBuilder().simulationUnsignedAnnounces(true).build());
    m.startAll();
    m.runUntil(10_000);
    assertEquals(4, m.nodes.get(4).neighbourTable().size());
    assertEquals(0, m.nodes.get(4).stats().dropped(DropReason.BAD_SIGNATURE));
  }

  @Test
  void trustedKeysSkipOnlyTheKeyChecks() {
    TestMedium m = new TestMedium(0, 17, 1472);
    java.util.Map<Long, byte[]> known = new java.util.HashMap<>();
    for (int i = 0; i < 4; i++) {
      SigningKey k = SigningKey.fromSeed(TestMedium.seed(i));
      known.put(k.nodeAddress().value(), k.publicKey().toBytes());
    }
    int[] asked = new int[1];
    m.trustedKeys = (src, buf, off) -> {
      asked[0]++;
      byte[] k = known.get(src);
      return k != null && java.util.Arrays.equals(k, 0, 32, buf, off, off + 32);
    };
    m.build(TestMedium.line(4), withAnnounces());
    m.startAll();
    m.runUntil(5_000);
    assertEquals(2, m.nodes.get(1).neighbourTable().size());
    assertTrue(asked[0] >= 6, "every first announce consulted the trusted keys");
    // A key outside the trusted set still gets the full checks: a mismatched address is rejected.
    SigningKey k = SigningKey.fromSeed(TestMedium.seed(950));
    SigningKey other = SigningKey.fromSeed(TestMedium.seed(951));
    Announce a = new Announce(0, Bytes.copyOf(other.publicKey().toBytes()), 10, List.of(), List.of());
    Frame f = new Frame(3, 0, 1, k.nodeAddress(), null, OptionalLong.of(9), List.of(), Bytes.copyOf(a.encode()),
        Bytes.copyOf(new byte[64]));
    m.inject(1, 50, f.withSignature(Bytes.copyOf(k.sign(f.signedMessage()))).encode());
    assertEquals(1, m.nodes.get(1).stats().dropped(DropReason.MALFORMED));
  }
}
