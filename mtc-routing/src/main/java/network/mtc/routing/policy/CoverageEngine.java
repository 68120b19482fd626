package network.mtc.routing.policy;

import java.util.Arrays;
import java.util.function.Consumer;
import network.mtc.routing.runtime.RandomSource;

/**
 * The COVERAGE relay decision (spec/routing-broadcast.md, section 4): coverage-accounted relaying with
 * implicit acknowledgements. For each message in flight the node keeps {@code cov[x]}, the credit it can
 * account for at each neighbour {@code x}: a copy overheard from transmitter {@code T} makes {@code T}
 * {@link #FULL} and adds c(T, x) to every neighbour {@code x} that hears {@code T}; its own transmission
 * adds c(v, x) to every neighbour. A node transmits, at most {@code 1 + repeatsMax} times, only while its
 * neighbours are short of {@code target}, and the node that adds most coverage goes first.
 *
 * <p>Pure and deterministic: time is an argument, jitter comes from the given {@link RandomSource}, and
 * effects go to a sink in a fixed order. The table of pending states is bounded by {@code capacity}; a
 * state's coverage bytes are allocated on its slot's first use, so idle nodes in a large simulation cost
 * almost nothing. Not thread-safe: one engine per node, on the node's event loop.
 *
 * @since 0.1
 */
public final class CoverageEngine {
  /** Coverage of a neighbour known to hold the message: the source, or a node heard transmitting it. */
  public static final int FULL = 255;
  /** Largest accounted coverage below {@link #FULL}. */
  public static final int COVERAGE_MAX = 254;
  /** Most pending states: each costs about 100 bytes, and 64 covers a phone's in-flight broadcasts. */
  public static final int MAX_PENDING = 64;
  /** Copies that suppress a bootstrap relay (the counter rule, for a node that knows no neighbourhood). */
  public static final int BOOTSTRAP_COPIES = 3;
  /** Delay bucket of the bootstrap relay: after every node that can account for its neighbours. */
  public static final int BOOTSTRAP_BUCKET = 7;
  /** First delay bucket of the repairs: after every first transmission. */
  public static final int REPAIR_BUCKET = Integer.getInteger("mtc.repair", 8);

  private static final byte FREE = 0;
  private static final byte ARMED = 1;
  private static final byte LINGER = 2;

  private final RelayParams params;
  private final TwoHopView view;
  private final RandomSource random;
  private final int capacity;
  private final byte[] phase;
  private final long[] source;
  private final int[] messageId;
  private final int[] hop;
  private final int[] sent;
  private final int[] generation;
  private final int[] copies;
  private final boolean[] bootstrap;
  private final long[] lastAction;
  private final long[] order;
  private final byte[][] cov;
  private long arrivals;
  private Role role = Role.PLAIN;
  private int lastGain;
  private int lastNeedy;

  /**
   * @param params the rule's constants
   * @param view this node's neighbourhood, read at every decision (the runtime keeps it current)
   * @param random jitter source
   * @param capacity pending states kept at most, 1..{@link #MAX_PENDING}
   */
  public CoverageEngine(RelayParams params, TwoHopView view, RandomSource random, int capacity) {
    if (capacity < 1 || capacity > MAX_PENDING) {
      throw new IllegalArgumentException("capacity must be 1.." + MAX_PENDING);
    }
    this.params = params;
    this.view = view;
    this.random = random;
    this.capacity = capacity;
    this.phase = new byte[capacity];
    this.source = new long[capacity];
    this.messageId = new int[capacity];
    this.hop = new int[capacity];
    this.sent = new int[capacity];
    this.generation = new int[capacity];
    this.copies = new int[capacity];
    this.bootstrap = new boolean[capacity];
    this.lastAction = new long[capacity];
    this.order = new long[capacity];
    this.cov = new byte[capacity][];
  }

  /** Sets the role this node announces (recomputed by the runtime at most once a second). */
  public void role(Role role) {
    this.role = role;
  }

  /** The role in use. */
  public Role role() {
    return role;
  }

  /**
   * The first accepted copy of message (source, messageId), received from {@code peer} (a link-layer
   * sender that may or may not be in the view) with {@code hopLimit} after the receiver's cap.
   */
  public void onFirstCopy(long now, long source, int messageId, long peer, int hopLimit,
      Consumer<Effect> out) {
    checkHop(hopLimit);
    if (hopLimit == 0) {
      lastGain = 0;
      lastNeedy = 0;
      out.accept(new Effect.Drop(DropReason.HOP_LIMIT));
      return;
    }
    int t = view.slotOf(peer);
    if (t < 0 && view.size() < 2) {
      int s = allocate(now, source, messageId, hopLimit - 1, out);
      bootstrap[s] = true;
      copies[s] = 1;
      lastGain = 0;
      lastNeedy = 0;
      arm(now, s, BOOTSTRAP_BUCKET, out);
      return;
    }
    byte[] c = scratch;
    Arrays.fill(c, (byte) 0);
    credit(c, t);
    int src = view.slotOf(source);
    if (src >= 0) {
      c[src] = (byte) FULL;
    }
    int gain = gain(c);
    int needy = needy(c);
    lastGain = gain;
    lastNeedy = needy;
    if (gain < params.gainMin() && needy == 0) {
      out.accept(new Effect.Drop(DropReason.COVERED));
      return;
    }
    int s = allocate(now, source, messageId, hopLimit - 1, out);
    System.arraycopy(c, 0, cov[s], 0, TwoHopView.MAX_NEIGHBOURS);
    copies[s] = 1;
    arm(now, s, MODE == 0 ? firstBucket(gain) : newBucket(c), out);
  }

