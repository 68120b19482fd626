package network.mtc.channels.message;

import java.util.ArrayList;
import java.util.List;
import network.mtc.channels.Amount;
import network.mtc.channels.Asset;
import network.mtc.channels.BalanceProof;
import network.mtc.channels.BalanceProofCodec;
import network.mtc.channels.HashLock;
import network.mtc.channels.Party;
import network.mtc.channels.Proposal;
import network.mtc.channels.RejectReason;
import network.mtc.channels.SignedState;
import network.mtc.channels.Update;
import network.mtc.wire.Bytes;
import network.mtc.wire.DecodeError;
import network.mtc.wire.MtcDecodeException;

/**
 * The canonical encoding of {@link ChannelMessage}s (spec/channels-messages.md):
 *
 * <pre>
 *  version u8 (1) | type u8 | body
 *
 *  1 PROPOSE       channel_id[32] proposer u8 update locks proof_length u8 proof signature[64]
 *                    update = kind u8 then: 1 PAYMENT amount u128 | 2 ADD_LOCK lock
 *                                          | 3 UNLOCK preimage[32] | 4 EXPIRE_LOCK hash[32]
 *                    locks  = count u8 (0..16) then count x lock
 *                    lock   = sender u8 | hash[32] | amount u128 | expiry u64   (57 bytes, as in the locks root)
 *  2 COUNTERSIGN   channel_id[32] signer u8 nonce u64 signature[64]
 *  3 OFFER_CLOSE   channel_id[32] by u8 signature[64]
 *  4 ACCEPT_CLOSE  channel_id[32] by u8 signature[64]
 *  5 SETTLE        proof_length u8 proof sig_a[64] sig_b[64]
 *  6 INVOICE       payee[32] asset u8 amount u128 hash[32]
 *  7 REESTABLISH   from u8 locks proof_length u8 proof sig_a[64] sig_b[64]
 *  8 REJECT        channel_id[32] nonce u64 reason u8 floor u64 signature[64]
 * </pre>
 *
 * <p>One encoding per message: fixed-width fields, a balance proof whose own encoding is canonical, and no
 * trailing bytes. The decoder rejects, with the field and its offset, input longer than {@link #MAX_LENGTH},
 * input ending inside a field (TRUNCATED), another version (UNSUPPORTED_VERSION), an unknown type or update
 * kind, a party byte above 1, more than 16 locks, a zero amount, an expiry or nonce above 2^63-1, an unknown
 * asset or reject reason, a proof length outside 164..182 or a proof of another channel (INVALID_VALUE), any
 * error of the embedded balance proof (offset shifted to the message) and trailing bytes (TRAILING_BYTES).
 *
 * @since 0.1
 */
public final class ChannelMessageCodec {
  /** The only version. */
  public static final int VERSION = 1;
  static final int PROPOSE = 1;
  static final int COUNTERSIGN = 2;
  static final int OFFER_CLOSE = 3;
  static final int ACCEPT_CLOSE = 4;
  static final int SETTLE = 5;
  static final int INVOICE = 6;
  static final int REESTABLISH = 7;
  static final int REJECT = 8;
  private static final int PAYMENT = 1;
  private static final int ADD_LOCK = 2;
  private static final int UNLOCK = 3;
  private static final int EXPIRE_LOCK = 4;
  private static final int SIG = ChannelMessage.SIGNATURE_LENGTH;
  private static final int ID = ChannelMessage.ID_LENGTH;
  /** Shortest balance proof (two one-byte varints). */
  private static final int MIN_PROOF = BalanceProofCodec.MAX_LENGTH - 18;
  /**
   * Longest message: a PROPOSE adding a lock with 16 locks pending: 2 + 32 + 1 + (1 + 57) + (1 + 16 x 57)
   * + 1 + 182 + 64 = 1,253 bytes, well inside one mesh frame (4,096); a REESTABLISH with 16 locks has 2 + 1
   * + (1 + 16 x 57) + 1 + 182 + 128 = 1,227. Longer input is rejected unread.
   */
  public static final int MAX_LENGTH = 2 + ID + 1 + 1 + HashLock.LENGTH + 1 + HashLock.MAX_LOCKS * HashLock.LENGTH
      + 1 + BalanceProofCodec.MAX_LENGTH + SIG;

