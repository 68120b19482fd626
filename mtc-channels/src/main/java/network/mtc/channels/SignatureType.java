package network.mtc.channels;

/**
 * What a channel signature means; its code is part of the signed bytes ({@link ChannelSigner}), so a
 * signature of one type never verifies as another.
 *
 * @since 0.1
 */
public enum SignatureType {
  /** Agreement to a channel state (both parties sign the same bytes: a co-signed state). */
  STATE(1),
  /** Agreement to close cooperatively at a final state (no pending locks). */
  COOPERATIVE_CLOSE(2);

  private final int code;

  SignatureType(int code) {
    this.code = code;
  }

  /** The byte in the signed message. */
  public int code() {
    return code;
  }
}
