package network.mtc.routing.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Hand-worked neighbourhoods of node v (address 0x10): the marking process and both pruning rules. */
class RoleTest {
  private static final long V = 0x10;

  /** Neighbours 0..n-1 with addresses 0x100 + i, all of degree {@code degree}, links given as pairs. */
  private static TwoHopView view(int n, int degree, boolean[] marked, int[]... links) {
    TwoHopView t = new TwoHopView();
    for (int i = 0; i < n; i++) {
      t.put(0x100 + i, 8, degree, marked != null && marked[i]);
    }
    for (int[] l : links) {
      t.setHears(l[0], l[1], 8);
    }
    return t;
  }

  @Test
  void cliqueIsPlain() {
    assertEquals(Role.PLAIN, Role.compute(view(3, 3, null, new int[] {0, 1}, new int[] {1, 2},
        new int[] {2, 0}), V));
  }

  @Test
  void pathMiddleIsRelay() {
    // A - v - B: A and B are not adjacent, nobody else is marked.
    assertEquals(Role.RELAY, Role.compute(view(2, 1, null), V));
  }

  @Test
  void ruleOnePrunesUnderAHigherMarkedNeighbourThatSeesEveryone() {
    // u = 0 hears 1 and 2; 1 and 2 are not adjacent, so v is marked; u has higher degree and is marked.
    TwoHopView t = view(3, 5, new boolean[] {true, false, false}, new int[] {0, 1}, new int[] {0, 2});
    assertEquals(Role.MARKED, Role.compute(t, V));
    // The same u, not marked: no rule applies.
    TwoHopView t2 = view(3, 5, null, new int[] {0, 1}, new int[] {0, 2});
    assertEquals(Role.RELAY, Role.compute(t2, V));
    // The same u, marked but of lower priority (degree 2 < v's 3): no rule applies.
    TwoHopView t3 = view(3, 2, new boolean[] {true, false, false}, new int[] {0, 1}, new int[] {0, 2});
    assertEquals(Role.RELAY, Role.compute(t3, V));
  }

  @Test
  void ruleTwoPrunesUnderTwoAdjacentHigherMarkedNeighbours() {
    // u = 0 covers 2, w = 1 covers 3, and u - w are adjacent.
    TwoHopView t = view(4, 6, new boolean[] {true, true, false, false}, new int[] {0, 1}, new int[] {0, 2},
        new int[] {1, 3});
    assertEquals(Role.MARKED, Role.compute(t, V));
    // Not adjacent: rule 2 needs a connected pair.
    TwoHopView t2 = view(4, 6, new boolean[] {true, true, false, false}, new int[] {0, 2}, new int[] {1, 3});
    assertEquals(Role.RELAY, Role.compute(t2, V));
  }

  @Test
  void equalDegreeTiesBreakOnTheUnsignedAddress() {
    TwoHopView t = view(3, 3, new boolean[] {true, false, false}, new int[] {0, 1}, new int[] {0, 2});
    assertEquals(Role.MARKED, Role.compute(t, V), "0x100 > 0x10");
    assertEquals(Role.RELAY, Role.compute(t, -1L), "0xFFFF... is the highest unsigned address");
  }
}
