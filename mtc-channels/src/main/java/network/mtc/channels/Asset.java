package network.mtc.channels;

/**
 * An asset a channel can hold, with the number of decimals of its smallest unit. The wire code is the byte
 * the balance proof carries (spec/channels.md, "Assets"); codes are never reused.
 *
 * @since 0.1
 */
public enum Asset {
  /** The network's own token; 18 decimals. Payments in MTC carry no fee. */
  MTC(1, 18),
  /** Bitcoin; 8 decimals (satoshi). */
  BTC(2, 8),
  /** Ether; 18 decimals (wei), which is why amounts are not {@code long}s. */
  ETH(3, 18),
  /** EOS; 4 decimals. */
  EOS(4, 4),
  /** Qtum; 8 decimals. */
  QTUM(5, 8),
  /** Aeternity; 18 decimals (aetto). */
  AE(6, 18);

  private final int code;
  private final int decimals;

  Asset(int code, int decimals) {
    this.code = code;
    this.decimals = decimals;
  }

  /** The wire code (one byte). */
  public int code() {
    return code;
  }

  /** Decimal digits of the smallest unit. */
  public int decimals() {
    return decimals;
  }

  /** True if a payment in this asset pays gas in MTC to the relaying station (every asset but MTC). */
  public boolean paysGas() {
    return this != MTC;
  }

  /** The asset of a wire code, or null if the code is unknown. */
  public static Asset fromCode(int code) {
    for (Asset a : values()) {
      if (a.code == code) {
        return a;
      }
    }
    return null;
  }
}
