package network.mtc.routing.sync;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import network.mtc.wire.DecodeError;
import network.mtc.wire.MtcDecodeException;

/**
 * One side of a range-based set reconciliation (Meyer, "Range-Based Set Reconciliation", 2023; the
 * negentropy protocol), as specified in spec/routing-sync.md, section 5. The pure state machine: messages
 * in, messages out, no clock reads, no I/O, no randomness (the initiator's salt is an argument).
 *
 * <p>Both sides hold a sorted snapshot of their item keys and answer every range of the peer's message:
 * a matching fingerprint with SKIP; a differing one by splitting their own items in that range into
 * {@code branch} fingerprinted sub-ranges, or by listing them (IDLIST) once there are at most
 * {@link #IDLIST_THRESHOLD}. A side that receives an IDLIST learns the difference in that range exactly;
 * the responder then answers with its own list, so the initiator learns it too. When the initiator's
 * answer would hold only SKIPs it knows the whole difference: it pushes the frames the responder lacks
 * ({@link #peerLacks()}) and sends WANT for the ones it lacks, then DONE. With n items and d differences
 * this takes about {@code log_branch(n / 16) + 2} messages per side when d is small.
 *
 * <p>Bounded: every reply fits {@link SyncMessageCodec#MAX_PAYLOAD} (ranges that do not fit are folded into
 * one fingerprint up to infinity, answered in the next round), at most {@link #MAX_MESSAGES} messages per
 * side, and a deadline. Any message the protocol does not allow at this point, and every message after the
 * session ended, is refused with an {@link MtcDecodeException} of code {@code TYPE_RULE}; nothing else is
 * thrown for any input. Not thread-safe.
 *
 * @since 0.1
 */
public final class RangeReconciler {
  /** A range with at most this many own items is listed instead of split: 16 keys = 256 bytes. */
  public static final int IDLIST_THRESHOLD = 16;
  /** Messages per side and session (design 1.4): enough for 10^6 items at branch 16, small differences. */
  public static final int MAX_MESSAGES = 12;
  /** The branch factor the initiator uses unless told otherwise. */
  public static final int DEFAULT_BRANCH = 16;
  /** Bytes reserved in every reply for the fingerprint that folds the ranges that did not fit. */
  private static final int FOLD_RESERVE = 1 + 1 + 8 + 10;
  /** Longest SKIP range: a 16-byte prefix, its length byte and the mode byte. */
  private static final int MAX_SKIP_LENGTH = 18;

  /** Which side this is. */
  public enum Role {
    /** Sends OPEN, learns the whole difference, sends WANT and DONE. */
    INITIATOR,
    /** Answers; pushes what the initiator WANTs. */
    RESPONDER
  }

  /** Where the session stands. */
  public enum Status {
    /** Messages are still expected. */
    RUNNING,
    /** Reconciled: the difference is known (initiator) or the initiator said DONE (responder). */
    DONE,
    /** Stopped by the message limit, the deadline or a protocol violation; what was learned is valid. */
    ABORTED
  }

  private final Role role;
  private final SyncItemSet items;
  private final long deadlineMillis;
  private int session;
  private int branch;
  private long pendingSalt;
  private long[] prefix;
  private boolean opened;
  private Status status = Status.RUNNING;
  private int sent;
  private int received;
  private long bytesSent;
  private long bytesReceived;
  private final TreeSet<ItemKey> peerLacks = new TreeSet<>();
  private final TreeSet<ItemKey> selfLacks = new TreeSet<>();

  private RangeReconciler(Role role, SyncItemSet items, long deadlineMillis) {
    this.role = role;
    this.items = items;
    this.deadlineMillis = deadlineMillis;
  }

