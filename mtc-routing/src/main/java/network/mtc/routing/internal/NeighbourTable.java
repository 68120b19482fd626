package network.mtc.routing.internal;

import java.util.ArrayList;
import java.util.List;
import network.mtc.routing.DropReason;
import network.mtc.routing.message.Announce;
import network.mtc.routing.message.AnnounceView;
import network.mtc.routing.message.NeighbourEntry;
import network.mtc.routing.policy.NeighbourView;

/**
 * The bounded neighbour table (spec/routing.md, "Neighbour table"): one slot per neighbour heard in a
 * verified announce, holding its link binding, link credits, flags and announced adjacency. Memory is
 * bounded at construction (about 100 bytes per slot, plus 5 bytes per listed two-hop entry); a flood of announces from forged or freshly minted
 * addresses can only be refused, never grow it:
 *
 * <ul>
 *   <li>an announce whose sequence number is not above the last accepted one is a replay;
 *   <li>a link peer binds at most one live address: an announce for another address from a peer bound to
 *       a live entry is refused ({@link DropReason#PEER_CONFLICT}), so one radio minting keys takes one slot;
 *   <li>when the table is full a newcomer replaces the weakest entry only if it is strictly stronger, and
 *       a newcomer's strength is what its link reports (0 when the link reports nothing), so unknown
 *       newcomers never push out measured neighbours ({@link DropReason#TABLE_FULL});
 *   <li>an entry expires three times its declared interval after its last announce.
 * </ul>
 *
 * Not thread-safe; the node's event loop owns it.
 */
public final class NeighbourTable implements NeighbourView {
  /** Outcome of {@link #accept}: NEW, UPDATED, or the drop reason. */
  public enum Outcome {
    /** A neighbour entered the table. */
    NEW,
    /** A known neighbour's entry was refreshed. */
    UPDATED,
    /** Sequence number not above the last accepted. */
    REPLAY,
    /** Full, and the newcomer is not stronger than the weakest entry. */
    TABLE_FULL,
    /** The link peer is bound to another live neighbour. */
    PEER_CONFLICT
  }

  /** The drop outcomes {@link #admit} encodes as {@code -1 - index}. */
  private static final Outcome[] DROPS = {Outcome.REPLAY, Outcome.TABLE_FULL, Outcome.PEER_CONFLICT};
  /** {@link #admit}'s result: the slot in the low bits (capacity is at most 64)... */
  private static final int SLOT_MASK = 0xFF;
  /** ...and this bit if the neighbour is new... */
  private static final int ADMITTED_NEW = 0x100;
  /** ...and this one if what it announced changed (see {@link #announcedVersion}). */
  private static final int ANNOUNCED_CHANGED = 0x200;

  private final int capacity;
  private final long[] address;
  private final int[] link;
  private final long[] peer;
  private final long[] lastHeard;
  private final long[] expiresAt;
  private final int[] flags;
  private final int[] interval;
  private final long[] lastSeq;
  private final int[] window;
  private final int[] expected;
  private final int[] reportedLossPpm;
  private final int[] inCredit;
  private final int[] outCredit;
  private final int[] adjCount;
  /** Per slot, grown to the longest list that slot has held (most nodes list about 15, not 32). */
  private final int[][] adjPrefix;
  private final byte[][] adjQ;
  /** Per slot, the {@link #version} at its last change (what {@link #slotVersion} reports). */
  private final long[] slotVersion;
  /**
   * Per slot, the {@link #version} at the last change of what the neighbour announced and a two-hop view
   * reads: address, flags, the credit it reports for this node and its adjacency list (an announce
   * repeating the last one leaves it; what {@link #announcedVersion(int)} reports).
   */
  private final long[] announcedVersion;
  /** The live slots by link binding, so the receive path finds a frame's transmitter without a scan. */
  private final SlotIndex byPeer;
  /** The live slots by address. */
  private final SlotIndex byAddress;
  private final int selfPrefix;
  private long present;
  private int size;
  private long version;
  private long membershipVersion;
  private long nextExpiry = Long.MAX_VALUE;

