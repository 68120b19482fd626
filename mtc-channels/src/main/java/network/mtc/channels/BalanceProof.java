package network.mtc.channels;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import network.mtc.wire.Bytes;

/**
 * One state of a channel, as both parties sign it (Raiden's balance proof with a state number as in
 * eltoo/Perun): the channel it belongs to, a nonce that grows with every update, what each party would get
 * if the channel closed now, the MTC gas each has paid to relaying stations so far, the root of the pending
 * hash-locks and the hash of the previous state. Its canonical encoding is in {@link BalanceProofCodec}.
 *
 * @param ledgerId the ledger (chain) the channel is funded on
 * @param channelId 32 bytes, see {@link ChannelParams#channelId()}
 * @param asset the channel's asset
 * @param nonce the state number: 0 for the opening state, then strictly higher per update (spec/channels.md
 *     §7: A proposes at even nonces, B at odd ones)
 * @param balanceA party A's balance, in smallest units of {@code asset}
 * @param balanceB party B's balance
 * @param feeA cumulative MTC gas party A has paid to the relaying station (zero in MTC channels)
 * @param feeB cumulative MTC gas party B has paid
 * @param locksRoot {@link HashLock#root} of the pending locks
 * @param prevHash {@link #hash()} of the previous state; 32 zero bytes for nonce 0
 * @since 0.1
 */
public record BalanceProof(long ledgerId, Bytes channelId, Asset asset, long nonce, Amount balanceA,
    Amount balanceB, Amount feeA, Amount feeB, Bytes locksRoot, Bytes prevHash) {
  private static final byte[] HASH_CONTEXT = "MTC/channels/v1/state".getBytes(StandardCharsets.US_ASCII);

  /** Checks the fields. */
  public BalanceProof {
    Objects.requireNonNull(asset, "asset");
    Objects.requireNonNull(balanceA, "balanceA");
    Objects.requireNonNull(balanceB, "balanceB");
    Objects.requireNonNull(feeA, "feeA");
    Objects.requireNonNull(feeB, "feeB");
    if (channelId.length() != 32 || locksRoot.length() != 32 || prevHash.length() != 32) {
      throw new IllegalArgumentException("channel id, locks root and previous hash have 32 bytes");
    }
    if (nonce < 0) {
      throw new IllegalArgumentException("nonce is non-negative: " + nonce);
    }
  }

  /** The balance of {@code p}. */
  public Amount balance(Party p) {
    return p == Party.A ? balanceA : balanceB;
  }

  /** The cumulative gas of {@code p}. */
  public Amount fee(Party p) {
    return p == Party.A ? feeA : feeB;
  }

  /** The canonical encoding. */
  public byte[] encode() {
    return BalanceProofCodec.encode(this);
  }

  /** SHA-256 of "MTC/channels/v1/state" and the encoding: what the next state's prevHash holds. */
  public Bytes hash() {
    MessageDigest md = HashLock.sha256();
    md.update(HASH_CONTEXT);
    md.update(encode());
    return Bytes.copyOf(md.digest());
  }

  /** The state that follows this one at {@code next}: same channel, these balances, fees and locks root. */
  BalanceProof successor(long next, Amount a, Amount b, Amount fa, Amount fb, Bytes root) {
    return new BalanceProof(ledgerId, channelId, asset, next, a, b, fa, fb, root, hash());
  }
}
