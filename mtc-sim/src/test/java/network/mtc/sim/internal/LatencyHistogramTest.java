package network.mtc.sim.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import network.mtc.routing.runtime.RandomSource;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {
  @Test
  void quantilesAreWithinTwoPercentOfExactOnes() {
    LatencyHistogram h = new LatencyHistogram();
    RandomSource rnd = new RandomSource(3);
    long[] v = new long[100_000];
    for (int i = 0; i < v.length; i++) {
      v[i] = (long) (Math.exp(rnd.nextDouble() * 14)); // 1 µs .. 1.2 s, log-uniform
      h.record(v[i]);
    }
    Arrays.sort(v);
    for (double q : new double[] {0.01, 0.5, 0.9, 0.99, 0.999}) {
      long exact = v[(int) Math.ceil(q * v.length) - 1];
      long got = h.quantile(q);
      assertTrue(got >= exact && got <= exact * 1.02 + 1, q + ": " + got + " vs " + exact);
    }
    assertEquals(v[v.length - 1], h.quantile(1));
    assertEquals(v.length, h.count());
  }

  @Test
  void bucketsAreContiguous() {
    for (long x = 0; x < 1 << 20; x++) {
      int i = LatencyHistogram.index(x);
      assertTrue(LatencyHistogram.upper(i) >= x);
      assertTrue(i == 0 || LatencyHistogram.upper(i - 1) < x);
    }
  }
}
