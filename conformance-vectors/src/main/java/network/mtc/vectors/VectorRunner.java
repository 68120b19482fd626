package network.mtc.vectors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import network.mtc.vectors.json.Json;

/**
 * Runs every vector file under a folder against this implementation. A file is a vector file if it is
 * JSON with {@code "schema": "mtc-vectors/1"}; other JSON files are ignored.
 */
public final class VectorRunner {
  /** The outcome of a run. */
  public record Report(int passed, int failed, List<String> failures, int files) {
    /** True if nothing failed and something ran. */
    public boolean ok() {
      return failed == 0 && passed > 0;
    }
  }

  private VectorRunner() {}

  /** Runs all vector files under {@code dir}. */
  public static Report run(Path dir) {
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir)) {
      files = s.filter(p -> p.toString().endsWith(".json")).filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int passed = 0;
    int count = 0;
    List<String> failures = new ArrayList<>();
    for (Path f : files) {
      Object doc;
      try {
        doc = Json.parse(Files.readString(f, StandardCharsets.UTF_8));
      } catch (IOException | RuntimeException e) {
        failures.add(dir.relativize(f) + ": unreadable: " + e.getMessage());
        continue;
      }
      if (!(doc instanceof Map<?, ?> m) || !VectorGenerator.SCHEMA.equals(m.get("schema"))) {
        continue;
      }
      count++;
      Suite suite = Suites.forCodec(String.valueOf(m.get("codec")));
      if (suite == null) {
        failures.add(dir.relativize(f) + ": unknown codec " + m.get("codec"));
        continue;
      }
      for (Object o : Cases.list(m.get("cases"))) {
        Map<String, Object> c = Cases.obj(o);
        String r;
        try {
          r = suite.check(c);
        } catch (RuntimeException e) {
          r = "threw " + e;
        }
        if (r == null) {
          passed++;
        } else {
          failures.add(dir.relativize(f) + ": " + c.get("id") + ": " + r);
        }
      }
    }
    return new Report(passed, failures.size(), failures, count);
  }
}
