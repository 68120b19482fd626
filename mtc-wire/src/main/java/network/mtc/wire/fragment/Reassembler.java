package network.mtc.wire.fragment;

import network.mtc.wire.DecodeError;
import network.mtc.wire.MtcDecodeException;

/**
 * Rebuilds frames from the link packets of one link, whatever their order, with loss, duplicates and
 * forgeries, in bounded memory (spec/wire.md, "Reassembly").
 *
 * <p>Each partial message lives in one of {@link ReassemblyLimits#maxPartialsTotal()} slots, keyed by
 * (peer, tag); a slot's buffer is allocated the first time the slot is used and kept. A fragment is written straight to its place in the slot's buffer: all fragments but
 * the last carry the same chunk size, so fragment {@code i} starts at {@code i * chunk}. If the last fragment
 * arrives before any other, its bytes wait at the tail of the buffer until the chunk size is known. When
 * every slot is taken, the least recently updated partial of the same peer (if the peer is at its quota)
 * or of anyone is dropped, so a flood of forged fragments costs nothing past the bound. A small ring of
 * recently completed (peer, tag) pairs turns late duplicates of a finished message into
 * {@link Outcome#DUPLICATE} instead of a new partial.
 *
 * <p>Nothing is allocated per packet (only a slot's first use allocates its buffer, at most
 * {@code maxPartialsTotal} times). The result of {@link #accept} is a view ({@link #frameBuffer()},
 * {@link #frameOffset()}, {@link #frameLength()}) valid until the next call. Not thread-safe.
 *
 * @since 0.1
 */
public final class Reassembler {
  /** What a packet did. */
  public enum Outcome {
    /** The packet was a whole frame; the view is the packet itself. */
    WHOLE_FRAME,
    /** The packet completed a fragmented frame; the view is the reassembled frame. */
    COMPLETED,
    /** The fragment was stored; its message is still incomplete. */
    STORED,
    /** The fragment was already held, or belongs to a message completed recently; ignored. */
    DUPLICATE
  }

  private static final int RECENT = 64;

  private final ReassemblyLimits limits;
  private final Slot[] slots;
  private final long[] recentPeer = new long[RECENT];
  private final int[] recentTag = new int[RECENT];
  private final long[] recentAt = new long[RECENT];
  private int recentNext;
  private int recentSize;
  private int lastHit;

  private byte[] outBuf;
  private int outOff;
  private int outLen;

  private long completed;
  private long evicted;
  private long expired;

  /** A reassembler with {@link ReassemblyLimits#DEFAULT}. */
  public Reassembler() {
    this(ReassemblyLimits.DEFAULT);
  }

  /**
   * A reassembler with the given bounds. Its slots exist now; a slot's message buffer is allocated when
   * the slot first holds a partial message, so a reassembler that only ever holds one or two at a time
   * (most of them, on a BLE link where only long frames are split) costs one or two buffers, not
   * {@code maxPartialsTotal}.
   */
  public Reassembler(ReassemblyLimits limits) {
    this.limits = limits;
    this.slots = new Slot[limits.maxPartialsTotal()];
    for (int i = 0; i < slots.length; i++) {
      slots[i] = new Slot(limits.maxMessageLength());
    }
  }

