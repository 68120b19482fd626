package network.mtc.vectors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import network.mtc.vectors.json.JsonWriter;

/**
 * Writes every vector file from its {@link Suite}. The only way vector files are made: regenerate with
 *
 * <pre>
 *   ./mtc vectors generate            (or: java network.mtc.vectors.VectorGenerator DIR)
 * </pre>
 *
 * <p>and review the diff. A test fails if the files on disk differ from what this produces.
 */
public final class VectorGenerator {
  /** Schema identifier of vector files. */
  public static final String SCHEMA = "mtc-vectors/1";

  private VectorGenerator() {}

  /** The text of a suite's file. */
  public static String render(Suite s) {
    List<Map<String, Object>> cases = s.generate();
    Map<String, Object> file = new LinkedHashMap<>();
    file.put("schema", SCHEMA);
    file.put("codec", s.codec());
    file.put("description", s.description());
    file.put("source", s.source());
    file.put("cases", cases);
    return JsonWriter.write(file) + "\n";
  }

  /** Writes every suite's file under {@code dir}; returns the number of cases written. */
  public static int writeAll(Path dir) {
    int n = 0;
    for (Suite s : Suites.all()) {
      Path f = dir.resolve(s.fileName());
      try {
        Files.createDirectories(f.getParent());
        Files.writeString(f, render(s), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      n += s.generate().size();
    }
    return n;
  }

  /** Regenerates the vector files under the directory given as the only argument. */
  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: VectorGenerator DIR");
      System.exit(2);
    }
    int n = writeAll(Path.of(args[0]));
    System.out.println("wrote " + n + " cases under " + args[0]);
  }
}
