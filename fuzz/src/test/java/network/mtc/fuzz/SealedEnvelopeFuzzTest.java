package network.mtc.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import network.mtc.channels.message.ChannelMessage;
import network.mtc.channels.message.ChannelMessageCodec;
import network.mtc.channels.message.SealedEnvelope;
import network.mtc.crypto.AeadException;
import network.mtc.crypto.SealedPayload;
import network.mtc.crypto.X25519KeyPair;
import network.mtc.wire.MtcDecodeException;
import network.mtc.wire.NodeAddress;

/**
 * Opening sealed envelopes (spec/channels-messages.md, "Envelope"). The first byte picks a mode:
 *
 * <ul>
 *   <li>even: the rest is an envelope from anyone; reading its recipient and opening it throw nothing but
 *       MtcDecodeException (a bad header or message) or AeadException (not sealed to this node, altered);
 *   <li>odd: the rest is a plaintext that a correct sender seals to this node; opening it gives exactly what
 *       ChannelMessageCodec gives for the plaintext (the message, or the same rejection), an accepted
 *       message sealed again opens to itself, and the envelope with one byte flipped (position chosen by
 *       the input) or re-addressed never opens.
 * </ul>
 */
public class SealedEnvelopeFuzzTest {
  private static final X25519KeyPair ME = X25519KeyPair.fromPrivateKey(fill(0x51));
  private static final NodeAddress ADDRESS = new NodeAddress(0x0102030405060708L);
  private static final byte[] AAD_CONTEXT = "mtc-channel-envelope-v1".getBytes(StandardCharsets.US_ASCII);

  @FuzzTest
  void fuzz(byte[] data) {
    fuzzerTestOneInput(data);
  }

  /** Entry point of the standalone Jazzer driver (fuzz/run.sh). */
  public static void fuzzerTestOneInput(byte[] data) {
    if (data.length == 0) {
      return;
    }
    byte[] rest = Arrays.copyOfRange(data, 1, data.length);
    if ((data[0] & 1) == 0) {
      anyEnvelope(rest);
    } else {
      sealedPlaintext(rest, data[0] & 0xFF);
    }
  }

  private static void anyEnvelope(byte[] env) {
    try {
      SealedEnvelope.recipient(env);
    } catch (MtcDecodeException rejected) {
      // typed rejection
    }
    try {
      ChannelMessage m = SealedEnvelope.open(ME, env);
      Properties.check(m != null, "opened to nothing");
    } catch (MtcDecodeException | AeadException rejected) {
      // typed rejection
    }
  }

  private static void sealedPlaintext(byte[] plain, int selector) {
    if (plain.length > ChannelMessageCodec.MAX_LENGTH) {
      return; // a correct sender seals only messages it could encode
    }
    byte[] header = new byte[SealedEnvelope.HEADER_LENGTH];
    ADDRESS.writeTo(header, 0);
    byte[] env = concat(header, SealedPayload.seal(ME.publicKey(), plain, concat(AAD_CONTEXT, header),
        new CountingRandom(selector)));
    ChannelMessage expected = null;
    MtcDecodeException expectedError = null;
    try {
      expected = ChannelMessageCodec.decode(plain);
    } catch (MtcDecodeException e) {
      expectedError = e;
    }
    try {
      ChannelMessage got = SealedEnvelope.open(ME, env);
      Properties.check(expected != null && expected.equals(got), "envelope opens to another message");
      byte[] again = SealedEnvelope.seal(ADDRESS, ME.publicKey(), got, new CountingRandom(selector + 1));
      Properties.check(got.equals(SealedEnvelope.open(ME, again)), "sealing again does not round-trip");
    } catch (MtcDecodeException e) {
      Properties.check(expectedError != null && e.code() == expectedError.code()
          && e.offset() == expectedError.offset() && e.field().equals(expectedError.field()),
          "envelope rejects differently from the codec");
    } catch (AeadException e) {
      Properties.check(false, "a correctly sealed envelope does not open");
    }
    byte[] altered = env.clone();
    altered[selector * 31 % altered.length] ^= (byte) (1 << (selector & 7));
    mustNotOpen(altered, "an altered envelope opened");
    byte[] readdressed = env.clone();
    readdressed[SealedEnvelope.HEADER_LENGTH - 1] ^= 1;
    mustNotOpen(readdressed, "a re-addressed envelope opened");
  }

  private static void mustNotOpen(byte[] env, String what) {
    try {
      SealedEnvelope.open(ME, env);
      Properties.check(false, what);
    } catch (AeadException expected) {
      // the seal held
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static byte[] fill(int v) {
    byte[] b = new byte[32];
    Arrays.fill(b, (byte) v);
    return b;
  }

  /** Deterministic "randomness" so that a finding replays: ephemeral keys from a counter. */
  private static final class CountingRandom extends SecureRandom {
    private static final long serialVersionUID = 1L;
    private long counter;

    CountingRandom(long start) {
      counter = start * 0x9E3779B97F4A7C15L;
    }

    @Override
    public void nextBytes(byte[] bytes) {
      for (int i = 0; i < bytes.length; i++) {
        counter = counter * 6364136223846793005L + 1442695040888963407L;
        bytes[i] = (byte) (counter >>> 56);
      }
    }
  }
}
