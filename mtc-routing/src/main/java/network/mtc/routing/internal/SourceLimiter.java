package network.mtc.routing.internal;

/**
 * Per-source token buckets and SEQ replay windows (spec/routing-limits.md sections 2 and 3): a bounded table
 * keyed by source address, open addressing with linear probing. A source not in the table gets a full bucket
 * and an empty window; when the table is full, the entry heard from longest ago is replaced. Integer
 * arithmetic only (milli-tokens), so every implementation agrees.
 *
 * <p>Laid out for the receive path's cache misses: a hash bucket holds its key and its entry's index side
 * by side, and an entry's fields are adjacent in one array, so a lookup touches two or three cache lines
 * rather than one per field.
 */
public final class SourceLimiter {
  /** What {@link #admit} decided. */
  public enum Verdict {
    /** Take the frame. */
    ADMIT,
    /** The source's bucket is empty: {@code RATE_LIMITED}. */
    RATE_LIMITED,
    /** The SEQ is at or below the window, or was seen: {@code REPLAY}. */
    REPLAY
  }

  /** Width of the SEQ replay window (as RFC 4303's default). */
  public static final int WINDOW = 64;
  private static final long TOKEN = 1000;
  /** An entry's fields in {@link #state}: its source, bucket level, last refill, last heard, SEQ window. */
  private static final int SOURCE = 0;
  private static final int TOKENS = 1;
  private static final int REFILLED = 2;
  private static final int SEEN = 3;
  private static final int TOP = 4;
  private static final int BITS = 5;
  private static final int STRIDE = 6;

  private final int capacity;
  private final long ratePerSecond;
  private final long burstMilli;
  /** Open addressing: bucket {@code b} holds its key at {@code 2b} (0: empty) and entry at {@code 2b + 1}. */
  private final long[] buckets;
  private final int mask;
  /** Entry {@code e}'s fields at {@code e * STRIDE + SOURCE ... BITS}. */
  private final long[] state;
  private int size;

  /**
   * @param capacity sources remembered
   * @param framesPerSecond sustained frames admitted per source
   * @param burst frames a source may send back to back
   */
  public SourceLimiter(int capacity, int framesPerSecond, int burst) {
    if (capacity < 1 || framesPerSecond < 1 || burst < 1) {
      throw new IllegalArgumentException("capacity, rate and burst must be positive");
    }
    this.capacity = capacity;
    this.ratePerSecond = framesPerSecond;
    this.burstMilli = burst * TOKEN;
    int table = Integer.highestOneBit(capacity * 2 - 1) << 1;
    buckets = new long[2 * table];
    mask = table - 1;
    state = new long[capacity * STRIDE];
  }

  /**
   * Decides about a first copy from {@code src} (never 0) at {@code now} ms, with its SEQ or -1 if it has
   * none. The replay window is checked first; an admitted frame takes one token. Its SEQ is marked by
   * {@link #markSeen} once the frame is accepted.
   */
  public Verdict admit(long src, long seq, long now) {
    int e = entryOf(src, now) * STRIDE;
    long[] st = state;
    st[e + SEEN] = now;
    if (seq >= 0 && st[e + TOP] >= 0) {
      long top = st[e + TOP];
      if (seq <= top) {
        long back = top - seq;
        if (back >= WINDOW || (st[e + BITS] >>> back & 1) != 0) {
          return Verdict.REPLAY;
        }
      }
    }
    long elapsed = now - st[e + REFILLED];
    if (elapsed > 0) {
      st[e + TOKENS] = Math.min(burstMilli, st[e + TOKENS] + elapsed * ratePerSecond);
      st[e + REFILLED] = now;
    }
    if (st[e + TOKENS] < TOKEN) {
      return Verdict.RATE_LIMITED;
    }
    st[e + TOKENS] -= TOKEN;
    return Verdict.ADMIT;
  }

  /**
   * Marks {@code seq} as seen for {@code src}: called once the frame passed the signature step, so a forged
   * frame cannot move a source's window and lock out its genuine frames.
   */
  public void markSeen(long src, long seq, long now) {
    if (seq < 0) {
      return;
    }
    int e = entryOf(src, now) * STRIDE;
    long[] st = state;
    long top = st[e + TOP];
    if (top < 0) {
      st[e + TOP] = seq;
      st[e + BITS] = 1;
    } else if (seq > top) {
      long shift = seq - top;
      st[e + BITS] = shift >= WINDOW ? 1 : st[e + BITS] << shift | 1;
      st[e + TOP] = seq;
    } else if (top - seq < WINDOW) {
      st[e + BITS] |= 1L << (top - seq);
    }
  }

  /** True if {@code src} has an entry (for tests). */
  boolean holds(long src) {
    for (int i = mix(src) & mask; buckets[2 * i] != 0; i = (i + 1) & mask) {
      if (buckets[2 * i] == src) {
        return state[(int) buckets[2 * i + 1] * STRIDE + SOURCE] == src;
      }
    }
    return false;
  }

  /** Sources held. */
  public int size() {
    return size;
  }

  /** The bound on sources held. */
  public int capacity() {
    return capacity;
  }

  private int entryOf(long src, long now) {
    int i = mix(src) & mask;
    while (buckets[2 * i] != 0) {
      if (buckets[2 * i] == src) {
        return (int) buckets[2 * i + 1];
      }
      i = (i + 1) & mask;
    }
    int e;
    if (size < capacity) {
      e = size++;
    } else {
      e = 0;
      for (int k = 1; k < capacity; k++) {
        if (state[k * STRIDE + SEEN] < state[e * STRIDE + SEEN]) {
          e = k;
        }
      }
      removeKey(state[e * STRIDE + SOURCE]);
      i = mix(src) & mask;
      while (buckets[2 * i] != 0) {
        i = (i + 1) & mask;
      }
    }
    buckets[2 * i] = src;
    buckets[2 * i + 1] = e;
    int f = e * STRIDE;
    state[f + SOURCE] = src;
    state[f + TOKENS] = burstMilli;
    state[f + REFILLED] = now;
    state[f + TOP] = -1;
    state[f + BITS] = 0;
    return e;
  }

  /** Deletes a key with backward-shift deletion, so probe chains stay unbroken. */
  private void removeKey(long src) {
    int i = mix(src) & mask;
    while (buckets[2 * i] != src) {
      i = (i + 1) & mask;
    }
    int hole = i;
    int j = hole;
    while (true) {
      j = (j + 1) & mask;
      if (buckets[2 * j] == 0) {
        break;
      }
      int home = mix(buckets[2 * j]) & mask;
      // Move bucket j into the hole if its home is not cyclically within (hole, j].
      boolean between = hole <= j ? (home > hole && home <= j) : (home > hole || home <= j);
      if (!between) {
        buckets[2 * hole] = buckets[2 * j];
        buckets[2 * hole + 1] = buckets[2 * j + 1];
        hole = j;
      }
    }
    buckets[2 * hole] = 0;
  }

  private static int mix(long v) {
    v *= 0x9E37_79B9_7F4A_7C15L;
    return (int) (v ^ v >>> 32);
  }
}
