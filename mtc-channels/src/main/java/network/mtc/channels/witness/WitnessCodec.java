package network.mtc.channels.witness;

import java.nio.ByteBuffer;
import java.util.Arrays;
import network.mtc.crypto.PublicKey;
import network.mtc.wire.DecodeError;
import network.mtc.wire.MtcDecodeException;

/**
 * Encoder and decoder of appointments and receipts (layouts in {@link Appointment} and
 * {@link WitnessReceipt}). Decoding checks structure only (version, lengths, that keys are valid Ed25519
 * public keys); signatures are checked by {@code verify()}, so a caller can tell a garbled message from a
 * forged one.
 *
 * @since 0.1
 */
public final class WitnessCodec {
  private WitnessCodec() {}

  /** Encodes an appointment. */
  public static byte[] encode(Appointment a) {
    byte[] body = appointmentBody(a.locator(), a.nonce(), a.submitter(), a.blob());
    byte[] out = Arrays.copyOf(body, body.length + 64);
    System.arraycopy(a.signature(), 0, out, body.length, 64);
    return out;
  }

  /** Encodes a receipt (193 bytes). */
  public static byte[] encode(WitnessReceipt r) {
    byte[] body = receiptBody(r.witness(), r.submitter(), r.locator(), r.nonce(), r.blobHash(), r.storedUntil());
    byte[] out = Arrays.copyOf(body, WitnessReceipt.LENGTH);
    System.arraycopy(r.signature(), 0, out, body.length, 64);
    return out;
  }

  /**
   * Decodes an appointment that fills {@code b[off, off + len)}.
   *
   * @throws MtcDecodeException TRUNCATED, UNSUPPORTED_VERSION, TOO_LONG (blob_length over the maximum),
   *     INVALID_VALUE (blob shorter than a tag, submitter not a valid key), TRAILING_BYTES
   */
  public static Appointment decodeAppointment(byte[] b, int off, int len) {
    java.util.Objects.checkFromIndexSize(off, len, b.length);
    ByteBuffer in = ByteBuffer.wrap(b, off, len);
    need(len, 1, "version");
    if (b[off] != Appointment.VERSION) {
      throw new MtcDecodeException(DecodeError.UNSUPPORTED_VERSION, "version", 0);
    }
    need(len, Appointment.HEADER_LENGTH, "blob_length");
    byte[] submitter = Arrays.copyOfRange(b, off + 25, off + 57);
    int blobLength = in.getShort(off + 57) & 0xffff;
    if (blobLength > Appointment.MAX_BLOB_LENGTH) {
      throw new MtcDecodeException(DecodeError.TOO_LONG, "blob_length", 57);
    }
    if (blobLength < 16) {
      throw new MtcDecodeException(DecodeError.INVALID_VALUE, "blob_length", 57, "shorter than the AEAD tag");
    }
    int end = Appointment.HEADER_LENGTH + blobLength + 64;
    need(len, end, len < Appointment.HEADER_LENGTH + blobLength ? "blob" : "signature");
    if (len > end) {
      throw new MtcDecodeException(DecodeError.TRAILING_BYTES, "signature", end);
    }
    checkKey(submitter, "submitter", 25);
    return new Appointment(Arrays.copyOfRange(b, off + 1, off + 17), in.getLong(off + 17), submitter,
        Arrays.copyOfRange(b, off + 59, off + 59 + blobLength),
        Arrays.copyOfRange(b, off + 59 + blobLength, off + end));
  }

  /**
   * Decodes a receipt that fills {@code b[off, off + len)}.
   *
   * @throws MtcDecodeException TRUNCATED, UNSUPPORTED_VERSION, INVALID_VALUE (witness or submitter not a valid
   *     key), TRAILING_BYTES
   */
  public static WitnessReceipt decodeReceipt(byte[] b, int off, int len) {
    java.util.Objects.checkFromIndexSize(off, len, b.length);
    need(len, 1, "version");
    if (b[off] != WitnessReceipt.VERSION) {
      throw new MtcDecodeException(DecodeError.UNSUPPORTED_VERSION, "version", 0);
    }
    need(len, WitnessReceipt.LENGTH, fieldAt(len));
    if (len > WitnessReceipt.LENGTH) {
      throw new MtcDecodeException(DecodeError.TRAILING_BYTES, "signature", WitnessReceipt.LENGTH);
    }
    ByteBuffer in = ByteBuffer.wrap(b, off, len);
    byte[] witness = Arrays.copyOfRange(b, off + 1, off + 33);
    checkKey(witness, "witness", 1);
    byte[] submitter = Arrays.copyOfRange(b, off + 33, off + 65);
    checkKey(submitter, "submitter", 33);
    return new WitnessReceipt(witness, submitter, Arrays.copyOfRange(b, off + 65, off + 81), in.getLong(off + 81),
        Arrays.copyOfRange(b, off + 89, off + 121), in.getLong(off + 121),
        Arrays.copyOfRange(b, off + 129, off + 193));
  }

  private static String fieldAt(int len) {
    return len < 33 ? "witness" : len < 65 ? "submitter" : len < 81 ? "locator" : len < 89 ? "nonce"
        : len < 121 ? "blob_hash" : len < 129 ? "stored_until" : "signature";
  }

  private static void need(int len, int n, String field) {
    if (len < n) {
      throw new MtcDecodeException(DecodeError.TRUNCATED, field, len);
    }
  }

  private static void checkKey(byte[] key, String field, int offset) {
    if (!PublicKey.check(key).isValid()) {
      throw new MtcDecodeException(DecodeError.INVALID_VALUE, field, offset, "not a valid Ed25519 public key");
    }
  }

  static byte[] appointmentBody(byte[] locator, long nonce, byte[] submitter, byte[] blob) {
    return ByteBuffer.allocate(Appointment.HEADER_LENGTH + blob.length).put((byte) Appointment.VERSION)
        .put(locator).putLong(nonce).put(submitter).putShort((short) blob.length).put(blob).array();
  }

  static byte[] receiptBody(byte[] witness, byte[] submitter, byte[] locator, long nonce, byte[] blobHash,
      long storedUntil) {
    return ByteBuffer.allocate(WitnessReceipt.BODY_LENGTH).put((byte) WitnessReceipt.VERSION).put(witness)
        .put(submitter).put(locator).putLong(nonce).put(blobHash).putLong(storedUntil).array();
  }
}