  private ChannelMessageCodec() {}

  /** The encoding of {@code m}. */
  public static byte[] encode(ChannelMessage m) {
    Out o = new Out();
    o.u8(VERSION).u8(m.type());
    if (m instanceof ChannelMessage.Propose p) {
      Proposal pr = p.proposal();
      o.bytes(p.channelId()).u8(pr.proposer().index());
      Update u = pr.update();
      if (u instanceof Update.Payment pay) {
        o.u8(PAYMENT).amount(pay.amount());
      } else if (u instanceof Update.AddLock add) {
        o.u8(ADD_LOCK).lock(add.lock());
      } else if (u instanceof Update.Unlock un) {
        o.u8(UNLOCK).bytes(un.preimage());
      } else if (u instanceof Update.ExpireLock x) {
        o.u8(EXPIRE_LOCK).bytes(x.hash());
      }
      o.u8(pr.locks().size());
      pr.locks().forEach(o::lock);
      o.proof(pr.proof()).bytes(pr.signature());
    } else if (m instanceof ChannelMessage.Countersign c) {
      o.bytes(c.channelId()).u8(c.signer().index()).u64(c.nonce()).bytes(c.signature());
    } else if (m instanceof ChannelMessage.OfferClose c) {
      o.bytes(c.channelId()).u8(c.by().index()).bytes(c.signature());
    } else if (m instanceof ChannelMessage.AcceptClose c) {
      o.bytes(c.channelId()).u8(c.by().index()).bytes(c.signature());
    } else if (m instanceof ChannelMessage.Settle s) {
      o.proof(s.finalState()).bytes(s.sigA()).bytes(s.sigB());
    } else if (m instanceof ChannelMessage.Invoice i) {
      o.bytes(i.payee()).u8(i.asset().code()).amount(i.amount()).bytes(i.hash());
    } else if (m instanceof ChannelMessage.Reestablish r) {
      o.u8(r.from().index()).u8(r.locks().size());
      r.locks().forEach(o::lock);
      o.proof(r.lastSeen().proof()).bytes(r.lastSeen().sigA()).bytes(r.lastSeen().sigB());
    } else if (m instanceof ChannelMessage.Reject r) {
      o.bytes(r.channelId()).u64(r.nonce()).u8(r.reason().code()).u64(r.floor()).bytes(r.signature());
    }
    return o.toByteArray();
  }

  /** Decodes a whole buffer. */
  public static ChannelMessage decode(byte[] buf) {
    return decode(buf, 0, buf.length);
  }