  /**
   * The initiator of a session.
   *
   * @param session the message id of the frame that will carry the OPEN
   * @param salt a fresh random value (fingerprints are salted per session against chosen collisions)
   * @param branch the branch factor, 2..32
   * @param deadlineMillis the session ends (ABORTED) at the first call at or after this time
   */
  public static RangeReconciler initiator(SyncItemSet items, int session, long salt, int branch,
      long deadlineMillis) {
    if (branch < SyncMessageCodec.MIN_BRANCH || branch > SyncMessageCodec.MAX_BRANCH) {
      throw new IllegalArgumentException("branch must be 2..32");
    }
    RangeReconciler r = new RangeReconciler(Role.INITIATOR, items, deadlineMillis);
    r.session = session;
    r.branch = branch;
    r.prefix = prefixSums(items, salt);
    r.pendingSalt = salt;
    return r;
  }

  /** The responder of a session: it learns session, salt and branch from the OPEN. */
  public static RangeReconciler responder(SyncItemSet items, long deadlineMillis) {
    return new RangeReconciler(Role.RESPONDER, items, deadlineMillis);
  }

  /** The initiator's first message. */
  public SyncMessage.Open open(long nowMillis) {
    if (role != Role.INITIATOR || opened) {
      throw new IllegalStateException("only an initiator opens, once");
    }
    opened = true;
    Out out = new Out(SyncMessageCodec.OPEN_HEAD);
    answerDiffering(out, 0, items.size(), SyncBound.INFINITY);
    SyncMessage.Open m = new SyncMessage.Open(session, pendingSalt, branch, out.ranges);
    count(m);
    return m;
  }

  /**
   * Takes the peer's next message and returns this side's answers, in sending order (possibly none).
   *
   * @throws MtcDecodeException TYPE_RULE if the message is not allowed now (the session is then ABORTED)
   */
  public List<SyncMessage> receive(SyncMessage m, long nowMillis) {
    if (status != Status.RUNNING) {
      throw violation("sync.kind", 0, "session is over");
    }
    if (role == Role.INITIATOR && !opened) {
      throw violation("sync.kind", 0, "initiator has not opened");
    }
    received++;
    bytesReceived += SyncMessageCodec.encodedLength(m);
    if (nowMillis >= deadlineMillis || received > MAX_MESSAGES) {
      status = Status.ABORTED;
      return List.of();
    }
    if (opened && m.session() != session) {
      throw violation("sync.session", 1, "wrong session");
    }
    switch (m.kind()) {
      case OPEN -> {
        if (role != Role.RESPONDER || opened) {
          throw violation("sync.kind", 0, "unexpected OPEN");
        }
        SyncMessage.Open o = (SyncMessage.Open) m;
        opened = true;
        session = o.session();
        branch = o.branch();
        prefix = prefixSums(items, o.salt());
        return reply(answer(o.ranges()));
      }
      case RANGES -> {
        if (role == Role.RESPONDER && !opened) {
          throw violation("sync.kind", 0, "RANGES before OPEN");
        }
        List<SyncRange> out = answer(((SyncMessage.Ranges) m).ranges());
        if (role == Role.INITIATOR && out.size() == 1 && out.get(0).mode() == SyncRange.Mode.SKIP) {
          return finish();
        }
        return reply(out);
      }
      case WANT -> {
        if (role != Role.RESPONDER || !opened) {
          throw violation("sync.kind", 0, "unexpected WANT");
        }
        for (ItemKey k : ((SyncMessage.Want) m).keys()) {
          if (items.contains(k)) {
            peerLacks.add(k);
          }
        }
        return List.of();
      }
      case DONE -> {
        if (role != Role.RESPONDER || !opened) {
          throw violation("sync.kind", 0, "unexpected DONE");
        }
        status = Status.DONE;
        return List.of();
      }
    }
    throw new AssertionError(m.kind());
  }

  private List<SyncMessage> reply(List<SyncRange> ranges) {
    if (sent + (role == Role.INITIATOR ? 2 : 1) > MAX_MESSAGES) {
      return abort();
    }
    SyncMessage r = new SyncMessage.Ranges(session, ranges);
    count(r);
    return List.of(r);
  }

