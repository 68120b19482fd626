package network.mtc.routing.sync;

import java.util.List;

/**
 * The payload of a SYNC frame (type 4, link-unicast, hop limit 0): one step of a range-based set
 * reconciliation between two neighbours (spec/routing-sync.md, section 4). The compact constructors
 * enforce every structural rule the decoder enforces (except the size budget, which the encoder checks),
 * so a message that exists has one encoding and {@link SyncMessageCodec} decodes it back to an equal value.
 *
 * <pre>
 *  kind (1: 1 OPEN, 2 RANGES, 3 WANT, 4 DONE) | session (4, BE) | body
 *  OPEN:   version (1) | salt (8) | branch (1) | ranges
 *  RANGES: ranges           WANT: varint n | n item keys           DONE: (empty)
 * </pre>
 *
 * @since 0.1
 */
public sealed interface SyncMessage
    permits SyncMessage.Open, SyncMessage.Ranges, SyncMessage.Want, SyncMessage.Done {

  /** The session: the message id of the frame that carried the OPEN. */
  int session();

  /** Which message this is; switch on it (exhaustively) instead of testing types. */
  Kind kind();

  /** The four kinds, with their wire codes. */
  enum Kind {
    /** Kind 1. */
    OPEN,
    /** Kind 2. */
    RANGES,
    /** Kind 3. */
    WANT,
    /** Kind 4. */
    DONE;

    /** The kind byte. */
    public int code() {
      return ordinal() + 1;
    }
  }

  /**
   * Kind 1, initiator to responder: starts a session.
   *
   * @param salt the session's fingerprint salt (8 bytes, fresh per session)
   * @param branch how many sub-ranges a differing range is split into, 2..32
   * @param ranges the initiator's first ranges, covering every key
   */
  record Open(int session, long salt, int branch, List<SyncRange> ranges) implements SyncMessage {
    /** Checks the branch factor and the ranges. */
    public Open {
      if (branch < SyncMessageCodec.MIN_BRANCH || branch > SyncMessageCodec.MAX_BRANCH) {
        throw new IllegalArgumentException("branch must be 2..32, got " + branch);
      }
      ranges = SyncMessageCodec.checkRanges(ranges);
    }

    @Override
    public Kind kind() {
      return Kind.OPEN;
    }
  }

  /** Kind 2, either direction: the answer to every range of the previous message. */
  record Ranges(int session, List<SyncRange> ranges) implements SyncMessage {
    /** Checks the ranges. */
    public Ranges {
      ranges = SyncMessageCodec.checkRanges(ranges);
    }

    @Override
    public Kind kind() {
      return Kind.RANGES;
    }
  }

  /**
   * Kind 3, initiator to responder: the keys the initiator lacks; the responder pushes those frames.
   *
   * @param keys 1..{@link SyncMessageCodec#MAX_WANT} keys, strictly increasing
   */
  record Want(int session, List<ItemKey> keys) implements SyncMessage {
    /** Copies the keys and checks their count and order. */
    public Want {
      keys = List.copyOf(keys);
      if (keys.isEmpty() || keys.size() > SyncMessageCodec.MAX_WANT) {
        throw new IllegalArgumentException("a WANT holds 1.." + SyncMessageCodec.MAX_WANT + " keys");
      }
      for (int i = 1; i < keys.size(); i++) {
        if (keys.get(i - 1).compareTo(keys.get(i)) >= 0) {
          throw new IllegalArgumentException("keys must be strictly increasing");
        }
      }
    }

    @Override
    public Kind kind() {
      return Kind.WANT;
    }
  }

  /** Kind 4, initiator to responder: the session is over. */
  record Done(int session) implements SyncMessage {
    @Override
    public Kind kind() {
      return Kind.DONE;
    }
  }
}
