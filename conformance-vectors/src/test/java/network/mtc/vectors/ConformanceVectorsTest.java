package network.mtc.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConformanceVectorsTest {
  static Path vectorsDir() {
    return Path.of(System.getProperty("mtc.vectors.dir", "."));
  }

  @Test
  void everyVectorPasses() {
    VectorRunner.Report r = VectorRunner.run(vectorsDir());
    assertEquals(java.util.List.of(), r.failures());
    assertTrue(r.passed() >= 300, "at least 300 cases, got " + r.passed());
    assertEquals(Suites.all().size(), r.files());
  }

  @Test
  void filesOnDiskAreExactlyTheGeneratorOutput() throws IOException {
    for (Suite s : Suites.all()) {
      if (s.needsThirdParty() && !SharedVectors.available()) {
        continue; // the generator needs shared/vectors/; the runner test above still checks the file
      }
      Path f = vectorsDir().resolve(s.fileName());
      assertEquals(VectorGenerator.render(s), Files.readString(f, StandardCharsets.UTF_8),
          f + " differs from the generator: run ./mtc vectors generate and review the diff");
    }
  }

  @Test
  void aTamperedVectorFails(@TempDir Path tmp) throws IOException {
    Path f = tmp.resolve("wire/frame.json");
    Files.createDirectories(f.getParent());
    String text = VectorGenerator.render(new FrameSuite());
    Files.writeString(f, text.replaceFirst("\"code\": \"TRUNCATED\"", "\"code\": \"RESERVED\"")
        .replaceFirst("\"hop_limit\": 7", "\"hop_limit\": 6"), StandardCharsets.UTF_8);
    VectorRunner.Report r = VectorRunner.run(tmp);
    assertEquals(2, r.failed(), String.join("\n", r.failures()));
  }

  @Test
  void everyDecodeErrorCodeIsExercisedByTheVectors() throws IOException {
    StringBuilder all = new StringBuilder();
    for (Suite s : Suites.all()) {
      all.append(Files.readString(vectorsDir().resolve(s.fileName()), StandardCharsets.UTF_8));
    }
    for (network.mtc.wire.DecodeError e : network.mtc.wire.DecodeError.values()) {
      assertTrue(all.indexOf("\"" + e.name() + "\"") >= 0, "no vector expects " + e);
    }
  }
}
