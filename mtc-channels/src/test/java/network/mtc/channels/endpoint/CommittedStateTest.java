package network.mtc.channels.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import network.mtc.channels.Amount;
import network.mtc.channels.BalanceProof;
import network.mtc.channels.HashLock;
import network.mtc.channels.Party;
import network.mtc.channels.SignedState;
import network.mtc.wire.Bytes;
import network.mtc.wire.DecodeError;
import network.mtc.wire.MtcDecodeException;
import org.junit.jupiter.api.Test;

class CommittedStateTest {
  private static final HashLock LOCK = new HashLock(Party.B, HashLock.hashOf(new byte[32]), Amount.of(40), 5_000);

  /** A co-signed state (signatures need not verify for the codec) with one pending lock of B. */
  private static CommittedState sample() {
    BalanceProof o = Pair.PARAMS.openingProof();
    BalanceProof withLock = new BalanceProof(o.ledgerId(), o.channelId(), o.asset(), 1, o.balanceA(),
        o.balanceB().minus(Amount.of(40)), o.feeA(), o.feeB(), HashLock.root(List.of(LOCK)), o.hash());
    return new CommittedState(SignedState.cosign(withLock, Pair.KEY_A, Pair.KEY_B), List.of(LOCK), 1_234);
  }

  private static void rejects(byte[] b, DecodeError code, String field, long offset) {
    MtcDecodeException e = assertThrows(MtcDecodeException.class, () -> CommittedState.decode(b));
    assertEquals(code, e.code(), e.getMessage());
    assertEquals(field, e.field(), e.getMessage());
    assertEquals(offset, e.offset(), e.getMessage());
  }

  @Test
  void roundTripsAndLaysOutTimeCountLocksThenTheCoSignedState() {
    CommittedState c = sample();
    byte[] enc = c.encode();
    assertEquals(c, CommittedState.decode(enc));
    assertEquals(9 + HashLock.LENGTH + c.state().encode().length, enc.length);
    assertEquals("00000000000004d2" + "01" + "01", Bytes.copyOf(enc, 0, 10).hex());
    assertEquals(Bytes.copyOf(c.state().encode()), Bytes.copyOf(enc, 9 + HashLock.LENGTH, enc.length - 66));
  }

  @Test
  void everyTruncationIsRejectedAtTheFieldItCuts() {
    byte[] enc = sample().encode();
    for (int n = 0; n < enc.length; n++) {
      byte[] cut = Arrays.copyOf(enc, n);
      assertThrows(MtcDecodeException.class, () -> CommittedState.decode(cut), "cut at " + n);
    }
    rejects(Arrays.copyOf(enc, 5), DecodeError.TRUNCATED, "now", 0);
    rejects(Arrays.copyOf(enc, 8), DecodeError.TRUNCATED, "lock_count", 8);
    rejects(Arrays.copyOf(enc, 30), DecodeError.TRUNCATED, "lock", 9);
    rejects(Arrays.copyOf(enc, 66 + 10), DecodeError.TRUNCATED, "sig_a", 66);
  }

  @Test
  void rejectsEachBadField() {
    byte[] enc = sample().encode();
    byte[] b = enc.clone();
    b[0] = (byte) 0x80;
    rejects(b, DecodeError.INVALID_VALUE, "now", 0);
    b = enc.clone();
    b[8] = 17;
    rejects(b, DecodeError.INVALID_VALUE, "lock_count", 8);
    b = enc.clone();
    b[9] = 2;
    rejects(b, DecodeError.INVALID_VALUE, "lock_sender", 9);
    b = enc.clone();
    Arrays.fill(b, 9 + 33, 9 + 49, (byte) 0);
    rejects(b, DecodeError.INVALID_VALUE, "lock_amount", 9 + 33);
    b = enc.clone();
    Arrays.fill(b, 9 + 49, 9 + 57, (byte) 0);
    rejects(b, DecodeError.INVALID_VALUE, "lock_expiry", 9 + 49);
    b = enc.clone();
    b[9 + 56] ^= 1;   // another expiry: the root no longer matches
    rejects(b, DecodeError.INVALID_VALUE, "locks", 8);
    b = enc.clone();
    b[66 + 128] = 2;  // the proof's version byte
    rejects(b, DecodeError.UNSUPPORTED_VERSION, "version", 66 + 128);
    rejects(new byte[CommittedState.MAX_LENGTH + 1], DecodeError.TOO_LONG, "committed_state",
        CommittedState.MAX_LENGTH);
  }

  @Test
  void refusesLocksThatAreNotTheProofs() {
    SignedState s = sample().state();
    assertThrows(IllegalArgumentException.class, () -> new CommittedState(s, List.of(), 0));
    assertThrows(IllegalArgumentException.class, () -> new CommittedState(s, List.of(LOCK), -1));
  }
}
