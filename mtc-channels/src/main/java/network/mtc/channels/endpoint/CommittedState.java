package network.mtc.channels.endpoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import network.mtc.channels.Amount;
import network.mtc.channels.HashLock;
import network.mtc.channels.Party;
import network.mtc.channels.SignedState;
import network.mtc.wire.Bytes;
import network.mtc.wire.DecodeError;
import network.mtc.wire.MtcDecodeException;

/**
 * What a {@link DurableChannel} journals for a co-signed state: the state, its pending locks (the proof
 * holds only their root, and a node that lost them could neither close nor claim) and the ledger time the
 * node had seen, so that a restart judges lock expiry no more leniently than before the crash
 * (spec/channels-durability.md, "Durable channel endpoint").
 *
 * <pre>
 *   0      now u64                 latest ledger time seen, 0 .. 2^63-1
 *   8      lock_count u8           0 .. 16
 *   9      locks[57 x lock_count]  sender u8 | hash[32] | amount u128 | expiry u64, in list order
 *   9+57k  co_signed_state         sig_a | sig_b | balance proof (spec/channels.md §5), to the end
 * </pre>
 *
 * @param state the co-signed state
 * @param locks its pending locks, whose root is the proof's locks root
 * @param now the ledger time seen when it was committed
 * @since 0.1
 */
public record CommittedState(SignedState state, List<HashLock> locks, long now) {
  /** Longest encoding: 16 locks and the longest co-signed state (1,249 bytes, inside a journal record). */
  public static final int MAX_LENGTH = 9 + HashLock.MAX_LOCKS * HashLock.LENGTH + SignedState.MAX_LENGTH;

  /** Copies the list; checks the time and that the locks match the proof's root. */
  public CommittedState {
    Objects.requireNonNull(state, "state");
    locks = List.copyOf(locks);
    if (now < 0) {
      throw new IllegalArgumentException("ledger time is 0..2^63-1");
    }
    if (locks.size() > HashLock.MAX_LOCKS || !HashLock.root(locks).equals(state.proof().locksRoot())) {
      throw new IllegalArgumentException("locks do not match the state's locks root");
    }
  }

  /** The encoding above. */
  public byte[] encode() {
    byte[] signed = state.encode();
    byte[] out = new byte[9 + locks.size() * HashLock.LENGTH + signed.length];
    putLong(out, 0, now);
    out[8] = (byte) locks.size();
    int o = 9;
    for (HashLock l : locks) {
      out[o] = (byte) l.sender().index();
      l.hash().copyTo(out, o + 1);
      l.amount().writeTo(out, o + 33);
      putLong(out, o + 49, l.expiry());
      o += HashLock.LENGTH;
    }
    System.arraycopy(signed, 0, out, o, signed.length);
    return out;
  }

  /**
   * Decodes a whole buffer. Does not verify the signatures.
   *
   * @throws MtcDecodeException TOO_LONG (at {@link #MAX_LENGTH}); TRUNCATED at the field the input ends in;
   *     INVALID_VALUE for a time above 2^63-1, more than 16 locks, a lock sender other than 0 or 1, a zero
   *     lock amount or expiry, or locks whose root is not the proof's ({@code locks} at 8); any error of
   *     the co-signed state with its offset shifted to count from the start
   */
  public static CommittedState decode(byte[] buf) {
    if (buf.length > MAX_LENGTH) {
      throw new MtcDecodeException(DecodeError.TOO_LONG, "committed_state", MAX_LENGTH);
    }
    if (buf.length < 8) {
      throw new MtcDecodeException(DecodeError.TRUNCATED, "now", 0);
    }
    long now = getLong(buf, 0);
    if (now < 0) {
      throw new MtcDecodeException(DecodeError.INVALID_VALUE, "now", 0, "above 2^63-1");
    }
    if (buf.length < 9) {
      throw new MtcDecodeException(DecodeError.TRUNCATED, "lock_count", 8);
    }
    int count = buf[8] & 0xFF;
    if (count > HashLock.MAX_LOCKS) {
      throw new MtcDecodeException(DecodeError.INVALID_VALUE, "lock_count", 8, "more than 16 locks");
    }
    List<HashLock> locks = new ArrayList<>(count);
    int o = 9;
    for (int i = 0; i < count; i++, o += HashLock.LENGTH) {
      if (buf.length - o < HashLock.LENGTH) {
        throw new MtcDecodeException(DecodeError.TRUNCATED, "lock", o);
      }
      if ((buf[o] & 0xFF) > 1) {
        throw new MtcDecodeException(DecodeError.INVALID_VALUE, "lock_sender", o, "a party is 0 or 1");
      }
      Amount amount = Amount.readFrom(buf, o + 33);
      if (amount.isZero()) {
        throw new MtcDecodeException(DecodeError.INVALID_VALUE, "lock_amount", o + 33, "zero amount");
      }
      long expiry = getLong(buf, o + 49);
      if (expiry <= 0) {
        throw new MtcDecodeException(DecodeError.INVALID_VALUE, "lock_expiry", o + 49, "not 1..2^63-1");
      }
      locks.add(new HashLock(Party.values()[buf[o]], Bytes.copyOf(buf, o + 1, 32), amount, expiry));
    }
    SignedState state;
    try {
      state = SignedState.decode(buf, o, buf.length - o);
    } catch (MtcDecodeException e) {
      throw new MtcDecodeException(e.code(), e.field(), e.offset() + o);
    }
    if (!HashLock.root(locks).equals(state.proof().locksRoot())) {
      throw new MtcDecodeException(DecodeError.INVALID_VALUE, "locks", 8, "not the proof's locks root");
    }
    return new CommittedState(state, locks, now);
  }

  private static void putLong(byte[] b, int off, long v) {
    for (int i = 0; i < 8; i++) {
      b[off + i] = (byte) (v >>> (56 - 8 * i));
    }
  }

  private static long getLong(byte[] b, int off) {
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (b[off + i] & 0xFF);
    }
    return v;
  }
}
