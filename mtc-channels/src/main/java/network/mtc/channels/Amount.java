package network.mtc.channels;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;

/**
 * An exact, non-negative amount in the smallest unit of an asset, at most {@link #MAX} (2^128 - 1, the
 * 16-byte field of the balance proof). Arithmetic is checked: a result below zero or above {@code MAX}
 * throws {@link ArithmeticException} instead of wrapping. There is no floating point anywhere: decimal
 * strings are parsed and printed digit by digit.
 *
 * @param units the amount in smallest units
 * @since 0.1
 */
public record Amount(BigInteger units) implements Comparable<Amount> {
  /** The largest amount: 2^128 - 1, the 16 bytes of the wire field. */
  public static final BigInteger MAX = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);
  /** Zero. */
  public static final Amount ZERO = new Amount(BigInteger.ZERO);
  /** Wire length of an amount. */
  public static final int LENGTH = 16;

  /** Checks the range. */
  public Amount {
    Objects.requireNonNull(units, "units");
    if (units.signum() < 0 || units.compareTo(MAX) > 0) {
      throw new ArithmeticException("amount out of range [0, 2^128-1]: " + units);
    }
  }

  /** An amount of {@code units} smallest units. */
  public static Amount of(long units) {
    return new Amount(BigInteger.valueOf(units));
  }

  /**
   * Parses a decimal string in whole units of {@code asset} ("1.5" ETH = 1500000000000000000 wei). At most
   * {@code asset.decimals()} digits after the point; no sign, exponent or grouping.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static Amount parse(String text, Asset asset) {
    if (text.isEmpty() || text.length() > 60) {
      throw new IllegalArgumentException("amount text must have 1 to 60 characters");
    }
    int dot = text.indexOf('.');
    String whole = dot < 0 ? text : text.substring(0, dot);
    String frac = dot < 0 ? "" : text.substring(dot + 1);
    if (whole.isEmpty() || (dot >= 0 && frac.isEmpty()) || !digits(whole) || !digits(frac)) {
      throw new IllegalArgumentException("not a plain decimal amount: " + text);
    }
    if (frac.length() > asset.decimals()) {
      throw new IllegalArgumentException(asset + " has " + asset.decimals() + " decimals: " + text);
    }
    String all = whole + frac + "0".repeat(asset.decimals() - frac.length());
    BigInteger v = new BigInteger(all);
    if (v.compareTo(MAX) > 0) {
      throw new IllegalArgumentException("amount above 2^128-1 smallest units: " + text);
    }
    return new Amount(v);
  }

  private static boolean digits(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** The amount in whole units of {@code asset}, without trailing zeros ("1.5", "0.000001", "7"). */
  public String format(Asset asset) {
    BigDecimal d = new BigDecimal(units, asset.decimals()).stripTrailingZeros();
    return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
  }

  /** This plus {@code o}. */
  public Amount plus(Amount o) {
    return new Amount(units.add(o.units));
  }

  /** This minus {@code o}; throws ArithmeticException below zero. */
  public Amount minus(Amount o) {
    return new Amount(units.subtract(o.units));
  }

  /** True if this is zero. */
  public boolean isZero() {
    return units.signum() == 0;
  }

  @Override
  public int compareTo(Amount o) {
    return units.compareTo(o.units);
  }

  /** Writes the 16-byte big-endian encoding at {@code off}. */
  public void writeTo(byte[] dst, int off) {
    byte[] b = units.toByteArray();
    int n = Math.min(b.length, LENGTH);
    java.util.Arrays.fill(dst, off, off + LENGTH, (byte) 0);
    System.arraycopy(b, b.length - n, dst, off + LENGTH - n, n);
  }

  /** Reads a 16-byte big-endian amount (any 16 bytes are a valid amount). */
  public static Amount readFrom(byte[] src, int off) {
    byte[] b = java.util.Arrays.copyOfRange(src, off, off + LENGTH);
    return new Amount(new BigInteger(1, b));
  }

  @Override
  public String toString() {
    return units.toString();
  }
}