  /**
   * Takes one link packet received from {@code peer}.
   *
   * @param peer the link's identifier of the sender (a BLE connection handle, a hash of the UDP source);
   *     fragments from different peers never mix
   * @param nowMillis the caller's clock, for expiry
   * @throws MtcDecodeException for a packet that is not a v1 frame or a valid fragment
   *     (UNSUPPORTED_VERSION, TRUNCATED, FRAGMENT_HEADER), contradicts its message's other fragments
   *     (FRAGMENT_MISMATCH, which leaves the partial message as it was) or would make a message longer than
   *     the limit (TOO_LONG)
   */
  public Outcome accept(long peer, byte[] buf, int off, int len, long nowMillis) {
    if (len < 1) {
      throw new MtcDecodeException(DecodeError.TRUNCATED, "packet", 0);
    }
    int kind = buf[off] & LinkPacket.KIND_MASK;
    if (kind == LinkPacket.KIND_FRAME_V1) {
      if (len > limits.maxMessageLength()) {
        throw new MtcDecodeException(DecodeError.TOO_LONG, "packet", limits.maxMessageLength());
      }
      return view(buf, off, len, Outcome.WHOLE_FRAME);
    }
    if (kind != LinkPacket.KIND_FRAGMENT) {
      throw new MtcDecodeException(DecodeError.UNSUPPORTED_VERSION, "packet.kind", 0,
          "kind bits " + (kind >>> 6));
    }
    if (len <= LinkPacket.FRAGMENT_HEADER_LENGTH) {
      throw new MtcDecodeException(DecodeError.TRUNCATED,
          len < LinkPacket.FRAGMENT_HEADER_LENGTH ? "fragment.header" : "fragment.chunk",
          len < LinkPacket.FRAGMENT_HEADER_LENGTH ? 0 : LinkPacket.FRAGMENT_HEADER_LENGTH);
    }
    int tag = (buf[off] & 0x3F) << 8 | (buf[off + 1] & 0xFF);
    int index = buf[off + 2] & 0xFF;
    int count = (buf[off + 3] & 0xFF) + 1;
    if (count < 2) {
      throw new MtcDecodeException(DecodeError.FRAGMENT_HEADER, "fragment.count", 3,
          "a message of one fragment is sent whole");
    }
    if (index >= count) {
      throw new MtcDecodeException(DecodeError.FRAGMENT_HEADER, "fragment.index", 2,
          "index " + index + " of " + count);
    }
    int chunkLen = len - LinkPacket.FRAGMENT_HEADER_LENGTH;
    int dataOff = off + LinkPacket.FRAGMENT_HEADER_LENGTH;
    boolean last = index == count - 1;
    int max = limits.maxMessageLength();
    // Bounds that need no state: the message must fit, whichever fragment this is.
    if (!last && (long) (count - 1) * chunkLen + 1 > max
        || last && (long) (count - 1) + chunkLen > max) {
      throw new MtcDecodeException(DecodeError.TOO_LONG, "fragment.count", 3,
          count + " fragments of " + chunkLen + " bytes exceed " + max);
    }

    Slot s = find(peer, tag, nowMillis);
    if (s == null) {
      if (isRecent(peer, tag, nowMillis)) {
        return Outcome.DUPLICATE;
      }
      s = allocate(peer, nowMillis);
      s.start(peer, tag, count);
    } else if (s.count != count) {
      throw new MtcDecodeException(DecodeError.FRAGMENT_MISMATCH, "fragment.count", 3,
          "count " + count + ", earlier fragments said " + s.count);
    }
    if (s.has(index)) {
      return Outcome.DUPLICATE;
    }
    if (last) {
      if (s.chunk > 0) {
        if (chunkLen > s.chunk) {
          throw new MtcDecodeException(DecodeError.FRAGMENT_MISMATCH, "fragment.chunk", 4,
              "last fragment of " + chunkLen + " bytes, longer than the chunk size " + s.chunk);
        }
        if ((long) (count - 1) * s.chunk + chunkLen > max) {
          throw new MtcDecodeException(DecodeError.TOO_LONG, "fragment.chunk", 4);
        }
        System.arraycopy(buf, dataOff, s.data, (count - 1) * s.chunk, chunkLen);
      } else {
        System.arraycopy(buf, dataOff, s.data, max - chunkLen, chunkLen);
      }
      s.lastLen = chunkLen;
    } else {
      if (s.chunk == 0) {
        if (s.lastLen > 0) {
          if (s.lastLen > chunkLen) {
            throw new MtcDecodeException(DecodeError.FRAGMENT_MISMATCH, "fragment.chunk", 4,
                "chunk of " + chunkLen + " bytes, shorter than the last fragment's " + s.lastLen);
          }
          if ((long) (count - 1) * chunkLen + s.lastLen > max) {
            throw new MtcDecodeException(DecodeError.TOO_LONG, "fragment.chunk", 4);
          }
          System.arraycopy(s.data, max - s.lastLen, s.data, (count - 1) * chunkLen, s.lastLen);
        }
        s.chunk = chunkLen;
      } else if (chunkLen != s.chunk) {
        throw new MtcDecodeException(DecodeError.FRAGMENT_MISMATCH, "fragment.chunk", 4,
            "chunk of " + chunkLen + " bytes, earlier fragments had " + s.chunk);
      }
      System.arraycopy(buf, dataOff, s.data, index * chunkLen, chunkLen);
    }
    s.mark(index);
    s.updatedAt = nowMillis;
    if (s.received < count) {
      return Outcome.STORED;
    }
    int total = (count - 1) * s.chunk + s.lastLen;
    s.active = false;
    remember(peer, tag, nowMillis);
    completed++;
    return view(s.data, 0, total, Outcome.COMPLETED);
  }

  /** Drops partial messages idle for longer than the timeout; returns how many. */
  public int expire(long nowMillis) {
    int n = 0;
    for (Slot s : slots) {
      if (s.active && isStale(s, nowMillis)) {
        s.active = false;
        n++;
      }
    }
    expired += n;
    return n;
  }

