package network.mtc.sim;

import java.util.Arrays;
import network.mtc.routing.runtime.RandomSource;

/**
 * Nodes placed uniformly at random in a square, linked when closer than the radio range (a unit-disk
 * graph): the topology of the simulator's benchmarks. Immutable; adjacency in compressed sparse rows, so a
 * 100,000-node graph of mean degree 15 takes about 6 MB.
 *
 * <p>With 1,000 nodes, a side of 1,000 m and a range of 71 m the mean degree is about 15 (border effects
 * included): n π r² / side² = 15.8 before the border.
 *
 * @since 0.1
 */
public final class Topology {
  private final double[] x;
  private final double[] y;
  private final int[] offsets;
  private final int[] neighbours;
  private final double side;
  private final double range;
  private final long seed;

  private Topology(double[] x, double[] y, int[] offsets, int[] neighbours, double side, double range,
      long seed) {
    this.x = x;
    this.y = y;
    this.offsets = offsets;
    this.neighbours = neighbours;
    this.side = side;
    this.range = range;
    this.seed = seed;
  }

  /**
   * A unit-disk graph of {@code n} nodes placed uniformly in a {@code side} x {@code side} square (metres),
   * linked within {@code range} metres. Deterministic in {@code seed}. Runs in O(n · degree) with a grid of
   * range-sized cells.
   */
  public static Topology uniformSquare(int n, double side, double range, long seed) {
    if (n < 1 || side <= 0 || range <= 0) {
      throw new IllegalArgumentException("n, side and range must be positive");
    }
    RandomSource rnd = new RandomSource(seed);
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = rnd.nextDouble() * side;
      y[i] = rnd.nextDouble() * side;
    }
    return link(x, y, side, range, seed);
  }

  /**
   * The unit-disk graph of given positions (copied) in a {@code side} x {@code side} square, linked
   * within {@code range} metres: how the simulator relinks moving nodes. O(n · degree).
   */
  public static Topology fromPoints(double[] x, double[] y, double side, double range) {
    if (x.length != y.length || x.length < 1 || side <= 0 || range <= 0) {
      throw new IllegalArgumentException("need as many x as y, n, side and range positive");
    }
    return link(x.clone(), y.clone(), side, range, 0);
  }

  private static Topology link(double[] x, double[] y, double side, double range, long seed) {
    int n = x.length;
    int cells = Math.max(1, (int) Math.min(side / range, 4096));
    double cell = side / cells;
    int[] cellCount = new int[cells * cells + 1];
    int[] cellOf = new int[n];
    for (int i = 0; i < n; i++) {
      int cx = Math.min(cells - 1, (int) (x[i] / cell));
      int cy = Math.min(cells - 1, (int) (y[i] / cell));
      cellOf[i] = cy * cells + cx;
      cellCount[cellOf[i] + 1]++;
    }
    for (int c = 0; c < cells * cells; c++) {
      cellCount[c + 1] += cellCount[c];
    }
    int[] byCell = new int[n];
    int[] fill = Arrays.copyOf(cellCount, cellCount.length);
    for (int i = 0; i < n; i++) {
      byCell[fill[cellOf[i]]++] = i;
    }
    double r2 = range * range;
    int[] degree = new int[n];
    // Two passes: count, then fill.
    int[][] pass = new int[1][];
    int[] offsets = new int[n + 1];
    for (int round = 0; round < 2; round++) {
      int[] out = round == 0 ? null : new int[offsets[n]];
      int[] pos = round == 0 ? null : Arrays.copyOf(offsets, n);
      for (int i = 0; i < n; i++) {
        int cx = cellOf[i] % cells;
        int cy = cellOf[i] / cells;
        for (int dy = -1; dy <= 1; dy++) {
          for (int dx = -1; dx <= 1; dx++) {
            int nx = cx + dx;
            int ny = cy + dy;
            if (nx < 0 || ny < 0 || nx >= cells || ny >= cells) {
              continue;
            }
            int c = ny * cells + nx;
            for (int k = cellCount[c]; k < cellCount[c + 1]; k++) {
              int j = byCell[k];
              if (j == i) {
                continue;
              }
              double ddx = x[i] - x[j];
              double ddy = y[i] - y[j];
              if (ddx * ddx + ddy * ddy <= r2) {
                if (round == 0) {
                  degree[i]++;
                } else {
                  out[pos[i]++] = j;
                }
              }
            }
          }
        }
      }
      if (round == 0) {
        for (int i = 0; i < n; i++) {
          offsets[i + 1] = offsets[i] + degree[i];
        }
      } else {
        pass[0] = out;
      }
    }
    for (int i = 0; i < n; i++) {
      Arrays.sort(pass[0], offsets[i], offsets[i + 1]);
    }
    return new Topology(x, y, offsets, pass[0], side, range, seed);
  }

  /**
   * {@code n} nodes on a square lattice filling a square of side {@code side} metres: ceil(sqrt(n))
   * columns, rows filled left to right from the bottom, each node at the centre of its cell; nodes within
   * {@code range} metres are linked. With a range of at least the spacing the grid is connected; a range of
   * sqrt(2) spacings adds the diagonals (degree 8 inside).
   */
  public static Topology grid(int n, double side, double range) {
    if (n < 1) {
      throw new IllegalArgumentException("at least one node");
    }
    int cols = (int) Math.ceil(Math.sqrt(n));
    double spacing = side / cols;
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = (i % cols + 0.5) * spacing;
      y[i] = (i / cols + 0.5) * spacing;
    }
    return fromPoints(x, y, side, range);
  }

  /**
   * As {@link #uniformSquare}, redrawn until connected: attempt {@code a} uses the seed {@code seed + a *
   * 0x9E3779B97F4A7C15} (so the result depends only on {@code seed}).
   *
   * @throws IllegalStateException if {@code maxAttempts} draws are all disconnected (range too short)
   */
  public static Topology connectedUniformSquare(int n, double side, double range, long seed, int maxAttempts) {
    for (int a = 0; a < maxAttempts; a++) {
      Topology t = uniformSquare(n, side, range, seed + a * 0x9E37_79B9_7F4A_7C15L);
      if (t.isConnected()) {
        return t;
      }
    }
    throw new IllegalStateException("no connected graph in " + maxAttempts + " draws: range too short");
  }

  /**
   * The same graph with its nodes renumbered along a Hilbert curve over the square (ties by the old
   * index), so that nodes close in space are close in index. The simulator allocates node state in index
   * order, so a broadcast wave then sweeps memory mostly sequentially: fewer cache and TLB misses at
   * 100,000 nodes. Deterministic; the graph is isomorphic to this one.
   */
  public Topology inHilbertOrder() {
    int n = size();
    long[] keyed = new long[n];
    int bits = 16;
    double scale = ((1 << bits) - 1) / side;
    for (int i = 0; i < n; i++) {
      int hx = (int) Math.max(0, Math.min((1 << bits) - 1, x[i] * scale));
      int hy = (int) Math.max(0, Math.min((1 << bits) - 1, y[i] * scale));
      keyed[i] = hilbert(bits, hx, hy) << 20 | i; // 2·16 bits of curve index, 20 of node (n ≤ 2^20)
    }
    if (n > 1 << 20) {
      return this;
    }
    Arrays.sort(keyed);
    double[] nx = new double[n];
    double[] ny = new double[n];
    for (int k = 0; k < n; k++) {
      int i = (int) (keyed[k] & 0xF_FFFF);
      nx[k] = x[i];
      ny[k] = y[i];
    }
    return link(nx, ny, side, range, seed);
  }

  /** Distance of (hx, hy) along the Hilbert curve of a 2^bits square (the classic xy2d). */
  static long hilbert(int bits, int hx, int hy) {
    long d = 0;
    int x0 = hx;
    int y0 = hy;
    for (int s = 1 << (bits - 1); s > 0; s >>= 1) {
      int rx = (x0 & s) > 0 ? 1 : 0;
      int ry = (y0 & s) > 0 ? 1 : 0;
      d += (long) s * s * ((3 * rx) ^ ry);
      if (ry == 0) {
        if (rx == 1) {
          x0 = (1 << bits) - 1 - x0;
          y0 = (1 << bits) - 1 - y0;
        }
        int t = x0;
        x0 = y0;
        y0 = t;
      }
    }
    return d;
  }

  /** Number of nodes. */
  public int size() {
    return x.length;
  }

  /** Degree of node {@code i}. */
  public int degree(int i) {
    return offsets[i + 1] - offsets[i];
  }

  /** The {@code k}-th neighbour of node {@code i} (neighbours are sorted). */
  public int neighbour(int i, int k) {
    return neighbours[offsets[i] + k];
  }

  /** Mean degree. */
  public double meanDegree() {
    return (double) neighbours.length / x.length;
  }

  /** Number of undirected links. */
  public long links() {
    return neighbours.length / 2;
  }

  /** x coordinate of node {@code i}, metres. */
  public double x(int i) {
    return x[i];
  }

  /** y coordinate of node {@code i}, metres. */
  public double y(int i) {
    return y[i];
  }

  /** Side of the square, metres. */
  public double side() {
    return side;
  }

  /** Radio range, metres. */
  public double range() {
    return range;
  }

  /** The seed this graph was drawn from. */
  public long seed() {
    return seed;
  }

  /** True if every node reaches every other. */
  public boolean isConnected() {
    return count(hopDistances(0)) == size();
  }

  private static int count(int[] dist) {
    int c = 0;
    for (int d : dist) {
      if (d >= 0) {
        c++;
      }
    }
    return c;
  }

  /** Hop distance from {@code source} to every node, -1 where unreachable (breadth-first search). */
  public int[] hopDistances(int source) {
    int n = size();
    int[] dist = new int[n];
    Arrays.fill(dist, -1);
    int[] queue = new int[n];
    int head = 0;
    int tail = 0;
    dist[source] = 0;
    queue[tail++] = source;
    while (head < tail) {
      int u = queue[head++];
      for (int k = offsets[u]; k < offsets[u + 1]; k++) {
        int v = neighbours[k];
        if (dist[v] < 0) {
          dist[v] = dist[u] + 1;
          queue[tail++] = v;
        }
      }
    }
    return dist;
  }
}
