package network.mtc.routing.internal;

/**
 * Channel use as this node measures it (spec/routing-limits.md section 4): the airtime of what it sends, of
 * every packet it receives (per transmitting neighbour), and the busy time its links report, over two
 * windows of {@link #WINDOW_MILLIS}. Never uses what a frame says about itself. Integer arithmetic; the
 * per-neighbour arrays are created at the first packet.
 */
public final class AirtimeMeter {
  /** One window; the measure spans the current and the previous one. */
  public static final long WINDOW_MILLIS = 5_000;
  /** Utilisation (busy time over the measured span) from which the level is 1, in per mille. */
  public static final int L1_PERMILLE = 300;
  /** Utilisation from which the level is 2, in per mille. */
  public static final int L2_PERMILLE = 600;
  /** A transmitter holding more than this share (per mille) of received airtime, or 2/active, is cut. */
  public static final int PEER_SHARE_FLOOR_PERMILLE = 250;
  /**
   * Fewer active transmitters than this and nobody is cut: with one or two, a node cannot tell a hog from
   * its only link.
   */
  public static final int MIN_ACTIVE = 3;
  /** Index of the peers that are not in the neighbour table, counted together. */
  static final int OTHERS = 64;

  private long windowStart = Long.MIN_VALUE;
  private long busyCur;
  private long busyPrev;
  private long rxCur;
  private long rxPrev;
  private int[] peerCur;
  private int[] peerPrev;

  private void roll(long now) {
    if (windowStart == Long.MIN_VALUE) {
      windowStart = now - Math.floorMod(now, WINDOW_MILLIS);
      return;
    }
    while (now >= windowStart + WINDOW_MILLIS) {
      boolean skipped = now >= windowStart + 2 * WINDOW_MILLIS;
      busyPrev = skipped ? 0 : busyCur;
      rxPrev = skipped ? 0 : rxCur;
      busyCur = 0;
      rxCur = 0;
      if (peerCur != null) {
        int[] t = peerPrev;
        peerPrev = peerCur;
        peerCur = t;
        java.util.Arrays.fill(peerCur, 0);
        if (skipped) {
          java.util.Arrays.fill(peerPrev, 0);
        }
      }
      windowStart = skipped ? now - Math.floorMod(now, WINDOW_MILLIS) : windowStart + WINDOW_MILLIS;
    }
  }

  /** This node sent packets taking {@code micros} of airtime. */
  public void sent(long micros, long now) {
    roll(now);
    busyCur += micros;
  }

  /** The link reported {@code micros} of busy channel (carrier sense). */
  public void busy(long micros, long now) {
    roll(now);
    busyCur += micros;
  }

  /** A packet of {@code micros} airtime arrived from neighbour slot {@code slot} (or -1 if not a neighbour). */
  public void received(int slot, long micros, long now) {
    roll(now);
    busyCur += micros;
    rxCur += micros;
    if (peerCur == null) {
      peerCur = new int[OTHERS + 1];
      peerPrev = new int[OTHERS + 1];
    }
    int i = slot < 0 || slot >= OTHERS ? OTHERS : slot;
    peerCur[i] = (int) Math.min(Integer.MAX_VALUE, peerCur[i] + micros);
  }

  /** Busy time over the measured span, per mille of the span (the span is the elapsed part of the windows). */
  public int utilisationPermille(long now) {
    roll(now);
    long span = WINDOW_MILLIS * 1000 + (now - windowStart) * 1000;
    return (int) Math.min(1000, (busyPrev + busyCur) * 1000 / Math.max(1, span));
  }

  /** 0, 1 or 2 (spec/routing-limits.md section 4). */
  public int level(long now) {
    int u = utilisationPermille(now);
    return u >= L2_PERMILLE ? 2 : u >= L1_PERMILLE ? 1 : 0;
  }

  /**
   * True if neighbour slot {@code slot} (-1: not a neighbour) holds more than max(25%, 2/active) of the
   * received airtime, where active counts the transmitters heard in the span (the non-neighbours as one),
   * and active is at least {@link #MIN_ACTIVE}.
   */
  public boolean hogging(int slot, long now) {
    roll(now);
    long total = rxPrev + rxCur;
    if (peerCur == null || total == 0) {
      return false;
    }
    int active = 0;
    for (int i = 0; i <= OTHERS; i++) {
      if (peerCur[i] + peerPrev[i] > 0) {
        active++;
      }
    }
    if (active < MIN_ACTIVE) {
      return false;
    }
    int i = slot < 0 || slot >= OTHERS ? OTHERS : slot;
    long share = (long) (peerCur[i] + peerPrev[i]) * 1000 / total;
    long limit = Math.max(PEER_SHARE_FLOOR_PERMILLE, 2000L / Math.max(1, active));
    return share > limit;
  }
}
