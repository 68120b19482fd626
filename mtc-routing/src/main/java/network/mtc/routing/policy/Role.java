package network.mtc.routing.policy;

/**
 * A node's place in the virtual backbone (Wu and Li's marking process with Dai and Wu's pruning rules),
 * computed locally from the two-hop view and announced. Roles only order transmissions (RELAY nodes take
 * the earlier delay buckets); they never forbid one, because a static backbone alone cannot tolerate loss.
 *
 * @since 0.1
 */
public enum Role {
  /** All neighbours are pairwise adjacent: a transmission here adds nothing a neighbour's would not. */
  PLAIN,
  /** Two neighbours are not adjacent to each other, but a pruning rule found higher-priority cover. */
  MARKED,
  /** Marked and not pruned: a backbone node. */
  RELAY;

  /** True for MARKED and RELAY. */
  public boolean marked() {
    return this != PLAIN;
  }

  /**
   * Computes this node's role.
   *
   * <p>MARKED: some two neighbours are not adjacent (either announcing the other makes them adjacent).
   * RELAY: MARKED, and neither rule applies, where priority is (announced degree, then address as an
   * unsigned number), higher first, and this node's degree is {@code view.size()}:
   * <ol>
   *   <li>a MARKED neighbour u of higher priority is adjacent to every other neighbour of this node
   *       (N[v] ⊆ N[u]);
   *   <li>two adjacent MARKED neighbours u, w of higher priority are, between them, adjacent to every
   *       other neighbour of this node (N(v) ⊆ N(u) ∪ N(w)).
   * </ol>
   * Marking ignores roles, so roles cannot oscillate.
   */
  public static Role compute(TwoHopView view, long selfAddress) {
    long all = view.presentMask();
    long[] adj = new long[TwoHopView.MAX_NEIGHBOURS];
    for (long m = all; m != 0; m &= m - 1) {
      int u = Long.numberOfTrailingZeros(m);
      long h = view.hears(u) & all;
      adj[u] |= h;
      for (long k = h; k != 0; k &= k - 1) {
        adj[Long.numberOfTrailingZeros(k)] |= 1L << u;
      }
    }
    boolean marked = false;
    for (long m = all; m != 0 && !marked; m &= m - 1) {
      int u = Long.numberOfTrailingZeros(m);
      long others = all & ~(1L << u);
      marked = (others & ~adj[u]) != 0;
    }
    if (!marked) {
      return PLAIN;
    }
    int selfDegree = view.size();
    long higher = 0;
    for (long m = all; m != 0; m &= m - 1) {
      int u = Long.numberOfTrailingZeros(m);
      if (view.marked(u) && higherPriority(view.degree(u), view.address(u), selfDegree, selfAddress)) {
        higher |= 1L << u;
      }
    }
    for (long m = higher; m != 0; m &= m - 1) {
      int u = Long.numberOfTrailingZeros(m);
      long rest = all & ~(1L << u);
      if ((rest & ~adj[u]) == 0) {
        return MARKED;
      }
      for (long k = m & (m - 1) & adj[u]; k != 0; k &= k - 1) {
        int w = Long.numberOfTrailingZeros(k);
        long rest2 = rest & ~(1L << w);
        if ((rest2 & ~(adj[u] | adj[w])) == 0) {
          return MARKED;
        }
      }
    }
    return RELAY;
  }

  private static boolean higherPriority(int degreeA, long addressA, int degreeB, long addressB) {
    if (degreeA != degreeB) {
      return degreeA > degreeB;
    }
    return Long.compareUnsigned(addressA, addressB) > 0;
  }
}
