package network.mtc.wire.frame;

/**
 * The frame types that version 1 of the wire format assigns, with the structural rules the frame decoder
 * enforces for each (spec/wire.md, "Frame types"). Types 4 to 63 are unassigned: a v1 decoder accepts them
 * structurally and upper layers skip what they do not understand. Type 0 is reserved and always rejected.
 *
 * @since 0.1
 */
public enum FrameType {
  /** Application payload, broadcast or unicast, signed or not. */
  DATA(1, Addressing.ANY, Signing.OPTIONAL),
  /** End-to-end acknowledgement of a unicast frame; unicast only. */
  ACK(2, Addressing.UNICAST, Signing.OPTIONAL),
  /** A node's signed presence announcement; broadcast only, always signed. */
  ANNOUNCE(3, Addressing.BROADCAST, Signing.REQUIRED);

  /** Which addressing a type allows. */
  public enum Addressing { ANY, UNICAST, BROADCAST }

  /** Whether a type carries a signature. */
  public enum Signing { OPTIONAL, REQUIRED }

  /** Largest type number (6 bits). */
  public static final int MAX_CODE = 63;

  private static final FrameType[] BY_CODE = new FrameType[MAX_CODE + 1];

  static {
    for (FrameType t : values()) {
      BY_CODE[t.code] = t;
    }
  }

  private final int code;
  private final Addressing addressing;
  private final Signing signing;

  FrameType(int code, Addressing addressing, Signing signing) {
    this.code = code;
    this.addressing = addressing;
    this.signing = signing;
  }

  /** The 6-bit type number on the wire. */
  public int code() {
    return code;
  }

  /** Addressing rule. */
  public Addressing addressing() {
    return addressing;
  }

  /** Signing rule. */
  public Signing signing() {
    return signing;
  }

  /** The assigned type with {@code code}, or null if the code is unassigned (or out of range). */
  public static FrameType of(int code) {
    return code >= 0 && code <= MAX_CODE ? BY_CODE[code] : null;
  }

  /**
   * Checks the type rules; returns null if the frame obeys them, or a description of the broken rule.
   * Unassigned types have no rules.
   */
  static String ruleViolation(int code, boolean unicast, boolean signed) {
    FrameType t = of(code);
    if (t == null) {
      return null;
    }
    if (t.addressing == Addressing.UNICAST && !unicast) {
      return t + " frames must be unicast";
    }
    if (t.addressing == Addressing.BROADCAST && unicast) {
      return t + " frames must be broadcast";
    }
    if (t.signing == Signing.REQUIRED && !signed) {
      return t + " frames must be signed";
    }
    return null;
  }
}
