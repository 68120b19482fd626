package network.mtc.sim.internal;

import java.util.Arrays;

/**
 * The simulator's global event queue: a 4-ary implicit min-heap of {@code long} keys, {@code timeMicros
 * << 24 | sequence}, so events due at the same microsecond pop in the order they were pushed (FIFO) and
 * one long comparison orders everything. Event fields live in slab arrays indexed by a slot that a
 * parallel {@code int} heap array carries; slots are recycled through a free list, so pushing and popping
 * allocate nothing once the arrays have grown to the run's peak (they double when full).
 *
 * <p>Cancellation is lazy: {@link #cancel} bumps the slot's generation and marks it dead; the heap entry
 * stays until it reaches the top, where {@link #pop} discards it. An event id is {@code slot << 32 |
 * generation}, so a stale id (fired, cancelled, slot reused) cancels nothing.
 *
 * <p>Key range: 64 − 24 − 1 = 39 bits of microseconds, about 6.4 days of simulated time. The sequence is
 * the low 24 bits of a push counter: ties are FIFO unless 16.7 million events are pushed for the very same
 * microsecond, which no workload here does.
 *
 * <p>Why 4-ary: half the depth of a binary heap, and the four children of a node share a cache line of
 * keys, so a pop does fewer, cheaper cache misses (LaMarca and Ladner 1996).
 */
public final class EventQueue {
  /** Bits of the key that hold the push sequence. */
  public static final int SEQ_BITS = 24;
  /** The largest time a key can hold, in microseconds. */
  public static final long MAX_TIME_MICROS = (1L << (63 - SEQ_BITS)) - 1;
  private static final int SEQ_MASK = (1 << SEQ_BITS) - 1;
  private static final int DEAD = 0x8000_0000;

  private long[] keys;
  private int[] heapSlot;
  private int size;

  // Slab: one entry per live or dead-but-queued event, three longs per slot so that a pop touches one
  // cache line: [node << 32 | kind, aux << 32 | generation, arg]; object references apart.
  private long[] slab;
  private Object[] ref;
  private int[] free;
  private int freeCount;
  private int slots;
  private int seq;

  // The event last popped (valid until the next pop).
  private long time;
  private int curNode;
  private int curKind;
  private int curAux;
  private long curArg;
  private Object curRef;
  private long curId;

  /** An empty queue with room for {@code initial} events before its arrays grow. */
  public EventQueue(int initial) {
    int c = Math.max(16, initial);
    keys = new long[c];
    heapSlot = new int[c];
    slab = new long[3 * c];
    ref = new Object[c];
    free = new int[c];
  }

  /**
   * Queues an event.
   *
   * @param timeMicros when it is due, 0..{@link #MAX_TIME_MICROS}
   * @return its id for {@link #cancel}
   */
  public long push(long timeMicros, int nodeIndex, int eventKind, int auxValue, long argValue, Object refValue) {
    if (timeMicros < 0 || timeMicros > MAX_TIME_MICROS) {
      throw new IllegalArgumentException("time outside 0.." + MAX_TIME_MICROS + " µs: " + timeMicros);
    }
    int s;
    if (freeCount > 0) {
      s = free[--freeCount];
    } else {
      if (slots == ref.length) {
        growSlab();
      }
      s = slots++;
    }
    int b = 3 * s;
    int gen = ((int) slab[b + 1] + 1) & 0x7FFF_FFFF;
    slab[b] = (long) nodeIndex << 32 | (eventKind & 0xFFFF_FFFFL);
    slab[b + 1] = (long) auxValue << 32 | gen;
    slab[b + 2] = argValue;
    ref[s] = refValue;
    if (size == keys.length) {
      keys = Arrays.copyOf(keys, size * 2);
      heapSlot = Arrays.copyOf(heapSlot, size * 2);
    }
    siftUp(size++, (timeMicros << SEQ_BITS) | (seq++ & SEQ_MASK), s);
    return ((long) s << 32) | gen;
  }

  /**
   * Cancels a queued event.
   *
   * @return true if {@code id} named an event still queued (now dead), false if it was stale
   */
  public boolean cancel(long id) {
    int s = (int) (id >>> 32);
    int gen = (int) id;
    if (id < 0 || s >= slots || generation(s) != gen) {
      return false;
    }
    setGeneration(s, (gen + 1) | DEAD);
    ref[s] = null;
    return true;
  }

