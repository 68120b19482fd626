package network.mtc.vectors.json;

/** Malformed JSON, with the character offset where the reader stopped. */
public final class JsonException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int offset;

  /** A parse error at {@code offset}. */
  public JsonException(String message, int offset) {
    super(message + " at offset " + offset, null, false, false);
    this.offset = offset;
  }

  /** Character offset of the problem. */
  public int offset() {
    return offset;
  }
}
