package network.mtc.routing.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TimerQueueTest {
  @Test
  void firesInTimeOrderAndTiesInSchedulingOrder() {
    TimerQueue q = new TimerQueue(16);
    List<Long> fired = new ArrayList<>();
    TimerHandler h = (k, a) -> fired.add(a);
    q.schedule(30, h, 0, 3);
    q.schedule(10, h, 0, 1);
    q.schedule(20, h, 0, 21);
    q.schedule(20, h, 0, 22);
    q.schedule(20, h, 0, 23);
    assertEquals(10, q.nextDue());
    assertEquals(4, q.fireDue(25));
    assertEquals(List.of(1L, 21L, 22L, 23L), fired);
    assertEquals(1, q.size());
  }

  @Test
  void cancelAndStaleIds() {
    TimerQueue q = new TimerQueue(2);
    List<Long> fired = new ArrayList<>();
    TimerHandler h = (k, a) -> fired.add(a);
    long a = q.schedule(5, h, 0, 1);
    q.cancel(a);
    long b = q.schedule(5, h, 0, 2); // reuses a's slot with a new generation
    q.cancel(a); // stale: must not cancel b
    q.fireDue(5);
    assertEquals(List.of(2L), fired);
    q.cancel(b); // already fired: no-op
    q.cancel(Scheduler.REJECTED);
    assertEquals(0, q.size());
  }

  @Test
  void boundedCapacityRejects() {
    TimerQueue q = new TimerQueue(3);
    TimerHandler h = (k, a) -> { };
    for (int i = 0; i < 3; i++) {
      assertTrue(q.schedule(i, h, 0, i) >= 0);
    }
    assertEquals(Scheduler.REJECTED, q.schedule(9, h, 0, 9));
    q.fireNext(0);
    assertTrue(q.schedule(9, h, 0, 9) >= 0);
  }

  @Test
  void handlersMayScheduleAndCancelWhileFiring() {
    TimerQueue q = new TimerQueue(8);
    List<Long> fired = new ArrayList<>();
    long[] victim = new long[1];
    TimerHandler[] h = new TimerHandler[1];
    h[0] = (k, a) -> {
      fired.add(a);
      if (a == 1) {
        q.schedule(2, h[0], 0, 2);
        q.cancel(victim[0]);
      }
    };
    q.schedule(1, h[0], 0, 1);
    victim[0] = q.schedule(2, h[0], 0, 99);
    q.fireDue(10);
    assertEquals(List.of(1L, 2L), fired);
  }

  /** Random schedule, cancel and fire, against a TreeMap keyed by (time, order). */
  @Test
  void matchesAReferenceModel() {
    SplittableRandom rnd = new SplittableRandom(80);
    for (int round = 0; round < 50; round++) {
      TimerQueue q = new TimerQueue(64);
      TreeMap<long[], Long> model = new TreeMap<>((x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0])
          : Long.compare(x[1], y[1]));
      Map<Long, long[]> keyOf = new HashMap<>();
      List<Long> firedQ = new ArrayList<>();
      TimerHandler h = (k, a) -> firedQ.add(a);
      long order = 0;
      long now = 0;
      List<Long> ids = new ArrayList<>();
      for (int step = 0; step < 2_000; step++) {
        int op = rnd.nextInt(10);
        if (op < 5) {
          long at = now + rnd.nextInt(50);
          long value = step;
          long id = q.schedule(at, h, 0, value);
          if (model.size() == 64) {
            assertEquals(Scheduler.REJECTED, id);
            continue;
          }
          long[] key = {at, order++};
          model.put(key, value);
          keyOf.put(id, key);
          ids.add(id);
        } else if (op < 7 && !ids.isEmpty()) {
          long id = ids.remove(rnd.nextInt(ids.size()));
          q.cancel(id);
          long[] key = keyOf.remove(id);
          if (key != null) {
            model.remove(key);
          }
        } else {
          now += rnd.nextInt(20);
          List<Long> expect = new ArrayList<>();
          while (!model.isEmpty() && model.firstKey()[0] <= now) {
            expect.add(model.pollFirstEntry().getValue());
          }
          firedQ.clear();
          q.fireDue(now);
          assertEquals(expect, firedQ);
          keyOf.values().removeIf(k -> !model.containsKey(k));
        }
        assertEquals(model.size(), q.size());
      }
    }
  }

  @Test
  void randomSourceIsSplitMix64AndInRange() {
    RandomSource r = new RandomSource(0);
    assertEquals(0xE220A8397B1DCDAFL, r.nextLong());
    RandomSource a = new RandomSource(42);
    RandomSource b = new RandomSource(42);
    for (int i = 0; i < 10_000; i++) {
      int bound = 1 + (i % 97);
      int x = a.nextInt(bound);
      assertEquals(x, b.nextInt(bound));
      assertTrue(x >= 0 && x < bound);
      double d = a.nextDouble();
      b.nextDouble();
      assertTrue(d >= 0 && d < 1);
    }
    assertFalse(new RandomSource(1).nextLong() == new RandomSource(2).nextLong());
  }
}