  /** Sets the aux field of a queued event; false if {@code id} is stale. */
  public boolean setAux(long id, int value) {
    int s = (int) (id >>> 32);
    if (id < 0 || s >= slots || generation(s) != (int) id) {
      return false;
    }
    slab[3 * s + 1] = (long) value << 32 | (slab[3 * s + 1] & 0xFFFF_FFFFL);
    return true;
  }

  /** The aux field of a queued event, or {@code orElse} if {@code id} is stale. */
  public int auxOf(long id, int orElse) {
    int s = (int) (id >>> 32);
    if (id < 0 || s >= slots || generation(s) != (int) id) {
      return orElse;
    }
    return (int) (slab[3 * s + 1] >> 32);
  }

  /**
   * Removes the earliest live event and exposes its fields through the accessors.
   *
   * @return false if no live event is left
   */
  public boolean pop() {
    while (size > 0) {
      long k = keys[0];
      int s = heapSlot[0];
      int last = --size;
      if (last > 0) {
        siftDown(keys[last], heapSlot[last], last);
      }
      int b = 3 * s;
      long w1 = slab[b + 1];
      int gen = (int) w1;
      free[freeCount++] = s;
      if ((gen & DEAD) != 0) {
        slab[b + 1] = w1 & 0xFFFF_FFFF_7FFF_FFFFL;
        continue;
      }
      slab[b + 1] = (w1 & 0xFFFF_FFFF_0000_0000L) | ((gen + 1) & 0x7FFF_FFFF);
      long w0 = slab[b];
      time = k >>> SEQ_BITS;
      curNode = (int) (w0 >> 32);
      curKind = (int) w0;
      curAux = (int) (w1 >> 32);
      curArg = slab[b + 2];
      curRef = ref[s];
      curId = ((long) s << 32) | gen;
      ref[s] = null;
      return true;
    }
    return false;
  }

  /** Due time of the earliest queued event (live or dead), or {@link Long#MAX_VALUE} if empty. */
  public long peekTime() {
    return size == 0 ? Long.MAX_VALUE : keys[0] >>> SEQ_BITS;
  }

  /** Queued entries, dead ones included. */
  public int size() {
    return size;
  }

  /** Time of the event last popped, µs. */
  public long time() {
    return time;
  }

  /** Node of the event last popped. */
  public int node() {
    return curNode;
  }

  /** Kind of the event last popped. */
  public int kind() {
    return curKind;
  }

  /** Aux field of the event last popped. */
  public int aux() {
    return curAux;
  }

  /** Argument of the event last popped. */
  public long arg() {
    return curArg;
  }

  /** Object reference of the event last popped. */
  public Object ref() {
    return curRef;
  }

  /** Id the event last popped had (already stale). */
  public long id() {
    return curId;
  }

  /** Slab capacity (for memory accounting). */
  public int capacity() {
    return ref.length;
  }

  private int generation(int s) {
    return (int) slab[3 * s + 1];
  }

  private void setGeneration(int s, int gen) {
    slab[3 * s + 1] = (slab[3 * s + 1] & 0xFFFF_FFFF_0000_0000L) | (gen & 0xFFFF_FFFFL);
  }

  private void siftUp(int i, long k, int s) {
    while (i > 0) {
      int p = (i - 1) >>> 2;
      long pk = keys[p];
      if (pk <= k) {
        break;
      }
      keys[i] = pk;
      heapSlot[i] = heapSlot[p];
      i = p;
    }
    keys[i] = k;
    heapSlot[i] = s;
  }

  private void siftDown(long k, int s, int n) {
    int i = 0;
    while (true) {
      int c = (i << 2) + 1;
      if (c >= n) {
        break;
      }
      int end = Math.min(c + 4, n);
      int m = c;
      long mk = keys[c];
      for (int j = c + 1; j < end; j++) {
        long jk = keys[j];
        if (jk < mk) {
          mk = jk;
          m = j;
        }
      }
      if (mk >= k) {
        break;
      }
      keys[i] = mk;
      heapSlot[i] = heapSlot[m];
      i = m;
    }
    keys[i] = k;
    heapSlot[i] = s;
  }

  private void growSlab() {
    int c = ref.length * 2;
    slab = Arrays.copyOf(slab, 3 * c);
    ref = Arrays.copyOf(ref, c);
    free = Arrays.copyOf(free, c);
  }
}
