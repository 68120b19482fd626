package network.mtc.routing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import network.mtc.routing.internal.StoreForwardQueue.Held;
import network.mtc.routing.internal.StoreForwardQueue.Outcome;
import network.mtc.routing.runtime.RandomSource;
import org.junit.jupiter.api.Test;

class StoreForwardQueueTest {
  static final long NOW = 1_800_000_000L;

  static byte[] frame(int n, int size) {
    byte[] f = new byte[size];
    f[0] = 0x41;
    f[2] = 7;
    f[3] = (byte) (n >>> 24);
    f[4] = (byte) (n >>> 16);
    f[5] = (byte) (n >>> 8);
    f[6] = (byte) n;
    return f;
  }

  @Test
  void holdsOnlyLiveFramesAndDropsDuplicatesUpToHopLimit() {
    StoreForwardQueue q = new StoreForwardQueue(64, 64 * 100);
    assertEquals(Outcome.EXPIRED, q.offer(frame(1, 40), NOW, 5, true, 9, false, NOW));
    assertEquals(Outcome.STORED, q.offer(frame(1, 40), NOW + 10, 5, true, 9, false, NOW));
    byte[] relayed = frame(1, 40);
    relayed[2] = 3;
    assertEquals(Outcome.DUPLICATE, q.offer(relayed, NOW + 10, 5, true, 9, false, NOW));
    assertEquals(Outcome.TOO_LARGE, q.offer(frame(2, 64 * 100 / 8 + 1), NOW + 10, 5, true, 9, false, NOW));
    assertEquals(1, q.framesFor(9, NOW).size());
    assertEquals(0, q.framesFor(9, NOW + 10).size(), "gone the moment it expires");
    assertEquals(0, q.bytes());
  }

  @Test
  void perSourceQuotaAndEvictionByEarliestExpiry() {
    StoreForwardQueue q = new StoreForwardQueue(16, 16 * 100);
    assertEquals(Outcome.STORED, q.offer(frame(0, 50), NOW + 100, 1, true, 9, false, NOW));
    assertEquals(Outcome.STORED, q.offer(frame(1, 50), NOW + 200, 1, true, 9, false, NOW));
    assertEquals(Outcome.SOURCE_QUOTA, q.offer(frame(2, 50), NOW + 300, 1, true, 9, false, NOW));
    for (int s = 2; s <= 15; s++) {
      assertEquals(Outcome.STORED, q.offer(frame(10 + s, 50), NOW + 1000 + s, s, true, 9, false, NOW));
    }
    assertEquals(16, q.size());
    assertEquals(Outcome.QUEUE_FULL, q.offer(frame(40, 50), NOW + 50, 20, true, 9, false, NOW),
        "a newcomer expiring first is the one refused");
    assertEquals(Outcome.STORED, q.offer(frame(41, 50), NOW + 5000, 20, true, 9, false, NOW));
    assertEquals(16, q.size());
    assertEquals(NOW + 200, q.all(NOW).get(0).key().expiresAt(), "the earliest expiry was evicted");
    // Expired frames go first, before any live one.
    assertEquals(Outcome.STORED, q.offer(frame(42, 50), NOW + 300, 21, true, 9, false, NOW + 201));
    List<Held> all = q.all(NOW + 201);
    assertEquals(16, all.size());
    assertEquals(NOW + 300, all.get(0).key().expiresAt(), "the expired frame made room");
    for (int i = 1; i < all.size(); i++) {
      assertTrue(all.get(i - 1).key().compareTo(all.get(i).key()) < 0, "key order");
    }
  }

  @Test
  void floodOfForgedSourcesHoldsAtMostAnEighth() {
    StoreForwardQueue q = new StoreForwardQueue(256, 256 * 1024);
    for (int i = 0; i < 8; i++) {     // honest, known sources
      assertEquals(Outcome.STORED, q.offer(frame(i, 200), NOW + 60 + i, 100 + i, true, 9, false, NOW));
    }
    RandomSource rnd = new RandomSource(1);
    int stored = 0;
    for (int i = 0; i < 100_000; i++) {   // strangers with fresh addresses and far-future expiry
      if (q.offer(frame(1000 + i, 200), NOW + 7 * 86400, rnd.nextLong(), true, rnd.nextLong(), true, NOW)
          == Outcome.STORED) {
        stored++;
      }
    }
    assertEquals(256 / 8, stored, "strangers share one 1/8 quota");
    assertEquals(8 + 32, q.size());
    assertEquals(8, q.framesFor(9, NOW).size(), "every honest frame survives");
    assertTrue(q.quotaHolders() <= 9);
  }
}
