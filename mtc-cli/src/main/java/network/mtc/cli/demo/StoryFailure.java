package network.mtc.cli.demo;

/** The story could not go on (a message never arrived, a machine refused a step): the demo fails with it. */
final class StoryFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  StoryFailure(String message) {
    super(message, null, false, false);
  }
}
