package network.mtc.channels.witness;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import network.mtc.crypto.AeadException;
import network.mtc.crypto.ChaCha20Poly1305;
import network.mtc.crypto.Hkdf;
import network.mtc.crypto.PublicKey;
import network.mtc.crypto.SigningKey;
import network.mtc.crypto.Verdict;

/**
 * What a channel party hands a witness: the locator, the state number, the encrypted co-signed state and
 * the party's signature (spec/channels-durability.md, "Witness appointments").
 *
 * <pre>
 *   0      version u8 (1)
 *   1      locator[16]
 *   17     nonce u64
 *   25     submitter[32]      Ed25519 public key of the channel party handing over the appointment
 *   57     blob_length u16    at most MAX_BLOB_LENGTH
 *   59     blob[blob_length]  ChaCha20-Poly1305(key, 12 zero bytes, aad = locator || nonce, co-signed state)
 *   59+n   signature[64]      Ed25519 by submitter over "mtc-witness-appointment-v1" || bytes [0, 59+n)
 *
 *   key = HKDF-SHA256(salt = "mtc-witness-blob-v1", ikm = channel_id, info = locator || nonce, L = 32)
 * </pre>
 *
 * <p>Why the blob key comes from the channel id: a witness must be able to submit the state once the
 * channel is being closed, without the parties (who may be offline), and the close names the channel id.
 * Until then the blob is opaque to anyone who does not know the id. This hides balances from bystanders
 * of the mesh, not from someone who reads every channel id off the ledger's funding records: the blob is
 * obfuscated, not secret, against them. The nonce is in clear because the store keeps only the newest
 * state per channel and the stagger rule needs nothing else. A key is used for one (channel, nonce) pair,
 * which has one co-signed state, so the zero AEAD nonce never encrypts two plaintexts under one key.
 *
 * @param locator {@link Locator#of} the channel id
 * @param nonce the state number (unsigned)
 * @param submitter the signing party's public key
 * @param blob the encrypted co-signed state
 * @param signature the party's signature
 * @since 0.1
 */
public record Appointment(byte[] locator, long nonce, byte[] submitter, byte[] blob, byte[] signature) {
  /** Largest blob: the largest co-signed state the journal stores (8 KiB) plus the AEAD tag. */
  public static final int MAX_BLOB_LENGTH = 8192 + ChaCha20Poly1305.TAG_LENGTH;
  /** Bytes before the blob. */
  static final int HEADER_LENGTH = 59;
  /** Version byte of this layout. */
  static final int VERSION = 1;
  private static final byte[] SIGN_DOMAIN = "mtc-witness-appointment-v1".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] KEY_SALT = "mtc-witness-blob-v1".getBytes(StandardCharsets.US_ASCII);

  /** Checks lengths and copies the arrays. */
  public Appointment {
    locator = copy(locator, Locator.LENGTH, "locator");
    submitter = copy(submitter, PublicKey.LENGTH, "submitter");
    signature = copy(signature, 64, "signature");
    if (blob.length < ChaCha20Poly1305.TAG_LENGTH || blob.length > MAX_BLOB_LENGTH) {
      throw new IllegalArgumentException("blob length out of range");
    }
    blob = blob.clone();
  }

  /**
   * Seals a co-signed state into an appointment signed by a channel party.
   */
  public static Appointment create(SigningKey party, byte[] channelId, long nonce, byte[] coSignedState) {
    byte[] locator = Locator.of(channelId);
    byte[] key = blobKey(channelId, locator, nonce);
    byte[] blob = ChaCha20Poly1305.seal(key, new byte[ChaCha20Poly1305.NONCE_LENGTH], aad(locator, nonce),
        coSignedState);
    Arrays.fill(key, (byte) 0);
    byte[] submitter = party.publicKey().toBytes();
    byte[] unsigned = WitnessCodec.appointmentBody(locator, nonce, submitter, blob);
    return new Appointment(locator, nonce, submitter, blob, party.sign(signedMessage(unsigned)));
  }

  /**
   * Decrypts the state once the channel id is known (a close was seen on the ledger).
   *
   * @throws AeadException if the id does not match the locator or the blob was altered
   */
  public byte[] open(byte[] channelId) {
    if (!Arrays.equals(Locator.of(channelId), locator)) {
      throw new AeadException("channel id does not match the locator");
    }
    byte[] key = blobKey(channelId, locator, nonce);
    try {
      return ChaCha20Poly1305.open(key, new byte[ChaCha20Poly1305.NONCE_LENGTH], aad(locator, nonce), blob);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  /** Checks the submitter's signature. */
  public Verdict verify() {
    return PublicKey.verify(submitter, signedMessage(WitnessCodec.appointmentBody(locator, nonce, submitter, blob)),
        signature);
  }

  /** The encoding (see the class comment). */
  public byte[] encode() {
    return WitnessCodec.encode(this);
  }

  /** SHA-256 of the blob, the value a receipt commits to. */
  public byte[] blobHash() {
    return Locator.sha256().digest(blob);
  }

  static byte[] signedMessage(byte[] body) {
    byte[] m = Arrays.copyOf(SIGN_DOMAIN, SIGN_DOMAIN.length + body.length);
    System.arraycopy(body, 0, m, SIGN_DOMAIN.length, body.length);
    return m;
  }

  private static byte[] blobKey(byte[] channelId, byte[] locator, long nonce) {
    return Hkdf.derive(KEY_SALT, channelId, aad(locator, nonce), 32);
  }

  private static byte[] aad(byte[] locator, long nonce) {
    return ByteBuffer.allocate(Locator.LENGTH + 8).put(locator).putLong(nonce).array();
  }

  private static byte[] copy(byte[] b, int length, String name) {
    if (b.length != length) {
      throw new IllegalArgumentException(name + " must have " + length + " bytes");
    }
    return b.clone();
  }

  @Override
  public byte[] locator() {
    return locator.clone();
  }

  @Override
  public byte[] submitter() {
    return submitter.clone();
  }

  @Override
  public byte[] blob() {
    return blob.clone();
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Appointment a && nonce == a.nonce && Arrays.equals(locator, a.locator)
        && Arrays.equals(submitter, a.submitter) && Arrays.equals(blob, a.blob)
        && Arrays.equals(signature, a.signature);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(locator) * 31 + Long.hashCode(nonce);
  }

  @Override
  public String toString() {
    return "Appointment[locator=" + Locator.hex(locator) + ", nonce=" + Long.toUnsignedString(nonce) + ", "
        + blob.length + "-byte blob]";
  }
}
