package network.mtc.sim.internal;

import java.util.Arrays;

/**
 * What a run measures. Transmissions are classified from the link packet itself (spec/wire.md sections 5
 * and 6): a whole frame, or the first fragment of one, names its type, message id and source, so a DATA
 * transmission is charged to the workload message it carries and to the transmitter's hop distance from
 * that message's source; later fragments inherit their sender's last first-fragment. Everything else
 * (announces, acks, sync) is control traffic.
 */
public final class Metrics {
  /** Fine coverage-over-time bins per message (cropped and merged to at most {@link #COVERAGE_POINTS}). */
  public static final int COVERAGE_BINS = 1000;
  /** Most points of the coverage curves in the result. */
  public static final int COVERAGE_POINTS = 100;
  private static final int DATA = 1;
  private static final int UNATTRIBUTED = -1;

  private final int n;
  private final int messages;
  private final long coverageBinMicros;

  long dataTransmissions;
  long controlTransmissions;
  long receptions;
  long lostReceptions;
  long collisions;
  long duplicateDeliveries;
  long deliveredPairs;
  int originated;

  private final LongIntMap byFrame;
  private final long[] originMicros;
  private final int[] source;
  private final short[][] dist;
  private final long[][] delivered;
  private final int[] deliveredCount;
  private final long[] txCount;
  private final int[][] coverage;
  private long[] pairsByHop = new long[64];
  private long[] deliveredByHop = new long[64];
  private long[] txByHop = new long[64];
  private final LatencyHistogram latency = new LatencyHistogram();
  private final int[] fragMessage;
  private final byte[] fragData;
  private boolean[] firstTransmitters;
  private int originating = UNATTRIBUTED;
  private int originSource = -1;

  Metrics(int n, int messages, long coverageBinMicros) {
    this.n = n;
    this.messages = messages;
    this.coverageBinMicros = Math.max(1, coverageBinMicros);
    byFrame = new LongIntMap(Math.max(16, messages));
    originMicros = new long[messages];
    source = new int[messages];
    dist = new short[messages][];
    delivered = new long[messages][];
    deliveredCount = new int[messages];
    txCount = new long[messages];
    coverage = new int[messages][];
    fragMessage = new int[n];
    fragData = new byte[n];
  }

  /** Message {@code m} is about to be published by {@code src}; its frames are attributed from now on. */
  void beginOrigination(int m, int src, long nowMicros, int[] hops) {
    originated = Math.max(originated, m + 1);
    originMicros[m] = nowMicros;
    source[m] = src;
    short[] d = new short[n];
    for (int i = 0; i < n; i++) {
      int h = hops[i];
      d[i] = (short) Math.min(h, Short.MAX_VALUE);
      if (h > 0) {
        if (h >= pairsByHop.length) {
          growBins(h + 1);
        }
        pairsByHop[h]++;
      }
    }
    dist[m] = d;
    delivered[m] = new long[(n + 63) >>> 6];
    coverage[m] = new int[COVERAGE_BINS + 1];
    if (m == 0) {
      firstTransmitters = new boolean[n];
    }
    originating = m;
    originSource = src;
  }

  /** The publish call of {@link #beginOrigination} returned with message id {@code id}. */
  void endOrigination(long sourceAddress, int id) {
    if (originating >= 0 && byFrame.get(LongIntMap.key(sourceAddress, id), UNATTRIBUTED) == UNATTRIBUTED) {
      byFrame.put(LongIntMap.key(sourceAddress, id), originating);
    }
    originating = UNATTRIBUTED;
    originSource = -1;
  }

  void onTransmit(int s, byte[] p, int off, int len, long nowMicros) {
    int b0 = p[off] & 0xFF;
    int hdr;
    if ((b0 & 0xC0) == 0x40) {
      hdr = off;
    } else if ((b0 & 0xC0) == 0xC0 && len >= 4) {
      if (p[off + 2] != 0) {
        if (fragData[s] != 0) {
          countData(s, fragMessage[s]);
        } else {
          controlTransmissions++;
        }
        return;
      }
      hdr = off + 4;
    } else {
      controlTransmissions++;
      return;
    }
    int avail = off + len - hdr;
    if (avail < 15 || (p[hdr] & 0x3F) != DATA) {
      controlTransmissions++;
      if (hdr != off) {
        fragData[s] = 0;
      }
      return;
    }
    int m = UNATTRIBUTED;
    if ((p[hdr + 1] & 0x80) == 0) { // broadcast: look up the workload message
      int id = readInt(p, hdr + 3);
      long src = readLong(p, hdr + 7);
      long key = LongIntMap.key(src, id);
      m = byFrame.get(key, UNATTRIBUTED);
      if (m == UNATTRIBUTED && originating >= 0 && s == originSource) {
        m = originating;
        byFrame.put(key, m);
      }
    }
    if (hdr != off) {
      fragData[s] = 1;
      fragMessage[s] = m;
    }
    countData(s, m);
  }

