package network.mtc.sim.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import network.mtc.routing.runtime.RandomSource;
import org.junit.jupiter.api.Test;

class EventQueueTest {
  @Test
  void popsInTimeOrderFifoOnTiesAgainstASortedReference() {
    EventQueue q = new EventQueue(4); // small: forces growth
    RandomSource rnd = new RandomSource(9);
    List<long[]> ref = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      long t = rnd.nextInt(300); // many ties
      q.push(t, i, 1, 0, i, null);
      ref.add(new long[] {t, i});
    }
    ref.sort(Comparator.<long[]>comparingLong(a -> a[0]).thenComparingLong(a -> a[1]));
    for (long[] e : ref) {
      assertTrue(q.pop());
      assertEquals(e[0], q.time());
      assertEquals(e[1], q.arg());
    }
    assertFalse(q.pop());
  }

  @Test
  void interleavedPushPopMatchesReferenceAndCancelledEventsNeverFire() {
    EventQueue q = new EventQueue(16);
    RandomSource rnd = new RandomSource(4);
    java.util.TreeMap<Long, Long> ref = new java.util.TreeMap<>(); // (time << 20 | order) -> arg
    List<long[]> ids = new ArrayList<>();
    long now = 0;
    int order = 0;
    for (int step = 0; step < 20_000; step++) {
      int op = rnd.nextInt(10);
      if (op < 5) {
        long t = now + rnd.nextInt(1000);
        long id = q.push(t, 0, 1, 0, step, null);
        long key = t << 20 | order++;
        ref.put(key, (long) step);
        ids.add(new long[] {id, key});
      } else if (op < 7 && !ids.isEmpty()) {
        long[] e = ids.remove(rnd.nextInt(ids.size()));
        boolean live = ref.remove(e[1]) != null;
        assertEquals(live, q.cancel(e[0]));
        assertFalse(q.cancel(e[0]), "second cancel is a no-op");
      } else if (!ref.isEmpty()) {
        var first = ref.pollFirstEntry();
        assertTrue(q.pop());
        assertEquals(first.getKey() >>> 20, q.time());
        assertEquals(first.getValue(), q.arg());
        now = q.time();
        assertFalse(q.cancel(q.id()), "a fired event cannot be cancelled");
      }
    }
  }

  @Test
  void staleIdDoesNotCancelTheSlotsNextEvent() {
    EventQueue q = new EventQueue(16);
    long a = q.push(5, 0, 1, 0, 1, null);
    assertTrue(q.pop());
    long b = q.push(6, 0, 1, 0, 2, null);
    assertEquals(a >>> 32, b >>> 32, "the slot is reused");
    assertFalse(q.cancel(a));
    assertTrue(q.pop());
    assertEquals(2, q.arg());
  }

  @Test
  void auxCanBeUpdatedWhileQueuedAndRejectsOutOfRangeTimes() {
    EventQueue q = new EventQueue(16);
    long id = q.push(10, 3, 1, 4, 0, "x");
    assertTrue(q.setAux(id, 5));
    assertEquals(5, q.auxOf(id, -1));
    assertTrue(q.pop());
    assertEquals(5, q.aux());
    assertEquals("x", q.ref());
    assertFalse(q.setAux(id, 6));
    assertThrows(IllegalArgumentException.class, () -> q.push(-1, 0, 0, 0, 0, null));
    assertThrows(IllegalArgumentException.class, () -> q.push(EventQueue.MAX_TIME_MICROS + 1, 0, 0, 0, 0, null));
  }
}