  /**
   * @param capacity slots, 1..64
   * @param self this node's address (to read the credit neighbours announce for it)
   */
  public NeighbourTable(int capacity, long self) {
    if (capacity < 1 || capacity > 64) {
      throw new IllegalArgumentException("capacity must be 1..64");
    }
    this.capacity = capacity;
    this.selfPrefix = NeighbourView.prefixOf(self);
    address = new long[capacity];
    link = new int[capacity];
    peer = new long[capacity];
    lastHeard = new long[capacity];
    expiresAt = new long[capacity];
    flags = new int[capacity];
    interval = new int[capacity];
    lastSeq = new long[capacity];
    window = new int[capacity];
    expected = new int[capacity];
    reportedLossPpm = new int[capacity];
    inCredit = new int[capacity];
    outCredit = new int[capacity];
    adjCount = new int[capacity];
    adjPrefix = new int[capacity][];
    adjQ = new byte[capacity][];
    slotVersion = new long[capacity];
    announcedVersion = new long[capacity];
    byPeer = new SlotIndex(peer, link);
    byAddress = new SlotIndex(address, null);
  }

  /**
   * True if an announce from {@code source} with {@code seq} would be a replay (checked before the
   * signature, which is costlier).
   */
  public boolean isReplay(long source, long seq, long now) {
    int s = slotOf(source);
    return s >= 0 && expiresAt[s] > now && seq <= lastSeq[s];
  }

  /**
   * Takes a verified announce.
   *
   * @param lossPermille the loss the link reports for this peer, or a negative value if unknown
   */
  public Outcome accept(long source, long seq, Announce a, int linkIndex, long linkPeer, int lossPermille,
      long now) {
    int r = admit(source, seq, a.flags(), a.intervalSeconds(), linkIndex, linkPeer, lossPermille, now);
    if (r < 0) {
      return DROPS[-1 - r];
    }
    int s = r & SLOT_MASK;
    List<NeighbourEntry> entries = a.neighbours();
    boolean changed = (r & ANNOUNCED_CHANGED) != 0 || adjCount[s] != entries.size();
    int[] prefixes = adjacencyRow(s, entries.size());
    byte[] qs = adjQ[s];
    int out = 0;
    for (int i = 0; i < entries.size(); i++) {
      NeighbourEntry e = entries.get(i);
      byte q = (byte) (e.credit() << 3 | (e.relay() ? ENTRY_RELAY : 0) | (e.marked() ? ENTRY_MARKED : 0));
      changed |= prefixes[i] != e.prefix() || qs[i] != q;
      prefixes[i] = e.prefix();
      qs[i] = q;
      if (e.prefix() == selfPrefix) {
        out = e.credit();
      }
    }
    return finish(s, r, changed, out);
  }

  /**
   * Takes a verified announce read in place (the same as {@link #accept(long, long, Announce, int, long,
   * int, long)}, without the records): the neighbour list is copied from the frame bytes into the slot.
   *
   * @param lossPermille the loss the link reports for this peer, or a negative value if unknown
   */
  public Outcome accept(long source, long seq, AnnounceView a, int linkIndex, long linkPeer,
      int lossPermille, long now) {
    int r = admit(source, seq, a.flags(), a.intervalSeconds(), linkIndex, linkPeer, lossPermille, now);
    if (r < 0) {
      return DROPS[-1 - r];
    }
    int s = r & SLOT_MASK;
    int n = a.neighbourCount();
    boolean changed = (r & ANNOUNCED_CHANGED) != 0 || adjCount[s] != n;
    int[] prefixes = adjacencyRow(s, n);
    byte[] qs = adjQ[s];
    int out = 0;
    for (int i = 0; i < n; i++) {
      int prefix = a.prefix(i);
      byte q = (byte) a.quality(i);
      changed |= prefixes[i] != prefix || qs[i] != q;
      prefixes[i] = prefix;
      qs[i] = q;
      if (prefix == selfPrefix) {
        out = (q & 0xFF) >>> 3;
      }
    }
    return finish(s, r, changed, out);
  }

