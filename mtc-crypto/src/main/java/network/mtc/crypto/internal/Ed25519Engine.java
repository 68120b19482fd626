package network.mtc.crypto.internal;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import network.mtc.crypto.Verdict;

/**
 * RFC 8032 Ed25519 signing and the strict, cofactored verification of spec/crypto.md, on raw bytes. The
 * public API wraps it in key types.
 */
public final class Ed25519Engine {
  private static final byte[] ZERO = new byte[32];

  private Ed25519Engine() {}

  /** The expanded secret of a seed: SHA-512(seed), first half clamped (RFC 8032 5.1.5). */
  public static byte[] expand(byte[] seed) {
    byte[] h = Sha512.digest().digest(seed);
    h[0] &= (byte) 248;
    h[31] &= 127;
    h[31] |= 64;
    return h;
  }

  /** The public key of an expanded secret. */
  public static byte[] publicKey(byte[] expanded) {
    EdPoint a = new EdPoint();
    Ed25519Group.scalarMultBase(Arrays.copyOf(expanded, 32), a);
    return a.encode();
  }

  /** Signs {@code message} (RFC 8032 5.1.6). */
  public static byte[] sign(byte[] expanded, byte[] publicKey, byte[] message) {
    MessageDigest d = Sha512.digest();
    d.update(expanded, 32, 32);
    d.update(message);
    byte[] r = Scalar25519.reduce(d.digest());
    EdPoint rp = new EdPoint();
    Ed25519Group.scalarMultBase(r, rp);
    byte[] sig = new byte[64];
    rp.encode(sig, 0);
    d.reset();
    d.update(sig, 0, 32);
    d.update(publicKey);
    d.update(message);
    byte[] k = Scalar25519.reduce(d.digest());
    byte[] s = Scalar25519.mulAdd(k, Arrays.copyOf(expanded, 32), r);
    System.arraycopy(s, 0, sig, 32, 32);
    Arrays.fill(r, (byte) 0);
    return sig;
  }

  /** A public key decoded and checked once, with the odd multiples of -A ready for verification. */
  public static final class PreparedKey {
    final byte[] encoded;
    final Verdict status;
    final EdPoint.Cached[] negOdd;
    /** Width-8 affine table of -A for keys kept for many verifications, or null. */
    final EdPoint.Cached[] negOddWide;
    /** Split table of -A (see {@link SplitTable}) for keys that verify for a long life, or null. */
    final SplitTable negSplit;

    PreparedKey(byte[] encoded, Verdict status, EdPoint.Cached[] negOdd) {
      this(encoded, status, negOdd, null, null);
    }

    PreparedKey(byte[] encoded, Verdict status, EdPoint.Cached[] negOdd, EdPoint.Cached[] negOddWide,
        SplitTable negSplit) {
      this.encoded = encoded;
      this.status = status;
      this.negOdd = negOdd;
      this.negOddWide = negOddWide;
      this.negSplit = negSplit;
    }

    /** VALID if the key passed the key rules, else the rule it broke. */
    public Verdict status() {
      return status;
    }

    /** True if this key carries the split table of {@link #prepareForManyVerifications}. */
    public boolean hasSplitTable() {
      return negSplit != null;
    }
  }

  /**
   * NAF width of a key's split table: 32 entries per part, 30 KiB in all (width 8 doubles the memory for
   * about 1.5 us per verification, within the noise of the test machine).
   */
  static final int SPLIT_KEY_WIDTH = 7;

  /** How much table a prepared key carries. */
  private enum Tables {
    /** 8 projective odd multiples: for a key used once or a few times. */
    SMALL,
    /** Plus 64 affine odd multiples (width-8 NAF). */
    WIDE,
    /** Plus the split table (8 x 32 affine entries, 30 KiB). */
    SPLIT
  }

  /**
   * As {@link #prepare}, also building a 64-entry affine table of -A (one batch inversion, about the cost
   * of five verifications' worth of table work once), which makes each later verification about 5%
   * faster: for key objects that verify many signatures.
   */
  public static PreparedKey prepareForReuse(byte[] publicKey) {
    return prepare(publicKey, Tables.WIDE);
  }

