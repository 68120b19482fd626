package network.mtc.wire.trinary;

import network.mtc.wire.DecodeError;
import network.mtc.wire.MtcDecodeException;

/**
 * IOTA's b1t6 encoding of bytes as trytes (TIP-5): each byte, read as a signed 8-bit value {@code v},
 * becomes two trytes {@code t0, t1} with {@code v = t0 + 27 t1}, {@code t0} first. Decoding rejects an odd
 * number of trytes and any pair whose value lies outside -128..127, so every byte string has exactly one
 * encoding.
 *
 * <pre>
 *   0x01 -> "A9"    0x7F -> "SE"    0x80 -> "GV"    0xFF -> "Z9"
 * </pre>
 *
 * @since 0.1
 */
public final class B1t6 {
  /** Trytes per byte. */
  public static final int TRYTES_PER_BYTE = 2;

  private B1t6() {}

  /** Encodes bytes as trytes. */
  public static String encode(byte[] bytes) {
    char[] out = new char[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      int v = bytes[i] + 364;
      out[2 * i] = Trytes.charOf(v % 27 - 13);
      out[2 * i + 1] = Trytes.charOf(v / 27 - 13);
    }
    return new String(out);
  }

  /**
   * Decodes trytes into bytes.
   *
   * <p>Pairs are checked left to right before the length, as iota.go does, so "99A9AFV" fails on the
   * pair "AF" and "A9A" on its odd length.
   *
   * @throws MtcDecodeException INVALID_TRYTE for a character outside the alphabet, INVALID_VALUE for a
   *     pair outside -128..127, INVALID_LENGTH for an odd length; offsets are character indexes
   */
  public static byte[] decode(CharSequence trytes) {
    byte[] out = new byte[trytes.length() / 2];
    for (int i = 0; i < out.length; i++) {
      int v = Trytes.valueAt(trytes, 2 * i) + 27 * Trytes.valueAt(trytes, 2 * i + 1);
      if (v < Byte.MIN_VALUE || v > Byte.MAX_VALUE) {
        throw new MtcDecodeException(DecodeError.INVALID_VALUE, "trytes", 2 * i,
            "pair value " + v + " outside -128..127");
      }
      out[i] = (byte) v;
    }
    if (trytes.length() % 2 != 0) {
      Trytes.valueAt(trytes, trytes.length() - 1);
      throw new MtcDecodeException(DecodeError.INVALID_LENGTH, "trytes", trytes.length() - 1,
          "odd number of trytes");
    }
    return out;
  }
}
