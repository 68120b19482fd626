package network.mtc.channels;

import java.util.Objects;
import network.mtc.wire.Bytes;

/**
 * What an off-chain update does to the previous state; the proposer's balance proof must be exactly the
 * state this update produces (spec/channels.md, "Updates").
 *
 * @since 0.1
 */
public sealed interface Update {
  /** A direct payment of {@code amount} from the proposer to the other party. */
  record Payment(Amount amount) implements Update {
    /** Checks the amount. */
    public Payment {
      if (amount.isZero()) {
        throw new IllegalArgumentException("a payment is not zero");
      }
    }
  }

  /** Adds a hash-lock; its sender must be the proposer, whose balance it holds back. */
  record AddLock(HashLock lock) implements Update {
    /** Checks presence. */
    public AddLock {
      Objects.requireNonNull(lock, "lock");
    }
  }

  /** Settles a pending lock to its receiver with the secret, before expiry. */
  record Unlock(Bytes preimage) implements Update {
    /** Checks presence and bound (32 bytes: secrets are 32-byte random values). */
    public Unlock {
      if (preimage.length() != 32) {
        throw new IllegalArgumentException("a secret has 32 bytes");
      }
    }
  }

  /** Returns an expired pending lock to its sender. */
  record ExpireLock(Bytes hash) implements Update {
    /** Checks the length. */
    public ExpireLock {
      if (hash.length() != 32) {
        throw new IllegalArgumentException("a lock hash has 32 bytes");
      }
    }
  }
}
