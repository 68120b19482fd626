package network.mtc.channels.message;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import network.mtc.channels.Amount;
import network.mtc.channels.Asset;
import network.mtc.channels.BalanceProof;
import network.mtc.channels.HashLock;
import network.mtc.channels.Party;
import network.mtc.channels.Proposal;
import network.mtc.channels.RejectReason;
import network.mtc.channels.SignedState;
import network.mtc.crypto.PublicKey;
import network.mtc.crypto.SigningKey;
import network.mtc.wire.Bytes;

/**
 * What channel parties (and the station that settles for them) send each other over the mesh
 * (spec/channels-messages.md). Each message is small, self-contained and, on the mesh, sealed to its one
 * recipient ({@link SealedEnvelope}); its canonical encoding is {@link ChannelMessageCodec}. Signatures inside
 * are channel signatures (spec/channels.md §5) that the state machine verifies; the codec only checks
 * structure.
 *
 * @since 0.1
 */
public sealed interface ChannelMessage {
  /** Length of a channel id, a hash, a key and a preimage. */
  int ID_LENGTH = 32;
  /** Length of an Ed25519 signature. */
  int SIGNATURE_LENGTH = 64;

  /** The message type code on the wire. */
  int type();

  /** An update proposed by its proposer, with the proposer's STATE signature of the new state. */
  record Propose(Bytes channelId, Proposal proposal) implements ChannelMessage {
    /** Checks that the proposal is for this channel. */
    public Propose {
      checkId(channelId);
      if (!proposal.proof().channelId().equals(channelId)) {
        throw new IllegalArgumentException("the proposal is for another channel");
      }
    }

    @Override
    public int type() {
      return ChannelMessageCodec.PROPOSE;
    }
  }

  /** The other party's STATE signature of the pending proposal whose state has {@code nonce}. */
  record Countersign(Bytes channelId, Party signer, long nonce, Bytes signature) implements ChannelMessage {
    /** Checks lengths and range. */
    public Countersign {
      checkId(channelId);
      Objects.requireNonNull(signer, "signer");
      checkSignature(signature);
      if (nonce < 0) {
        throw new IllegalArgumentException("nonce is 0..2^63-1");
      }
    }

    @Override
    public int type() {
      return ChannelMessageCodec.COUNTERSIGN;
    }
  }

  /** {@code by} offers a cooperative close with its COOPERATIVE_CLOSE signature of the close proof. */
  record OfferClose(Bytes channelId, Party by, Bytes signature) implements ChannelMessage {
    /** Checks lengths. */
    public OfferClose {
      checkId(channelId);
      Objects.requireNonNull(by, "by");
      checkSignature(signature);
    }

    @Override
    public int type() {
      return ChannelMessageCodec.OFFER_CLOSE;
    }
  }

  /** {@code by} accepts the offered close with its own COOPERATIVE_CLOSE signature. */
  record AcceptClose(Bytes channelId, Party by, Bytes signature) implements ChannelMessage {
    /** Checks lengths. */
    public AcceptClose {
      checkId(channelId);
      Objects.requireNonNull(by, "by");
      checkSignature(signature);
    }

    @Override
    public int type() {
      return ChannelMessageCodec.ACCEPT_CLOSE;
    }
  }

  /**
   * A cooperative close both parties signed, handed to a station to carry to the ledger
   * ({@code Ledger.closeCooperatively}); anyone may carry it, since it holds both signatures.
   */
  record Settle(BalanceProof finalState, Bytes sigA, Bytes sigB) implements ChannelMessage {
    /** Checks lengths. */
    public Settle {
      Objects.requireNonNull(finalState, "finalState");
      checkSignature(sigA);
      checkSignature(sigB);
    }

    @Override
    public int type() {
      return ChannelMessageCodec.SETTLE;
    }
  }

