package network.mtc.channels.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import network.mtc.channels.Amount;
import network.mtc.channels.Asset;
import network.mtc.channels.BalanceProof;
import network.mtc.channels.ChannelEvent;
import network.mtc.channels.ChannelMachine;
import network.mtc.channels.ChannelParams;
import network.mtc.channels.ChannelState;
import network.mtc.channels.HashLock;
import network.mtc.channels.Party;
import network.mtc.channels.RejectReason;
import network.mtc.channels.Proposal;
import network.mtc.channels.SignedState;
import network.mtc.channels.Transition;
import network.mtc.channels.Update;
import network.mtc.crypto.SigningKey;
import network.mtc.wire.Bytes;
import network.mtc.wire.DecodeError;
import network.mtc.wire.MtcDecodeException;
import org.junit.jupiter.api.Test;

class ChannelMessageCodecTest {
  static byte[] fill(int b) {
    byte[] s = new byte[32];
    Arrays.fill(s, (byte) b);
    return s;
  }

  /** A funded ETH channel with two pending locks, and its keys. */
  static final class Chan {
    final SigningKey a;
    final SigningKey b;
    final ChannelParams params;
    ChannelState state;

    Chan() {
      SigningKey k1 = SigningKey.fromSeed(fill(0x11));
      SigningKey k2 = SigningKey.fromSeed(fill(0x22));
      ChannelParams p = ChannelParams.of(9, Asset.ETH, k1.publicKey(), Amount.of(1_000), k2.publicKey(),
          Amount.of(1_000), ChannelParams.GAS_PER_UPDATE.plus(ChannelParams.GAS_PER_UPDATE)
              .plus(ChannelParams.GAS_PER_UPDATE).plus(ChannelParams.GAS_PER_UPDATE),
          SigningKey.fromSeed(fill(0x33)).publicKey(), Bytes.copyOf(fill(0x44)), ChannelParams.MIN_CHALLENGE_PERIOD);
      params = p;
      a = p.keyA().equals(k1.publicKey()) ? k1 : k2;
      b = a == k1 ? k2 : k1;
      state = ChannelMachine.start(p);
      ok(new ChannelEvent.FundingConfirmed(SignedState.cosign(p.openingProof(), a, b), 100));
    }

    void ok(ChannelEvent e) {
      Transition t = ChannelMachine.apply(state, e);
      state = ((Transition.Accepted) t).next();
    }

    Proposal propose(Update u) {
      return ChannelMachine.propose((ChannelState.Open) state, Party.A, u, a);
    }

    void commit(Proposal p) {
      ok(new ChannelEvent.Propose(p));
      ok(new ChannelEvent.Countersign(Party.B, ChannelMachine.countersign((ChannelState.Open) state, b)));
    }
  }

  static List<ChannelMessage> samples() {
    Chan c = new Chan();
    Bytes id = c.params.channelId();
    List<ChannelMessage> out = new ArrayList<>();
    Proposal pay = c.propose(new Update.Payment(Amount.of(7)));
    out.add(new ChannelMessage.Propose(id, pay));
    c.commit(pay);
    Proposal lock1 = c.propose(new Update.AddLock(new HashLock(Party.A, HashLock.hashOf(fill(1)), Amount.of(3),
        1_000_000)));
    out.add(new ChannelMessage.Propose(id, lock1));
    c.commit(lock1);
    Proposal lock2 = c.propose(new Update.AddLock(new HashLock(Party.A, HashLock.hashOf(fill(2)), Amount.of(4),
        2_000_000)));
    c.commit(lock2);
    ChannelState.Open withLocks = (ChannelState.Open) c.state;
    out.add(new ChannelMessage.Reestablish(Party.B, withLocks.latest(), withLocks.locks()));
    out.add(new ChannelMessage.Reject(id, 5, RejectReason.LOCK_EXPIRED, 4, Bytes.copyOf(new byte[64])));
    out.add(new ChannelMessage.Propose(id, c.propose(new Update.Unlock(Bytes.copyOf(fill(1))))));
    c.ok(new ChannelEvent.Tick(2_000_000));
    out.add(new ChannelMessage.Propose(id, c.propose(new Update.ExpireLock(HashLock.hashOf(fill(2))))));
    out.add(new ChannelMessage.Countersign(id, Party.B, 3, Bytes.copyOf(new byte[64])));
    out.add(new ChannelMessage.OfferClose(id, Party.A, Bytes.copyOf(Arrays.copyOf(fill(5), 64))));
    out.add(new ChannelMessage.AcceptClose(id, Party.B, Bytes.copyOf(Arrays.copyOf(fill(6), 64))));
    BalanceProof fin = c.params.openingProof();
    out.add(new ChannelMessage.Settle(fin, Bytes.copyOf(Arrays.copyOf(fill(7), 64)),
        Bytes.copyOf(Arrays.copyOf(fill(8), 64))));
    out.add(new ChannelMessage.Invoice(Bytes.copyOf(c.b.publicKey().toBytes()), Asset.MTC,
        Amount.parse("2", Asset.MTC), HashLock.hashOf(fill(9))));
    return out;
  }

  private static void rejects(byte[] in, DecodeError code, String field, int offset) {
    MtcDecodeException e = assertThrows(MtcDecodeException.class, () -> ChannelMessageCodec.decode(in));
    assertEquals(code, e.code(), e.getMessage());
    assertEquals(field, e.field(), e.getMessage());
    assertEquals(offset, e.offset(), e.getMessage());
  }

