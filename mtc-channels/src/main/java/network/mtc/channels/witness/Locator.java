package network.mtc.channels.witness;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The 16-byte name under which a witness files a channel's appointments:
 * {@code SHA-256("mtc-witness-locator-v1" || channel_id)[0..16)}. A witness that does not know the
 * channel id cannot tell which channel (or which parties) an appointment is about; when a close of the
 * channel appears on the ledger it learns the id, computes the locator and finds the appointment.
 *
 * @since 0.1
 */
public final class Locator {
  /** Locator length. */
  public static final int LENGTH = 16;
  private static final byte[] DOMAIN = "mtc-witness-locator-v1".getBytes(StandardCharsets.US_ASCII);

  private Locator() {}

  /** The locator of a 32-byte channel id. */
  public static byte[] of(byte[] channelId) {
    if (channelId.length != 32) {
      throw new IllegalArgumentException("a channel id has 32 bytes");
    }
    MessageDigest sha = sha256();
    sha.update(DOMAIN);
    return Arrays.copyOf(sha.digest(channelId), LENGTH);
  }

  /** Lowercase hex, for logs. */
  public static String hex(byte[] locator) {
    return HexFormat.of().formatHex(locator);
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every JDK has SHA-256", e);
    }
  }
}
