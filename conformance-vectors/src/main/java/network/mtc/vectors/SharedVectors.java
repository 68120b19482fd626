package network.mtc.vectors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import network.mtc.vectors.json.Json;

/**
 * Third-party vector files the generator reads (Wycheproof, ed25519-speccheck, Noise): they live in the
 * {@code shared/vectors/} folder beside the repository, or where the {@code mtc.shared} property points.
 * Only the generator needs them; the generated files carry everything the runner checks.
 */
final class SharedVectors {
  private SharedVectors() {}

  static Path root() {
    String s = System.getProperty("mtc.shared");
    if (s != null) {
      return Path.of(s);
    }
    String home = System.getProperty("mtc.home", ".");
    return Path.of(home).toAbsolutePath().resolve("../shared/vectors").normalize();
  }

  static boolean available() {
    return Files.isDirectory(root().resolve("wycheproof"));
  }

  static Object read(String relative) {
    Path p = root().resolve(relative);
    try {
      return Json.parse(Files.readString(p, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("third-party vectors missing: " + p, e);
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> readObject(String relative) {
    return (Map<String, Object>) read(relative);
  }
}
