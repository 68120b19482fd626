package network.mtc.channels.witness;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import network.mtc.crypto.PublicKey;
import network.mtc.crypto.SigningKey;
import network.mtc.crypto.Verdict;

/**
 * A witness's signed promise to hold an appointment until {@code storedUntil} and to submit it if the
 * channel closes with an older state. A party collects receipts so that it knows (and can prove to the
 * counterparty, or to a reward scheme) which witnesses hold its latest state.
 *
 * <p>Why the submitter is named: both parties' appointments of one state carry the same blob (the key and
 * plaintext are the same), but the witness stores them in two slots, one per submitter. Without the
 * submitter a receipt for one party's slot would also "cover" the other party's appointment, whose slot
 * may never have been stored or may have been evicted.
 *
 * <pre>
 *   0   version u8 (1)
 *   1   witness[32]       Ed25519 public key of the witness
 *   33  submitter[32]     Ed25519 public key of the party whose slot holds the appointment
 *   65  locator[16]
 *   81  nonce u64
 *   89  blob_hash[32]     SHA-256 of the appointment's blob
 *   121 stored_until u64  ledger time in milliseconds since the Unix epoch
 *   129 signature[64]     Ed25519 by witness over "mtc-witness-receipt-v1" || bytes [0, 129)
 *   193 end
 * </pre>
 *
 * @since 0.1
 */
public record WitnessReceipt(byte[] witness, byte[] submitter, byte[] locator, long nonce, byte[] blobHash,
    long storedUntil, byte[] signature) {
  /** Encoded length. */
  public static final int LENGTH = 193;
  /** Bytes covered by the signature. */
  static final int BODY_LENGTH = 129;
  static final int VERSION = 1;
  private static final byte[] DOMAIN = "mtc-witness-receipt-v1".getBytes(StandardCharsets.US_ASCII);

  /** Checks lengths and copies the arrays. */
  public WitnessReceipt {
    witness = copy(witness, PublicKey.LENGTH, "witness");
    submitter = copy(submitter, PublicKey.LENGTH, "submitter");
    locator = copy(locator, Locator.LENGTH, "locator");
    blobHash = copy(blobHash, 32, "blobHash");
    signature = copy(signature, 64, "signature");
  }

  /** Signs a receipt for an appointment. */
  public static WitnessReceipt issue(SigningKey witness, Appointment a, long storedUntil) {
    byte[] pub = witness.publicKey().toBytes();
    byte[] body = WitnessCodec.receiptBody(pub, a.submitter(), a.locator(), a.nonce(), a.blobHash(),
        storedUntil);
    return new WitnessReceipt(pub, a.submitter(), a.locator(), a.nonce(), a.blobHash(), storedUntil,
        witness.sign(signedMessage(body)));
  }

  /** Checks the witness's signature. */
  public Verdict verify() {
    return PublicKey.verify(witness, signedMessage(WitnessCodec.receiptBody(witness, submitter, locator, nonce,
        blobHash, storedUntil)), signature);
  }

  /** True if the signature is valid and the receipt is for exactly this appointment, in its submitter's slot. */
  public boolean covers(Appointment a) {
    return nonce == a.nonce() && Arrays.equals(locator, a.locator()) && Arrays.equals(blobHash, a.blobHash())
        && Arrays.equals(submitter, a.submitter()) && verify().isValid();
  }

  /** The 193-byte encoding. */
  public byte[] encode() {
    return WitnessCodec.encode(this);
  }

  static byte[] signedMessage(byte[] body) {
    byte[] m = Arrays.copyOf(DOMAIN, DOMAIN.length + body.length);
    System.arraycopy(body, 0, m, DOMAIN.length, body.length);
    return m;
  }

  private static byte[] copy(byte[] b, int length, String name) {
    if (b.length != length) {
      throw new IllegalArgumentException(name + " must have " + length + " bytes");
    }
    return b.clone();
  }

  @Override
  public byte[] witness() {
    return witness.clone();
  }

  @Override
  public byte[] submitter() {
    return submitter.clone();
  }

  @Override
  public byte[] locator() {
    return locator.clone();
  }

  @Override
  public byte[] blobHash() {
    return blobHash.clone();
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WitnessReceipt r && nonce == r.nonce && storedUntil == r.storedUntil
        && Arrays.equals(witness, r.witness) && Arrays.equals(submitter, r.submitter)
        && Arrays.equals(locator, r.locator)
        && Arrays.equals(blobHash, r.blobHash) && Arrays.equals(signature, r.signature);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(locator) * 31 + Long.hashCode(nonce);
  }

  @Override
  public String toString() {
    return "WitnessReceipt[locator=" + Locator.hex(locator) + ", nonce=" + Long.toUnsignedString(nonce) + "]";
  }
}
