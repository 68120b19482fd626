package network.mtc.vectors;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import network.mtc.routing.runtime.RandomSource;

/** Neighbourhoods shared by the relay and role suites: JSON form, parsing, and random generation. */
final class CoverageCases {
  static final long SELF = 0x5e1f_0000_0000_0001L;

  private CoverageCases() {}

  /** Address of the i-th neighbour: a distinct 3-byte prefix per i. */
  static long addr(int i) {
    return 0xA000_0000_0000_0000L + ((long) (i + 1) << 40) + i;
  }

  static String hexAddr(long a) {
    return String.format("%016x", a);
  }

  static long parseAddr(Object o) {
    return Long.parseUnsignedLong((String) o, 16);
  }

  static List<Object> toJson(List<CoverageReference.Neighbour> nbs) {
    List<Object> out = new ArrayList<>();
    for (CoverageReference.Neighbour n : nbs) {
      List<Object> adj = new ArrayList<>();
      for (int[] e : n.adjacency()) {
        adj.add(Cases.map("prefix", String.format("%06x", e[0]), "credit", e[1]));
      }
      out.add(Cases.map("address", hexAddr(n.address()), "credit_out", n.creditOut(), "marked", n.marked(),
          "adj", adj));
    }
    return out;
  }

  static List<CoverageReference.Neighbour> fromJson(Object json) {
    List<CoverageReference.Neighbour> out = new ArrayList<>();
    for (Object o : Cases.list(json)) {
      Map<String, Object> m = Cases.obj(o);
      List<int[]> adj = new ArrayList<>();
      for (Object e : Cases.list(m.get("adj"))) {
        Map<String, Object> em = Cases.obj(e);
        adj.add(new int[] {Integer.parseInt((String) em.get("prefix"), 16), (int) Cases.num(em.get("credit"))});
      }
      out.add(new CoverageReference.Neighbour(parseAddr(m.get("address")), (int) Cases.num(m.get("credit_out")),
          (Boolean) m.get("marked"), adj));
    }
    return out;
  }

  /** Builds neighbours from a symmetric link list over n nodes (credit c on every listed link). */
  static List<CoverageReference.Neighbour> fromLinks(int n, int creditOut, int credit, boolean[] marked,
      int[]... links) {
    List<List<int[]>> adj = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      adj.add(new ArrayList<>());
    }
    for (int[] l : links) {
      adj.get(l[0]).add(new int[] {CoverageReference.prefix(addr(l[1])), credit});
      adj.get(l[1]).add(new int[] {CoverageReference.prefix(addr(l[0])), credit});
    }
    List<CoverageReference.Neighbour> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      // Every neighbour also lists this node (not one of its neighbours, so it matches nothing here).
      adj.get(i).add(new int[] {CoverageReference.prefix(SELF), creditOut});
      out.add(new CoverageReference.Neighbour(addr(i), creditOut, marked != null && marked[i], adj.get(i)));
    }
    return out;
  }

  /** A random neighbourhood: n neighbours, links with probability p/16, credits from a small set. */
  static List<CoverageReference.Neighbour> random(RandomSource r, int n, int p) {
    int[] credits = {0, 1, 2, 5, 8, 8, 8, 12, 16, 24};
    List<CoverageReference.Neighbour> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<int[]> adj = new ArrayList<>();
      for (int w = 0; w < n; w++) {
        if (w != i && r.nextInt(16) < p) {
          adj.add(new int[] {CoverageReference.prefix(addr(w)), credits[r.nextInt(credits.length)]});
        }
      }
      for (int k = r.nextInt(4); k > 0; k--) {
        adj.add(new int[] {0xF00000 + r.nextInt(0x1000), 8});
      }
      out.add(new CoverageReference.Neighbour(addr(i), credits[r.nextInt(credits.length)], r.nextInt(2) == 0,
          adj));
    }
    return out;
  }
}
