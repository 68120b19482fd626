package network.mtc.channels.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The append-only, checksummed channel journal: the node's memory of what it signed.
 *
 * <p>Why: a node that forgets it signed state n, and signs a different state n after a crash, hands its
 * counterparty two valid states with the same number, which the ledger cannot order. So the rule is
 * <em>reserve, sync, then sign</em>: {@link #reserveSignature} writes the (channel, nonce, state hash)
 * record and forces it to disk before it returns {@link SignDecision#RESERVED}; only then may the
 * signature leave the node. Once a nonce is reserved, the journal refuses any other state at that nonce
 * and any lower nonce, across restarts. Co-signed states are stored with {@link #storeState} so that
 * restart recovers the latest state to settle with.
 *
 * <pre>
 *   try (ChannelJournal j = ChannelJournal.open(dir.resolve("channels.journal"), Options.DEFAULT)) {
 *     if (j.reserveSignature(channelId, nonce, sha256(signedBytes)).maySign()) {
 *       byte[] sig = key.sign(signedBytes);
 *       j.storeState(channelId, nonce, sha256(signedBytes), coSigned);   // before sending, if we sign last
 *       send(sig);
 *     }
 *   }
 * </pre>
 *
 * <p>A node's own proposal can be reserved together with its bytes ({@link #reserveProposal}), so that a
 * restart can resend it rather than leave the nonce blocked.
 *
 * <p>Bounds: at most {@link Options#maxChannels()} channels; records of at most
 * {@link JournalFormat#MAX_RECORD_LENGTH} bytes; the file is compacted into a snapshot (one reservation and
 * one stored state per channel, written to a side file, synced, atomically renamed over the journal, then
 * the directory synced) whenever it outgrows {@code max(compactAtBytes, 2 x last snapshot)}.
 *
 * <p>One process at a time: {@link #open} takes an exclusive lock on a sibling {@code .lock} file (released
 * by the OS if the process dies). Thread-safe: changes are serialized, and each call that writes returns only
 * once every record written so far is synced (in {@link Durability#SYNC} mode), outside the lock, so that
 * channels journaled by several threads at once share fdatasyncs (group commit). An I/O failure poisons the
 * journal: every later call throws, since memory and disk may then disagree; reopen to recover.
 *
 * @since 0.1
 */
public final class ChannelJournal implements AutoCloseable {
  /**
   * Largest journal file {@link #open} reads into memory. With compaction the file stays near
   * {@code max(compactAtBytes, 2 x snapshot)}; 256 MiB is far above that and refuses a runaway file
   * instead of exhausting the heap.
   */
  public static final long MAX_FILE_BYTES = 256L << 20;

  /**
   * Settings of a journal.
   *
   * @param durability whether every append is synced
   * @param maxChannels channels tracked at most (each costs up to one state of memory and snapshot)
   * @param compactAtBytes file size above which the journal is compacted
   */
  public record Options(Durability durability, int maxChannels, long compactAtBytes) {
    /** Synced, 1,024 channels, compaction from 4 MiB. */
    public static final Options DEFAULT = new Options(Durability.SYNC, 1024, 4L << 20);

    /** Checks ranges. */
    public Options {
      if (maxChannels < 1 || maxChannels > 1 << 16) {
        throw new IllegalArgumentException("maxChannels must be in [1, 65536]");
      }
      if (compactAtBytes < 4096 || compactAtBytes > MAX_FILE_BYTES / 4) {
        throw new IllegalArgumentException("compactAtBytes must be in [4096, MAX_FILE_BYTES / 4]");
      }
    }

    /** The same options with another durability. */
    public Options with(Durability d) {
      return new Options(d, maxChannels, compactAtBytes);
    }
  }

  /**
   * What {@link #open} found.
   *
   * @param records records recovered
   * @param stop why the scan stopped
   * @param discardedBytes bytes cut from the tail (a torn or corrupt record and what followed it)
   */
  public record Recovery(int records, JournalFormat.Stop stop, long discardedBytes) {}

  private static final class Entry {
    JournalRecord.SignatureReserved reserved;
    JournalRecord.StateStored stored;
    JournalRecord.ProposalReserved proposal;

    /** The proposal if it is this channel's latest reservation and no co-signed state reached its nonce. */
    JournalRecord.ProposalReserved liveProposal() {
      return proposal != null && proposal.nonce() == reserved.nonce()
          && (stored == null || Long.compareUnsigned(proposal.nonce(), stored.nonce()) > 0) ? proposal : null;
    }
  }

  private final Path path;
  private final Options options;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final Map<byte[], Entry> channels = new TreeMap<>(Arrays::compareUnsigned);
  private final ByteBuffer buffer = ByteBuffer.allocate(JournalFormat.RECORD_OVERHEAD
      + JournalFormat.MAX_RECORD_LENGTH);
  private final Recovery recovery;
  /** Guards the device sync: held while forcing, and while compaction or close replaces the file. */
  private final Object syncLock = new Object();
  private volatile FileChannel file;
  private long size;
  private long lastSnapshotSize;
  private volatile boolean poisoned;
  /** Records written since open, across compactions (written under the monitor). */
  private volatile long appended;
  /** Records known to be on the device (guarded by {@link #syncLock}). */
  private long durable;

  private ChannelJournal(Path path, Options options, FileChannel lockChannel, FileLock lock) {
    this.path = path;
    this.options = options;
    this.lockChannel = lockChannel;
    this.lock = lock;
    try {
      this.recovery = recover();
    } catch (IOException e) {
      closeQuietly();
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      closeQuietly();
      throw e;
    }
  }

  /**
   * Opens (creating if absent) and recovers a journal: scans it, cuts a torn or corrupt tail, syncs.
   *
   * @throws IllegalStateException if another process or object holds the journal
   * @throws network.mtc.wire.MtcDecodeException if the file is not an MTC journal (never cut: not ours)
   * @throws UncheckedIOException on an I/O error
   */
  public static ChannelJournal open(Path path, Options options) {
    Path lockPath = sibling(path, ".lock");
    try {
      FileChannel lc = FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock l;
      try {
        l = lc.tryLock();
      } catch (java.nio.channels.OverlappingFileLockException e) {
        l = null;
      }
      if (l == null) {
        lc.close();
        throw new IllegalStateException("journal " + path + " is held by another process or object");
      }
      return new ChannelJournal(path, options, lc, l);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Recovery recover() throws IOException {
    Files.deleteIfExists(sibling(path, ".compact"));   // a compaction the crash interrupted: the old file stands
    file = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    long length = file.size();
    if (length > MAX_FILE_BYTES) {
      throw new IllegalStateException("journal larger than " + MAX_FILE_BYTES + " bytes");
    }
    byte[] image = new byte[(int) length];
    int read = 0;
    while (read < image.length) {
      int n = file.read(ByteBuffer.wrap(image, read, image.length - read), read);
      if (n < 0) {
        break;
      }
      read += n;
    }
    JournalFormat.Scan scan = JournalFormat.scan(image, read);
    for (JournalRecord r : scan.records()) {
      apply(r);
    }
    if (channels.size() > options.maxChannels()) {
      throw new IllegalStateException("journal holds " + channels.size() + " channels, more than maxChannels");
    }
    size = scan.validLength();
    if (size < length) {
      file.truncate(size);
    }
    if (size == 0) {
      file.write(ByteBuffer.wrap(JournalFormat.header()), 0);
      size = JournalFormat.HEADER_LENGTH;
    }
    file.position(size);
    file.force(true);
    if (size == JournalFormat.HEADER_LENGTH && length == 0) {
      syncDirectory();
    }
    lastSnapshotSize = size;
    return new Recovery(scan.records().size(), scan.stop(), length - scan.validLength());
  }

  /** Replays one record: reservations and stored states only move forward. */
  private void apply(JournalRecord r) {
    byte[] id = r.channelId();
    Entry e = channels.computeIfAbsent(id, k -> new Entry());
    if (r instanceof JournalRecord.StateStored s) {
      if (e.stored == null || Long.compareUnsigned(s.nonce(), e.stored.nonce()) > 0) {
        e.stored = s;
      }
      if (e.reserved == null || Long.compareUnsigned(s.nonce(), e.reserved.nonce()) > 0) {
        e.reserved = new JournalRecord.SignatureReserved(id, s.nonce(), s.stateHash());
      }
    } else if (r instanceof JournalRecord.ProposalReserved p) {
      if (e.reserved == null || Long.compareUnsigned(p.nonce(), e.reserved.nonce()) > 0) {
        e.reserved = new JournalRecord.SignatureReserved(id, p.nonce(), p.stateHash());
      }
      if (e.reserved.nonce() == p.nonce() && Arrays.equals(e.reserved.stateHash(), p.stateHash())) {
        e.proposal = p;
      }
    } else {
      JournalRecord.SignatureReserved s = (JournalRecord.SignatureReserved) r;
      if (e.reserved == null || Long.compareUnsigned(s.nonce(), e.reserved.nonce()) > 0) {
        e.reserved = s;
      }
    }
  }

  /**
   * Reserves the right to sign the state with hash {@code stateHash} at {@code nonce} (unsigned). On
   * {@link SignDecision#RESERVED} the record is on disk (synced in {@link Durability#SYNC} mode).
   *
   * @throws IllegalArgumentException if the id or hash is not 32 bytes
   */
  public SignDecision reserveSignature(byte[] channelId, long nonce, byte[] stateHash) {
    SignDecision d = reserveSignatureLocked(channelId, nonce, stateHash);
    awaitDurable();
    return d;
  }

  private synchronized SignDecision reserveSignatureLocked(byte[] channelId, long nonce, byte[] stateHash) {
    checkUsable();
    JournalRecord.SignatureReserved r = new JournalRecord.SignatureReserved(channelId, nonce, stateHash);
    SignDecision d = decide(channels.get(channelId), nonce, stateHash);
    if (d != SignDecision.RESERVED) {
      return d;
    }
    persist(r);
    return SignDecision.RESERVED;
  }

  /**
   * Reserves like {@link #reserveSignature} and keeps {@code proposal} (this node's own signed proposal of
   * that state, opaque bytes of at most {@link JournalRecord#MAX_STATE_LENGTH}) in the same synced record,
   * so that after a crash the node can send the same proposal again: it may sign nothing else at that
   * nonce. {@link #latest} returns the proposal until a co-signed state reaches its nonce.
   *
   * @throws IllegalArgumentException if the id or hash is not 32 bytes or the proposal is too long
   */
  public SignDecision reserveProposal(byte[] channelId, long nonce, byte[] stateHash, byte[] proposal) {
    SignDecision d = reserveProposalLocked(channelId, nonce, stateHash, proposal);
    awaitDurable();
    return d;
  }

  private synchronized SignDecision reserveProposalLocked(byte[] channelId, long nonce, byte[] stateHash,
      byte[] proposal) {
    checkUsable();
    JournalRecord.ProposalReserved r = new JournalRecord.ProposalReserved(channelId, nonce, stateHash, proposal);
    Entry e = channels.get(channelId);
    SignDecision d = decide(e, nonce, stateHash);
    if (d == SignDecision.RESERVED || d == SignDecision.ALREADY_RESERVED && !r.equals(e.liveProposal())
        && (e.stored == null || e.stored.nonce() != nonce)) {
      persist(r);
    }
    return d;
  }

  /**
   * Stores the co-signed state for the latest reservation of its channel; a repeated call with the same
   * state does nothing.
   *
   * @throws IllegalArgumentException if {@code nonce} and {@code stateHash} are not the channel's latest
   *     reservation, or a newer state is stored already: the caller co-signed something it did not reserve
   */
  public void storeState(byte[] channelId, long nonce, byte[] stateHash, byte[] coSignedState) {
    storeStateLocked(channelId, nonce, stateHash, coSignedState);
    awaitDurable();
  }

  private synchronized void storeStateLocked(byte[] channelId, long nonce, byte[] stateHash,
      byte[] coSignedState) {
    checkUsable();
    JournalRecord.StateStored r = new JournalRecord.StateStored(channelId, nonce, stateHash, coSignedState);
    Entry e = channels.get(channelId);
    if (e == null || e.reserved.nonce() != nonce || !Arrays.equals(e.reserved.stateHash(), stateHash)) {
      throw new IllegalArgumentException("state " + Long.toUnsignedString(nonce)
          + " is not the channel's latest reservation");
    }
    if (e.stored != null && e.stored.nonce() == nonce) {
      if (e.stored.equals(r)) {
        return;
      }
      throw new IllegalArgumentException("another co-signed state is stored at this nonce");
    }
    persist(r);
  }

  /**
   * Stores a co-signed state this node signed earlier, below its highest reservation (a proposal it withdrew
   * and the peer countersigned after all, learned through a reestablish): nothing is signed, so nothing is
   * reserved. The caller has verified both signatures.
   *
   * @throws IllegalArgumentException if {@code nonce} is not below the channel's highest reservation or not
   *     above its stored state (use {@link #storeState} for the reservation itself)
   */
  public void storeEarlier(byte[] channelId, long nonce, byte[] stateHash, byte[] coSignedState) {
    storeEarlierLocked(channelId, nonce, stateHash, coSignedState);
    awaitDurable();
  }

  private synchronized void storeEarlierLocked(byte[] channelId, long nonce, byte[] stateHash,
      byte[] coSignedState) {
    checkUsable();
    JournalRecord.StateStored r = new JournalRecord.StateStored(channelId, nonce, stateHash, coSignedState);
    Entry e = channels.get(channelId);
    if (e == null || Long.compareUnsigned(nonce, e.reserved.nonce()) >= 0
        || e.stored != null && Long.compareUnsigned(nonce, e.stored.nonce()) <= 0) {
      throw new IllegalArgumentException("state " + Long.toUnsignedString(nonce)
          + " is not between the channel's stored state and its highest reservation");
    }
    persist(r);
  }

  /**
   * For the party that signs last: reserves the state and stores the co-signed bytes with one sync (two
   * records, one {@code fdatasync}), after which its signature may leave. Same refusals as
   * {@link #reserveSignature}; on {@link SignDecision#ALREADY_RESERVED} only the store is written (if not
   * yet).
   */
  public SignDecision reserveAndStore(byte[] channelId, long nonce, byte[] stateHash, byte[] coSignedState) {
    SignDecision d = reserveAndStoreLocked(channelId, nonce, stateHash, coSignedState);
    awaitDurable();
    return d;
  }

  private synchronized SignDecision reserveAndStoreLocked(byte[] channelId, long nonce, byte[] stateHash,
      byte[] coSignedState) {
    checkUsable();
    JournalRecord.StateStored stored = new JournalRecord.StateStored(channelId, nonce, stateHash, coSignedState);
    Entry e = channels.get(channelId);
    SignDecision d = decide(e, nonce, stateHash);
    if (d == SignDecision.ALREADY_RESERVED) {
      storeStateLocked(channelId, nonce, stateHash, coSignedState);
      return d;
    }
    if (d != SignDecision.RESERVED) {
      return d;
    }
    JournalRecord.SignatureReserved r = new JournalRecord.SignatureReserved(channelId, nonce, stateHash);
    try {
      writeRecord(file, r);
      writeRecord(file, stored);
      size = file.position();
      appended += 2;   // synced together by the caller (one fdatasync for both)
    } catch (IOException ex) {
      poisoned = true;
      throw new UncheckedIOException(ex);
    }
    apply(r);
    apply(stored);
    if (size > Math.max(options.compactAtBytes(), 2 * lastSnapshotSize)) {
      compact();
    }
    return SignDecision.RESERVED;
  }

  /** The decision for a reservation, without writing anything. */
  private SignDecision decide(Entry e, long nonce, byte[] stateHash) {
    if (e == null) {
      return channels.size() >= options.maxChannels() ? SignDecision.REFUSED_CAPACITY : SignDecision.RESERVED;
    }
    int c = Long.compareUnsigned(nonce, e.reserved.nonce());
    if (c < 0) {
      return SignDecision.REFUSED_STALE;
    }
    if (c == 0) {
      return Arrays.equals(stateHash, e.reserved.stateHash())
          ? SignDecision.ALREADY_RESERVED : SignDecision.REFUSED_CONFLICT;
    }
    return SignDecision.RESERVED;
  }

  /** What the journal holds for a channel. */
  public synchronized Optional<ChannelRecord> latest(byte[] channelId) {
    Entry e = channels.get(channelId);
    return e == null ? Optional.empty() : Optional.of(new ChannelRecord(e.reserved, Optional.ofNullable(e.stored),
        Optional.ofNullable(e.liveProposal())));
  }

  /** The channels tracked, in unsigned byte order of their ids. */
  public synchronized List<byte[]> channelIds() {
    List<byte[]> ids = new ArrayList<>();
    channels.keySet().forEach(k -> ids.add(k.clone()));
    return ids;
  }

  /** What the last {@link #open} recovered. */
  public Recovery recovery() {
    return recovery;
  }

  /** Current file size in bytes. */
  public synchronized long size() {
    return size;
  }

  /**
   * Rewrites the journal as a snapshot: per channel, its highest reservation and latest stored state.
   * Crash-safe: the snapshot goes to a side file that is synced and renamed over the journal atomically.
   */
  public synchronized void compact() {
    checkUsable();
    Path tmp = sibling(path, ".compact");
    synchronized (syncLock) {   // no fdatasync of the old file while it is replaced
      try {
        long written;
        try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
          writeFully(out, ByteBuffer.wrap(JournalFormat.header()));
          for (Entry e : channels.values()) {
            writeRecord(out, e.reserved);
            if (e.stored != null) {
              writeRecord(out, e.stored);
            }
            if (e.liveProposal() != null) {
              writeRecord(out, e.liveProposal());
            }
          }
          out.force(true);
          written = out.position();
        }
        try {
          Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          throw new IOException("the file system cannot rename atomically; compaction would not be crash-safe",
              e);
        }
        syncDirectory();
        file.close();
        FileChannel f = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
        f.position(written);
        file = f;
        size = written;
        lastSnapshotSize = written;
        durable = appended;   // the synced snapshot holds every record applied so far
      } catch (IOException e) {
        poisoned = true;
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Appends, then applies, then compacts if due (the snapshot must include {@code r}); the caller syncs. */
  private void persist(JournalRecord r) {
    append(r);
    apply(r);
    if (size > Math.max(options.compactAtBytes(), 2 * lastSnapshotSize)) {
      compact();
    }
  }

  private void append(JournalRecord r) {
    try {
      writeRecord(file, r);
      size = file.position();
      appended++;
    } catch (IOException e) {
      poisoned = true;
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Group commit: returns once every record written so far is on the device ({@link Durability#SYNC}). A
   * caller that finds its records already covered by another thread's fdatasync returns without one, so
   * channels journaled at the same time share syncs. Called outside the monitor, so that writers go on
   * appending while one thread waits for the device.
   */
  private void awaitDurable() {
    if (options.durability() != Durability.SYNC) {
      return;
    }
    long target = appended;
    synchronized (syncLock) {
      if (durable >= target) {
        return;
      }
      if (poisoned) {
        // A failed fdatasync may have dropped the dirty pages, and on Linux a second one then "succeeds":
        // never report records durable after a failure.
        throw new IllegalStateException("journal failed an I/O operation earlier; reopen it");
      }
      long upTo = appended;   // every record counted here was written to the current file (or snapshotted)
      try {
        file.force(false);
      } catch (IOException e) {
        poisoned = true;
        throw new UncheckedIOException(e);
      }
      durable = upTo;
    }
  }

  private void writeRecord(FileChannel out, JournalRecord r) throws IOException {
    buffer.clear();
    JournalFormat.encode(r, buffer);
    buffer.flip();
    writeFully(out, buffer);
  }

  private static void writeFully(FileChannel out, ByteBuffer b) throws IOException {
    while (b.hasRemaining()) {
      out.write(b);
    }
  }

  private void syncDirectory() throws IOException {
    Path dir = path.toAbsolutePath().getParent();
    FileChannel d;
    try {
      d = FileChannel.open(dir, StandardOpenOption.READ);
    } catch (IOException | UnsupportedOperationException notOnThisPlatform) {
      return;   // Windows cannot open a directory; its rename is durable once the file system journal is
    }
    try (d) {
      d.force(true);   // a failure here is real (the rename may not survive a crash): the caller poisons
    }
  }

  private void checkUsable() {
    if (poisoned) {
      throw new IllegalStateException("journal failed an I/O operation earlier; reopen it");
    }
    if (!file.isOpen()) {
      throw new IllegalStateException("journal closed");
    }
  }

  private static Path sibling(Path p, String suffix) {
    return p.resolveSibling(p.getFileName() + suffix);
  }

  private void closeQuietly() {
    try {
      close();
    } catch (RuntimeException ignored) {
      // already failing
    }
  }

  /** Closes the file and releases the lock. */
  @Override
  public synchronized void close() {
    synchronized (syncLock) {
      try {
        if (file != null) {
          file.close();
        }
        lock.release();
        lockChannel.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