  /**
   * As {@link #prepare}, also building the split table of -A (256 affine points, 30 KiB, about the work
   * of four verifications once), which cuts the doublings of each verification from 256 to 32: for a
   * key that verifies for a long life, such as a channel counterparty's.
   */
  public static PreparedKey prepareForManyVerifications(byte[] publicKey) {
    return prepare(publicKey, Tables.SPLIT);
  }

  /** Decodes and checks a public key (rules A1-A3 of spec/crypto.md). */
  public static PreparedKey prepare(byte[] publicKey) {
    return prepare(publicKey, Tables.SMALL);
  }

  private static PreparedKey prepare(byte[] publicKey, Tables tables) {
    if (publicKey.length != 32) {
      return new PreparedKey(publicKey.clone(), Verdict.MALFORMED, null);
    }
    EdPoint a = new EdPoint();
    int st = Ed25519Group.decode(publicKey, 0, a);
    if (st == Ed25519Group.NON_CANONICAL) {
      return new PreparedKey(publicKey.clone(), Verdict.NON_CANONICAL_A, null);
    }
    if (st == Ed25519Group.NOT_ON_CURVE) {
      return new PreparedKey(publicKey.clone(), Verdict.INVALID_A, null);
    }
    if (Ed25519Group.hasSmallOrder(a)) {
      return new PreparedKey(publicKey.clone(), Verdict.SMALL_ORDER_A, null);
    }
    Field25519.neg(a.x, a.x);
    Field25519.neg(a.t, a.t);
    return new PreparedKey(publicKey.clone(), Verdict.VALID, Ed25519Group.oddMultiples(a, 8),
        tables == Tables.WIDE ? Ed25519Group.oddMultiplesAffine(a, 64) : null,
        tables == Tables.SPLIT ? SplitTable.of(a, SPLIT_KEY_WIDTH) : null);
  }

  /** Verifies with raw bytes. */
  public static Verdict verify(byte[] publicKey, byte[] message, byte[] signature) {
    return verify(prepare(publicKey), message, signature);
  }

  /** Everything but the equation: the per-signature rules, in spec order. */
  static Verdict precheck(PreparedKey key, byte[] signature, EdPoint rOut) {
    if (key.status == Verdict.MALFORMED || signature.length != 64) {
      return Verdict.MALFORMED;
    }
    if (!Scalar25519.isCanonical(signature, 32)) {
      return Verdict.NON_CANONICAL_S;
    }
    if (key.status != Verdict.VALID) {
      return key.status;
    }
    int st = Ed25519Group.decode(signature, 0, rOut);
    if (st == Ed25519Group.NON_CANONICAL) {
      return Verdict.NON_CANONICAL_R;
    }
    if (st == Ed25519Group.NOT_ON_CURVE) {
      return Verdict.INVALID_R;
    }
    if (Ed25519Group.hasSmallOrder(rOut)) {
      return Verdict.SMALL_ORDER_R;
    }
    return Verdict.VALID;
  }

  static byte[] challenge(byte[] signature, byte[] publicKey, byte[] message) {
    MessageDigest d = Sha512.digest();
    d.update(signature, 0, 32);
    d.update(publicKey);
    d.update(message);
    return Scalar25519.reduce(d.digest());
  }

  /** Objects of {@link #verify(PreparedKey, byte[], byte[])}, one set per thread: verifying allocates nothing. */
  private static final class VerifyTemps {
    final EdPoint r = new EdPoint();
    final EdPoint p = new EdPoint();
    final EdPoint.Cached rc = new EdPoint.Cached();
    final EdPoint.Scratch scratch = new EdPoint.Scratch();
    final byte[] hash = new byte[64];
    final byte[] k = new byte[32];
    final byte[] s = new byte[32];
  }

  private static final ThreadLocal<VerifyTemps> VERIFY_TEMPS = ThreadLocal.withInitial(VerifyTemps::new);

