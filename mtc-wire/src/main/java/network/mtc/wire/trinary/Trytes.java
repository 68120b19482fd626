package network.mtc.wire.trinary;

import network.mtc.wire.DecodeError;
import network.mtc.wire.MtcDecodeException;

/**
 * Balanced trits and IOTA trytes. A trit is -1, 0 or 1, held in a {@code byte}. A tryte is three trits,
 * least significant first, with value {@code t0 + 3 t1 + 9 t2} in -13..13, written as one character of
 * the alphabet {@code 9ABCDEFGHIJKLMNOPQRSTUVWXYZ}: '9' is 0, 'A'..'M' are 1..13, 'N'..'Z' are -13..-1.
 *
 * @since 0.1
 */
public final class Trytes {
  /** The tryte alphabet, indexed by value mod 27. */
  public static final String ALPHABET = "9ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  /** Trits per tryte. */
  public static final int TRITS_PER_TRYTE = 3;

  private static final byte[] VALUE_OF = new byte[128];
  private static final byte INVALID = Byte.MIN_VALUE;

  static {
    java.util.Arrays.fill(VALUE_OF, INVALID);
    for (int i = 0; i < 27; i++) {
      VALUE_OF[ALPHABET.charAt(i)] = (byte) (i <= 13 ? i : i - 27);
    }
  }

  private Trytes() {}

  /**
   * The value (-13..13) of the tryte character at {@code index} of {@code trytes}.
   *
   * @throws MtcDecodeException INVALID_TRYTE naming the character offset
   */
  public static int valueAt(CharSequence trytes, int index) {
    char c = trytes.charAt(index);
    int v = c < 128 ? VALUE_OF[c] : INVALID;
    if (v == INVALID) {
      throw new MtcDecodeException(DecodeError.INVALID_TRYTE, "trytes", index,
          "character " + (c >= 0x20 && c < 0x7F ? "'" + c + "'" : String.format("U+%04X", (int) c)));
    }
    return v;
  }

  /** The character of a tryte value in -13..13. */
  public static char charOf(int value) {
    if (value < -13 || value > 13) {
      throw new IllegalArgumentException("tryte value must be -13..13, got " + value);
    }
    return ALPHABET.charAt(value < 0 ? value + 27 : value);
  }

  /** Converts trytes to trits (three per tryte). */
  public static byte[] toTrits(CharSequence trytes) {
    byte[] trits = new byte[trytes.length() * TRITS_PER_TRYTE];
    for (int i = 0; i < trytes.length(); i++) {
      int v = valueAt(trytes, i);
      for (int j = 0; j < TRITS_PER_TRYTE; j++) {
        int r = Math.floorMod(v + 1, 3) - 1;
        trits[i * 3 + j] = (byte) r;
        v = (v - r) / 3;
      }
    }
    return trits;
  }

  /**
   * Converts trits to trytes.
   *
   * @throws MtcDecodeException INVALID_LENGTH if the count is not a multiple of 3, INVALID_TRIT for a
   *     value outside -1..1
   */
  public static String fromTrits(byte[] trits) {
    if (trits.length % TRITS_PER_TRYTE != 0) {
      throw new MtcDecodeException(DecodeError.INVALID_LENGTH, "trits", trits.length,
          trits.length + " trits is not a whole number of trytes");
    }
    checkTrits(trits);
    StringBuilder sb = new StringBuilder(trits.length / 3);
    for (int i = 0; i < trits.length; i += 3) {
      sb.append(charOf(trits[i] + 3 * trits[i + 1] + 9 * trits[i + 2]));
    }
    return sb.toString();
  }

  /**
   * Checks that every element is a trit.
   *
   * @throws MtcDecodeException INVALID_TRIT at the first bad index
   */
  public static void checkTrits(byte[] trits) {
    for (int i = 0; i < trits.length; i++) {
      if (trits[i] < -1 || trits[i] > 1) {
        throw new MtcDecodeException(DecodeError.INVALID_TRIT, "trits", i, "value " + trits[i]);
      }
    }
  }
}
