package network.mtc.routing.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import network.mtc.routing.BroadcastStrategy;
import network.mtc.routing.DropReason;
import network.mtc.routing.MeshConfig;
import network.mtc.routing.runtime.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * Hand-worked neighbourhoods of node v under the default parameters (target 12, gain_min 24, floor 4,
 * two repairs, W = 16 ms here, copies_suppress 2). Every link has credit 8 unless said otherwise.
 */
class CoveragePolicyTest {
  private static final long SELF = 0x10;
  private static final long FAR_SOURCE = 0x7777_0000_0000_0000L;
  private static final int W = 16;

  /** Neighbour i has address (i + 1) << 40; adjacency from symmetric link pairs, plus v itself. */
  private static final class Table implements NeighbourView {
    final List<long[]> adj = new ArrayList<>();
    final int n;
    final int creditOut;

    Table(int n, int creditOut, int[]... links) {
      this.n = n;
      this.creditOut = creditOut;
      for (int[] l : links) {
        adj.add(new long[] {l[0], l[1]});
        adj.add(new long[] {l[1], l[0]});
      }
      for (int i = 0; i < n; i++) {
        adj.add(new long[] {i, -1}); // every neighbour lists v itself
      }
    }

    private List<long[]> of(int slot) {
      List<long[]> r = new ArrayList<>();
      for (long[] a : adj) {
        if (a[0] == slot) {
          r.add(a);
        }
      }
      return r;
    }

    public int capacity() { return 64; }
    public int size() { return n; }
    public long presentMask() { return (1L << n) - 1; }
    public boolean present(int s) { return s < n; }
    public long address(int s) { return (long) (s + 1) << 40; }
    public int linkIndex(int s) { return 0; }
    public long peer(int s) { return s; }
    public int inboundCredit(int s) { return 8; }
    public int outboundCredit(int s) { return creditOut; }
    public int flags(int s) { return 0; }
    public int intervalSeconds(int s) { return 2; }
    public long lastHeardMillis(int s) { return 0; }
    public int adjacencyCount(int s) { return of(s).size(); }
    public int adjacencyPrefix(int s, int i) {
      int w = (int) of(s).get(i)[1];
      return NeighbourView.prefixOf(w < 0 ? SELF : address(w));
    }
    public int adjacencyCredit(int s, int i) { return 8; }
    public int adjacencyFlags(int s, int i) { return 0; }
    public int slotOf(long a) { return (int) (a >>> 40) - 1 < n ? (int) (a >>> 40) - 1 : -1; }
    public int slotOfPeer(int l, long p) { return p < n ? (int) p : -1; }
    public long version() { return 1; }
  }

  private static final class Ctx implements RelayContext {
    final Table table;
    final RandomSource random = new RandomSource(3);

    Ctx(Table table) {
      this.table = table;
    }

    public long self() { return SELF; }
    public long nowMillis() { return 0; }
    public RandomSource random() { return random; }
    public MeshConfig config() { return MeshConfig.defaults(); }
    public NeighbourView neighbours() { return table; }
    public long airtimeMicros(int frameBytes) { return 8L * frameBytes; }
  }

  private static Reception rx(long source, int hop, int transmitter) {
    return new Reception() {
      public long source() { return source; }
      public int messageId() { return 1; }
      public int type() { return 1; }
      public boolean unicast() { return false; }
      public long destination() { return 0; }
      public int hopLimit() { return hop; }
      public boolean originated() { return false; }
      public int linkIndex() { return 0; }
      public long peer() { return transmitter; }
      public boolean linkUnicast() { return false; }
      public int rssiDbm() { return Integer.MIN_VALUE; }
      public int snrQuarterDb() { return Integer.MIN_VALUE; }
      public int transmitterSlot() { return transmitter; }
      public int frameLength() { return 40; }
    };
  }