  /**
   * Decodes exactly {@code len} bytes at {@code off}; offsets in errors count from {@code off}.
   *
   * @throws MtcDecodeException as listed in the class comment
   */
  public static ChannelMessage decode(byte[] buf, int off, int len) {
    if (len > MAX_LENGTH) {
      throw new MtcDecodeException(DecodeError.TOO_LONG, "channel_message", MAX_LENGTH);
    }
    In in = new In(buf, off, len);
    if (in.u8("version") != VERSION) {
      throw new MtcDecodeException(DecodeError.UNSUPPORTED_VERSION, "version", 0);
    }
    int typeAt = in.pos();
    int type = in.u8("type");
    ChannelMessage m = switch (type) {
      case PROPOSE -> propose(in);
      case COUNTERSIGN -> {
        Bytes id = in.bytes(ID, "channel_id");
        Party signer = in.party("signer");
        long nonce = in.u63("nonce");
        yield new ChannelMessage.Countersign(id, signer, nonce, in.bytes(SIG, "signature"));
      }
      case OFFER_CLOSE -> {
        Bytes id = in.bytes(ID, "channel_id");
        Party by = in.party("by");
        yield new ChannelMessage.OfferClose(id, by, in.bytes(SIG, "signature"));
      }
      case ACCEPT_CLOSE -> {
        Bytes id = in.bytes(ID, "channel_id");
        Party by = in.party("by");
        yield new ChannelMessage.AcceptClose(id, by, in.bytes(SIG, "signature"));
      }
      case SETTLE -> {
        BalanceProof p = in.proof();
        Bytes a = in.bytes(SIG, "sig_a");
        yield new ChannelMessage.Settle(p, a, in.bytes(SIG, "sig_b"));
      }
      case INVOICE -> {
        Bytes payee = in.bytes(ID, "payee");
        Asset asset = in.asset();
        Amount amount = in.amount("amount");
        yield new ChannelMessage.Invoice(payee, asset, amount, in.bytes(ID, "hash"));
      }
      case REESTABLISH -> {
        Party from = in.party("from");
        List<HashLock> locks = in.locks();
        BalanceProof p = in.proof();
        Bytes a = in.bytes(SIG, "sig_a");
        yield new ChannelMessage.Reestablish(from, new SignedState(p, a, in.bytes(SIG, "sig_b")), locks);
      }
      case REJECT -> {
        Bytes id = in.bytes(ID, "channel_id");
        long nonce = in.u63("nonce");
        int reasonAt = in.pos();
        RejectReason reason = RejectReason.fromCode(in.u8("reason"));
        if (reason == null) {
          throw new MtcDecodeException(DecodeError.INVALID_VALUE, "reason", reasonAt, "unknown reject reason");
        }
        long floor = in.u63("floor");
        yield new ChannelMessage.Reject(id, nonce, reason, floor, in.bytes(SIG, "signature"));
      }
      default -> throw new MtcDecodeException(DecodeError.INVALID_VALUE, "type", typeAt, "unknown message type");
    };
    in.end();
    return m;
  }

  private static ChannelMessage propose(In in) {
    Bytes id = in.bytes(ID, "channel_id");
    Party proposer = in.party("proposer");
    int kindAt = in.pos();
    Update update = switch (in.u8("update_kind")) {
      case PAYMENT -> new Update.Payment(in.amount("amount"));
      case ADD_LOCK -> new Update.AddLock(in.lock());
      case UNLOCK -> new Update.Unlock(in.bytes(ID, "preimage"));
      case EXPIRE_LOCK -> new Update.ExpireLock(in.bytes(ID, "hash"));
      default -> throw new MtcDecodeException(DecodeError.INVALID_VALUE, "update_kind", kindAt, "unknown update");
    };
    List<HashLock> locks = in.locks();
    int proofAt = in.pos() + 1; // the proof starts after its length byte
    BalanceProof proof = in.proof();
    if (!proof.channelId().equals(id)) {
      throw new MtcDecodeException(DecodeError.INVALID_VALUE, "proof", proofAt, "proof of another channel");
    }
    Bytes sig = in.bytes(SIG, "signature");
    return new ChannelMessage.Propose(id, new Proposal(proposer, update, proof, locks, sig));
  }

  /** A bounds-checked reader; offsets are relative to the message start. */
  private static final class In {
    private final byte[] buf;
    private final int base;
    private final int end;
    private int o;

    In(byte[] buf, int off, int len) {
      this.buf = buf;
      this.base = off;
      this.end = off + len;
      this.o = off;
    }

    int pos() {
      return o - base;
    }

    private void need(int n, String field) {
      if (end - o < n) {
        throw new MtcDecodeException(DecodeError.TRUNCATED, field, pos());
      }
    }

    int u8(String field) {
      need(1, field);
      return buf[o++] & 0xFF;
    }

    long u63(String field) {
      need(8, field);
      int at = pos();
      long v = 0;
      for (int i = 0; i < 8; i++) {
        v = (v << 8) | (buf[o++] & 0xFF);
      }
      if (v < 0) {
        throw new MtcDecodeException(DecodeError.INVALID_VALUE, field, at, "above 2^63-1");
      }
      return v;
    }

