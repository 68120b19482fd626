package network.mtc.routing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import network.mtc.routing.runtime.RandomSource;
import org.junit.jupiter.api.Test;

class AnnounceTimerTest {
  @Test
  void intervalsDoubleToTheMaximumAndFireInTheSecondHalf() {
    AnnounceTimer t = new AnnounceTimer(2_000, 64_000, new RandomSource(1));
    long at = t.start(0);
    assertTrue(at >= 1_000 && at < 2_000);
    long start = 0;
    long previous = at;
    long[] expected = {2_000, 4_000, 8_000, 16_000, 32_000, 64_000, 64_000, 64_000};
    for (long len : expected) {
      assertEquals(len, t.intervalMillis());
      long declared = t.declaredIntervalSeconds(previous) * 1000L;
      long next = t.fired();
      start += len;
      assertTrue(next >= start + t.intervalMillis() / 2 && next < start + t.intervalMillis());
      assertTrue(next - previous <= declared, "the declared interval bounds the gap");
      assertTrue(next - previous >= 1_000, "rate limit: at least I_min / 2 apart");
      previous = next;
    }
  }

  @Test
  void resetGoesBackToTheMinimumOnlyFromAbove() {
    AnnounceTimer t = new AnnounceTimer(2_000, 64_000, new RandomSource(2));
    t.start(0);
    assertEquals(-1, t.reset(500), "already at the minimum");
    t.fired();
    t.fired();
    assertEquals(8_000, t.intervalMillis());
    long at = t.reset(7_000);
    assertEquals(2_000, t.intervalMillis());
    assertTrue(at >= 8_000 && at < 9_000);
  }
}