  /** Initiator: every range settled. WANT what is missing, then DONE. */
  private List<SyncMessage> finish() {
    List<SyncMessage> out = new ArrayList<>();
    List<ItemKey> want = new ArrayList<>(selfLacks);
    for (int i = 0; i < want.size(); i += SyncMessageCodec.MAX_WANT) {
      out.add(new SyncMessage.Want(session, want.subList(i, Math.min(want.size(),
          i + SyncMessageCodec.MAX_WANT))));
    }
    out.add(new SyncMessage.Done(session));
    if (sent + out.size() > MAX_MESSAGES) {
      return abort();
    }
    out.forEach(this::count);
    status = Status.DONE;
    return out;
  }

  private List<SyncMessage> abort() {
    status = Status.ABORTED;
    if (role == Role.INITIATOR && sent < MAX_MESSAGES) {
      SyncMessage d = new SyncMessage.Done(session);
      count(d);
      return List.of(d);
    }
    return List.of();
  }

  private MtcDecodeException violation(String field, int offset, String why) {
    status = Status.ABORTED;
    return new MtcDecodeException(DecodeError.TYPE_RULE, field, offset, why);
  }

  private void count(SyncMessage m) {
    sent++;
    bytesSent += SyncMessageCodec.encodedLength(m);
  }

  /** The answer to every range of the peer's message (spec 5.3). */
  private List<SyncRange> answer(List<SyncRange> ranges) {
    Out out = new Out(SyncMessageCodec.HEAD);
    int lo = 0;
    for (SyncRange r : ranges) {
      if (!out.roomFor(MAX_SKIP_LENGTH)) {
        return out.fold(lo);
      }
      int hi = items.indexOf(r.bound());
      int mark = out.ranges.size();
      int markBytes = out.bytes;
      boolean markMergeable = out.lastSkip;
      switch (r.mode()) {
        case SKIP -> out.skip(r.bound());
        case FINGERPRINT -> {
          SyncRange.Fingerprint f = (SyncRange.Fingerprint) r;
          if (f.sum() == prefix[hi] - prefix[lo] && f.count() == hi - lo) {
            out.skip(r.bound());
          } else {
            answerDiffering(out, lo, hi, r.bound());
          }
        }
        case IDLIST -> {
          learn(((SyncRange.IdList) r).keys(), lo, hi);
          if (role == Role.INITIATOR) {
            out.skip(r.bound());
          } else if (hi - lo <= IDLIST_THRESHOLD) {
            out.add(new SyncRange.IdList(r.bound(), items.slice(lo, hi)));
          } else {
            split(out, lo, hi, r.bound());
          }
        }
      }
      if (!out.lastSkip && !out.roomFor(0)) {
        out.truncate(mark, markBytes, markMergeable);
        return out.fold(lo);
      }
      lo = hi;
    }
    return out.ranges;
  }

  private void answerDiffering(Out out, int lo, int hi, SyncBound bound) {
    if (hi - lo <= IDLIST_THRESHOLD) {
      out.add(new SyncRange.IdList(bound, items.slice(lo, hi)));
    } else {
      split(out, lo, hi, bound);
    }
  }

  /** Splits own items [lo, hi) into min(branch, count) fingerprinted sub-ranges of near-equal size. */
  private void split(Out out, int lo, int hi, SyncBound bound) {
    int n = hi - lo;
    int k = Math.min(branch, n);
    int base = n / k;
    int extra = n % k;
    int start = lo;
    for (int b = 0; b < k; b++) {
      int end = start + base + (b < extra ? 1 : 0);
      SyncBound sub = b == k - 1 ? bound : SyncBound.between(items.get(end - 1), items.get(end));
      out.add(new SyncRange.Fingerprint(sub, prefix[end] - prefix[start], end - start));
      start = end;
    }
  }

  /** Records the difference in a range whose full key list the peer sent. */
  private void learn(List<ItemKey> theirs, int lo, int hi) {
    int i = lo;
    int j = 0;
    while (i < hi || j < theirs.size()) {
      int c = i == hi ? 1 : j == theirs.size() ? -1 : items.get(i).compareTo(theirs.get(j));
      if (c < 0) {
        if (role == Role.INITIATOR) {
          peerLacks.add(items.get(i));
        }
        i++;
      } else if (c > 0) {
        selfLacks.add(theirs.get(j));
        j++;
      } else {
        i++;
        j++;
      }
    }
  }

