package network.mtc.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import network.mtc.channels.journal.ChannelJournal;
import network.mtc.channels.journal.Durability;
import network.mtc.channels.journal.SignDecision;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One journal shared by several channels updated at the same time (a station or a shop with many open
 * channels): each benchmark thread is one channel and journals the last signer's update (reservation and
 * co-signed state under one sync). With {@code SYNC} the rate is bounded by fdatasync; whether concurrent
 * updates share a sync (group commit) decides how it scales with the number of channels.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(8)
public class JournalConcurrencyBench {
  @Param({"SYNC"})
  Durability durability;

  Path dir;
  ChannelJournal journal;
  final AtomicInteger channels = new AtomicInteger();

  /** One channel per benchmark thread. */
  @State(Scope.Thread)
  public static class Channel {
    final byte[] id = new byte[32];
    final byte[] hash = new byte[32];
    final byte[] state = new byte[300];
    long nonce;

    @Setup(Level.Trial)
    public void setup(JournalConcurrencyBench b) {
      int n = b.channels.incrementAndGet();
      id[0] = (byte) n;
      id[1] = (byte) (n >>> 8);
    }
  }

  @Setup
  public void setup() throws IOException {
    dir = Files.createTempDirectory("mtc-journal-concurrency-bench");
    journal = ChannelJournal.open(dir.resolve("j"), ChannelJournal.Options.DEFAULT.with(durability));
  }

  @TearDown
  public void tearDown() throws IOException {
    journal.close();
    TempDirs.deleteTree(dir);
  }

  @Benchmark
  public SignDecision update(Channel c) {
    c.nonce++;
    c.hash[0] = (byte) c.nonce;
    c.hash[1] = (byte) (c.nonce >>> 8);
    return journal.reserveAndStore(c.id, c.nonce, c.hash, c.state);
  }
}