  /** Verifies with a prepared key: strict rules, cofactored equation. */
  public static Verdict verify(PreparedKey key, byte[] message, byte[] signature) {
    VerifyTemps w = VERIFY_TEMPS.get();
    EdPoint r = w.r;
    Verdict pre = precheck(key, signature, r);
    if (pre != Verdict.VALID) {
      return pre;
    }
    MessageDigest d = Sha512.digest();
    d.update(signature, 0, 32);
    d.update(key.encoded);
    d.update(message);
    try {
      d.digest(w.hash, 0, 64);
    } catch (java.security.DigestException e) {
      throw new IllegalStateException("SHA-512 output is 64 bytes", e);
    }
    byte[] k = w.k;
    Scalar25519.reduce(w.hash, 0, k, 0);
    byte[] s = w.s;
    System.arraycopy(signature, 32, s, 0, 32);
    EdPoint p = w.p;
    if (key.negSplit != null) {
      Ed25519Group.splitScalarMultVartime(k, key.negSplit, s, p);
    } else if (key.negOddWide != null) {
      Ed25519Group.doubleScalarMultVartime(k, key.negOddWide, true, s, p);
    } else {
      Ed25519Group.doubleScalarMultVartime(k, key.negOdd, false, s, p);
    }
    EdPoint.Cached rc = w.rc;
    rc.set(r);
    EdPoint.Scratch sc = w.scratch;
    p.minus(rc, sc);
    p.dblNoT(sc); // isIdentity reads X, Y, Z only
    p.dblNoT(sc);
    p.dblNoT(sc);
    return p.isIdentity() == 1 ? Verdict.VALID : Verdict.EQUATION;
  }

  /**
   * Verifies many signatures at once: the per-signature rules one by one, then one random linear
   * combination of all the equations (128-bit coefficients), falling back to single equations only if
   * the combination fails. Returns one verdict per signature, equal to {@link #verify}'s.
   */
  public static Verdict[] verifyBatch(PreparedKey[] keys, byte[][] messages, byte[][] signatures, int n,
      SecureRandom random) {
    Verdict[] out = new Verdict[n];
    byte[][] scalars = new byte[2 * n][];
    EdPoint.Cached[][] odd = new EdPoint.Cached[2 * n][];
    byte[] sumS = ZERO.clone();
    int m = 0;
    int[] index = new int[n];
    for (int i = 0; i < n; i++) {
      EdPoint r = new EdPoint();
      out[i] = precheck(keys[i], signatures[i], r);
      if (out[i] != Verdict.VALID) {
        continue;
      }
      byte[] z = new byte[32];
      random.nextBytes(z);
      Arrays.fill(z, 16, 32, (byte) 0);
      z[0] |= 1;
      byte[] k = challenge(signatures[i], keys[i].encoded, messages[i]);
      // sum over i of z_i (R_i + k_i A_i - S_i B) must vanish after multiplying by 8; R_i is added
      // negated below, so the B coefficient is + sum z_i S_i and the A coefficient uses -A's table.
      Field25519.neg(r.x, r.x);
      Field25519.neg(r.t, r.t);
      scalars[m] = z;
      odd[m] = Ed25519Group.oddMultiples(r, 8);
      scalars[m + 1] = Scalar25519.mulAdd(z, k, ZERO);
      odd[m + 1] = keys[i].negOdd;
      sumS = Scalar25519.mulAdd(z, Arrays.copyOfRange(signatures[i], 32, 64), sumS);
      index[m / 2] = i;
      m += 2;
    }
    if (m == 0) {
      return out;
    }
    EdPoint p = new EdPoint();
    Ed25519Group.multiScalarMultVartime(scalars, odd, m, sumS, p);
    EdPoint.Scratch sc = new EdPoint.Scratch();
    p.dblNoT(sc); // isIdentity reads X, Y, Z only
    p.dblNoT(sc);
    p.dblNoT(sc);
    if (p.isIdentity() == 1) {
      return out;
    }
    for (int j = 0; j < m / 2; j++) {
      int i = index[j];
      out[i] = verify(keys[i], messages[i], signatures[i]);
    }
    return out;
  }

}
