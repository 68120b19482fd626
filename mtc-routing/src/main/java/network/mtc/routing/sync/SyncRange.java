package network.mtc.routing.sync;

import java.util.List;

/**
 * One range of a RANGES or OPEN message: the keys from the previous range's bound (or {@link ItemKey#ZERO})
 * up to {@link #bound()}, exclusive, and what the sender says about its items there.
 *
 * @since 0.1
 */
public sealed interface SyncRange permits SyncRange.Skip, SyncRange.Fingerprint, SyncRange.IdList {
  /** The exclusive upper end of the range. */
  SyncBound bound();

  /** Which mode this is; switch on it (exhaustively) instead of testing types. */
  Mode mode();

  /** The three modes, with their wire codes. */
  enum Mode {
    /** Mode 0. */
    SKIP,
    /** Mode 1. */
    FINGERPRINT,
    /** Mode 2. */
    IDLIST;

    /** The mode byte. */
    public int code() {
      return ordinal();
    }
  }

  /** Mode 0: nothing to say (the range matched, or is settled). */
  record Skip(SyncBound bound) implements SyncRange {
    /** Checks the bound is present. */
    public Skip {
      if (bound == null) {
        throw new IllegalArgumentException("bound is required");
      }
    }

    @Override
    public Mode mode() {
      return Mode.SKIP;
    }
  }

  /**
   * Mode 1: the sender's salted fingerprint of the range.
   *
   * @param sum Σ H8(salt || key) mod 2^64 over the sender's items in the range
   * @param count how many items the sender holds in the range (unsigned)
   */
  record Fingerprint(SyncBound bound, long sum, long count) implements SyncRange {
    /** Checks the bound is present. */
    public Fingerprint {
      if (bound == null) {
        throw new IllegalArgumentException("bound is required");
      }
    }

    @Override
    public Mode mode() {
      return Mode.FINGERPRINT;
    }
  }

  /**
   * Mode 2: every key the sender holds in the range, in increasing order.
   *
   * @param keys at most {@link SyncMessageCodec#MAX_IDLIST} keys, strictly increasing
   */
  record IdList(SyncBound bound, List<ItemKey> keys) implements SyncRange {
    /** Copies the keys and checks their count and order. */
    public IdList {
      if (bound == null) {
        throw new IllegalArgumentException("bound is required");
      }
      keys = List.copyOf(keys);
      if (keys.size() > SyncMessageCodec.MAX_IDLIST) {
        throw new IllegalArgumentException("at most " + SyncMessageCodec.MAX_IDLIST + " keys");
      }
      for (int i = 1; i < keys.size(); i++) {
        if (keys.get(i - 1).compareTo(keys.get(i)) >= 0) {
          throw new IllegalArgumentException("keys must be strictly increasing");
        }
      }
    }

    @Override
    public Mode mode() {
      return Mode.IDLIST;
    }
  }
}
