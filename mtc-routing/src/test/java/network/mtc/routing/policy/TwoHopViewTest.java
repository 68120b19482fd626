package network.mtc.routing.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TwoHopViewTest {
  private static long addr(int prefix, int low) {
    return (long) prefix << 40 | low;
  }

  @Test
  void putRemoveAndLinks() {
    TwoHopView v = new TwoHopView();
    int a = v.put(addr(1, 1), 8, 3, false);
    int b = v.put(addr(2, 2), 16, 4, true);
    v.setHears(a, b, 12);
    assertEquals(2, v.size());
    assertEquals(12, v.creditIn(a, b));
    assertTrue(v.adjacent(a, b));
    assertTrue(v.adjacent(b, a), "adjacency is undirected: one announce suffices");
    v.setHears(a, b, 1);
    assertFalse(v.adjacent(a, b), "a credit below 2 is no link");
    v.setHears(a, b, 8);
    v.remove(b);
    assertEquals(0, v.hears(a), "removing a neighbour removes the links to it");
    assertEquals(-1, v.slotOf(addr(2, 2)));
  }

  @Test
  void fullViewRefusesTheSixtyFifth() {
    TwoHopView v = new TwoHopView();
    for (int i = 0; i < TwoHopView.MAX_NEIGHBOURS; i++) {
      assertEquals(i, v.put(addr(i + 1, i), 8, 1, false));
    }
    assertEquals(-1, v.put(addr(100, 100), 8, 1, false));
  }

  @Test
  void ambiguousPrefixMatchesNothing() {
    TwoHopView v = new TwoHopView();
    v.put(addr(7, 1), 8, 1, false);
    v.put(addr(7, 2), 8, 1, false);
    int c = v.put(addr(9, 3), 8, 1, false);
    assertEquals(-1, v.matchPrefix(7));
    assertEquals(c, v.matchPrefix(9));
    assertEquals(-1, v.matchPrefix(5));
  }
}