  /** A later copy of a message already accepted, from {@code peer}: credits it, then drops the copy. */
  public void onLaterCopy(long now, long source, int messageId, long peer, Consumer<Effect> out) {
    int s = find(now, source, messageId);
    if (s >= 0) {
      if (bootstrap[s]) {
        copies[s]++;
      } else {
        copies[s]++;
        credit(cov[s], view.slotOf(peer));
      }
      lastGain = bootstrap[s] ? 0 : gain(cov[s]);
      lastNeedy = bootstrap[s] ? 0 : needy(cov[s]);
    } else {
      lastGain = 0;
      lastNeedy = 0;
    }
    out.accept(new Effect.Drop(DropReason.DUPLICATE));
  }

  /**
   * This node originates a message: it transmits at once with {@code hopLimit} and keeps the state, so
   * that it repairs like any relay.
   */
  public void onOriginate(long now, long source, int messageId, int hopLimit, Consumer<Effect> out) {
    checkHop(hopLimit);
    int s = allocate(now, source, messageId, hopLimit, out);
    transmitAndFollowUp(now, s, out);
  }

  /** A timer armed by a {@link Effect.Schedule} fired; stale timers (wrong generation) are ignored. */
  public void onTimer(long now, int slot, int generation, Consumer<Effect> out) {
    if (slot < 0 || slot >= capacity || phase[slot] != ARMED || this.generation[slot] != generation) {
      return;
    }
    if (bootstrap[slot]) {
      lastGain = 0;
      lastNeedy = 0;
      if (copies[slot] >= BOOTSTRAP_COPIES) {
        out.accept(new Effect.Cancel(slot, CancelReason.SUPPRESSED));
        phase[slot] = FREE;
        return;
      }
      sent[slot]++;
      out.accept(new Effect.Transmit(slot, hop[slot], sent[slot]));
      linger(now, slot);
      return;
    }
    int gain = gain(cov[slot]);
    int needy = needy(cov[slot]);
    if ((gain < params.gainMin() || (sent[slot] == 0 && copies[slot] >= HYB_K)) && needy == 0) {
      lastGain = gain;
      lastNeedy = needy;
      out.accept(new Effect.Cancel(slot, CancelReason.SUPPRESSED));
      phase[slot] = FREE;
      return;
    }
    transmitAndFollowUp(now, slot, out);
  }

  /** Gain of the pending state in {@code slot} now (for tests, vectors and statistics). */
  public int gain(int slot) {
    return gain(cov[slot]);
  }

  /** Needy count of the pending state in {@code slot} now. */
  public int needy(int slot) {
    return needy(cov[slot]);
  }

  /** Accounted coverage of neighbour {@code x} in the pending state {@code slot} (255 = FULL). */
  public int coverage(int slot, int x) {
    return cov[slot][x] & 0xFF;
  }

  /** The gain computed by the last event (0 when the event computed none). */
  public int lastGain() {
    return lastGain;
  }

  /** The needy count computed by the last event. */
  public int lastNeedy() {
    return lastNeedy;
  }

  /** States in use (armed or lingering). */
  public int pending() {
    int n = 0;
    for (byte p : phase) {
      if (p != FREE) {
        n++;
      }
    }
    return n;
  }

  private final byte[] scratch = new byte[TwoHopView.MAX_NEIGHBOURS];

  private void transmitAndFollowUp(long now, int s, Consumer<Effect> out) {
    sent[s]++;
    out.accept(new Effect.Transmit(s, hop[s], sent[s]));
    byte[] c = cov[s];
    for (long m = view.presentMask(); m != 0; m &= m - 1) {
      int x = Long.numberOfTrailingZeros(m);
      int cx = c[x] & 0xFF;
      if (cx != FULL) {
        c[x] = (byte) Math.min(COVERAGE_MAX, cx + view.creditOut(x));
      }
    }
    int gain = gain(c);
    int needy = needy(c);
    lastGain = gain;
    lastNeedy = needy;
    if (sent[s] <= params.repeatsMax() && (gain >= params.gainMin() || needy > 0)) {
      arm(now, s, REPAIR_BUCKET + sent[s] - 1, out);
    } else {
      linger(now, s);
    }
  }

