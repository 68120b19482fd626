package network.mtc.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * The greedy connected dominating set (Guha and Khuller 1998, algorithm I): grown as a tree from the
 * node of highest degree, each step adding the dominated node that dominates the most nodes not yet
 * dominated. Its size is the lower bound that broadcast strategies are compared with: a broadcast that
 * reaches every node needs at least a connected set of transmitters that dominates the graph (and the
 * greedy set approximates the smallest one within a factor of about 2 + ln Δ).
 *
 * @since 0.1
 */
public final class DominatingSet {
  private DominatingSet() {}

  /**
   * The greedy connected dominating set of a connected topology, in the order its nodes were added.
   * Ties are broken by the lowest node index, so the result is deterministic.
   *
   * @throws IllegalArgumentException if the topology is not connected
   */
  public static List<Integer> greedyConnected(Topology t) {
    int n = t.size();
    if (!t.isConnected()) {
      throw new IllegalArgumentException("the topology is not connected");
    }
    List<Integer> set = new ArrayList<>();
    // colour: 0 white (not dominated), 1 grey (dominated, not in the set), 2 black (in the set)
    byte[] colour = new byte[n];
    int white = n;
    int start = 0;
    for (int i = 1; i < n; i++) {
      if (t.degree(i) > t.degree(start)) {
        start = i;
      }
    }
    // Candidates in a min-heap of (MAX - gain) << 32 | node: the top is the largest gain, lowest index.
    // Gains only fall as nodes get dominated, so an entry is re-checked when it reaches the top and pushed
    // back with its current gain if that fell (lazy updates): O(n · Δ · log n) in all.
    LongHeap heap = new LongHeap(n);
    int next = start;
    while (true) {
      if (colour[next] == 0) {
        white--;
      }
      colour[next] = 2;
      set.add(next);
      for (int k = 0; k < t.degree(next); k++) {
        int v = t.neighbour(next, k);
        if (colour[v] == 0) {
          colour[v] = 1;
          white--;
          heap.push(key(whiteNeighbours(t, colour, v), v));
        }
      }
      if (white == 0) {
        return set;
      }
      while (true) {
        long top = heap.pop();
        int u = (int) top;
        if (colour[u] != 1) {
          continue;
        }
        int g = whiteNeighbours(t, colour, u);
        if (key(g, u) != top) {
          heap.push(key(g, u));
          continue;
        }
        next = u;
        break;
      }
    }
  }

  private static long key(int gain, int node) {
    return ((long) (Integer.MAX_VALUE - gain) << 32) | node;
  }

  private static int whiteNeighbours(Topology t, byte[] colour, int u) {
    int g = 0;
    for (int m = 0; m < t.degree(u); m++) {
      if (colour[t.neighbour(u, m)] == 0) {
        g++;
      }
    }
    return g;
  }

  /** A growable binary min-heap of longs. */
  private static final class LongHeap {
    private long[] a;
    private int size;

    LongHeap(int initial) {
      a = new long[Math.max(16, initial)];
    }

    void push(long v) {
      if (size == a.length) {
        a = java.util.Arrays.copyOf(a, a.length * 2);
      }
      int i = size++;
      while (i > 0) {
        int p = (i - 1) >>> 1;
        if (a[p] <= v) {
          break;
        }
        a[i] = a[p];
        i = p;
      }
      a[i] = v;
    }

    long pop() {
      long top = a[0];
      long v = a[--size];
      int i = 0;
      while (true) {
        int c = 2 * i + 1;
        if (c >= size) {
          break;
        }
        if (c + 1 < size && a[c + 1] < a[c]) {
          c++;
        }
        if (a[c] >= v) {
          break;
        }
        a[i] = a[c];
        i = c;
      }
      a[i] = v;
      return top;
    }
  }
}
