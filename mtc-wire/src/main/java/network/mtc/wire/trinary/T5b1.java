package network.mtc.wire.trinary;

import network.mtc.wire.DecodeError;
import network.mtc.wire.MtcDecodeException;

/**
 * IOTA's t5b1 packing of trits into bytes: five trits per byte, least significant first, as the signed
 * value {@code t0 + 3 t1 + 9 t2 + 27 t3 + 81 t4} in -121..121 stored in two's complement. A last group of
 * fewer than five trits is padded with zero trits. Unpacking yields five trits per byte; a caller that knows
 * the original trit count uses {@link #decode(byte[], int)}, which also checks that the padding is zero.
 *
 * @since 0.1
 */
public final class T5b1 {
  /** Trits per byte. */
  public static final int TRITS_PER_BYTE = 5;
  /** Largest absolute value of a packed byte: (3^5 - 1) / 2. */
  public static final int MAX_BYTE_VALUE = 121;

  private T5b1() {}

  /** Bytes needed for {@code tritCount} trits. */
  public static int encodedLength(int tritCount) {
    return (tritCount + TRITS_PER_BYTE - 1) / TRITS_PER_BYTE;
  }

  /**
   * Packs trits.
   *
   * @throws MtcDecodeException INVALID_TRIT for a value outside -1..1
   */
  public static byte[] encode(byte[] trits) {
    Trytes.checkTrits(trits);
    byte[] out = new byte[encodedLength(trits.length)];
    for (int i = 0; i < out.length; i++) {
      int v = 0;
      for (int j = Math.min(TRITS_PER_BYTE, trits.length - i * TRITS_PER_BYTE) - 1; j >= 0; j--) {
        v = v * 3 + trits[i * TRITS_PER_BYTE + j];
      }
      out[i] = (byte) v;
    }
    return out;
  }

  /**
   * Unpacks all {@code 5 * bytes.length} trits.
   *
   * @throws MtcDecodeException INVALID_VALUE for a byte outside -121..121 (byte offset)
   */
  public static byte[] decode(byte[] bytes) {
    byte[] trits = new byte[bytes.length * TRITS_PER_BYTE];
    for (int i = 0; i < bytes.length; i++) {
      int v = bytes[i];
      if (v > MAX_BYTE_VALUE || v < -MAX_BYTE_VALUE) {
        throw new MtcDecodeException(DecodeError.INVALID_VALUE, "t5b1", i,
            "byte value " + v + " outside -121..121");
      }
      for (int j = 0; j < TRITS_PER_BYTE; j++) {
        int r = Math.floorMod(v + 1, 3) - 1;
        trits[i * TRITS_PER_BYTE + j] = (byte) r;
        v = (v - r) / 3;
      }
    }
    return trits;
  }

  /**
   * Unpacks exactly {@code tritCount} trits.
   *
   * @throws MtcDecodeException INVALID_LENGTH if {@code bytes} is not exactly
   *     {@link #encodedLength(int)} long, INVALID_VALUE as {@link #decode(byte[])}, NON_CANONICAL if a
   *     padding trit is not zero (offset of the last byte)
   */
  public static byte[] decode(byte[] bytes, int tritCount) {
    if (tritCount < 0 || bytes.length != encodedLength(tritCount)) {
      throw new MtcDecodeException(DecodeError.INVALID_LENGTH, "t5b1", bytes.length,
          bytes.length + " bytes cannot hold exactly " + tritCount + " trits");
    }
    byte[] all = decode(bytes);
    for (int i = tritCount; i < all.length; i++) {
      if (all[i] != 0) {
        throw new MtcDecodeException(DecodeError.NON_CANONICAL, "t5b1.padding", bytes.length - 1,
            "padding trit " + (i - tritCount) + " is " + all[i]);
      }
    }
    return java.util.Arrays.copyOf(all, tritCount);
  }
}
