package network.mtc.channels.journal;

import java.util.Optional;

/**
 * What the journal knows of one channel: the highest reservation and the latest co-signed state.
 *
 * @param reserved the highest nonce this node signed at, with the hash it signed
 * @param stored the latest co-signed state, if any
 * @since 0.1
 */
public record ChannelRecord(JournalRecord.SignatureReserved reserved,
    Optional<JournalRecord.StateStored> stored) {
}