  /** H8 prefix sums: prefix[i] = Σ_{j<i} H8(salt || key_j) mod 2^64. */
  static long[] prefixSums(SyncItemSet items, long salt) {
    long[] p = new long[items.size() + 1];
    MessageDigest sha = ItemKey.sha256();
    byte[] in = new byte[8 + ItemKey.LENGTH];
    ItemKey.writeLong(salt, in, 0);
    for (int i = 0; i < items.size(); i++) {
      items.get(i).writeTo(in, 8);
      p[i + 1] = p[i] + ItemKey.readLong(sha.digest(in), 0);
    }
    return p;
  }

  /** H8(salt || key): the first 8 bytes, big-endian, of SHA-256 over the salt and the key. */
  public static long itemHash(long salt, ItemKey key) {
    byte[] in = new byte[8 + ItemKey.LENGTH];
    ItemKey.writeLong(salt, in, 0);
    key.writeTo(in, 8);
    return ItemKey.readLong(ItemKey.sha256().digest(in), 0);
  }

  /** This side's role. */
  public Role role() {
    return role;
  }

  /** The session state. */
  public Status status() {
    return status;
  }

  /** The session id (0 until a responder has seen the OPEN). */
  public int session() {
    return session;
  }

  /**
   * Keys this side holds and the peer lacks: for the initiator, what it learned; for the responder, what
   * the initiator asked for in WANT. These are the frames this side pushes.
   */
  public List<ItemKey> peerLacks() {
    return List.copyOf(peerLacks);
  }

  /** Keys the peer holds and this side lacks, as far as learned (complete at the initiator when DONE). */
  public List<ItemKey> selfLacks() {
    return List.copyOf(selfLacks);
  }

  /** Messages sent. */
  public int messagesSent() {
    return sent;
  }

  /** Messages received. */
  public int messagesReceived() {
    return received;
  }

  /** SYNC payload bytes sent. */
  public long bytesSent() {
    return bytesSent;
  }

  /** SYNC payload bytes received. */
  public long bytesReceived() {
    return bytesReceived;
  }

  /** A reply under construction: ranges with consecutive SKIPs merged, and its encoded size. */
  private final class Out {
    final List<SyncRange> ranges = new ArrayList<>();
    int bytes;
    boolean lastSkip;

    Out(int head) {
      bytes = head + 2;
    }

    void skip(SyncBound b) {
      if (lastSkip) {
        SyncRange prev = ranges.remove(ranges.size() - 1);
        bytes -= SyncMessageCodec.rangeLength(prev);
      }
      SyncRange s = new SyncRange.Skip(b);
      ranges.add(s);
      bytes += SyncMessageCodec.rangeLength(s);
      lastSkip = true;
    }

    void add(SyncRange r) {
      ranges.add(r);
      bytes += SyncMessageCodec.rangeLength(r);
      lastSkip = false;
    }

    /** True if {@code extra} more bytes in one more range still leave room for the fold. */
    boolean roomFor(int extra) {
      return ranges.size() + 2 <= SyncMessageCodec.MAX_RANGES
          && bytes + extra + FOLD_RESERVE <= SyncMessageCodec.MAX_PAYLOAD;
    }

    /** Ends the reply with one fingerprint of own items from index {@code lo} up to infinity. */
    List<SyncRange> fold(int lo) {
      add(new SyncRange.Fingerprint(SyncBound.INFINITY, prefix[items.size()] - prefix[lo],
          items.size() - lo));
      return ranges;
    }

    /** Drops the ranges added after a mark (the mark never ends in a SKIP merged since). */
    void truncate(int size, int oldBytes, boolean wasSkip) {
      while (ranges.size() > size) {
        ranges.remove(ranges.size() - 1);
      }
      bytes = oldBytes;
      lastSkip = wasSkip;
    }
  }
}
