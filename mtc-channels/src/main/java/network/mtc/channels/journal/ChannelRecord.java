package network.mtc.channels.journal;

import java.util.Optional;

/**
 * What the journal knows of one channel: the highest reservation, the latest co-signed state and, if the
 * highest reservation is this node's own proposal still waiting for its countersignature, that proposal.
 *
 * @param reserved the highest nonce this node signed at, with the hash it signed
 * @param stored the latest co-signed state, if any
 * @param proposal this node's proposal at {@code reserved}'s nonce, if it was reserved with
 *     {@link ChannelJournal#reserveProposal} and no co-signed state reached that nonce
 * @since 0.1
 */
public record ChannelRecord(JournalRecord.SignatureReserved reserved,
    Optional<JournalRecord.StateStored> stored, Optional<JournalRecord.ProposalReserved> proposal) {
  /** A record without a pending proposal. */
  public ChannelRecord(JournalRecord.SignatureReserved reserved, Optional<JournalRecord.StateStored> stored) {
    this(reserved, stored, Optional.empty());
  }
}