  @Test
  void everyMessageRoundTripsAtAnOffsetWithOneEncoding() {
    for (ChannelMessage m : samples()) {
      byte[] enc = ChannelMessageCodec.encode(m);
      assertEquals(1, enc[0]);
      assertEquals(m.type(), enc[1]);
      assertEquals(m, ChannelMessageCodec.decode(enc));
      byte[] shifted = new byte[enc.length + 7];
      System.arraycopy(enc, 0, shifted, 5, enc.length);
      assertEquals(m, ChannelMessageCodec.decode(shifted, 5, enc.length));
      assertArrayEquals(enc, ChannelMessageCodec.encode(ChannelMessageCodec.decode(enc)));
      assertTrue(enc.length <= ChannelMessageCodec.MAX_LENGTH);
    }
  }

  @Test
  void aDecodedProposalIsAcceptedByTheMachine() {
    Chan c = new Chan();
    Proposal p = c.propose(new Update.Payment(Amount.of(7)));
    byte[] enc = ChannelMessageCodec.encode(new ChannelMessage.Propose(c.params.channelId(), p));
    Proposal back = ((ChannelMessage.Propose) ChannelMessageCodec.decode(enc)).proposal();
    assertTrue(ChannelMachine.apply(c.state, new ChannelEvent.Propose(back)) instanceof Transition.Accepted);
  }

  @Test
  void everyTruncationIsRejectedAtTheFieldItCutsInto() {
    for (ChannelMessage m : samples()) {
      byte[] enc = ChannelMessageCodec.encode(m);
      for (int n = 0; n < enc.length; n++) {
        byte[] cut = Arrays.copyOf(enc, n);
        MtcDecodeException e = assertThrows(MtcDecodeException.class, () -> ChannelMessageCodec.decode(cut));
        assertEquals(DecodeError.TRUNCATED, e.code(), m.getClass().getSimpleName() + " cut at " + n + ": "
            + e.getMessage());
        assertTrue(e.offset() <= n, e.getMessage());
      }
    }
  }

  @Test
  void rejectsBadHeaderPartiesKindsAndTrailingBytes() {
    List<ChannelMessage> s = samples();
    byte[] pay = ChannelMessageCodec.encode(s.get(0));
    byte[] b = pay.clone();
    b[0] = 2;
    rejects(b, DecodeError.UNSUPPORTED_VERSION, "version", 0);
    b = pay.clone();
    b[1] = 9;
    rejects(b, DecodeError.INVALID_VALUE, "type", 1);
    byte[] reject = ChannelMessageCodec.encode(new ChannelMessage.Reject(
        ((ChannelMessage.Propose) s.get(0)).channelId(), 3, RejectReason.BAD_NONCE, 6, Bytes.copyOf(new byte[64])));
    assertEquals(115, reject.length);
    b = reject.clone();
    b[42] = 31;
    rejects(b, DecodeError.INVALID_VALUE, "reason", 42);
    b = reject.clone();
    b[43] = (byte) 0x80;
    rejects(b, DecodeError.INVALID_VALUE, "floor", 43);
    b = pay.clone();
    b[34] = 2;
    rejects(b, DecodeError.INVALID_VALUE, "proposer", 34);
    b = pay.clone();
    b[35] = 5;
    rejects(b, DecodeError.INVALID_VALUE, "update_kind", 35);
    b = pay.clone();
    Arrays.fill(b, 36, 52, (byte) 0);
    rejects(b, DecodeError.INVALID_VALUE, "amount", 36);
    b = pay.clone();
    b[52] = 17;
    rejects(b, DecodeError.INVALID_VALUE, "lock_count", 52);
    b = Arrays.copyOf(pay, pay.length + 1);
    rejects(b, DecodeError.TRAILING_BYTES, "channel_message", pay.length);
    rejects(new byte[ChannelMessageCodec.MAX_LENGTH + 1], DecodeError.TOO_LONG, "channel_message",
        ChannelMessageCodec.MAX_LENGTH);
    byte[] inv = ChannelMessageCodec.encode(s.get(s.size() - 1));
    b = inv.clone();
    b[34] = 0;
    rejects(b, DecodeError.INVALID_VALUE, "asset", 34);
  }

  @Test
  void rejectsBadProofsWithOffsetsInTheMessage() {
    byte[] pay = ChannelMessageCodec.encode(samples().get(0));
    int lenAt = 53; // version, type, channel id, proposer, kind, amount, lock count
    byte[] b = pay.clone();
    b[lenAt] = (byte) 163;
    rejects(b, DecodeError.INVALID_VALUE, "proof_length", lenAt);
    b = pay.clone();
    b[lenAt + 1] = 9; // the proof's version byte
    rejects(b, DecodeError.UNSUPPORTED_VERSION, "version", lenAt + 1);
    b = pay.clone();
    b[lenAt + 1 + 2] ^= 1; // first byte of the proof's channel id (after version and one-byte ledger id)
    rejects(b, DecodeError.INVALID_VALUE, "proof", lenAt + 1);
  }

  @Test
  void rejectsZeroAndOversizeLockExpiry() {
    byte[] lock = ChannelMessageCodec.encode(samples().get(1));
    int expiryAt = 2 + 32 + 1 + 1 + 1 + 32 + 16;
    byte[] b = lock.clone();
    Arrays.fill(b, expiryAt, expiryAt + 8, (byte) 0);
    rejects(b, DecodeError.INVALID_VALUE, "lock_expiry", expiryAt);
    b = lock.clone();
    b[expiryAt] = (byte) 0x80;
    rejects(b, DecodeError.INVALID_VALUE, "lock_expiry", expiryAt);
    int senderAt = 36;
    b = lock.clone();
    b[senderAt] = 3;
    rejects(b, DecodeError.INVALID_VALUE, "lock_sender", senderAt);
  }
}