  private void countData(int s, int m) {
    dataTransmissions++;
    if (m >= 0) {
      txCount[m]++;
      int h = dist[m][s];
      if (h >= 0) {
        if (h >= txByHop.length) {
          growBins(h + 1);
        }
        txByHop[h]++;
      }
      if (m == 0) {
        firstTransmitters[s] = true;
      }
    }
  }

  /** Node {@code node} delivered message {@code m} at {@code nowMicros}. */
  void onDeliver(int m, int node, long nowMicros) {
    if (m < 0 || m >= originated || dist[m] == null || node == source[m]) {
      return;
    }
    long[] bits = delivered[m];
    long bit = 1L << node;
    if ((bits[node >>> 6] & bit) != 0) {
      duplicateDeliveries++;
      return;
    }
    bits[node >>> 6] |= bit;
    deliveredPairs++;
    deliveredCount[m]++;
    long lat = nowMicros - originMicros[m];
    latency.record(lat);
    int h = dist[m][node];
    if (h > 0) {
      deliveredByHop[h]++;
    }
    coverage[m][(int) Math.min(COVERAGE_BINS, lat / coverageBinMicros)]++;
  }

  private void growBins(int size) {
    int c = Math.max(size, pairsByHop.length * 2);
    pairsByHop = Arrays.copyOf(pairsByHop, c);
    deliveredByHop = Arrays.copyOf(deliveredByHop, c);
    txByHop = Arrays.copyOf(txByHop, c);
  }

  private static int readInt(byte[] b, int o) {
    return (b[o] & 0xFF) << 24 | (b[o + 1] & 0xFF) << 16 | (b[o + 2] & 0xFF) << 8 | (b[o + 3] & 0xFF);
  }

  private static long readLong(byte[] b, int o) {
    return (long) readInt(b, o) << 32 | (readInt(b, o + 4) & 0xFFFF_FFFFL);
  }

  LatencyHistogram latency() {
    return latency;
  }

  /** Highest hop distance with any (message, node) pair. */
  int maxHop() {
    int h = 0;
    for (int i = 0; i < pairsByHop.length; i++) {
      if (pairsByHop[i] > 0) {
        h = i;
      }
    }
    return h;
  }

  long pairsAt(int hop) {
    return pairsByHop[hop];
  }

  long deliveredAt(int hop) {
    return deliveredByHop[hop];
  }

  long transmissionsAt(int hop) {
    return txByHop[hop];
  }

  boolean[] firstTransmitters() {
    return firstTransmitters;
  }

  /**
   * Coverage over time: for each output bin b, the mean over messages and the 1st percentile over
   * messages of the fraction of the other n-1 nodes that delivered within (b + 1) bins of the
   * origination. The fine bins are cropped after the last delivery and merged to at most
   * {@link #COVERAGE_POINTS}; the third array holds the output bin width in µs.
   */
  double[][] coverageCurves() {
    int last = 0;
    for (int m = 0; m < originated; m++) {
      if (coverage[m] != null) {
        for (int b = COVERAGE_BINS - 1; b > last; b--) {
          if (coverage[m][b] != 0) {
            last = b;
            break;
          }
        }
      }
    }
    int group = (last + COVERAGE_POINTS) / COVERAGE_POINTS; // ceil((last + 1) / POINTS)
    int points = (last + group) / group;
    double[] mean = new double[points];
    double[] p1 = new double[points];
    double[] width = {(double) group * coverageBinMicros};
    if (originated == 0 || n < 2) {
      return new double[][] {mean, p1, width};
    }
    double[][] perMessage = new double[points][originated];
    for (int m = 0; m < originated; m++) {
      long cum = 0;
      for (int b = 0; b < points * group; b++) {
        cum += coverage[m] == null || b >= COVERAGE_BINS ? 0 : coverage[m][b];
        if (b % group == group - 1) {
          perMessage[b / group][m] = (double) cum / (n - 1);
        }
      }
    }
    for (int b = 0; b < points; b++) {
      double[] v = perMessage[b];
      double sum = 0;
      for (double x : v) {
        sum += x;
      }
      mean[b] = sum / v.length;
      Arrays.sort(v);
      p1[b] = v[(int) Math.floor(0.01 * (v.length - 1))];
    }
    return new double[][] {mean, p1, width};
  }

  int messages() {
    return messages;
  }
}
