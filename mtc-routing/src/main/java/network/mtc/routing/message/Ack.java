package network.mtc.routing.message;

/**
 * The payload of an ACK frame (type 2, spec/routing-unicast.md section 2): a hop acknowledgement from the
 * next hop of a routed unicast frame, or the end-to-end acknowledgement of its destination.
 *
 * @since 0.1
 */
public sealed interface Ack {
  /** Kind byte of {@link Hop}. */
  int KIND_HOP = 1;
  /** Kind byte of {@link End}. */
  int KIND_END = 2;

  /**
   * "I took your copy of (source, messageId)": sent link-unicast, hop limit 0, to the neighbour that
   * handed this node a routed unicast frame. 13 bytes.
   *
   * @param source the source address of the acknowledged frame (never 0)
   * @param messageId its message id
   */
  record Hop(long source, int messageId) implements Ack {
    /** Encoded length. */
    public static final int LENGTH = 13;

    /** Validates the source. */
    public Hop {
      if (source == 0) {
        throw new IllegalArgumentException("source address 0 is reserved");
      }
    }
  }

  /**
   * "Your message reached me": sent by the destination of a unicast DATA to its source, routed like DATA.
   * 10 bytes.
   *
   * @param messageId the message id of the attempt that arrived
   * @param firstId the message id of the message's first attempt (equal to messageId on a first attempt)
   * @param hops the hops the arriving copy travelled, 1..255
   */
  record End(int messageId, int firstId, int hops) implements Ack {
    /** Encoded length. */
    public static final int LENGTH = 10;

    /** Validates the hop count. */
    public End {
      if (hops < 1 || hops > 255) {
        throw new IllegalArgumentException("hops must be 1..255, got " + hops);
      }
    }
  }
}
