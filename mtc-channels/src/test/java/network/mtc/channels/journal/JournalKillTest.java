package network.mtc.channels.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import network.mtc.wire.MtcDecodeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6, section 6: a real process updating channels through the journal is killed with SIGKILL at
 * random moments, {@value #ROUNDS} times, and restarted. After every kill: recovery succeeds; every
 * acknowledged (countersigned) state is recovered or superseded; every signature the process ever emitted
 * is covered by a durable reservation; and no nonce was ever signed with two different states.
 */
class JournalKillTest {
  static final int ROUNDS = 30;
  /** A child that prints nothing for this long is stuck: the test fails instead of hanging. */
  static final long READY_TIMEOUT_MS = 20_000;

  @TempDir
  Path dir;

  @Test
  void killedAtRandomMomentsTheJournalNeverSignsTwiceAndNeverLosesAnAcknowledgedState() throws Exception {
    Path journal = dir.resolve("channels.journal");
    Random random = new Random(0x6b696c6cL);   // seeded kill delays; the moments still vary with timing
    Map<String, String> signed = new HashMap<>();          // "ch nonce" -> hash of every SIG ever printed
    long[] lastAck = new long[JournalKillChild.CHANNELS];
    String[] lastAckHash = new String[JournalKillChild.CHANNELS];
    long[] lastSig = new long[JournalKillChild.CHANNELS];
    int refusals = 0;
    int acks = 0;
    Set<String> stops = new LinkedHashSet<>();
    for (int round = 0; round < ROUNDS; round++) {
      Process p = new ProcessBuilder(javaBinary(), "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
          "-Xmx64m", "-cp", classPath(), JournalKillChild.class.getName(), journal.toString(),
          Long.toString(round))
          .redirectError(ProcessBuilder.Redirect.INHERIT).start();
      LineReader lines = new LineReader(p.getInputStream());
      lines.start();
      lines.awaitFirstLine(READY_TIMEOUT_MS);
      Thread.sleep(20 + random.nextInt(250));
      p.destroyForcibly();
      assertTrue(p.waitFor(10, TimeUnit.SECONDS), "child did not die");
      lines.join(10_000);
      List<String> out = lines.lines();
      assertTrue(!out.isEmpty() && out.get(0).startsWith("READY"), "round " + round + ": " + out);
      for (String line : out.subList(1, out.size())) {
        String[] f = line.split(" ");
        switch (f[0]) {
          case "SIG" -> {
            int ch = Integer.parseInt(f[1]);
            String prev = signed.putIfAbsent(f[1] + " " + f[2], f[3]);
            if (prev != null && !prev.equals(f[3])) {
              fail("round " + round + ": channel " + ch + " nonce " + f[2] + " signed with two states");
            }
            lastSig[ch] = Math.max(lastSig[ch], Long.parseLong(f[2]));
          }
          case "ACK" -> {
            int ch = Integer.parseInt(f[1]);
            lastAck[ch] = Long.parseLong(f[2]);
            lastAckHash[ch] = f[3];
            acks++;
          }
          case "REFUSED" -> refusals++;
          default -> fail("round " + round + ": unexpected line " + line);
        }
      }
      // The child is dead: recover in this process and check against what it acknowledged.
      try (ChannelJournal j = ChannelJournal.open(journal, ChannelJournal.Options.DEFAULT)) {
        stops.add(j.recovery().stop() + (j.recovery().discardedBytes() > 0 ? " (tail cut)" : ""));
        for (int ch = 0; ch < JournalKillChild.CHANNELS; ch++) {
          if (lastSig[ch] == 0) {
            continue;
          }
          ChannelRecord r = j.latest(JournalKillChild.channelId(ch)).orElseThrow();
          assertTrue(r.reserved().nonce() >= lastSig[ch], "round " + round + ": a signature was not reserved");
          String reservedHash = HexFormat.of().formatHex(r.reserved().stateHash());
          String sigHash = signed.get(ch + " " + r.reserved().nonce());
          if (sigHash != null) {
            assertEquals(sigHash, reservedHash, "round " + round + ": reservation differs from signature");
          }
          if (lastAck[ch] > 0) {
            JournalRecord.StateStored s = r.stored().orElseThrow();
            assertTrue(s.nonce() >= lastAck[ch], "round " + round + ": acknowledged state lost");
            if (s.nonce() == lastAck[ch]) {
              assertEquals(lastAckHash[ch], HexFormat.of().formatHex(s.stateHash()));
            }
          }
        }
      } catch (MtcDecodeException e) {
        fail("round " + round + ": recovery failed: " + e.getMessage());
      }
    }
    assertTrue(acks > ROUNDS, "the child made too little progress to test anything: " + acks + " acks");
    System.out.printf("kill test: %d rounds, %d acknowledged updates, %d signatures, %d conflicting proposals "
        + "refused after a restart, recoveries seen after kills: %s%n", ROUNDS, acks, signed.size(), refusals, stops);
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** Test classes, this module's classes and the modules below, whether surefire used class or module path. */
  private static String classPath() throws URISyntaxException {
    Set<String> entries = new LinkedHashSet<>();
    String self = JournalKillChild.class.getResource("JournalKillChild.class").toURI().getPath();
    entries.add(self.substring(0, self.length() - "network/mtc/channels/journal/JournalKillChild.class".length()));
    for (Class<?> c : List.of(ChannelJournal.class, MtcDecodeException.class)) {
      entries.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
    }
    for (String prop : List.of("jdk.module.path", "java.class.path")) {
      String v = System.getProperty(prop);
      if (v != null && !v.isEmpty()) {
        entries.addAll(List.of(v.split(File.pathSeparator)));
      }
    }
    return String.join(File.pathSeparator, entries);
  }

  /** Reads the child's stdout; keeps only complete lines (a kill can cut nothing mid-line, but be strict). */
  private static final class LineReader extends Thread {
    private final InputStream in;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final Object firstLine = new Object();

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
          synchronized (firstLine) {
            bytes.write(buf, 0, n);
            firstLine.notifyAll();
          }
        }
      } catch (IOException closed) {
        // the process died
      }
      synchronized (firstLine) {
        firstLine.notifyAll();
      }
    }

    void awaitFirstLine(long timeoutMs) throws InterruptedException {
      long deadline = System.currentTimeMillis() + timeoutMs;
      synchronized (firstLine) {
        while (bytes.toString(StandardCharsets.US_ASCII).indexOf('\n') < 0 && isAlive()) {
          long left = deadline - System.currentTimeMillis();
          if (left <= 0) {
            fail("child printed nothing within " + timeoutMs + " ms");
          }
          firstLine.wait(left);
        }
      }
    }

    List<String> lines() {
      String s;
      synchronized (firstLine) {
        s = bytes.toString(StandardCharsets.US_ASCII);
      }
      List<String> out = new ArrayList<>();
      int start = 0;
      for (int i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', start)) {
        out.add(s.substring(start, i));
        start = i + 1;
      }
      assertNotNull(out);
      return out;
    }
  }
}
