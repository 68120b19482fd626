package network.mtc.vectors;

import java.util.List;
import java.util.Map;

/**
 * The vectors of one codec or state machine: how to generate them and how to check one case. One file per
 * suite ({@link #fileName()}), schema in conformance-vectors/README.md.
 */
public interface Suite {
  /** The {@code codec} field of the file, which the runner dispatches on. */
  String codec();

  /** Path of the vector file relative to the vectors folder. */
  String fileName();

  /** One paragraph for the file's {@code description}. */
  String description();

  /** Where the cases come from, for the file's {@code source}. */
  String source();

  /** True if generating needs the third-party files of {@code shared/vectors/} (see SharedVectors). */
  default boolean needsThirdParty() {
    return false;
  }

  /** The cases, in a stable order. */
  List<Map<String, Object>> generate();

  /**
   * Checks one case against this implementation.
   *
   * @return null if the implementation agrees, otherwise what differed
   */
  String check(Map<String, Object> testCase);
}
