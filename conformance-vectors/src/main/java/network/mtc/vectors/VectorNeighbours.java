package network.mtc.vectors;

import java.util.List;
import network.mtc.routing.policy.NeighbourView;

/**
 * A fixed {@link NeighbourView} built from a vector case: slot i is the i-th listed neighbour, on link 0,
 * with its address as link peer. Version 1, never changing.
 */
final class VectorNeighbours implements NeighbourView {
  private final List<CoverageReference.Neighbour> nbs;

  VectorNeighbours(List<CoverageReference.Neighbour> nbs) {
    if (nbs.size() > 64) {
      throw new IllegalArgumentException("at most 64 neighbours");
    }
    this.nbs = nbs;
  }

  @Override
  public int capacity() {
    return 64;
  }

  @Override
  public int size() {
    return nbs.size();
  }

  @Override
  public long presentMask() {
    return nbs.size() == 64 ? -1L : (1L << nbs.size()) - 1;
  }

  @Override
  public boolean present(int slot) {
    return slot >= 0 && slot < nbs.size();
  }

  @Override
  public long address(int slot) {
    return nbs.get(slot).address();
  }

  @Override
  public int linkIndex(int slot) {
    return 0;
  }

  @Override
  public long peer(int slot) {
    return nbs.get(slot).address();
  }

  @Override
  public int inboundCredit(int slot) {
    return 8;
  }

  @Override
  public int outboundCredit(int slot) {
    return nbs.get(slot).creditOut();
  }

  @Override
  public int flags(int slot) {
    return nbs.get(slot).marked() ? FLAG_MARKED : 0;
  }

  @Override
  public int intervalSeconds(int slot) {
    return 2;
  }

  @Override
  public long lastHeardMillis(int slot) {
    return 0;
  }

  @Override
  public int adjacencyCount(int slot) {
    return nbs.get(slot).adjacency().size();
  }

  @Override
  public int adjacencyPrefix(int slot, int i) {
    return nbs.get(slot).adjacency().get(i)[0];
  }

  @Override
  public int adjacencyCredit(int slot, int i) {
    return nbs.get(slot).adjacency().get(i)[1];
  }

  @Override
  public int adjacencyFlags(int slot, int i) {
    return 0;
  }

  @Override
  public int slotOf(long address) {
    for (int i = 0; i < nbs.size(); i++) {
      if (nbs.get(i).address() == address) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public int slotOfPeer(int linkIndex, long peer) {
    return linkIndex == 0 ? slotOf(peer) : -1;
  }

  @Override
  public long version() {
    return 1;
  }
}
