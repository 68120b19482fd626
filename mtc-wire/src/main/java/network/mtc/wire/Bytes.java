package network.mtc.wire;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * An immutable sequence of bytes: the value type for payloads, signatures and TLV values. It copies on the
 * way in and on the way out, so a {@code Bytes} handed to a frame or a channel can never change under it.
 * Equality is by content.
 *
 * @since 0.1
 */
public final class Bytes {
  private static final HexFormat HEX = HexFormat.of();
  /** The empty sequence. */
  public static final Bytes EMPTY = new Bytes(new byte[0]);

  private final byte[] data;

  private Bytes(byte[] data) {
    this.data = data;
  }

  /** A copy of {@code data}. */
  public static Bytes copyOf(byte[] data) {
    return data.length == 0 ? EMPTY : new Bytes(data.clone());
  }

  /** A copy of {@code data[off, off + len)}. */
  public static Bytes copyOf(byte[] data, int off, int len) {
    return len == 0 ? EMPTY : new Bytes(Arrays.copyOfRange(data, off, off + len));
  }

  /**
   * Parses lower- or upper-case hex with no separators.
   *
   * @throws IllegalArgumentException for odd length or a non-hex character (argument parsing, not wire
   *     decoding)
   */
  public static Bytes fromHex(String hex) {
    return copyOf(HEX.parseHex(hex));
  }

  /** The number of bytes. */
  public int length() {
    return data.length;
  }

  /** The byte at {@code index}. */
  public byte byteAt(int index) {
    return data[index];
  }

  /** A fresh copy of the content. */
  public byte[] toByteArray() {
    return data.clone();
  }

  /** Copies the content into {@code dst} at {@code off} and returns the offset past it. */
  public int copyTo(byte[] dst, int off) {
    System.arraycopy(data, 0, dst, off, data.length);
    return off + data.length;
  }

  /** Lower-case hex. */
  public String hex() {
    return HEX.formatHex(data);
  }

  /** True if {@code buf[off, off + len)} holds the same bytes. */
  public boolean contentEquals(byte[] buf, int off, int len) {
    return Arrays.equals(data, 0, data.length, buf, off, off + len);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Bytes b && Arrays.equals(data, b.data);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "Bytes[" + hex() + "]";
  }
}
