package network.mtc.routing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import network.mtc.routing.internal.SourceLimiter.Verdict;
import org.junit.jupiter.api.Test;

class SourceLimiterTest {
  @Test
  void aBurstThenTheSustainedRate() {
    SourceLimiter l = new SourceLimiter(8, 4, 16);
    for (int i = 0; i < 16; i++) {
      assertEquals(Verdict.ADMIT, l.admit(7, -1, 1000), "frame " + i + " of the burst");
    }
    assertEquals(Verdict.RATE_LIMITED, l.admit(7, -1, 1000));
    assertEquals(Verdict.RATE_LIMITED, l.admit(7, -1, 1249), "4 per second: a token every 250 ms");
    assertEquals(Verdict.ADMIT, l.admit(7, -1, 1250));
    assertEquals(Verdict.RATE_LIMITED, l.admit(7, -1, 1250));
    assertEquals(Verdict.ADMIT, l.admit(8, -1, 1250), "another source has its own bucket");
    assertEquals(Verdict.ADMIT, l.admit(7, -1, 100_000));
  }

  @Test
  void theReplayWindowRejectsRepeatsAndSeqsBelowIt() {
    SourceLimiter l = new SourceLimiter(8, 1000, 1000);
    assertEquals(Verdict.ADMIT, take(l, 100, 0));
    assertEquals(Verdict.REPLAY, take(l, 100, 1));
    assertEquals(Verdict.ADMIT, take(l, 98, 2), "out of order inside the window");
    assertEquals(Verdict.REPLAY, take(l, 98, 3));
    assertEquals(Verdict.ADMIT, take(l, 163, 4));
    assertEquals(Verdict.REPLAY, take(l, 100, 5), "100 was seen and is still inside the window (163 - 63)");
    assertEquals(Verdict.REPLAY, take(l, 99, 6), "99 is below the window now");
    assertEquals(Verdict.ADMIT, take(l, 101, 7));
    assertEquals(Verdict.ADMIT, take(l, -1, 8), "frames without SEQ are not windowed");
    assertEquals(Verdict.ADMIT, l.admit(5, 5000, 9), "admitted, but not accepted (a forged signature)");
    assertEquals(Verdict.ADMIT, take(l, 164, 10), "an unmarked SEQ does not move the window");
  }

  /** Admits, and marks the SEQ as an accepted frame does. */
  private static Verdict take(SourceLimiter l, long seq, long now) {
    Verdict v = l.admit(5, seq, now);
    if (v == Verdict.ADMIT) {
      l.markSeen(5, seq, now);
    }
    return v;
  }

  @Test
  void aFloodOfMintedSourcesStaysInTheTableAndEvictsTheLongestSilent() {
    SourceLimiter l = new SourceLimiter(16, 4, 4);
    for (int i = 0; i < 4; i++) {
      l.admit(42, -1, 0);
    }
    assertEquals(Verdict.RATE_LIMITED, l.admit(42, -1, 0));
    for (long a = 1000; a < 11_000; a++) {
      l.admit(a, -1, a);
      assertTrue(l.size() <= 16);
    }
    assertEquals(16, l.size());
    assertEquals(Verdict.ADMIT, l.admit(42, -1, 11_000), "evicted long ago: a fresh bucket");
  }

  @Test
  void theTableHoldsExactlyTheMostRecentlyHeardSourcesUnderChurn() {
    // A reference: the 32 sources heard last (times are distinct, so "heard longest ago" has no ties).
    SplittableRandom rnd = new SplittableRandom(3);
    SourceLimiter l = new SourceLimiter(32, 1, 1);
    Map<Long, Long> lastHeard = new HashMap<>();
    for (long now = 1; now < 20_000; now++) {
      long src = 1 + rnd.nextInt(rnd.nextBoolean() ? 40 : 400);
      l.admit(src, -1, now);
      lastHeard.put(src, now);
      if (lastHeard.size() > 32) {
        long oldest = lastHeard.entrySet().stream().min(Map.Entry.comparingByValue()).get().getKey();
        lastHeard.remove(oldest);
      }
      if (now % 97 == 0) {
        for (long s = 1; s <= 400; s++) {
          assertEquals(lastHeard.containsKey(s), l.holds(s), "source " + s + " at " + now);
        }
      }
    }
    assertEquals(32, l.size());
  }
}
