package network.mtc.routing.internal;

import network.mtc.routing.policy.NeighbourView;

/**
 * The unicast decisions of spec/routing-unicast.md as pure functions of a node's tables, so that the
 * conformance vectors ({@code routing/unicast.json}) can pin them: the next hop towards a destination
 * (section 3.4) and what a node does with the first copy of a unicast frame (section 4).
 */
public final class UnicastDecision {
  private UnicastDecision() {}

  /** What a node does with the first copy of a unicast DATA or END frame. */
  public enum Action {
    /** Addressed to this node: delivered (DATA) or matched (END), never relayed. */
    DELIVER,
    /** Sent link-unicast to the next hop, awaiting its HOP acknowledgement. */
    ROUTE,
    /** Handed to this node as next hop without a route: broadcast once (the flood fallback). */
    BROADCAST,
    /** A flooded copy this node has no route for, or a flooded retry: the relay policy decides. */
    RELAY_POLICY,
    /** To be routed or broadcast, but its hop limit is 0. */
    HOP_LIMIT
  }

  /**
   * Section 4: the action for a first copy.
   *
   * @param forMe the frame's destination is this node
   * @param linkUnicast it arrived link-unicast (this node was chosen as next hop)
   * @param retry it carries {@code first_id}
   * @param nextHop {@link #nextHop} for its destination, excluding its transmitter (0: none)
   */
  public static Action forward(boolean forMe, boolean linkUnicast, boolean retry, int hopLimit, long nextHop) {
    if (forMe) {
      return Action.DELIVER;
    }
    boolean routed = linkUnicast || (!retry && nextHop != 0);
    if (!routed) {
      return Action.RELAY_POLICY;
    }
    if (hopLimit == 0) {
      return Action.HOP_LIMIT;
    }
    return nextHop != 0 ? Action.ROUTE : Action.BROADCAST;
  }

  /**
   * Section 3.4: the neighbour to hand a frame for {@code dest} to, never {@code exclude}; 0 if none. In
   * order: the destination itself if it is a neighbour; the route table's live route through a present
   * neighbour; the announce route of section 3.3.
   */
  public static long nextHop(NeighbourView nv, RouteTable routes, long dest, long exclude, long now) {
    if (nv.slotOf(dest) >= 0) {
      return dest == exclude ? 0 : dest;
    }
    long via = routes.nextHop(dest, now);
    if (via != 0 && via != exclude && nv.slotOf(via) >= 0) {
      return via;
    }
    return announcedVia(nv, dest, exclude);
  }

  /**
   * Section 3.3: the neighbour, other than {@code exclude}, whose last announce lists the 3-byte prefix of
   * {@code dest}, best by min(credit it gives this node, credit it lists for the prefix), ties to the lower
   * address (unsigned); 0 if none.
   */
  public static long announcedVia(NeighbourView nv, long dest, long exclude) {
    int prefix = NeighbourView.prefixOf(dest);
    long best = 0;
    int bestScore = -1;
    long mask = nv.presentMask();
    while (mask != 0) {
      int slot = Long.numberOfTrailingZeros(mask);
      mask &= mask - 1;
      long a = nv.address(slot);
      if (a == exclude) {
        continue;
      }
      int n = nv.adjacencyCount(slot);
      for (int i = 0; i < n; i++) {
        if (nv.adjacencyPrefix(slot, i) == prefix) {
          int score = Math.min(nv.outboundCredit(slot), nv.adjacencyCredit(slot, i));
          if (score > bestScore || (score == bestScore && Long.compareUnsigned(a, best) < 0)) {
            best = a;
            bestScore = score;
          }
          break;
        }
      }
    }
    return best;
  }
}
