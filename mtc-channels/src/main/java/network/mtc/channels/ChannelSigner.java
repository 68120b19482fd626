package network.mtc.channels;

import java.nio.charset.StandardCharsets;
import network.mtc.crypto.PublicKey;
import network.mtc.crypto.SigningKey;
import network.mtc.crypto.Verdict;
import network.mtc.wire.Bytes;

/**
 * Domain-separated channel signatures. The signed message is
 *
 * <pre>
 *   "MTC/channels/v1/sig" (19 ASCII bytes) || type (u8) || balance proof encoding
 * </pre>
 *
 * and the encoding begins with the version, ledger id, channel id and asset, so a signature is bound to
 * its purpose, its ledger, its channel and its asset: it cannot be replayed as another type, on another
 * ledger, in another channel or for another asset, and the Ed25519 signatures of the rest of MTC (frames,
 * spec/wire.md) never start with this context.
 *
 * @since 0.1
 */
public final class ChannelSigner {
  /** The context prefix. */
  public static final String CONTEXT = "MTC/channels/v1/sig";
  private static final byte[] CONTEXT_BYTES = CONTEXT.getBytes(StandardCharsets.US_ASCII);

  private ChannelSigner() {}

  /** The bytes a signature of {@code type} over {@code proof} covers. */
  public static byte[] message(SignatureType type, BalanceProof proof) {
    byte[] enc = proof.encode();
    byte[] m = new byte[CONTEXT_BYTES.length + 1 + enc.length];
    System.arraycopy(CONTEXT_BYTES, 0, m, 0, CONTEXT_BYTES.length);
    m[CONTEXT_BYTES.length] = (byte) type.code();
    System.arraycopy(enc, 0, m, CONTEXT_BYTES.length + 1, enc.length);
    return m;
  }

  /** Signs. */
  public static Bytes sign(SigningKey key, SignatureType type, BalanceProof proof) {
    return Bytes.copyOf(key.sign(message(type, proof)));
  }

  /** Verifies. */
  public static Verdict verify(PublicKey key, SignatureType type, BalanceProof proof, Bytes signature) {
    return key.verifyDetailed(message(type, proof), signature.toByteArray());
  }
}
