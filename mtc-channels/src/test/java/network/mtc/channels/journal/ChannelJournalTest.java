package network.mtc.channels.journal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import network.mtc.wire.DecodeError;
import network.mtc.wire.MtcDecodeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChannelJournalTest {
  private static final ChannelJournal.Options OPTS = new ChannelJournal.Options(Durability.SYNC, 4, 4096);

  @TempDir
  Path dir;

  static byte[] id(int b) {
    byte[] id = new byte[32];
    Arrays.fill(id, (byte) b);
    return id;
  }

  static byte[] hash(int b) {
    byte[] h = new byte[32];
    h[0] = (byte) b;
    h[31] = (byte) (b >> 8);
    return h;
  }

  @Test
  void refusesAnotherStateAtASignedNonceAndLowerNoncesAcrossRestarts() {
    Path p = dir.resolve("j");
    try (ChannelJournal j = ChannelJournal.open(p, OPTS)) {
      assertEquals(SignDecision.RESERVED, j.reserveSignature(id(1), 5, hash(5)));
      assertEquals(SignDecision.ALREADY_RESERVED, j.reserveSignature(id(1), 5, hash(5)));
      assertEquals(SignDecision.REFUSED_CONFLICT, j.reserveSignature(id(1), 5, hash(6)));
      assertEquals(SignDecision.REFUSED_STALE, j.reserveSignature(id(1), 4, hash(4)));
    }
    try (ChannelJournal j = ChannelJournal.open(p, OPTS)) {
      assertEquals(JournalFormat.Stop.CLEAN, j.recovery().stop());
      assertEquals(1, j.recovery().records());
      assertEquals(SignDecision.REFUSED_CONFLICT, j.reserveSignature(id(1), 5, hash(6)));
      assertEquals(SignDecision.REFUSED_STALE, j.reserveSignature(id(1), 0, hash(6)));
      assertEquals(SignDecision.ALREADY_RESERVED, j.reserveSignature(id(1), 5, hash(5)));
      assertEquals(SignDecision.RESERVED, j.reserveSignature(id(1), 6, hash(6)));
    }
  }

  @Test
  void aReservedProposalIsARecoverableReservationUntilAStateReachesItsNonce() {
    Path p = dir.resolve("j");
    byte[] proposal = {1, 2, 3};
    try (ChannelJournal j = ChannelJournal.open(p, OPTS)) {
      assertEquals(SignDecision.RESERVED, j.reserveAndStore(id(1), 0, hash(0), new byte[] {9}));
      assertEquals(SignDecision.RESERVED, j.reserveProposal(id(1), 1, hash(1), proposal));
      long size = j.size();
      assertEquals(SignDecision.ALREADY_RESERVED, j.reserveProposal(id(1), 1, hash(1), proposal));
      assertEquals(size, j.size(), "the same proposal again writes nothing");
      assertEquals(SignDecision.REFUSED_CONFLICT, j.reserveSignature(id(1), 1, hash(2)));
      assertEquals(SignDecision.REFUSED_CONFLICT, j.reserveProposal(id(1), 1, hash(2), proposal));
    }
    try (ChannelJournal j = ChannelJournal.open(p, OPTS)) {
      ChannelRecord r = j.latest(id(1)).orElseThrow();
      assertEquals(1, r.reserved().nonce());
      assertArrayEquals(proposal, r.proposal().orElseThrow().proposal());
      j.compact();
    }
    try (ChannelJournal j = ChannelJournal.open(p, OPTS)) {
      assertArrayEquals(proposal, j.latest(id(1)).orElseThrow().proposal().orElseThrow().proposal(),
          "a snapshot keeps the live proposal");
      j.storeState(id(1), 1, hash(1), new byte[] {7});
      assertTrue(j.latest(id(1)).orElseThrow().proposal().isEmpty(), "co-signed: no longer pending");
      assertEquals(SignDecision.RESERVED, j.reserveSignature(id(1), 2, hash(2)));
      j.compact();
    }
    try (ChannelJournal j = ChannelJournal.open(p, OPTS)) {
      ChannelRecord r = j.latest(id(1)).orElseThrow();
      assertTrue(r.proposal().isEmpty());
      assertEquals(2, r.reserved().nonce());
      assertEquals(1, r.stored().orElseThrow().nonce());
    }
  }

  @Test
  void noncesCompareUnsigned() {
    try (ChannelJournal j = ChannelJournal.open(dir.resolve("j"), OPTS)) {
      assertEquals(SignDecision.RESERVED, j.reserveSignature(id(1), Long.MAX_VALUE, hash(1)));
      assertEquals(SignDecision.RESERVED, j.reserveSignature(id(1), Long.MIN_VALUE, hash(2)));
      assertEquals(SignDecision.REFUSED_STALE, j.reserveSignature(id(1), Long.MAX_VALUE, hash(1)));
    }
  }

  @Test
  void storesOnlyTheLatestReservationAndRecoversIt() {
    Path p = dir.resolve("j");
    byte[] state = "co-signed 7".getBytes();
    try (ChannelJournal j = ChannelJournal.open(p, OPTS)) {
      assertThrows(IllegalArgumentException.class, () -> j.storeState(id(2), 7, hash(7), state));
      j.reserveSignature(id(2), 7, hash(7));
      assertThrows(IllegalArgumentException.class, () -> j.storeState(id(2), 7, hash(8), state));
      assertThrows(IllegalArgumentException.class, () -> j.storeState(id(2), 6, hash(7), state));
      j.storeState(id(2), 7, hash(7), state);
      long size = j.size();
      j.storeState(id(2), 7, hash(7), state);   // idempotent: nothing written
      assertEquals(size, j.size());
      assertThrows(IllegalArgumentException.class, () -> j.storeState(id(2), 7, hash(7), new byte[1]));
    }
    try (ChannelJournal j = ChannelJournal.open(p, OPTS)) {
      ChannelRecord r = j.latest(id(2)).orElseThrow();
      assertEquals(7, r.reserved().nonce());
      assertArrayEquals(state, r.stored().orElseThrow().coSignedState());
    }
  }

  @Test
  void theLastSignerReservesAndStoresWithOneSync() {
    Path p = dir.resolve("j");
    byte[] state = "co-signed 3".getBytes();
    try (ChannelJournal j = ChannelJournal.open(p, OPTS)) {
      assertEquals(SignDecision.RESERVED, j.reserveAndStore(id(3), 3, hash(3), state));
      assertEquals(SignDecision.REFUSED_CONFLICT, j.reserveAndStore(id(3), 3, hash(4), state));
      assertEquals(SignDecision.REFUSED_STALE, j.reserveAndStore(id(3), 2, hash(2), state));
      assertEquals(SignDecision.ALREADY_RESERVED, j.reserveAndStore(id(3), 3, hash(3), state));
      assertEquals(SignDecision.RESERVED, j.reserveSignature(id(3), 4, hash(4)));
      assertEquals(SignDecision.ALREADY_RESERVED, j.reserveAndStore(id(3), 4, hash(4), state));
    }
    try (ChannelJournal j = ChannelJournal.open(p, OPTS)) {
      assertEquals(4, j.latest(id(3)).orElseThrow().stored().orElseThrow().nonce());
      assertEquals(4, j.recovery().records());   // reserved+stored 3, reserved 4, stored 4
    }
  }

  @Test
  void capacityIsBounded() {
    try (ChannelJournal j = ChannelJournal.open(dir.resolve("j"), OPTS)) {
      for (int i = 0; i < 4; i++) {
        assertEquals(SignDecision.RESERVED, j.reserveSignature(id(i), 1, hash(1)));
      }
      assertEquals(SignDecision.REFUSED_CAPACITY, j.reserveSignature(id(9), 1, hash(1)));
      assertEquals(SignDecision.RESERVED, j.reserveSignature(id(0), 2, hash(2)));
    }
  }

  @Test
  void threadsOnSeveralChannelsShareTheJournalAndEveryUpdateSurvives() throws Exception {
    // Group commit: eight channels journaled at once, compactions (every 4 KB) in between.
    Path p = dir.resolve("j");
    int threads = 8;
    int updates = 150;
    ChannelJournal.Options opts = new ChannelJournal.Options(Durability.SYNC, threads, 4096);
    try (ChannelJournal j = ChannelJournal.open(p, opts)) {
      java.util.List<Thread> all = new java.util.ArrayList<>();
      java.util.concurrent.ConcurrentLinkedQueue<Throwable> failures = new java.util.concurrent.ConcurrentLinkedQueue<>();
      for (int t = 0; t < threads; t++) {
        int ch = t;
        Thread th = new Thread(() -> {
          try {
            byte[] state = new byte[120];
            for (int n = 1; n <= updates; n++) {
              state[0] = (byte) n;
              SignDecision d = n % 2 == 0 ? j.reserveAndStore(id(ch), n, hash(n), state)
                  : j.reserveSignature(id(ch), n, hash(n));
              if (d != SignDecision.RESERVED) {
                throw new AssertionError("channel " + ch + " nonce " + n + ": " + d);
              }
              if (n % 2 == 1) {
                j.storeState(id(ch), n, hash(n), state);
              }
              ChannelRecord r = j.latest(id(ch)).orElseThrow();
              if (r.stored().orElseThrow().nonce() != n) {
                throw new AssertionError("channel " + ch + " lost its own update " + n);
              }
            }
          } catch (Throwable e) {
            failures.add(e);
          }
        });
        th.start();
        all.add(th);
      }
      for (Thread th : all) {
        th.join();
      }
      assertTrue(failures.isEmpty(), () -> "failures: " + failures);
    }
    try (ChannelJournal j = ChannelJournal.open(p, opts)) {
      for (int ch = 0; ch < threads; ch++) {
        ChannelRecord r = j.latest(id(ch)).orElseThrow();
        assertEquals(updates, r.reserved().nonce());
        assertEquals(updates, r.stored().orElseThrow().nonce());
        assertEquals((byte) updates, r.stored().orElseThrow().coSignedState()[0]);
      }
    }
  }

  @Test
  void compactionBoundsTheFileAndKeepsTheLatestStates() {
    Path p = dir.resolve("j");
    byte[] state = new byte[100];
    try (ChannelJournal j = ChannelJournal.open(p, OPTS.with(Durability.NO_SYNC))) {
      for (int n = 1; n <= 2000; n++) {
        int ch = n % 3;
        j.reserveSignature(id(ch), n, hash(n));
        state[0] = (byte) n;
        j.storeState(id(ch), n, hash(n), state);
        assertTrue(j.size() <= 4096 + JournalFormat.encodedLength(
            new JournalRecord.StateStored(id(ch), n, hash(n), state)), "size " + j.size());
      }
    }
    try (ChannelJournal j = ChannelJournal.open(p, OPTS)) {
      for (int ch = 0; ch < 3; ch++) {
        ChannelRecord r = j.latest(id(ch)).orElseThrow();
        long expected = ch == 2 ? 2000 : ch == 1 ? 1999 : 1998;
        assertEquals(expected, r.reserved().nonce());
        assertEquals(expected, r.stored().orElseThrow().nonce());
        assertEquals((byte) expected, r.stored().orElseThrow().coSignedState()[0]);
        assertEquals(SignDecision.REFUSED_CONFLICT, j.reserveSignature(id(ch), expected, hash(1)));
      }
    }
    assertTrue(Files.notExists(dir.resolve("j.compact")));
  }

  @Test
  void anInterruptedCompactionLeavesTheJournalIntact() throws IOException {
    Path p = dir.resolve("j");
    try (ChannelJournal j = ChannelJournal.open(p, OPTS)) {
      j.reserveSignature(id(1), 3, hash(3));
    }
    Files.write(dir.resolve("j.compact"), new byte[] {'M', 'T', 'C'});
    try (ChannelJournal j = ChannelJournal.open(p, OPTS)) {
      assertEquals(3, j.latest(id(1)).orElseThrow().reserved().nonce());
    }
    assertTrue(Files.notExists(dir.resolve("j.compact")));
  }

  @Test
  void oneHolderAtATime() {
    Path p = dir.resolve("j");
    try (ChannelJournal j = ChannelJournal.open(p, OPTS)) {
      assertThrows(IllegalStateException.class, () -> ChannelJournal.open(p, OPTS));
    }
    ChannelJournal.open(p, OPTS).close();
  }

  // --- crash injection: torn tail, flipped bits, garbage appended ---

  private Path journalWithThreeRecords() {
    Path p = dir.resolve("j");
    try (ChannelJournal j = ChannelJournal.open(p, OPTS)) {
      j.reserveSignature(id(1), 1, hash(1));
      j.storeState(id(1), 1, hash(1), new byte[] {1, 2, 3});
      j.reserveSignature(id(1), 2, hash(2));
    }
    return p;
  }

  @Test
  void everyTruncationOfTheLastRecordIsCutAndTheRestRecovered() throws IOException {
    Path p = journalWithThreeRecords();
    byte[] full = Files.readAllBytes(p);
    int last = JournalFormat.RECORD_OVERHEAD + JournalFormat.RESERVED_PAYLOAD;
    for (int cut = 1; cut < last; cut++) {
      Files.write(p, Arrays.copyOf(full, full.length - cut));
      try (ChannelJournal j = ChannelJournal.open(p, OPTS)) {
        assertEquals(JournalFormat.Stop.TORN, j.recovery().stop(), "cut " + cut);
        assertEquals(last - cut, j.recovery().discardedBytes());
        assertEquals(2, j.recovery().records());
        assertEquals(1, j.latest(id(1)).orElseThrow().reserved().nonce());
        assertEquals(full.length - last, Files.size(p));
        // The lost reservation never let a signature out, so nonce 2 may be signed with any state.
        assertEquals(SignDecision.RESERVED, j.reserveSignature(id(1), 2, hash(99)));
      }
      Files.write(p, full);
    }
  }

  @Test
  void aFlippedBitCutsFromTheDamagedRecord() throws IOException {
    Path p = journalWithThreeRecords();
    byte[] full = Files.readAllBytes(p);
    int second = JournalFormat.HEADER_LENGTH + JournalFormat.RECORD_OVERHEAD + JournalFormat.RESERVED_PAYLOAD;
    for (int bit = second * 8; bit < full.length * 8; bit += 13) {
      byte[] bad = full.clone();
      bad[bit / 8] ^= (byte) (1 << (bit % 8));
      Files.write(p, bad);
      try (ChannelJournal j = ChannelJournal.open(p, OPTS)) {
        assertTrue(j.recovery().stop() != JournalFormat.Stop.CLEAN, "bit " + bit);
        int records = j.recovery().records();
        assertTrue(records == 1 || records == 2, "bit " + bit);
        long kept = Files.size(p);
        assertArrayEquals(Arrays.copyOf(full, (int) kept), Files.readAllBytes(p));
      }
    }
  }

  @Test
  void garbageAppendedIsCut() throws IOException {
    Path p = journalWithThreeRecords();
    byte[] full = Files.readAllBytes(p);
    java.util.Random r = new java.util.Random(7);
    for (int round = 0; round < 50; round++) {
      byte[] junk = new byte[1 + r.nextInt(200)];
      r.nextBytes(junk);
      Files.write(p, full);
      Files.write(p, junk, StandardOpenOption.APPEND);
      try (ChannelJournal j = ChannelJournal.open(p, OPTS)) {
        assertEquals(3, j.recovery().records());
        assertEquals(junk.length, j.recovery().discardedBytes());
        assertArrayEquals(full, Files.readAllBytes(p));
      }
    }
  }

  @Test
  void aFileThatIsNotAJournalIsRejectedNotCut() throws IOException {
    Path p = dir.resolve("j");
    Files.write(p, "hello, world".getBytes());
    MtcDecodeException e = assertThrows(MtcDecodeException.class, () -> ChannelJournal.open(p, OPTS));
    assertEquals(DecodeError.INVALID_VALUE, e.code());
    assertEquals("hello, world", Files.readString(p));
    Files.write(p, new byte[] {'M', 'T', 'C', 'J', 2, 0, 0, 0});
    assertEquals(DecodeError.UNSUPPORTED_VERSION,
        assertThrows(MtcDecodeException.class, () -> ChannelJournal.open(p, OPTS)).code());
  }

  @Test
  void aTornHeaderIsAnEmptyJournal() throws IOException {
    Path p = dir.resolve("j");
    Files.write(p, new byte[] {'M', 'T'});
    try (ChannelJournal j = ChannelJournal.open(p, OPTS)) {
      assertEquals(JournalFormat.Stop.TORN, j.recovery().stop());
      assertEquals(0, j.recovery().records());
    }
    assertArrayEquals(JournalFormat.header(), Files.readAllBytes(p));
  }
}
