package network.mtc.routing.internal;

/**
 * Per-source token buckets and SEQ replay windows (spec/routing-limits.md sections 2 and 3): a bounded table
 * keyed by source address, open addressing with linear probing. A source not in the table gets a full bucket
 * and an empty window; when the table is full, the entry heard from longest ago is replaced. Integer
 * arithmetic only (milli-tokens), so every implementation agrees.
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

  private final int capacity;
  private final long ratePerSecond;
  private final long burstMilli;
  private final long[] keys;
  private final int[] slotOfKey;
  private final long[] source;
  private final long[] milliTokens;
  private final long[] refilledAt;
  private final long[] lastSeen;
  private final long[] seqTop;
  private final long[] seqBits;
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
    keys = new long[table];
    slotOfKey = new int[table];
    source = new long[capacity];
    milliTokens = new long[capacity];
    refilledAt = new long[capacity];
    lastSeen = new long[capacity];
    seqTop = new long[capacity];
    seqBits = new long[capacity];
  }

  /**
   * Decides about a first copy from {@code src} (never 0) at {@code now} ms, with its SEQ or -1 if it has
   * none. The replay window is checked first; an admitted frame takes one token. Its SEQ is marked by
   * {@link #markSeen} once the frame is accepted.
   */
  public Verdict admit(long src, long seq, long now) {
    int e = entryOf(src, now);
    lastSeen[e] = now;
    if (seq >= 0 && seqTop[e] >= 0) {
      long top = seqTop[e];
      if (seq <= top) {
        long back = top - seq;
        if (back >= WINDOW || (seqBits[e] >>> back & 1) != 0) {
          return Verdict.REPLAY;
        }
      }
    }
    long elapsed = now - refilledAt[e];
    if (elapsed > 0) {
      milliTokens[e] = Math.min(burstMilli, milliTokens[e] + elapsed * ratePerSecond);
      refilledAt[e] = now;
    }
    if (milliTokens[e] < TOKEN) {
      return Verdict.RATE_LIMITED;
    }
    milliTokens[e] -= TOKEN;
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
    int e = entryOf(src, now);
    long top = seqTop[e];
    if (top < 0) {
      seqTop[e] = seq;
      seqBits[e] = 1;
    } else if (seq > top) {
      long shift = seq - top;
      seqBits[e] = shift >= WINDOW ? 1 : seqBits[e] << shift | 1;
      seqTop[e] = seq;
    } else if (top - seq < WINDOW) {
      seqBits[e] |= 1L << (top - seq);
    }
  }

  /** True if {@code src} has an entry (for tests). */
  boolean holds(long src) {
    int mask = keys.length - 1;
    for (int i = mix(src) & mask; keys[i] != 0; i = (i + 1) & mask) {
      if (keys[i] == src) {
        return source[slotOfKey[i]] == src;
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
    int mask = keys.length - 1;
    int i = mix(src) & mask;
    while (keys[i] != 0) {
      if (keys[i] == src) {
        return slotOfKey[i];
      }
      i = (i + 1) & mask;
    }
    int e;
    if (size < capacity) {
      e = size++;
    } else {
      e = 0;
      for (int k = 1; k < capacity; k++) {
        if (lastSeen[k] < lastSeen[e]) {
          e = k;
        }
      }
      removeKey(source[e]);
      i = mix(src) & mask;
      while (keys[i] != 0) {
        i = (i + 1) & mask;
      }
    }
    keys[i] = src;
    slotOfKey[i] = e;
    source[e] = src;
    milliTokens[e] = burstMilli;
    refilledAt[e] = now;
    seqTop[e] = -1;
    seqBits[e] = 0;
    return e;
  }

  /** Deletes a key with backward-shift deletion, so probe chains stay unbroken. */
  private void removeKey(long src) {
    int mask = keys.length - 1;
    int i = mix(src) & mask;
    while (keys[i] != src) {
      i = (i + 1) & mask;
    }
    int hole = i;
    int j = hole;
    while (true) {
      j = (j + 1) & mask;
      if (keys[j] == 0) {
        break;
      }
      int home = mix(keys[j]) & mask;
      // Move keys[j] into the hole if its home is not cyclically within (hole, j].
      boolean between = hole <= j ? (home > hole && home <= j) : (home > hole || home <= j);
      if (!between) {
        keys[hole] = keys[j];
        slotOfKey[hole] = slotOfKey[j];
        hole = j;
      }
    }
    keys[hole] = 0;
  }

  private static int mix(long v) {
    v *= 0x9E37_79B9_7F4A_7C15L;
    return (int) (v ^ v >>> 32);
  }
}
