package network.mtc.wire;

/**
 * The one exception every MTC decoder throws on bad input. It carries a stable {@link DecodeError} code,
 * the name of the field being read and the byte (or character, for text codecs) offset where the problem
 * was found, so a caller can report "what and where" in one line.
 *
 * <p>The exception is unchecked and stackless: rejecting hostile input is an expected event on a mesh, not a
 * bug, and filling a stack trace for every forged frame would make rejection costlier than acceptance.
 *
 * @since 0.1
 */
public final class MtcDecodeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final DecodeError code;
  private final String field;
  private final long offset;

  /**
   * @param code what rule was broken
   * @param field the field being decoded (as named in the spec), never null
   * @param offset the offset in the input where the offending field starts or the input ended
   */
  public MtcDecodeException(DecodeError code, String field, long offset) {
    this(code, field, offset, null);
  }

  /** As {@link #MtcDecodeException(DecodeError, String, long)} with extra detail for humans. */
  public MtcDecodeException(DecodeError code, String field, long offset, String detail) {
    super(code + " at offset " + offset + " (" + field + ")" + (detail == null ? "" : ": " + detail),
        null, false, false);
    this.code = code;
    this.field = field;
    this.offset = offset;
  }

  /** The stable error code. */
  public DecodeError code() {
    return code;
  }

  /** The field being decoded when the input was rejected. */
  public String field() {
    return field;
  }

  /** The offset in the input where the problem was found. */
  public long offset() {
    return offset;
  }
}