  /**
   * A payee's request to be paid {@code amount} of {@code asset} against a hash-lock on {@code hash}: the
   * start of a mediated transfer (the payee keeps the secret until the lock reaches it).
   */
  record Invoice(Bytes payee, Asset asset, Amount amount, Bytes hash) implements ChannelMessage {
    /** Checks lengths and the amount. */
    public Invoice {
      checkId(payee);
      checkId(hash);
      Objects.requireNonNull(asset, "asset");
      if (amount.isZero()) {
        throw new IllegalArgumentException("an invoice is for a positive amount");
      }
    }

    @Override
    public int type() {
      return ChannelMessageCodec.INVOICE;
    }
  }

  /**
   * After a reconnect or a restart, {@code from} shows the latest co-signed state it holds and that state's
   * pending locks (channels.md §9); the receiver applies it as {@code ChannelEvent.Reestablish} and, if the
   * sender is behind, answers with its own REESTABLISH (the {@code Resend} effect).
   */
  record Reestablish(Party from, SignedState lastSeen, List<HashLock> locks) implements ChannelMessage {
    /** Copies the list; checks presence and the lock count. */
    public Reestablish {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(lastSeen, "lastSeen");
      locks = List.copyOf(locks);
      if (locks.size() > HashLock.MAX_LOCKS) {
        throw new IllegalArgumentException("more than " + HashLock.MAX_LOCKS + " locks");
      }
    }

    @Override
    public int type() {
      return ChannelMessageCodec.REESTABLISH;
    }
  }

  /**
   * The receiver of the PROPOSE of state {@code nonce} rejected it, for {@code reason} (channels.md §7);
   * {@code floor} is the highest nonce the sender has signed at or holds co-signed, above which the
   * proposer's next proposal must go. Signed by the sender's channel key over {@link #signedMessage}, so
   * that no third party can make a proposer withdraw or move its nonces.
   */
  record Reject(Bytes channelId, long nonce, RejectReason reason, long floor, Bytes signature)
      implements ChannelMessage {
    /** The context of a REJECT signature (ASCII, no terminator). */
    public static final String CONTEXT = "MTC/channels/v1/reject";

    /** Checks lengths and range. */
    public Reject {
      checkId(channelId);
      Objects.requireNonNull(reason, "reason");
      checkSignature(signature);
      if (nonce < 0 || floor < 0) {
        throw new IllegalArgumentException("nonce and floor are 0..2^63-1");
      }
    }

    /** The REJECT signed by {@code key}, the sender's channel key. */
    public static Reject sign(SigningKey key, Bytes channelId, long nonce, RejectReason reason, long floor) {
      return new Reject(channelId, nonce, reason, floor,
          Bytes.copyOf(key.sign(signedMessage(channelId, nonce, reason, floor))));
    }

    /**
     * The bytes a REJECT signature covers: the context, then channel id (32), nonce (u64), reason code (u8)
     * and floor (u64), big-endian.
     */
    public static byte[] signedMessage(Bytes channelId, long nonce, RejectReason reason, long floor) {
      byte[] ctx = CONTEXT.getBytes(StandardCharsets.US_ASCII);
      ByteBuffer b = ByteBuffer.allocate(ctx.length + ID_LENGTH + 8 + 1 + 8);
      b.put(ctx).put(channelId.toByteArray()).putLong(nonce).put((byte) reason.code()).putLong(floor);
      return b.array();
    }

    /** True if {@code key} signed this REJECT. */
    public boolean verify(PublicKey key) {
      return key.verifyDetailed(signedMessage(channelId, nonce, reason, floor), signature.toByteArray())
          .isValid();
    }

    @Override
    public int type() {
      return ChannelMessageCodec.REJECT;
    }
  }

  private static void checkId(Bytes b) {
    if (b.length() != ID_LENGTH) {
      throw new IllegalArgumentException("ids, keys and hashes have 32 bytes");
    }
  }

  private static void checkSignature(Bytes b) {
    if (b.length() != SIGNATURE_LENGTH) {
      throw new IllegalArgumentException("a signature has 64 bytes");
    }
  }
}