  /** Every neighbour of {@code t} also announces a node that is not in the table (slot 40). */
  private static Table hidden(Table t) {
    for (int i = 0; i < t.n; i++) {
      t.adj.add(new long[] {i, 40});
    }
    return t;
  }

  private static CoveragePolicy policy(Table t) {
    return new CoveragePolicy(new Ctx(t), RelayParams.DEFAULTS);
  }

  private static int bucket(RelayDecision d) {
    assertTrue(d instanceof RelayDecision.Schedule, d.toString());
    return (int) (((RelayDecision.Schedule) d).delayMillis() / W);
  }

  @Test
  void pathMiddleRelaysForItsFarNeighbour() {
    // A(0) - v - B(1). A's copy: A is FULL, B has 0: gain min(12, 8) = 8, B is needy (0 < 4).
    CoveragePolicy p = policy(new Table(2, 8));
    CoverageState s = p.newState();
    assertEquals(Role.RELAY, p.role());
    RelayDecision d = p.onFirstCopy(s, rx(FAR_SOURCE, 10, 0));
    assertEquals(8, p.gain(s));
    assertEquals(1, p.needy(s));
    assertEquals(3, bucket(d), "gain/8 = 1 < 3: bucket 3, RELAY takes no offset");
    // B announced nobody but v: it is complete, so its floor is the target 12. After v's transmission B
    // has 8 < 12: a repair in bucket 8; after it B has 16 and the state ends.
    RelayDecision t = p.onTimer(s, 0);
    assertTrue(t instanceof RelayDecision.Transmit tr && tr.hopLimit() == 9 && tr.nextTimerMillis() / W == 8,
        t.toString());
    assertEquals(8, s.coverage(1));
    assertEquals(new RelayDecision.Transmit(9, -1), p.onTimer(s, 1));
    assertEquals(16, s.coverage(1));
  }

  @Test
  void cliqueWithHiddenNeighboursIsCoveredByTheFirstCopy() {
    // B and C also announce a node v does not know (slot 9 of the fake is absent): not complete, floor 4.
    Table t = new Table(3, 8, new int[] {0, 1}, new int[] {0, 2}, new int[] {1, 2});
    t.adj.add(new long[] {1, 9});
    t.adj.add(new long[] {2, 9});
    CoveragePolicy p = policy(t);
    CoverageState s = p.newState();
    assertEquals(RelayDecision.drop(DropReason.COVERED), p.onFirstCopy(s, rx(FAR_SOURCE, 10, 0)));
    assertEquals(8, p.gain(s), "B and C at 8: 4 each");
    assertEquals(0, p.needy(s));
    assertEquals(Role.PLAIN, p.role());
  }

  @Test
  void completeNeighboursAreHeldToTheTarget() {
    // The same clique without hidden nodes: B and C at 8 < 12 are needy, so v relays once.
    CoveragePolicy p = policy(new Table(3, 8, new int[] {0, 1}, new int[] {0, 2}, new int[] {1, 2}));
    CoverageState s = p.newState();
    assertEquals(7, bucket(p.onFirstCopy(s, rx(FAR_SOURCE, 10, 0))), "PLAIN: 4 + 3");
    assertEquals(2, p.needy(s));
    assertEquals(new RelayDecision.Transmit(9, -1), p.onTimer(s, 0));
  }

  @Test
  void theSourceIsFullAndHopLimitZeroIsNotRelayed() {
    CoveragePolicy p = policy(new Table(2, 8));
    CoverageState s = p.newState();
    assertEquals(RelayDecision.drop(DropReason.HOP_LIMIT), p.onFirstCopy(s, rx(FAR_SOURCE, 0, 0)));
    p.onFirstCopy(s, rx(2L << 40, 5, 0));
    assertEquals(CoveragePolicy.FULL, s.coverage(1), "neighbour 1 is the source");
  }