  /**
   * Everything of {@code accept} but the adjacency list: finds or makes the slot and updates its link,
   * credit, flags and expiry; returns the slot (with {@link #ADMITTED_NEW} if new), or {@code -1 - i}
   * for the drop outcome {@code DROPS[i]}; with {@link #ANNOUNCED_CHANGED} if the neighbour is new or its
   * flags changed.
   */
  private int admit(long source, long seq, int announceFlags, int intervalSeconds, int linkIndex,
      long linkPeer, int lossPermille, long now) {
    int s = slotOf(source);
    if (s >= 0 && expiresAt[s] <= now) {
      remove(s);
      s = -1;
    }
    int lossPpm = lossPermille < 0 || lossPermille > 1000 ? -1 : lossPermille * 1000;
    boolean isNew;
    if (s >= 0) {
      if (seq <= lastSeq[s]) {
        return -1;
      }
      long gap = seq - lastSeq[s];
      window[s] = gap >= LinkCredit.WINDOW ? 1 : ((window[s] << gap) | 1) & 0xFFFF;
      expected[s] = (int) Math.min(LinkCredit.WINDOW, expected[s] + gap);
      isNew = false;
    } else {
      int bound = slotOfPeer(linkIndex, linkPeer);
      if (bound >= 0 && expiresAt[bound] > now) {
        return -3;
      }
      if (bound >= 0) {
        remove(bound);
      }
      s = freeSlot(now);
      if (s < 0) {
        int weakest = weakest();
        int strength = lossPpm < 0 ? 0 : LinkCredit.ofLossPpm(lossPpm);
        if (strength <= inCredit[weakest]) {
          return -2;
        }
        remove(weakest);
        s = weakest;
      }
      present |= 1L << s;
      size++;
      address[s] = source;
      byAddress.add(s);
      window[s] = 1;
      expected[s] = 1;
      isNew = true;
    }
    lastSeq[s] = seq;
    if (isNew || link[s] != linkIndex || peer[s] != linkPeer) {
      if (!isNew) {
        byPeer.remove(s);
      }
      link[s] = linkIndex;
      peer[s] = linkPeer;
      byPeer.add(s);
    }
    reportedLossPpm[s] = lossPpm;
    inCredit[s] = lossPpm >= 0 ? LinkCredit.ofLossPpm(lossPpm) : LinkCredit.ofWindow(window[s], expected[s]);
    boolean changedFlags = flags[s] != announceFlags;
    flags[s] = announceFlags;
    interval[s] = intervalSeconds;
    lastHeard[s] = now;
    expiresAt[s] = now + 3000L * intervalSeconds;
    nextExpiry = Math.min(nextExpiry, expiresAt[s]);
    return (isNew ? s | ADMITTED_NEW | ANNOUNCED_CHANGED : s) | (changedFlags ? ANNOUNCED_CHANGED : 0);
  }

  /** Sizes slot {@code s}'s adjacency row for {@code count} entries; returns its prefix array. */
  private int[] adjacencyRow(int s, int count) {
    adjCount[s] = count;
    if (adjPrefix[s] == null || adjPrefix[s].length < count) {
      adjPrefix[s] = new int[count];
      adjQ[s] = new byte[count];
    }
    return adjPrefix[s];
  }

  /**
   * Sets the slot's outbound credit to {@code out} and bumps the versions after {@link #admit} and the
   * adjacency copy ({@code changed}: the copy or {@code admit} changed what the neighbour announced);
   * returns the outcome.
   */
  private Outcome finish(int s, int admitted, boolean changed, int out) {
    version++;
    slotVersion[s] = version;
    if (changed || outCredit[s] != out) {
      outCredit[s] = out;
      announcedVersion[s] = version;
    }
    if ((admitted & ADMITTED_NEW) != 0) {
      membershipVersion = version;
      return Outcome.NEW;
    }
    return Outcome.UPDATED;
  }

  /** Removes entries whose expiry has passed; returns how many. */
  public int expire(long now) {
    if (now < nextExpiry) {
      return 0;
    }
    int removed = 0;
    long next = Long.MAX_VALUE;
    for (int s = 0; s < capacity; s++) {
      if (present(s)) {
        if (expiresAt[s] <= now) {
          remove(s);
          removed++;
        } else {
          next = Math.min(next, expiresAt[s]);
        }
      }
    }
    nextExpiry = next;
    return removed;
  }