  /** The buffer holding the frame of the last WHOLE_FRAME or COMPLETED outcome. */
  public byte[] frameBuffer() {
    return outBuf;
  }

  /** Offset of that frame in {@link #frameBuffer()}. */
  public int frameOffset() {
    return outOff;
  }

  /** Length of that frame. */
  public int frameLength() {
    return outLen;
  }

  /** Partial messages held now. */
  public int partials() {
    int n = 0;
    for (Slot s : slots) {
      if (s.active) {
        n++;
      }
    }
    return n;
  }

  /** Bytes of buffer this reassembler may hold (the bound; buffers are allocated as slots are used). */
  public long bufferBytes() {
    return (long) slots.length * limits.maxMessageLength();
  }

  /** Messages completed so far. */
  public long completedCount() {
    return completed;
  }

  /** Partial messages dropped to make room. */
  public long evictedCount() {
    return evicted;
  }

  /** Partial messages dropped for age. */
  public long expiredCount() {
    return expired;
  }

  private Outcome view(byte[] b, int o, int l, Outcome outcome) {
    outBuf = b;
    outOff = o;
    outLen = l;
    return outcome;
  }

  private boolean isStale(Slot s, long now) {
    return now - s.updatedAt >= limits.timeoutMillis();
  }

  private Slot find(long peer, int tag, long now) {
    Slot s = slots[lastHit];
    if (!(s.active && s.peer == peer && s.tag == tag)) {
      s = null;
      for (int i = 0; i < slots.length; i++) {
        Slot c = slots[i];
        if (c.active && c.peer == peer && c.tag == tag) {
          s = c;
          lastHit = i;
          break;
        }
      }
    }
    if (s != null && isStale(s, now)) {
      s.active = false;
      expired++;
      return null;
    }
    return s;
  }

  private Slot allocate(long peer, long now) {
    int peerCount = 0;
    Slot free = null;
    Slot oldestOfPeer = null;
    Slot oldest = null;
    for (int i = 0; i < slots.length; i++) {
      Slot c = slots[i];
      if (c.active && isStale(c, now)) {
        c.active = false;
        expired++;
      }
      if (!c.active) {
        if (free == null) {
          free = c;
          lastHit = i;
        }
        continue;
      }
      if (c.peer == peer) {
        peerCount++;
        if (oldestOfPeer == null || c.updatedAt < oldestOfPeer.updatedAt) {
          oldestOfPeer = c;
        }
      }
      if (oldest == null || c.updatedAt < oldest.updatedAt) {
        oldest = c;
      }
    }
    if (peerCount >= limits.maxPartialsPerPeer()) {
      evicted++;
      lastHit = indexOf(oldestOfPeer);
      return oldestOfPeer;
    }
    if (free != null) {
      return free;
    }
    evicted++;
    lastHit = indexOf(oldest);
    return oldest;
  }

  private int indexOf(Slot s) {
    for (int i = 0; i < slots.length; i++) {
      if (slots[i] == s) {
        return i;
      }
    }
    throw new IllegalStateException();
  }

  private void remember(long peer, int tag, long now) {
    recentPeer[recentNext] = peer;
    recentTag[recentNext] = tag;
    recentAt[recentNext] = now;
    recentNext = (recentNext + 1) % RECENT;
    recentSize = Math.min(recentSize + 1, RECENT);
  }

  private boolean isRecent(long peer, int tag, long now) {
    for (int i = 0; i < recentSize; i++) {
      if (recentPeer[i] == peer && recentTag[i] == tag
          && now - recentAt[i] < limits.timeoutMillis()) {
        return true;
      }
    }
    return false;
  }

  /** One partial message's buffer and bookkeeping; reused. */
  private static final class Slot {
    /** The message buffer, allocated at the first {@link #start}. */
    byte[] data;
    final int capacity;
    final long[] bits = new long[LinkPacket.MAX_FRAGMENTS / 64];
    boolean active;
    long peer;
    int tag;
    int count;
    int chunk;
    int lastLen;
    int received;
    long updatedAt;

    Slot(int capacity) {
      this.capacity = capacity;
    }

    void start(long p, int t, int c) {
      if (data == null) {
        data = new byte[capacity];
      }
      active = true;
      peer = p;
      tag = t;
      count = c;
      chunk = 0;
      lastLen = 0;
      received = 0;
      bits[0] = 0;
      bits[1] = 0;
      bits[2] = 0;
      bits[3] = 0;
    }

    boolean has(int i) {
      return (bits[i >>> 6] & (1L << i)) != 0;
    }

    void mark(int i) {
      bits[i >>> 6] |= 1L << i;
      received++;
    }
  }
}
