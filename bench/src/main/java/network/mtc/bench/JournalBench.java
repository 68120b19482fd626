package network.mtc.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import network.mtc.channels.journal.ChannelJournal;
import network.mtc.channels.journal.Durability;
import network.mtc.channels.journal.SignDecision;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The channel journal in a temporary directory (java.io.tmpdir: the figures depend on its file system and
 * device). {@code reserve}: one 81-byte SignatureReserved record per operation. {@code reserveAndStore}: a
 * channel update's two records (reservation, then a 300-byte co-signed state), each synced;
 * {@code reserveAndStoreOneSync}: the same two records with one sync (the last signer's path). SYNC forces each record
 * (fdatasync); NO_SYNC leaves it in the page cache. Compaction runs when due and is included.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class JournalBench {
  @Param({"SYNC", "NO_SYNC"})
  Durability durability;

  Path dir;
  ChannelJournal journal;
  final byte[] channelId = new byte[32];
  final byte[] hash = new byte[32];
  final byte[] state = new byte[300];
  long nonce;

  @Setup
  public void setup() throws IOException {
    dir = Files.createTempDirectory("mtc-journal-bench");
    journal = ChannelJournal.open(dir.resolve("j"), ChannelJournal.Options.DEFAULT.with(durability));
    channelId[0] = 1;
  }

  @TearDown
  public void tearDown() throws IOException {
    journal.close();
    TempDirs.deleteTree(dir);
  }

  @Benchmark
  public SignDecision reserve() {
    hash[0] = (byte) ++nonce;
    return journal.reserveSignature(channelId, nonce, hash);
  }

  @Benchmark
  public long reserveAndStore() {
    hash[0] = (byte) ++nonce;
    journal.reserveSignature(channelId, nonce, hash);
    journal.storeState(channelId, nonce, hash, state);
    return nonce;
  }

  @Benchmark
  public SignDecision reserveAndStoreOneSync() {
    hash[0] = (byte) ++nonce;
    return journal.reserveAndStore(channelId, nonce, hash, state);
  }
}