  /**
   * The entries this node announces: its {@value Announce#MAX_ENTRIES} best neighbours by inbound credit
   * (ties to the lower address), listed by prefix; of two neighbours sharing a prefix only the better is
   * listed (readers could not tell them apart).
   *
   * @return the entries; {@code truncated[0]} is set if neighbours were left out
   */
  public List<NeighbourEntry> announceEntries(boolean[] truncated) {
    int[] order = new int[size];
    int n = 0;
    for (int s = 0; s < capacity; s++) {
      if (present(s)) {
        order[n++] = s;
      }
    }
    // Insertion sort by (credit desc, address asc): at most 64 entries, deterministic.
    for (int i = 1; i < n; i++) {
      int x = order[i];
      int j = i - 1;
      while (j >= 0 && better(x, order[j])) {
        order[j + 1] = order[j];
        j--;
      }
      order[j + 1] = x;
    }
    List<NeighbourEntry> out = new ArrayList<>(Math.min(n, Announce.MAX_ENTRIES));
    boolean cut = false;
    for (int i = 0; i < n; i++) {
      int s = order[i];
      int prefix = NeighbourView.prefixOf(address[s]);
      boolean clash = false;
      for (NeighbourEntry e : out) {
        clash |= e.prefix() == prefix;
      }
      if (clash) {
        continue;
      }
      if (out.size() == Announce.MAX_ENTRIES) {
        cut = true;
        break;
      }
      out.add(new NeighbourEntry(prefix, inCredit[s], (flags[s] & FLAG_RELAY) != 0,
          (flags[s] & FLAG_MARKED) != 0));
    }
    out.sort((a, b) -> Integer.compare(a.prefix(), b.prefix()));
    truncated[0] = cut;
    return out;
  }

  private boolean better(int a, int b) {
    return inCredit[a] != inCredit[b] ? inCredit[a] > inCredit[b] : Long.compareUnsigned(address[a], address[b]) < 0;
  }

  private int freeSlot(long now) {
    for (int s = 0; s < capacity; s++) {
      if (!present(s)) {
        return s;
      }
    }
    for (int s = 0; s < capacity; s++) {
      if (expiresAt[s] <= now) {
        remove(s);
        return s;
      }
    }
    return -1;
  }

  private int weakest() {
    int w = -1;
    for (int s = 0; s < capacity; s++) {
      if (present(s) && (w < 0 || better(w, s))) {
        w = s;
      }
    }
    return w;
  }

  private void remove(int s) {
    if (present(s)) {
      present &= ~(1L << s);
      size--;
      adjCount[s] = 0;
      byAddress.remove(s);
      address[s] = 0;
      byPeer.remove(s);
      version++;
      slotVersion[s] = version;
      announcedVersion[s] = version;
      membershipVersion = version;
    }
  }

  @Override
  public int capacity() {
    return capacity;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public long presentMask() {
    return present;
  }

  @Override
  public boolean present(int slot) {
    return (present >>> slot & 1) != 0;
  }

  @Override
  public long address(int slot) {
    return address[slot];
  }

  @Override
  public int linkIndex(int slot) {
    return link[slot];
  }

  @Override
  public long peer(int slot) {
    return peer[slot];
  }

  @Override
  public int inboundCredit(int slot) {
    return inCredit[slot];
  }

  @Override
  public int outboundCredit(int slot) {
    return outCredit[slot];
  }

  @Override
  public int flags(int slot) {
    return flags[slot];
  }

  @Override
  public int intervalSeconds(int slot) {
    return interval[slot];
  }

  @Override
  public long lastHeardMillis(int slot) {
    return lastHeard[slot];
  }

  /** When the entry expires unless refreshed. */
  public long expiresAtMillis(int slot) {
    return expiresAt[slot];
  }

  @Override
  public int adjacencyCount(int slot) {
    return adjCount[slot];
  }

  @Override
  public int adjacencyPrefix(int slot, int i) {
    return adjPrefix[slot][i];
  }

  @Override
  public int adjacencyCredit(int slot, int i) {
    return (adjQ[slot][i] & 0xFF) >>> 3;
  }

  @Override
  public int adjacencyFlags(int slot, int i) {
    return adjQ[slot][i] & (ENTRY_RELAY | ENTRY_MARKED);
  }

  @Override
  public int slotOf(long addr) {
    return byAddress.find(0, addr);
  }

  @Override
  public int slotOfPeer(int linkIndex, long linkPeer) {
    return byPeer.find(linkIndex, linkPeer);
  }

  @Override
  public long version() {
    return version;
  }

  @Override
  public long membershipVersion() {
    return membershipVersion;
  }

  @Override
  public long slotVersion(int slot) {
    return slotVersion[slot];
  }

  @Override
  public long announcedVersion(int slot) {
    return announcedVersion[slot];
  }
}
