package network.mtc.routing.runtime;

/**
 * A small, fast, reproducible pseudo-random generator (SplitMix64, Steele, Lea and Flood 2014) for
 * protocol jitter and simulation. Seeded from a counter in the simulator (same seed, same run) and from
 * {@link java.security.SecureRandom} in production. Not for keys or nonces: those come from mtc-crypto.
 *
 * @since 0.1
 */
public final class RandomSource {
  private long state;

  /** A generator starting from {@code seed}. */
  public RandomSource(long seed) {
    this.state = seed;
  }

  /** The next 64 random bits. */
  public long nextLong() {
    long z = (state += 0x9E37_79B9_7F4A_7C15L);
    z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
    return z ^ (z >>> 31);
  }

  /** A uniform integer in [0, bound), without modulo bias. */
  public int nextInt(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive");
    }
    int r = (int) (nextLong() >>> 33);
    int m = bound - 1;
    if ((bound & m) == 0) {
      return (int) ((bound * (long) r) >> 31);
    }
    for (int u = r; u - (r = u % bound) + m < 0; u = (int) (nextLong() >>> 33)) {
      // reject the biased tail
    }
    return r;
  }

  /** A uniform double in [0, 1). */
  public double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }
}
