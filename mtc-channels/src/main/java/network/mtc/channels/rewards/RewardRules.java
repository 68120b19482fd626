package network.mtc.channels.rewards;

import java.math.BigInteger;
import java.util.Map;
import network.mtc.channels.Asset;

/**
 * The parameters of the reward formula (spec/rewards.md). All integers; amounts in smallest units.
 *
 * @param periodSeconds length of a period (T)
 * @param shareBps share of the pool per category, in basis points, summing to 10,000
 * @param holdCap cap on the average balance counted per participant (smallest units)
 * @param ageFullSeconds holding age at which the age bonus is full
 * @param ageBonusPermille bonus at full age, in per mille of the holding points (1,000 doubles them)
 * @param knee per category (RELAY, IOT, STORAGE, BANDWIDTH): amount counted at full weight
 * @param cap per category (RELAY, IOT, STORAGE, BANDWIDTH): amount above which nothing counts; between
 *     knee and cap an amount counts half
 * @param maxShareBps most any participant receives, in basis points of the whole pool
 * @since 0.1
 */
public record RewardRules(long periodSeconds, Map<Category, Integer> shareBps, BigInteger holdCap,
    long ageFullSeconds, int ageBonusPermille, Map<Category, Long> knee, Map<Category, Long> cap,
    int maxShareBps) {
  private static final long DAY = 86_400;
  private static final long GIB = 1L << 30;

  /**
   * Version 1: weekly periods; 25% holding, 20% node time, 15% relay, 15% IoT, 12.5% storage, 12.5%
   * bandwidth; average balance counted up to 1,000,000 MTC (10^24 smallest units: MTC has 18 decimals); full
   * age bonus (x2) after 365 days; relay knee/cap 10,000/100,000, IoT 10,000/50,000, storage 1/16 GiB
   * average, bandwidth 10/100 GiB per period; no one receives more than 5% of the pool.
   */
  public static final RewardRules V1 = new RewardRules(7 * DAY,
      Map.of(Category.HOLDING, 2500, Category.NODE_TIME, 2000, Category.RELAY, 1500, Category.IOT, 1500,
          Category.STORAGE, 1250, Category.BANDWIDTH, 1250),
      BigInteger.TEN.pow(6 + Asset.MTC.decimals()), 365 * DAY, 1000,
      Map.of(Category.RELAY, 10_000L, Category.IOT, 10_000L, Category.STORAGE, GIB, Category.BANDWIDTH, 10 * GIB),
      Map.of(Category.RELAY, 100_000L, Category.IOT, 50_000L, Category.STORAGE, 16 * GIB,
          Category.BANDWIDTH, 100 * GIB),
      500);

  /** Checks every parameter and copies the maps. */
  public RewardRules {
    if (periodSeconds <= 0 || ageFullSeconds <= 0 || ageBonusPermille < 0 || ageBonusPermille > 10_000
        || holdCap.signum() < 0 || maxShareBps < 1 || maxShareBps > 10_000) {
      throw new IllegalArgumentException("reward parameter out of range");
    }
    int sum = 0;
    for (Category c : Category.values()) {
      Integer s = shareBps.get(c);
      if (s == null || s < 0) {
        throw new IllegalArgumentException("share of " + c + " missing or negative");
      }
      sum += s;
    }
    if (sum != 10_000) {
      throw new IllegalArgumentException("shares must sum to 10,000 basis points, not " + sum);
    }
    for (Category c : new Category[] {Category.RELAY, Category.IOT, Category.STORAGE, Category.BANDWIDTH}) {
      Long k = knee.get(c);
      Long m = cap.get(c);
      if (k == null || m == null || k < 0 || m < k) {
        throw new IllegalArgumentException("knee and cap of " + c + " must satisfy 0 <= knee <= cap");
      }
    }
    shareBps = Map.copyOf(shareBps);
    knee = Map.copyOf(knee);
    cap = Map.copyOf(cap);
  }
}
