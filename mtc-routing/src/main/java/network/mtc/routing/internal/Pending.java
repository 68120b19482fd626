package network.mtc.routing.internal;

import network.mtc.routing.runtime.Scheduler;

/**
 * The pool of relay states: one slot per message with a live relay decision, holding a copy of the frame
 * (buffers grow to the largest frame seen and are reused), the policy's state object, the armed timer
 * and the transmissions so far. Bounded by {@code MeshConfig.maxPendingRelays}; lookups scan the slots,
 * which is cheaper than hashing at the 32-64 slots a node holds.
 */
final class Pending {
  final int capacity;
  final boolean[] used;
  final long[] source;
  final int[] messageId;
  final long[] createdAt;
  final long[] order;
  final long[] timer;
  final int[] generation;
  final int[] transmissions;
  final boolean[] own;
  final byte[][] frame;
  final int[] frameLength;
  final Object[] state;
  int size;
  private long nextOrder;

  Pending(int capacity) {
    this.capacity = capacity;
    used = new boolean[capacity];
    source = new long[capacity];
    messageId = new int[capacity];
    createdAt = new long[capacity];
    order = new long[capacity];
    timer = new long[capacity];
    generation = new int[capacity];
    transmissions = new int[capacity];
    own = new boolean[capacity];
    frame = new byte[capacity][];
    frameLength = new int[capacity];
    state = new Object[capacity];
    java.util.Arrays.fill(timer, Scheduler.REJECTED);
  }

  /** The slot of (source, id), or -1. */
  int find(long src, int id) {
    for (int p = 0; p < capacity; p++) {
      if (used[p] && source[p] == src && messageId[p] == id) {
        return p;
      }
    }
    return -1;
  }

  /** A fresh slot for (source, id), or -1 if all are taken. */
  int allocate(long src, int id, long now) {
    for (int p = 0; p < capacity; p++) {
      if (!used[p]) {
        used[p] = true;
        source[p] = src;
        messageId[p] = id;
        createdAt[p] = now;
        order[p] = nextOrder++;
        timer[p] = Scheduler.REJECTED;
        transmissions[p] = 0;
        own[p] = false;
        size++;
        return p;
      }
    }
    return -1;
  }

  /** The slot created first. */
  int oldest() {
    int o = -1;
    for (int p = 0; p < capacity; p++) {
      if (used[p] && (o < 0 || order[p] < order[o])) {
        o = p;
      }
    }
    return o;
  }

  void copyFrame(int p, byte[] buf, int off, int len) {
    if (frame[p] == null || frame[p].length < len) {
      frame[p] = new byte[Math.max(len, 64)];
    }
    System.arraycopy(buf, off, frame[p], 0, len);
    frameLength[p] = len;
  }

  /** Frame buffers up to this size are kept for reuse; larger ones (reassembled frames) are let go. */
  private static final int KEEP_BUFFER = 512;

  void release(int p) {
    if (frame[p] != null && frame[p].length > KEEP_BUFFER) {
      frame[p] = null;
    }
    if (used[p]) {
      used[p] = false;
      generation[p] = (generation[p] + 1) & 0x7FFF_FFFF;
      timer[p] = Scheduler.REJECTED;
      size--;
    }
  }
}
