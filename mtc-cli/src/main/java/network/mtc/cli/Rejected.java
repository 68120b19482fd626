package network.mtc.cli;

/** Well-formed arguments whose content was rejected (invalid frame, bad signature): exit code 1. */
final class Rejected extends RuntimeException {
  private static final long serialVersionUID = 1L;

  Rejected(String message) {
    super(message, null, false, false);
  }
}