  @Test
  void anOverheardRelayAcksItselfAndCreditsItsNeighbours() {
    // 0 hears 1, 2; 3 hears 1, 2. After 0's copy, 3 is needy; 3's copy makes 3 FULL and 1, 2 reach 16.
    CoveragePolicy p = policy(new Table(4, 8, new int[] {0, 1}, new int[] {0, 2}, new int[] {3, 1},
        new int[] {3, 2}));
    CoverageState s = p.newState();
    p.onFirstCopy(s, rx(FAR_SOURCE, 10, 0));
    assertEquals(3, p.needy(s), "1, 2 and 3 are complete (they hear only 0, 3 and v): 8, 8, 0 < 12");
    assertSame(RelayDecision.KEEP, p.onDuplicate(s, rx(FAR_SOURCE, 10, 3)));
    assertEquals(CoveragePolicy.FULL, s.coverage(3));
    assertEquals(16, s.coverage(1));
    assertEquals(0, p.gain(s));
    assertEquals(RelayDecision.cancel(DropReason.SUPPRESSED), p.onTimer(s, 0));
  }

  @Test
  void twoCopiesSuppressAFirstTransmissionWhenNobodyIsBelowTheFloor() {
    // 0 hears 1..6: each at 8, gain 6 x 4 = 24 >= 24; each also hears a hidden node, so nobody is needy.
    int[][] links = {{0, 1}, {0, 2}, {0, 3}, {0, 4}, {0, 5}, {0, 6}};
    CoveragePolicy quiet = policy(hidden(new Table(7, 8, links)));
    CoverageState s1 = quiet.newState();
    bucket(quiet.onFirstCopy(s1, rx(FAR_SOURCE, 10, 0)));
    assertTrue(quiet.onTimer(s1, 0) instanceof RelayDecision.Transmit, "one copy: the gain decides");

    CoveragePolicy p = policy(hidden(new Table(7, 8, links)));
    CoverageState s2 = p.newState();
    bucket(p.onFirstCopy(s2, rx(FAR_SOURCE, 10, 0)));
    p.onDuplicate(s2, rx(FAR_SOURCE, 10, -1));
    assertEquals(24, p.gain(s2), "an unknown transmitter credits nothing");
    assertEquals(RelayDecision.cancel(DropReason.SUPPRESSED), p.onTimer(s2, 0), "but it is a second copy");
  }

  @Test
  void poorLinksGetRepairsAfterEveryFirstTransmission() {
    // Credit 2 to each of three unlinked neighbours that also hear hidden nodes (floor 4): after one
    // transmission they are still below 4.
    CoveragePolicy p = policy(hidden(new Table(3, 2)));
    CoverageState s = p.newState();
    p.onFirstCopy(s, rx(FAR_SOURCE, 10, 0));
    RelayDecision first = p.onTimer(s, 0);
    assertTrue(first instanceof RelayDecision.Transmit t && t.nextTimerMillis() >= 8 * W
        && t.nextTimerMillis() < 9 * W, first.toString());
    RelayDecision second = p.onTimer(s, 1);
    assertEquals(new RelayDecision.Transmit(9, -1), second, "coverage 4 reaches the floor: no third");
  }

  @Test
  void aNodeThatKnowsNoNeighbourhoodFallsBackToTheCounterRule() {
    CoveragePolicy p = policy(new Table(0, 8));
    CoverageState s = p.newState();
    assertEquals(CoveragePolicy.BOOTSTRAP_BUCKET, bucket(p.onFirstCopy(s, rx(FAR_SOURCE, 4, -1))));
    p.onDuplicate(s, rx(FAR_SOURCE, 4, -1));
    p.onDuplicate(s, rx(FAR_SOURCE, 4, -1));
    assertEquals(RelayDecision.cancel(DropReason.SUPPRESSED), p.onTimer(s, 0));
  }

  @Test
  void theStrategyFactoryBuildsTheCoveragePolicy() {
    assertTrue(RelayPolicies.of(BroadcastStrategy.COVERAGE).create(new Ctx(new Table(1, 8)))
        instanceof CoveragePolicy);
  }
}
