package network.mtc.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TopologyTest {
  @Test
  void sameSeedSameGraphAndLinksAreSymmetricAndWithinRange() {
    Topology a = Topology.uniformSquare(500, 700, 71, 3);
    Topology b = Topology.uniformSquare(500, 700, 71, 3);
    assertEquals(a.links(), b.links());
    for (int i = 0; i < a.size(); i++) {
      assertEquals(a.x(i), b.x(i));
      for (int k = 0; k < a.degree(i); k++) {
        int j = a.neighbour(i, k);
        double dx = a.x(i) - a.x(j);
        double dy = a.y(i) - a.y(j);
        assertTrue(dx * dx + dy * dy <= 71.0 * 71.0);
        boolean back = false;
        for (int m = 0; m < a.degree(j); m++) {
          back |= a.neighbour(j, m) == i;
        }
        assertTrue(back, "link " + i + "-" + j + " must be symmetric");
      }
    }
    // Brute force agrees with the grid.
    long brute = 0;
    for (int i = 0; i < a.size(); i++) {
      for (int j = i + 1; j < a.size(); j++) {
        double dx = a.x(i) - a.x(j);
        double dy = a.y(i) - a.y(j);
        if (dx * dx + dy * dy <= 71.0 * 71.0) {
          brute++;
        }
      }
    }
    assertEquals(brute, a.links());
  }

  @Test
  void defaultBenchmarkGraphHasMeanDegreeAboutFifteen() {
    Topology t = Topology.connectedUniformSquare(1000, 1000, 71, 1, 50);
    assertTrue(t.isConnected());
    assertTrue(t.meanDegree() > 13.5 && t.meanDegree() < 16.5, "mean degree " + t.meanDegree());
  }

  @Test
  void greedyConnectedDominatingSetIsConnectedAndDominating() {
    for (long seed = 1; seed <= 5; seed++) {
      Topology t = Topology.connectedUniformSquare(1000, 1000, 71, seed, 50);
      List<Integer> cds = DominatingSet.greedyConnected(t);
      Set<Integer> in = new HashSet<>(cds);
      for (int i = 0; i < t.size(); i++) {
        boolean dominated = in.contains(i);
        for (int k = 0; k < t.degree(i) && !dominated; k++) {
          dominated = in.contains(t.neighbour(i, k));
        }
        assertTrue(dominated, "node " + i + " is not dominated");
      }
      // Connected: every set node after the first has a neighbour added before it.
      Set<Integer> seen = new HashSet<>();
      seen.add(cds.get(0));
      for (int s = 1; s < cds.size(); s++) {
        int u = cds.get(s);
        boolean attached = false;
        for (int k = 0; k < t.degree(u) && !attached; k++) {
          attached = seen.contains(t.neighbour(u, k));
        }
        assertTrue(attached);
        seen.add(u);
      }
      // The independent simulator found about 135 nodes at this density.
      assertTrue(cds.size() > 100 && cds.size() < 170, "CDS size " + cds.size());
    }
  }

  @Test
  void smallGraphs() {
    Topology single = Topology.uniformSquare(1, 10, 5, 1);
    assertEquals(List.of(0), DominatingSet.greedyConnected(single));
    Topology dense = Topology.uniformSquare(20, 10, 100, 1);
    assertEquals(1, DominatingSet.greedyConnected(dense).size(), "a clique needs one transmitter");
  }

  @Test
  void hilbertOrderIsAnIsomorphicRenumberingThatKeepsNeighboursClose() {
    Topology t = Topology.uniformSquare(2000, 1400, 71, 8);
    Topology h = t.inHilbertOrder();
    assertEquals(t.links(), h.links());
    assertEquals(t.meanDegree(), h.meanDegree(), 1e-12);
    java.util.Set<String> points = new HashSet<>();
    for (int i = 0; i < t.size(); i++) {
      points.add(t.x(i) + "," + t.y(i));
    }
    for (int i = 0; i < h.size(); i++) {
      assertTrue(points.remove(h.x(i) + "," + h.y(i)), "same points");
    }
    assertEquals(DominatingSet.greedyConnected(t).size(), DominatingSet.greedyConnected(h).size(), 8.0);
    long before = 0;
    long after = 0;
    for (int i = 0; i < t.size(); i++) {
      for (int k = 0; k < t.degree(i); k++) {
        before += Math.abs(t.neighbour(i, k) - i);
      }
      for (int k = 0; k < h.degree(i); k++) {
        after += Math.abs(h.neighbour(i, k) - i);
      }
    }
    assertTrue(after * 5 < before, "index distance of links: " + after + " vs " + before);
  }

  @Test
  void hilbertCurveVisitsEveryCellOnceWithUnitSteps() {
    int bits = 4;
    int n = 1 << bits;
    int[][] at = new int[n * n][];
    for (int x = 0; x < n; x++) {
      for (int y = 0; y < n; y++) {
        int d = (int) Topology.hilbert(bits, x, y);
        assertTrue(at[d] == null);
        at[d] = new int[] {x, y};
      }
    }
    for (int d = 1; d < n * n; d++) {
      assertEquals(1, Math.abs(at[d][0] - at[d - 1][0]) + Math.abs(at[d][1] - at[d - 1][1]), "step " + d);
    }
  }
}
