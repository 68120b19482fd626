package network.mtc.channels.message;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import network.mtc.crypto.AeadException;
import network.mtc.crypto.SealedPayload;
import network.mtc.crypto.X25519KeyPair;
import network.mtc.wire.DecodeError;
import network.mtc.wire.MtcDecodeException;
import network.mtc.wire.NodeAddress;

/**
 * A {@link ChannelMessage} on a broadcast topic of the mesh, readable by its recipient only
 * (spec/channels-messages.md, "Envelope"):
 *
 * <pre>
 *   0   recipient u64               mesh address of the recipient node, in clear
 *   8   sealed[n]                   SealedPayload to the recipient's X25519 key of the message encoding,
 *                                   aad = "mtc-channel-envelope-v1" || recipient (8 bytes)
 * </pre>
 *
 * <p>Why a clear recipient: a node that hears the broadcast drops envelopes for others after reading 8 bytes,
 * without a key agreement per message. Binding it as associated data stops a relay from re-addressing an
 * envelope. The seal hides the channel, amounts and signatures from every relay; it does not authenticate
 * the sender (anyone can seal to a public key): the channel signatures inside do, and the state machine
 * checks them. An envelope is at most {@link #MAX_LENGTH} bytes, inside one mesh frame.
 *
 * @since 0.1
 */
public final class SealedEnvelope {
  /** Header length: the recipient address. */
  public static final int HEADER_LENGTH = NodeAddress.LENGTH;
  /** Longest envelope: header, the longest message and the seal's overhead (1,309 bytes). */
  public static final int MAX_LENGTH = HEADER_LENGTH + ChannelMessageCodec.MAX_LENGTH + SealedPayload.OVERHEAD;
  private static final byte[] AAD_CONTEXT = "mtc-channel-envelope-v1".getBytes(StandardCharsets.US_ASCII);

  private SealedEnvelope() {}

  /** Seals {@code m} to {@code recipient}, whose X25519 public key is {@code recipientKey}. */
  public static byte[] seal(NodeAddress recipient, byte[] recipientKey, ChannelMessage m, SecureRandom random) {
    byte[] header = new byte[HEADER_LENGTH];
    recipient.writeTo(header, 0);
    byte[] sealed = SealedPayload.seal(recipientKey, ChannelMessageCodec.encode(m), aad(header), random);
    byte[] out = Arrays.copyOf(header, HEADER_LENGTH + sealed.length);
    System.arraycopy(sealed, 0, out, HEADER_LENGTH, sealed.length);
    return out;
  }

  /**
   * The recipient named in the header.
   *
   * @throws MtcDecodeException TRUNCATED if shorter than the header, INVALID_VALUE if the address is the
   *     reserved zero
   */
  public static NodeAddress recipient(byte[] envelope) {
    if (envelope.length < HEADER_LENGTH) {
      throw new MtcDecodeException(DecodeError.TRUNCATED, "recipient", 0);
    }
    long v = 0;
    for (int i = 0; i < HEADER_LENGTH; i++) {
      v = (v << 8) | (envelope[i] & 0xFF);
    }
    if (v == 0) {
      throw new MtcDecodeException(DecodeError.INVALID_VALUE, "recipient", 0, "the zero address is reserved");
    }
    return new NodeAddress(v);
  }

  /**
   * Opens an envelope addressed to this node.
   *
   * @throws MtcDecodeException TOO_LONG, TRUNCATED, or any error of the inner message (offsets counted from
   *     the start of the plaintext message)
   * @throws AeadException if it was not sealed to {@code me}, or was altered or re-addressed
   */
  public static ChannelMessage open(X25519KeyPair me, byte[] envelope) {
    if (envelope.length > MAX_LENGTH) {
      throw new MtcDecodeException(DecodeError.TOO_LONG, "envelope", MAX_LENGTH);
    }
    if (envelope.length < HEADER_LENGTH) {
      throw new MtcDecodeException(DecodeError.TRUNCATED, "recipient", 0);
    }
    byte[] header = Arrays.copyOf(envelope, HEADER_LENGTH);
    byte[] plain = SealedPayload.open(me, Arrays.copyOfRange(envelope, HEADER_LENGTH, envelope.length),
        aad(header));
    return ChannelMessageCodec.decode(plain);
  }

  private static byte[] aad(byte[] header) {
    byte[] a = Arrays.copyOf(AAD_CONTEXT, AAD_CONTEXT.length + header.length);
    System.arraycopy(header, 0, a, AAD_CONTEXT.length, header.length);
    return a;
  }
}
