package network.mtc.channels;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import network.mtc.crypto.SigningKey;
import network.mtc.wire.MtcDecodeException;

/**
 * A child JVM that a kill test starts, lets run for a while and kills with SIGKILL: it runs {@code main}
 * of a test class with this module's test and main classes and the modules below on its class path, and
 * collects the complete lines it printed.
 */
public final class ChildJvm {
  /** A child that prints nothing for this long is stuck: the test fails instead of hanging. */
  public static final long READY_TIMEOUT_MS = 20_000;

  private final Process process;
  private final LineReader lines;

  private ChildJvm(Process process) {
    this.process = process;
    this.lines = new LineReader(process.getInputStream());
    lines.start();
  }

  /** Starts {@code mainClass} with {@code args}, and waits for its first line. */
  public static ChildJvm start(Class<?> mainClass, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(javaBinary(), "-Xshare:auto", "-XX:TieredStopAtLevel=1",
        "-XX:+UseSerialGC", "-Xmx64m", "-cp", classPath(mainClass), mainClass.getName()));
    cmd.addAll(List.of(args));
    ChildJvm c = new ChildJvm(new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start());
    c.lines.awaitFirstLine(READY_TIMEOUT_MS);
    return c;
  }

  /** Kills the child with SIGKILL and returns every complete line it printed. */
  public List<String> kill() throws InterruptedException {
    process.destroyForcibly();
    assertTrue(process.waitFor(10, TimeUnit.SECONDS), "child did not die");
    lines.join(10_000);
    return lines.lines();
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** Test classes, this module's classes and the modules below, whether surefire used class or module path. */
  private static String classPath(Class<?> mainClass) {
    Set<String> entries = new LinkedHashSet<>();
    try {
      String file = mainClass.getName().replace('.', '/') + ".class";
      String self = mainClass.getResource("/" + file).toURI().getPath();
      entries.add(self.substring(0, self.length() - file.length()));
      for (Class<?> c : List.of(ChannelMachine.class, SigningKey.class, MtcDecodeException.class)) {
        entries.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
      }
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    for (String prop : List.of("jdk.module.path", "java.class.path")) {
      String v = System.getProperty(prop);
      if (v != null && !v.isEmpty()) {
        entries.addAll(List.of(v.split(File.pathSeparator)));
      }
    }
    return String.join(File.pathSeparator, entries);
  }

  /** Reads the child's stdout; keeps only complete lines. */
  private static final class LineReader extends Thread {
    private final InputStream in;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final Object lock = new Object();

    LineReader(InputStream in) {
      this.in = in;
      setDaemon(true);
    }

    @Override
    public void run() {
      byte[] buf = new byte[8192];
      try {
        int n;
        while ((n = in.read(buf)) > 0) {
          synchronized (lock) {
            bytes.write(buf, 0, n);
            lock.notifyAll();
          }
        }
      } catch (IOException closed) {
        // the process died
      }
      synchronized (lock) {
        lock.notifyAll();
      }
    }

    void awaitFirstLine(long timeoutMs) throws InterruptedException {
      long deadline = System.currentTimeMillis() + timeoutMs;
      synchronized (lock) {
        while (bytes.toString(StandardCharsets.US_ASCII).indexOf('\n') < 0 && isAlive()) {
          long left = deadline - System.currentTimeMillis();
          if (left <= 0) {
            fail("child printed nothing within " + timeoutMs + " ms");
          }
          lock.wait(left);
        }
      }
    }

    List<String> lines() {
      String s;
      synchronized (lock) {
        s = bytes.toString(StandardCharsets.US_ASCII);
      }
      List<String> out = new ArrayList<>();
      int start = 0;
      for (int i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', start)) {
        out.add(s.substring(start, i));
        start = i + 1;
      }
      return out;
    }
  }
}
