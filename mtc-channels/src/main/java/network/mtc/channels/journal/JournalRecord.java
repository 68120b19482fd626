package network.mtc.channels.journal;

import java.util.Arrays;

/**
 * One record of the channel journal (spec/channels-durability.md, "Journal"). Channel ids, state hashes
 * and co-signed states are opaque bytes here: the journal enforces the signing invariant without knowing
 * the balance-proof encoding.
 *
 * @since 0.1
 */
public sealed interface JournalRecord
    permits JournalRecord.SignatureReserved, JournalRecord.StateStored, JournalRecord.ProposalReserved {
  /** Length of a channel id. */
  int CHANNEL_ID_LENGTH = 32;
  /** Length of a state hash (SHA-256 of the signed state's bytes). */
  int HASH_LENGTH = 32;
  /**
   * Largest co-signed state the journal stores. A balance proof with two signatures and a few hash-locks
   * is well under 1 KiB; 8 KiB leaves room for a lock list without letting one record grow unbounded.
   */
  int MAX_STATE_LENGTH = 8192;

  /** The channel the record is about (a copy). */
  byte[] channelId();

  /** The state number, an unsigned 64-bit integer. */
  long nonce();

  /**
   * "This node signs, or has signed, the state with hash {@code stateHash} at {@code nonce}": written and
   * synced before the signature leaves the node.
   */
  record SignatureReserved(byte[] channelId, long nonce, byte[] stateHash) implements JournalRecord {
    /** Checks lengths and copies the arrays. */
    public SignatureReserved {
      channelId = checked(channelId, CHANNEL_ID_LENGTH, "channelId");
      stateHash = checked(stateHash, HASH_LENGTH, "stateHash");
    }

    @Override
    public byte[] channelId() {
      return channelId.clone();
    }

    @Override
    public byte[] stateHash() {
      return stateHash.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof SignatureReserved r && nonce == r.nonce && Arrays.equals(channelId, r.channelId)
          && Arrays.equals(stateHash, r.stateHash);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(channelId) * 31 + Long.hashCode(nonce);
    }

    @Override
    public String toString() {
      return "SignatureReserved[nonce=" + Long.toUnsignedString(nonce) + "]";
    }
  }

  /**
   * A state signed by both parties: {@code stateHash} is the hash that was reserved at {@code nonce},
   * {@code coSignedState} the bytes to settle with.
   */
  record StateStored(byte[] channelId, long nonce, byte[] stateHash, byte[] coSignedState)
      implements JournalRecord {
    /** Checks lengths and copies the arrays. */
    public StateStored {
      channelId = checked(channelId, CHANNEL_ID_LENGTH, "channelId");
      stateHash = checked(stateHash, HASH_LENGTH, "stateHash");
      if (coSignedState.length > MAX_STATE_LENGTH) {
        throw new IllegalArgumentException("co-signed state longer than " + MAX_STATE_LENGTH + " bytes");
      }
      coSignedState = coSignedState.clone();
    }

    @Override
    public byte[] channelId() {
      return channelId.clone();
    }

    @Override
    public byte[] stateHash() {
      return stateHash.clone();
    }

    @Override
    public byte[] coSignedState() {
      return coSignedState.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof StateStored r && nonce == r.nonce && Arrays.equals(channelId, r.channelId)
          && Arrays.equals(stateHash, r.stateHash) && Arrays.equals(coSignedState, r.coSignedState);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(channelId) * 31 + Long.hashCode(nonce);
    }

    @Override
    public String toString() {
      return "StateStored[nonce=" + Long.toUnsignedString(nonce) + ", " + coSignedState.length + " bytes]";
    }
  }

  /**
   * A reservation that also keeps what was signed: this node's own proposal at {@code nonce}, whose state
   * has hash {@code stateHash}. It counts as a {@link SignatureReserved} of the same nonce and hash, and
   * lets a node that crashed before the countersignature arrived send the very same proposal again
   * instead of being stuck (it may sign nothing else at that nonce). {@code proposal} is opaque here.
   */
  record ProposalReserved(byte[] channelId, long nonce, byte[] stateHash, byte[] proposal)
      implements JournalRecord {
    /** Checks lengths and copies the arrays. */
    public ProposalReserved {
      channelId = checked(channelId, CHANNEL_ID_LENGTH, "channelId");
      stateHash = checked(stateHash, HASH_LENGTH, "stateHash");
      if (proposal.length > MAX_STATE_LENGTH) {
        throw new IllegalArgumentException("proposal longer than " + MAX_STATE_LENGTH + " bytes");
      }
      proposal = proposal.clone();
    }

    @Override
    public byte[] channelId() {
      return channelId.clone();
    }

    @Override
    public byte[] stateHash() {
      return stateHash.clone();
    }

    @Override
    public byte[] proposal() {
      return proposal.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof ProposalReserved r && nonce == r.nonce && Arrays.equals(channelId, r.channelId)
          && Arrays.equals(stateHash, r.stateHash) && Arrays.equals(proposal, r.proposal);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(channelId) * 31 + Long.hashCode(nonce);
    }

    @Override
    public String toString() {
      return "ProposalReserved[nonce=" + Long.toUnsignedString(nonce) + ", " + proposal.length + " bytes]";
    }
  }

  private static byte[] checked(byte[] b, int length, String name) {
    if (b.length != length) {
      throw new IllegalArgumentException(name + " must have " + length + " bytes");
    }
    return b.clone();
  }
}