    Bytes bytes(int n, String field) {
      need(n, field);
      Bytes b = Bytes.copyOf(buf, o, n);
      o += n;
      return b;
    }

    Party party(String field) {
      int at = pos();
      int v = u8(field);
      if (v > 1) {
        throw new MtcDecodeException(DecodeError.INVALID_VALUE, field, at, "a party is 0 (A) or 1 (B)");
      }
      return Party.values()[v];
    }

    Asset asset() {
      int at = pos();
      Asset a = Asset.fromCode(u8("asset"));
      if (a == null) {
        throw new MtcDecodeException(DecodeError.INVALID_VALUE, "asset", at, "unknown asset code");
      }
      return a;
    }

    Amount amount(String field) {
      need(Amount.LENGTH, field);
      int at = pos();
      Amount a = Amount.readFrom(buf, o);
      o += Amount.LENGTH;
      if (a.isZero()) {
        throw new MtcDecodeException(DecodeError.INVALID_VALUE, field, at, "zero amount");
      }
      return a;
    }

    HashLock lock() {
      need(HashLock.LENGTH, "lock");
      Party sender = party("lock_sender");
      Bytes hash = bytes(ID, "lock_hash");
      Amount amount = amount("lock_amount");
      int expiryAt = pos();
      long expiry = u63("lock_expiry");
      if (expiry == 0) {
        throw new MtcDecodeException(DecodeError.INVALID_VALUE, "lock_expiry", expiryAt, "zero expiry");
      }
      return new HashLock(sender, hash, amount, expiry);
    }

    List<HashLock> locks() {
      int countAt = pos();
      int count = u8("lock_count");
      if (count > HashLock.MAX_LOCKS) {
        throw new MtcDecodeException(DecodeError.INVALID_VALUE, "lock_count", countAt, "more than 16 locks");
      }
      List<HashLock> locks = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        locks.add(lock());
      }
      return locks;
    }

    BalanceProof proof() {
      int at = pos();
      int n = u8("proof_length");
      if (n < MIN_PROOF || n > BalanceProofCodec.MAX_LENGTH) {
        throw new MtcDecodeException(DecodeError.INVALID_VALUE, "proof_length", at, "not 164..182");
      }
      need(n, "proof");
      int start = pos();
      try {
        BalanceProof p = BalanceProofCodec.decode(buf, o, n);
        o += n;
        return p;
      } catch (MtcDecodeException e) {
        throw new MtcDecodeException(e.code(), e.field(), e.offset() + start);
      }
    }

    void end() {
      if (o != end) {
        throw new MtcDecodeException(DecodeError.TRAILING_BYTES, "channel_message", pos());
      }
    }
  }

  /** A growable writer. */
  private static final class Out {
    private byte[] buf = new byte[256];
    private int n;

    private void ensure(int k) {
      if (n + k > buf.length) {
        buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, n + k));
      }
    }

    Out u8(int v) {
      ensure(1);
      buf[n++] = (byte) v;
      return this;
    }

    Out u64(long v) {
      ensure(8);
      for (int i = 0; i < 8; i++) {
        buf[n++] = (byte) (v >>> (56 - 8 * i));
      }
      return this;
    }

    Out bytes(Bytes b) {
      ensure(b.length());
      n = b.copyTo(buf, n);
      return this;
    }

    Out amount(Amount a) {
      ensure(Amount.LENGTH);
      a.writeTo(buf, n);
      n += Amount.LENGTH;
      return this;
    }

    Out lock(HashLock l) {
      return u8(l.sender().index()).bytes(l.hash()).amount(l.amount()).u64(l.expiry());
    }

    Out proof(BalanceProof p) {
      byte[] e = BalanceProofCodec.encode(p);
      u8(e.length);
      ensure(e.length);
      System.arraycopy(e, 0, buf, n, e.length);
      n += e.length;
      return this;
    }

    byte[] toByteArray() {
      return java.util.Arrays.copyOf(buf, n);
    }
  }
}
