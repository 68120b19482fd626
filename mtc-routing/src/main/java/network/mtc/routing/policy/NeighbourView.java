package network.mtc.routing.policy;

/**
 * A read-only view of a node's neighbour table, as relay policies (COVERAGE in particular) consume it.
 * Neighbours live in numbered slots {@code 0..capacity()-1}; a slot keeps its number for as long as its
 * neighbour stays in the table, so a policy can index 64-bit masks and matrices by slot. Every entry comes
 * from a verified ANNOUNCE (spec/routing.md, "Neighbour table").
 *
 * <p>Credits are integers 0..24, in eighths of a decade of loss: {@code min(24, floor(-8 log10 loss))}
 * (0.1 gives 8, 0.01 gives 16); a link below 2 does not count (docs/routing-design.md, section 2.2).
 *
 * <p>The view is live: read it on the node's event loop only. {@link #version()} changes whenever an entry
 * is added, removed or updated, so a policy may cache what it derives (two-hop masks) and recompute it
 * only when the version moves.
 *
 * @since 0.1
 */
public interface NeighbourView {
  /** Largest credit. */
  int MAX_CREDIT = 24;
  /** Announce flag: the node is a relay (backbone) node. */
  int FLAG_RELAY = 0x80;
  /** Announce flag: the node is MARKED (two of its neighbours are not adjacent). */
  int FLAG_MARKED = 0x40;
  /** Announce flag: the node is a mesh station (has an uplink). */
  int FLAG_STATION = 0x20;
  /** Announce flag: the node signs every frame it originates. */
  int FLAG_SIGNS_ALL = 0x10;
  /** Announce flag: the node has more neighbours than its announce lists. */
  int FLAG_TRUNCATED = 0x08;
  /** Adjacency entry bit: that neighbour announced RELAY. */
  int ENTRY_RELAY = 0x04;
  /** Adjacency entry bit: that neighbour announced MARKED. */
  int ENTRY_MARKED = 0x02;

  /** Number of slots (the table's bound, at most 64). */
  int capacity();

  /** Live neighbours. */
  int size();

  /** Bit i set if slot i holds a live neighbour. */
  long presentMask();

  /** True if {@code slot} holds a live neighbour. */
  boolean present(int slot);

  /** The neighbour's address value. */
  long address(int slot);

  /** Index of the link the neighbour was heard on. */
  int linkIndex(int slot);

  /** The link's id of the neighbour (what {@code Link.sendTo} takes). */
  long peer(int slot);

  /**
   * c(x, self): credit of the link from the neighbour to this node, measured here (announce sequence gaps
   * over the last 16 announces, or the loss the link reports). This is what this node announces for it.
   */
  int inboundCredit(int slot);

  /**
   * c(self, x): credit of the link from this node to the neighbour, as the neighbour announced it (its
   * inbound credit for this node), or 0 if its last announce does not list this node.
   */
  int outboundCredit(int slot);

  /** Flags of the neighbour's last announce ({@link #FLAG_RELAY}, ...). */
  int flags(int slot);

  /** The announce interval the neighbour declared, in seconds. */
  int intervalSeconds(int slot);

  /** When the neighbour's last accepted announce arrived (node clock, milliseconds). */
  long lastHeardMillis(int slot);

  /** How many neighbours the neighbour's last announce listed (0..32). */
  int adjacencyCount(int slot);

  /** The first 3 bytes of the address of the i-th neighbour it listed, as an int 0..0xFFFFFF. */
  int adjacencyPrefix(int slot, int i);

  /** The credit the neighbour announced for its i-th listed neighbour (that neighbour to it). */
  int adjacencyCredit(int slot, int i);

  /** {@link #ENTRY_RELAY} and {@link #ENTRY_MARKED} bits of its i-th listed neighbour. */
  int adjacencyFlags(int slot, int i);

  /** The slot of the neighbour with this address, or -1. */
  int slotOf(long address);

  /** The slot of the neighbour bound to this link and peer, or -1. */
  int slotOfPeer(int linkIndex, long peer);

  /** Changes whenever the table does. */
  long version();

  /**
   * Changes whenever a neighbour enters or leaves the table (the set of slots and their addresses), so a
   * policy can tell that only some entries were refreshed. The default, {@link #version()}, is always
   * correct: it merely reports every change as a change of membership.
   *
   * @since 0.1
   */
  default long membershipVersion() {
    return version();
  }

  /**
   * Changes whenever the entry in {@code slot} does (the same value as {@link #version()} for an
   * implementation that does not track slots). With {@link #membershipVersion()} unchanged, a policy
   * needs to reread only the slots whose value moved.
   *
   * @since 0.1
   */
  default long slotVersion(int slot) {
    return version();
  }

  /**
   * Changes whenever what the neighbour in {@code slot} announced does: its address, {@link #flags},
   * {@link #outboundCredit} or adjacency list (not on an announce that repeats the last one, which
   * changes only link statistics and timestamps). The default, {@link #slotVersion(int)}, is always
   * correct.
   *
   * @since 0.1
   */
  default long announcedVersion(int slot) {
    return slotVersion(slot);
  }

  /** The 3-byte prefix of an address value, as announces carry it. */
  static int prefixOf(long address) {
    return (int) (address >>> 40) & 0xFF_FFFF;
  }
}
