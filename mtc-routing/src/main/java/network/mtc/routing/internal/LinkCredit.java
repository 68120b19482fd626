package network.mtc.routing.internal;

/**
 * Link credit: {@code min(24, floor(-8 log10 loss))}, eighths of a decade of loss, computed exactly from
 * integer thresholds (spec/routing.md, "Link credit") so that every implementation gets the same integer.
 * Loss 0.1 gives 8, 0.01 gives 16, 0.5 gives 2, no loss 24.
 */
public final class LinkCredit {
  /** THRESHOLD_PPM[c] = round(10^6 x 10^(-c/8)): credit c needs loss at most this many parts per million. */
  static final int[] THRESHOLD_PPM = {
    1_000_000, 749_894, 562_341, 421_697, 316_228, 237_137, 177_828, 133_352, 100_000, 74_989, 56_234,
    42_170, 31_623, 23_714, 17_783, 13_335, 10_000, 7_499, 5_623, 4_217, 3_162, 2_371, 1_778, 1_334, 1_000
  };
  /** Announce sequence numbers a loss estimate looks back over (as ETX in Babel and BATMAN). */
  public static final int WINDOW = 16;

  private LinkCredit() {}

  /** The credit of a link losing {@code lossPpm} parts per million (0..10^6). */
  public static int ofLossPpm(int lossPpm) {
    int c = 0;
    while (c < THRESHOLD_PPM.length - 1 && lossPpm <= THRESHOLD_PPM[c + 1]) {
      c++;
    }
    return c;
  }

  /** The credit from a window of received-announce bits ({@code expected} of them significant, 1..16). */
  public static int ofWindow(int window, int expected) {
    int mask = expected >= 32 ? -1 : (1 << expected) - 1;
    int received = Integer.bitCount(window & mask);
    return ofLossPpm((int) ((expected - received) * 1_000_000L / expected));
  }
}
