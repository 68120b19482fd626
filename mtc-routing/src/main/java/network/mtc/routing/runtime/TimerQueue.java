package network.mtc.routing.runtime;

import java.util.Arrays;

/**
 * A bounded timer queue ordered by (due time, scheduling order): the deterministic heart of both the
 * node event loop and the simulator. Timers live in preallocated parallel arrays (a binary heap of slot
 * numbers), so scheduling, cancelling and firing allocate nothing. Timer ids are {@code slot << 32 |
 * generation}: a slot reused by a later timer gets a new generation, so a stale id cancels nothing.
 *
 * <p>Not thread-safe: one event loop owns it.
 *
 * @since 0.1
 */
public final class TimerQueue implements Scheduler {
  private final int capacity;
  private final long[] due;
  private final long[] order;
  private final int[] kind;
  private final long[] arg;
  private final TimerHandler[] handler;
  private final int[] generation;
  private final int[] heapIndex;
  private final int[] heap;
  private final int[] free;
  private int freeCount;
  private int size;
  private long nextOrder;
  private long fired;

  /**
   * @param capacity the most timers pending at once (the bound); {@link #schedule} returns
   *     {@link Scheduler#REJECTED} beyond it
   */
  public TimerQueue(int capacity) {
    if (capacity < 1 || capacity > (1 << 30)) {
      throw new IllegalArgumentException("capacity must be 1..2^30");
    }
    this.capacity = capacity;
    due = new long[capacity];
    order = new long[capacity];
    kind = new int[capacity];
    arg = new long[capacity];
    handler = new TimerHandler[capacity];
    generation = new int[capacity];
    heapIndex = new int[capacity];
    heap = new int[capacity];
    free = new int[capacity];
    for (int i = 0; i < capacity; i++) {
      free[i] = capacity - 1 - i;
    }
    freeCount = capacity;
    Arrays.fill(heapIndex, -1);
  }

  @Override
  public long schedule(long atMillis, TimerHandler h, int k, long a) {
    if (h == null) {
      throw new IllegalArgumentException("handler is required");
    }
    if (freeCount == 0) {
      return REJECTED;
    }
    int slot = free[--freeCount];
    due[slot] = atMillis;
    order[slot] = nextOrder++;
    kind[slot] = k;
    arg[slot] = a;
    handler[slot] = h;
    int gen = generation[slot] = (generation[slot] + 1) & 0x7FFF_FFFF;
    heap[size] = slot;
    heapIndex[slot] = size;
    size++;
    siftUp(size - 1);
    return ((long) slot << 32) | gen;
  }

  @Override
  public void cancel(long id) {
    if (id < 0) {
      return;
    }
    int slot = (int) (id >>> 32);
    int gen = (int) id;
    if (slot >= capacity || generation[slot] != gen || heapIndex[slot] < 0) {
      return;
    }
    removeAt(heapIndex[slot]);
    release(slot);
  }

  /** Timers pending. */
  public int size() {
    return size;
  }

  /** The bound. */
  public int capacity() {
    return capacity;
  }

  /** Timers fired so far. */
  public long firedCount() {
    return fired;
  }

  /** Due time of the earliest pending timer, or {@link Long#MAX_VALUE} if none. */
  public long nextDue() {
    return size == 0 ? Long.MAX_VALUE : due[heap[0]];
  }

  /**
   * Fires the earliest timer if it is due at or before {@code nowMillis}.
   *
   * @return true if a timer fired
   */
  public boolean fireNext(long nowMillis) {
    if (size == 0 || due[heap[0]] > nowMillis) {
      return false;
    }
    int slot = heap[0];
    removeAt(0);
    TimerHandler h = handler[slot];
    int k = kind[slot];
    long a = arg[slot];
    release(slot);
    fired++;
    h.onTimer(k, a);
    return true;
  }

  /** Fires every timer due at or before {@code nowMillis}, in order (including ones they schedule). */
  public int fireDue(long nowMillis) {
    int n = 0;
    while (fireNext(nowMillis)) {
      n++;
    }
    return n;
  }

  private void release(int slot) {
    handler[slot] = null;
    heapIndex[slot] = -1;
    free[freeCount++] = slot;
  }

  private boolean before(int a, int b) {
    return due[a] < due[b] || (due[a] == due[b] && order[a] < order[b]);
  }

  private void removeAt(int i) {
    size--;
    if (i == size) {
      heap[size] = 0;
      return;
    }
    int moved = heap[size];
    heap[i] = moved;
    heapIndex[moved] = i;
    if (i > 0 && before(moved, heap[(i - 1) >>> 1])) {
      siftUp(i);
    } else {
      siftDown(i);
    }
  }

  private void siftUp(int i) {
    int slot = heap[i];
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      int p = heap[parent];
      if (!before(slot, p)) {
        break;
      }
      heap[i] = p;
      heapIndex[p] = i;
      i = parent;
    }
    heap[i] = slot;
    heapIndex[slot] = i;
  }

  private void siftDown(int i) {
    int slot = heap[i];
    while (true) {
      int child = 2 * i + 1;
      if (child >= size) {
        break;
      }
      if (child + 1 < size && before(heap[child + 1], heap[child])) {
        child++;
      }
      if (!before(heap[child], slot)) {
        break;
      }
      heap[i] = heap[child];
      heapIndex[heap[i]] = i;
      i = child;
    }
    heap[i] = slot;
    heapIndex[slot] = i;
  }
}