  static final int HYB_K = Integer.getInteger("mtc.k", 99);
  static final int MODE = Integer.getInteger("mtc.mode", 0);
  static final int ROLE_OFF = Integer.getInteger("mtc.roleoff", 4);

  private int newBucket(byte[] c) {
    int fresh = 0;
    for (long m = view.presentMask(); m != 0; m &= m - 1) {
      int x = Long.numberOfTrailingZeros(m);
      if (c[x] == 0) {
        fresh++;
      }
    }
    int b = Math.max(0, 7 - fresh);
    return params.roleBuckets() && role != Role.RELAY ? b + ROLE_OFF : b;
  }

  private int firstBucket(int gain) {
    int e = gain / 8;
    int b = e >= 12 ? 0 : e >= 6 ? 1 : e >= 3 ? 2 : 3;
    return params.roleBuckets() && role != Role.RELAY ? b + 4 : b;
  }

  private void arm(long now, int s, int bucket, Consumer<Effect> out) {
    int w = params.bucketMillis();
    long at = now + (long) bucket * w + random.nextInt(w);
    phase[s] = ARMED;
    generation[s]++;
    lastAction[s] = now;
    out.accept(new Effect.Schedule(s, generation[s], bucket, at, hop[s]));
  }

  private void linger(long now, int s) {
    phase[s] = LINGER;
    generation[s]++;
    lastAction[s] = now;
  }

  /** Adds a transmission by neighbour slot {@code t} (or nothing if unknown) to coverage {@code c}. */
  private void credit(byte[] c, int t) {
    if (t < 0) {
      return;
    }
    c[t] = (byte) FULL;
    long bit = 1L << t;
    for (long m = view.presentMask(); m != 0; m &= m - 1) {
      int x = Long.numberOfTrailingZeros(m);
      if ((view.hears(x) & bit) != 0) {
        int cx = c[x] & 0xFF;
        if (cx != FULL) {
          c[x] = (byte) Math.min(COVERAGE_MAX, cx + view.creditIn(x, t));
        }
      }
    }
  }

  private int gain(byte[] c) {
    int g = 0;
    int target = params.target();
    for (long m = view.presentMask(); m != 0; m &= m - 1) {
      int x = Long.numberOfTrailingZeros(m);
      int cx = c[x] & 0xFF;
      if (cx != FULL) {
        g += Math.min(Math.max(0, target - cx), view.creditOut(x));
      }
    }
    return g;
  }

  private int needy(byte[] c) {
    int n = 0;
    int floor = params.floor();
    for (long m = view.presentMask(); m != 0; m &= m - 1) {
      int x = Long.numberOfTrailingZeros(m);
      int cx = c[x] & 0xFF;
      if (cx != FULL && cx < floor && view.creditOut(x) >= TwoHopView.CREDIT_COUNTS) {
        n++;
      }
    }
    return n;
  }

  private int find(long now, long src, int id) {
    for (int s = 0; s < capacity; s++) {
      if (phase[s] != FREE && source[s] == src && messageId[s] == id) {
        if (phase[s] == LINGER && now - lastAction[s] >= params.lingerMillis()) {
          phase[s] = FREE;
          return -1;
        }
        return s;
      }
    }
    return -1;
  }

  /**
   * A slot for a new state: a free one, else the longest-lingering, else the oldest armed one (cancelled
   * with {@link CancelReason#OVERLOAD}).
   */
  private int allocate(long now, long src, int id, int relayHop, Consumer<Effect> out) {
    int pick = -1;
    for (int s = 0; s < capacity && pick < 0; s++) {
      if (phase[s] == FREE) {
        pick = s;
      }
    }
    if (pick < 0) {
      long best = Long.MAX_VALUE;
      for (int s = 0; s < capacity; s++) {
        if (phase[s] == LINGER && lastAction[s] < best) {
          best = lastAction[s];
          pick = s;
        }
      }
    }
    if (pick < 0) {
      long best = Long.MAX_VALUE;
      for (int s = 0; s < capacity; s++) {
        if (order[s] < best) {
          best = order[s];
          pick = s;
        }
      }
      out.accept(new Effect.Cancel(pick, CancelReason.OVERLOAD));
    }
    if (cov[pick] == null) {
      cov[pick] = new byte[TwoHopView.MAX_NEIGHBOURS];
    } else {
      Arrays.fill(cov[pick], (byte) 0);
    }
    phase[pick] = LINGER;
    source[pick] = src;
    messageId[pick] = id;
    hop[pick] = relayHop;
    sent[pick] = 0;
    copies[pick] = 0;
    bootstrap[pick] = false;
    lastAction[pick] = now;
    order[pick] = arrivals++;
    return pick;
  }

  private static void checkHop(int hopLimit) {
    if (hopLimit < 0 || hopLimit > 255) {
      throw new IllegalArgumentException("hop limit must be 0..255");
    }
  }
}
