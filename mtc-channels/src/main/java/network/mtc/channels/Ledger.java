package network.mtc.channels;

import java.util.List;
import network.mtc.crypto.PublicKey;
import network.mtc.wire.Bytes;

/**
 * The settlement SPI: what a chain (or the {@link ReferenceLedger}) does for channels. Every call takes the
 * ledger time {@code now} (seconds) from the caller, so a simulated clock drives it in tests and in the
 * demo. A refused call returns the {@link RejectReason} and changes nothing.
 *
 * @since 0.1
 */
public interface Ledger {
  /** The ledger id every balance proof of this ledger carries. */
  long id();

  /** The balance of {@code owner} in {@code asset} outside channels. */
  Amount balance(PublicKey owner, Asset asset);

  /** Funds a channel: moves both deposits and gas pledges out of the parties' accounts. */
  LedgerResult open(ChannelParams params, SignedState opening, long now);

  /** Closes at a co-signed final state (no locks) signed with {@link SignatureType#COOPERATIVE_CLOSE}. */
  LedgerResult closeCooperatively(Bytes channelId, BalanceProof finalState, Bytes sigA, Bytes sigB, long now);

  /** Starts a unilateral close at {@code state}; the challenge period begins. */
  LedgerResult closeUnilaterally(Bytes channelId, Party submitter, SignedState state, List<HashLock> locks,
      long now);

  /** Shows a newer co-signed state during the challenge period: the submitter's pledge is forfeited. */
  LedgerResult dispute(Bytes channelId, Party disputer, SignedState newer, long now);

  /** Claims a pending lock of the state on record with its secret, before expiry and deadline. */
  LedgerResult claimLock(Bytes channelId, Bytes preimage, long now);

  /** Pays out a unilateral close whose challenge period is over. */
  LedgerResult settle(Bytes channelId, long now);

  /** The payout of a closed channel, or null while it is open or closing. */
  Payout payout(Bytes channelId);
}
