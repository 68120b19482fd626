package network.mtc.crypto.internal;

/**
 * The table of a fixed point P for {@link Ed25519Group#splitScalarMultVartime}: the odd multiples
 * P_j, 3 P_j, ..., (2n - 1) P_j of the shifted copies P_j = [2^(32 j)] P, j = 0..7, in affine cached form
 * (Y + X, Y - X, 2 d T with Z = 1), packed in one {@code long[]}.
 *
 * <p>Why: a scalar k below 2^256 is sum k_j 2^(32 j) with 32-bit parts k_j, so [k] P = sum [k_j] P_j,
 * and the eight parts share one chain of 32 doublings instead of the 256 that [k] P needs alone. The
 * additions stay as many as for one width-w NAF of k (about 256 / (w + 1)): the NAF of k is cut into the
 * eight ranges, each digit added from the copy its position falls in. The price is memory, {@link
 * #PARTS} times that of one table, and building it once per point; it pays for points that take part in
 * many multiplications: the base point, and a key that verifies for a channel's life.
 *
 * <p>Eight parts, not four or sixteen: on the 2-core test machine (bench/README.md) four parts made a
 * verification with a prepared key about 5 us slower (64 doublings instead of 32); sixteen would save
 * an estimated 3 us more at twice the memory per key.
 *
 * <p>Immutable after construction; read by any number of threads. Public data only (verification).
 */
final class SplitTable {
  /** Parts of a scalar: eight ranges of {@link #SPAN} bits cover the 256 bits of a scalar. */
  static final int PARTS = 8;
  /** Bits per part. */
  static final int SPAN = 32;
  /** Longs per entry: Y + X, Y - X and 2 d T of the affine point (Z = 1 is implied). */
  private static final int ENTRY = 3 * Field25519.SIZE;
  /** Widest NAF accepted: digits are bytes (below 2^7 in magnitude); 64 entries per part, 60 KiB. */
  static final int MAX_WIDTH = 8;

  /** The NAF width the table serves: digits are odd and below 2^(width - 1) in magnitude. */
  final int width;
  private final int entries;
  private final long[] flat;

  private SplitTable(int width, long[] flat) {
    this.width = width;
    this.entries = 1 << (width - 2);
    this.flat = flat;
  }

  /** The table of {@code p} for width-{@code width} NAF digits (2 to {@link #MAX_WIDTH}). */
  static SplitTable of(EdPoint p, int width) {
    if (width < 2 || width > MAX_WIDTH) {
      throw new IllegalArgumentException("NAF width " + width + " outside [2, " + MAX_WIDTH + "]");
    }
    int n = 1 << (width - 2);
    EdPoint[] pts = new EdPoint[PARTS * n];
    EdPoint.Scratch s = new EdPoint.Scratch();
    EdPoint shifted = p.copyOf();
    for (int j = 0; j < PARTS; j++) {
      if (j > 0) {
        for (int i = 0; i < SPAN; i++) {
          shifted.dbl(s);
        }
      }
      System.arraycopy(Ed25519Group.oddMultiplePoints(shifted, n), 0, pts, j * n, n);
    }
    EdPoint.Cached[] affine = EdPoint.Cached.affine(pts);
    long[] flat = new long[pts.length * ENTRY];
    for (int i = 0; i < pts.length; i++) {
      int off = i * ENTRY;
      System.arraycopy(affine[i].yPlusX, 0, flat, off, Field25519.SIZE);
      System.arraycopy(affine[i].yMinusX, 0, flat, off + Field25519.SIZE, Field25519.SIZE);
      System.arraycopy(affine[i].t2d, 0, flat, off + 2 * Field25519.SIZE, Field25519.SIZE);
    }
    return new SplitTable(width, flat);
  }

  /**
   * Loads (2 {@code index} + 1) P_part into {@code out} for {@link EdPoint#plusAffine} and {@link
   * EdPoint#minusAffine} (which do not read {@code z2}, left as it was).
   */
  void load(int part, int index, EdPoint.Cached out) {
    int off = (part * entries + index) * ENTRY;
    long[] f = flat;
    long[] a = out.yPlusX;
    a[0] = f[off];
    a[1] = f[off + 1];
    a[2] = f[off + 2];
    a[3] = f[off + 3];
    a[4] = f[off + 4];
    long[] b = out.yMinusX;
    b[0] = f[off + 5];
    b[1] = f[off + 6];
    b[2] = f[off + 7];
    b[3] = f[off + 8];
    b[4] = f[off + 9];
    long[] c = out.t2d;
    c[0] = f[off + 10];
    c[1] = f[off + 11];
    c[2] = f[off + 12];
    c[3] = f[off + 13];
    c[4] = f[off + 14];
  }

  /** Bytes of table data (for the documentation of memory costs and its test). */
  int sizeBytes() {
    return flat.length * Long.BYTES;
  }
}
