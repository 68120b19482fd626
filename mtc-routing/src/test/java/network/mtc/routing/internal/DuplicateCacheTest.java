package network.mtc.routing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DuplicateCacheTest {
  @Test
  void remembersAndRecognisesDuplicates() {
    DuplicateCache c = new DuplicateCache(4, 1000, 99);
    assertEquals(DuplicateCache.Result.NEW, c.insert(1, 7, 0));
    assertEquals(DuplicateCache.Result.DUPLICATE, c.insert(1, 7, 5));
    assertEquals(DuplicateCache.Result.NEW, c.insert(2, 7, 5));
    assertEquals(DuplicateCache.Result.NEW, c.insert(1, 8, 5));
    assertTrue(c.contains(1, 7));
    assertFalse(c.contains(3, 3));
  }

  @Test
  void fullOfYoungEntriesRefusesNewcomersAndEvictsOnlyOldOnes() {
    DuplicateCache c = new DuplicateCache(3, 1000, 5);
    c.insert(1, 1, 0);
    c.insert(1, 2, 10);
    c.insert(1, 3, 20);
    assertEquals(DuplicateCache.Result.FULL, c.insert(9, 9, 500));
    assertTrue(c.contains(1, 1), "a young entry is never evicted");
    assertEquals(DuplicateCache.Result.NEW, c.insert(9, 9, 1000));
    assertFalse(c.contains(1, 1), "the oldest entry went once it was old enough");
    assertTrue(c.contains(1, 2));
    assertEquals(3, c.size());
  }

  /** Against a model (a set plus an arrival queue), under a flood of random ids. */
  @Test
  void matchesAModelUnderFloods() {
    SplittableRandom rnd = new SplittableRandom(90);
    for (int round = 0; round < 20; round++) {
      int cap = 1 + rnd.nextInt(300);
      long retention = 1 + rnd.nextInt(200);
      DuplicateCache c = new DuplicateCache(cap, retention, rnd.nextLong());
      Set<Long> model = new HashSet<>();
      ArrayDeque<long[]> arrivals = new ArrayDeque<>();
      long now = 0;
      for (int step = 0; step < 20_000; step++) {
        now += rnd.nextInt(3);
        long source = rnd.nextInt(40);
        int id = rnd.nextInt(rnd.nextBoolean() ? 50 : 1_000_000);
        long key = source << 32 | (id & 0xFFFF_FFFFL);
        DuplicateCache.Result expect;
        if (model.contains(key)) {
          expect = DuplicateCache.Result.DUPLICATE;
        } else if (model.size() == cap && now - arrivals.peekFirst()[1] < retention) {
          expect = DuplicateCache.Result.FULL;
        } else {
          if (model.size() == cap) {
            model.remove(arrivals.pollFirst()[0]);
          }
          model.add(key);
          arrivals.addLast(new long[] {key, now});
          expect = DuplicateCache.Result.NEW;
        }
        assertEquals(expect, c.insert(source, id, now), "step " + step);
        assertEquals(model.size(), c.size());
      }
      for (long key : model) {
        assertTrue(c.contains(key >>> 32, (int) key));
      }
    }
  }
}
