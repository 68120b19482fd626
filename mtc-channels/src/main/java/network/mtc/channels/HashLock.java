package network.mtc.channels;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Objects;
import network.mtc.wire.Bytes;

/**
 * A pending hash-locked transfer inside a channel (Raiden's mediated transfer lock): {@code amount} moves
 * from {@code sender} to the other party if the SHA-256 preimage of {@code hash} is revealed before ledger
 * time {@code expiry}; otherwise it returns to the sender. The balance proof commits to the list of
 * pending locks through {@link #root(List)}.
 *
 * @param sender the party whose balance the lock holds back
 * @param hash SHA-256 of the secret, 32 bytes
 * @param amount the locked amount, not zero
 * @param expiry ledger time (seconds) at and after which the lock can no longer be claimed
 * @since 0.1
 */
public record HashLock(Party sender, Bytes hash, Amount amount, long expiry) {
  /** Most pending locks per channel: each must be checked on the ledger at a unilateral close. */
  public static final int MAX_LOCKS = 16;
  /** Encoded length of one lock in the root: sender, hash, amount, expiry. */
  public static final int LENGTH = 1 + 32 + Amount.LENGTH + 8;
  private static final byte[] ROOT_CONTEXT = "MTC/channels/v1/locks".getBytes(StandardCharsets.US_ASCII);

  /** Checks the fields. */
  public HashLock {
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(amount, "amount");
    if (hash.length() != 32) {
      throw new IllegalArgumentException("a lock hash has 32 bytes");
    }
    if (amount.isZero() || expiry <= 0) {
      throw new IllegalArgumentException("a lock needs a positive amount and expiry");
    }
  }

  /** SHA-256 of a secret: the hash a lock on that secret carries. */
  public static Bytes hashOf(byte[] preimage) {
    return Bytes.copyOf(sha256().digest(preimage));
  }

  /** True if {@code preimage} opens this lock. */
  public boolean opens(byte[] preimage) {
    return MessageDigest.isEqual(sha256().digest(preimage), hash.toByteArray());
  }

  /**
   * The locks root of a list of pending locks: 32 zero bytes for none, else SHA-256 of the context
   * "MTC/channels/v1/locks", the count (one byte) and each lock's 57 bytes in list order.
   */
  public static Bytes root(List<HashLock> locks) {
    if (locks.isEmpty()) {
      return Bytes.copyOf(new byte[32]);
    }
    if (locks.size() > MAX_LOCKS) {
      throw new IllegalArgumentException("more than " + MAX_LOCKS + " locks");
    }
    MessageDigest md = sha256();
    md.update(ROOT_CONTEXT);
    md.update((byte) locks.size());
    byte[] buf = new byte[LENGTH];
    for (HashLock l : locks) {
      buf[0] = (byte) l.sender.index();
      l.hash.copyTo(buf, 1);
      l.amount.writeTo(buf, 33);
      for (int i = 0; i < 8; i++) {
        buf[49 + i] = (byte) (l.expiry >>> (56 - 8 * i));
      }
      md.update(buf);
    }
    return Bytes.copyOf(md.digest());
  }

  /** The sum of the locked amounts of {@code from}. */
  public static Amount lockedBy(List<HashLock> locks, Party from) {
    Amount s = Amount.ZERO;
    for (HashLock l : locks) {
      if (l.sender == from) {
        s = s.plus(l.amount);
      }
    }
    return s;
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-256", e);
    }
  }
}
