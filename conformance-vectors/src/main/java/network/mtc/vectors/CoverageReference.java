package network.mtc.vectors;

import java.util.ArrayList;
import java.util.List;

/**
 * A second, deliberately plain implementation of the COVERAGE rule and of the roles, written from
 * spec/routing-broadcast.md alone (lists and loops, no bit masks, no code shared with mtc-routing). The
 * relay and role vectors take their expected outputs from here, and the runner checks mtc-routing's
 * engine against them.
 */
final class CoverageReference {
  static final int FULL = 255;

  /** One neighbour as an announce describes it: adjacency entries are {prefix, credit}. */
  record Neighbour(long address, int creditOut, boolean marked, List<int[]> adjacency) {}

  /** The rule's parameters (spec section 3). */
  record Params(int target, int gainMin, int floor, int repeatsMax, int bucketMs, int copiesSuppress,
      boolean roleBuckets, int denseDegree) {}

  private final List<Neighbour> nbs;
  private final long self;
  /** hearCredit[x][w] = c(w, x) if x announced w (prefix matched uniquely), else 0. */
  private final int[][] hearCredit;

  CoverageReference(List<Neighbour> nbs, long self) {
    this.nbs = nbs;
    this.self = self;
    int n = nbs.size();
    hearCredit = new int[n][n];
    for (int x = 0; x < n; x++) {
      for (int[] e : nbs.get(x).adjacency()) {
        List<Integer> matches = new ArrayList<>();
        for (int w = 0; w < n; w++) {
          if (prefix(nbs.get(w).address()) == e[0]) {
            matches.add(w);
          }
        }
        if (matches.size() == 1 && matches.get(0) != x && e[1] >= 2) {
          hearCredit[x][matches.get(0)] = Math.min(24, e[1]);
        }
      }
    }
  }

  static int prefix(long address) {
    return (int) ((address >>> 40) & 0xFFFFFF);
  }

  boolean adjacent(int a, int b) {
    return hearCredit[a][b] > 0 || hearCredit[b][a] > 0;
  }

  /** "PLAIN", "MARKED" or "RELAY" (spec section 2.3). */
  String role() {
    int n = nbs.size();
    boolean marked = false;
    for (int a = 0; a < n; a++) {
      for (int b = a + 1; b < n; b++) {
        if (!adjacent(a, b)) {
          marked = true;
        }
      }
    }
    if (!marked) {
      return "PLAIN";
    }
    List<Integer> higher = new ArrayList<>();
    for (int u = 0; u < n; u++) {
      Neighbour nu = nbs.get(u);
      int du = nu.adjacency().size();
      boolean above = du > n || (du == n && Long.compareUnsigned(nu.address(), self) > 0);
      if (nu.marked() && above) {
        higher.add(u);
      }
    }
    for (int u : higher) {
      boolean covers = true;
      for (int x = 0; x < n; x++) {
        if (x != u && !adjacent(u, x)) {
          covers = false;
        }
      }
      if (covers) {
        return "MARKED";
      }
    }
    for (int u : higher) {
      for (int w : higher) {
        if (u == w || !adjacent(u, w)) {
          continue;
        }
        boolean covers = true;
        for (int x = 0; x < n; x++) {
          if (x != u && x != w && !adjacent(u, x) && !adjacent(w, x)) {
            covers = false;
          }
        }
        if (covers) {
          return "MARKED";
        }
      }
    }
    return "RELAY";
  }

  /** The accounting of one message. */
  final class Message {
    final int[] cov = new int[nbs.size()];
    int copies;

    void credit(int t) {
      if (t < 0) {
        return;
      }
      cov[t] = FULL;
      for (int x = 0; x < cov.length; x++) {
        if (hearCredit[x][t] > 0 && cov[x] != FULL) {
          cov[x] = Math.min(254, cov[x] + hearCredit[x][t]);
        }
      }
    }

    void ownTransmission() {
      for (int x = 0; x < cov.length; x++) {
        if (cov[x] != FULL) {
          cov[x] = Math.min(254, cov[x] + nbs.get(x).creditOut());
        }
      }
    }

    int gain(Params p) {
      int g = 0;
      for (int x = 0; x < cov.length; x++) {
        if (cov[x] != FULL) {
          g += Math.min(Math.max(0, p.target() - cov[x]), nbs.get(x).creditOut());
        }
      }
      return g;
    }

    /** Spec 4.2: a neighbour with no hidden neighbour has floor = target; others floor, or 0 when dense. */
    int needy(Params p) {
      int k = 0;
      for (int x = 0; x < cov.length; x++) {
        if (cov[x] == FULL || nbs.get(x).creditOut() < 2) {
          continue;
        }
        int visible = 0;
        for (int w = 0; w < cov.length; w++) {
          if (hearCredit[x][w] > 0) {
            visible++;
          }
        }
        boolean complete = nbs.get(x).adjacency().size() <= visible + 1;
        int floor = complete ? p.target() : cov.length >= p.denseDegree() ? 0 : p.floor();
        if (cov[x] < floor) {
          k++;
        }
      }
      return k;
    }
  }

  static int firstBucket(int gain, String role, Params p) {
    int e = gain / 8;
    int b = e >= 12 ? 0 : e >= 6 ? 1 : e >= 3 ? 2 : 3;
    return p.roleBuckets() && !role.equals("RELAY") ? b + 4 : b;
  }

  int size() {
    return nbs.size();
  }

  int indexOf(long address) {
    for (int i = 0; i < nbs.size(); i++) {
      if (nbs.get(i).address() == address) {
        return i;
      }
    }
    return -1;
  }
}
