package network.mtc.channels.rewards;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import network.mtc.wire.NodeAddress;

/**
 * Splits a period's reward pool among participants (spec/rewards.md):
 * <pre>
 *   points HOLDING   = min(floor(tokenSeconds / T), holdCap)
 *                      * (1000 + floor(ageBonus * min(age, ageFull) / ageFull)) / 1000          (floor)
 *   points NODE_TIME = min(nodeSeconds, T)
 *   points X         = min(x, knee) + floor((min(x, cap) - knee)+ / 2)     X in RELAY, IOT, BANDWIDTH
 *   points STORAGE   = same, with x = floor(storageByteSeconds / T)
 *   pool_c           = floor(pool * share_c / 10000)
 *   raw_i            = sum over c of floor(pool_c * points_ic / sum_j points_jc)   (0 if the sum is 0)
 *   reward_i         = min(raw_i, floor(pool * maxShare / 10000))
 *   undistributed    = pool - sum_i reward_i                (carried to the next period)
 * </pre>
 * Exact: BigInteger throughout, no floating point; the result does not depend on the participants'
 * order. Why this shape: separate category pools avoid converting units into each other; linear points
 * below the knee make splitting one identity into many pointless there, and the half weight between knee
 * and cap bounds what splitting gains above it to 2x while still rewarding real heavy contributors; the
 * caps and the per-participant share cap bound what any identity can take in one period.
 *
 * @since 0.1
 */
public final class RewardCalculator {
  /** Participants per computation at most: a period's pool is split once per period, never unbounded. */
  public static final int MAX_PARTICIPANTS = 1_000_000;
  private static final BigInteger BPS = BigInteger.valueOf(10_000);
  private static final BigInteger PERMILLE = BigInteger.valueOf(1_000);

  private final RewardRules rules;

  /** A calculator for the given rules. */
  public RewardCalculator(RewardRules rules) {
    this.rules = rules;
  }

  /**
   * One participant's reward.
   *
   * @param participant the node
   * @param points its points per category
   * @param amount what it receives (smallest units)
   * @param capped true if the per-participant share cap cut the amount
   */
  public record Reward(NodeAddress participant, Map<Category, BigInteger> points, BigInteger amount,
      boolean capped) {
    /** Copies the map. */
    public Reward {
      points = Collections.unmodifiableMap(new EnumMap<>(points));
    }
  }

  /**
   * The split of one pool.
   *
   * @param rewards one per participant, in input order
   * @param undistributed what is left of the pool (empty categories, rounding, the share cap)
   */
  public record Result(List<Reward> rewards, BigInteger undistributed) {
    /** Copies the list. */
    public Result {
      rewards = List.copyOf(rewards);
    }
  }

  /** The points of one contribution per category. */
  public Map<Category, BigInteger> points(Contribution c) {
    BigInteger t = BigInteger.valueOf(rules.periodSeconds());
    Map<Category, BigInteger> p = new EnumMap<>(Category.class);
    BigInteger avg = c.tokenSeconds().divide(t).min(rules.holdCap());
    long age = Math.min(c.holdingAgeSeconds(), rules.ageFullSeconds());
    BigInteger bonus = BigInteger.valueOf(rules.ageBonusPermille()).multiply(BigInteger.valueOf(age))
        .divide(BigInteger.valueOf(rules.ageFullSeconds()));
    p.put(Category.HOLDING, avg.multiply(PERMILLE.add(bonus)).divide(PERMILLE));
    p.put(Category.NODE_TIME, BigInteger.valueOf(Math.min(c.nodeSeconds(), rules.periodSeconds())));
    p.put(Category.RELAY, kneeCap(BigInteger.valueOf(c.relayed()), Category.RELAY));
    p.put(Category.IOT, kneeCap(BigInteger.valueOf(c.iotReports()), Category.IOT));
    p.put(Category.STORAGE, kneeCap(c.storageByteSeconds().divide(t), Category.STORAGE));
    p.put(Category.BANDWIDTH, kneeCap(BigInteger.valueOf(c.bandwidthBytes()), Category.BANDWIDTH));
    return p;
  }

  private BigInteger kneeCap(BigInteger x, Category c) {
    BigInteger knee = BigInteger.valueOf(rules.knee().get(c));
    BigInteger capped = x.min(BigInteger.valueOf(rules.cap().get(c)));
    return capped.min(knee).add(capped.subtract(knee).max(BigInteger.ZERO).shiftRight(1));
  }

  /**
   * Splits {@code pool} among the contributions.
   *
   * @throws IllegalArgumentException if the pool is negative, a participant appears twice or there are
   *     more than {@link #MAX_PARTICIPANTS}
   */
  public Result split(BigInteger pool, List<Contribution> contributions) {
    if (pool.signum() < 0) {
      throw new IllegalArgumentException("negative pool");
    }
    if (contributions.size() > MAX_PARTICIPANTS) {
      throw new IllegalArgumentException("more than " + MAX_PARTICIPANTS + " participants");
    }
    Set<NodeAddress> seen = new HashSet<>();
    List<Map<Category, BigInteger>> points = new ArrayList<>();
    Map<Category, BigInteger> totals = new EnumMap<>(Category.class);
    for (Category c : Category.values()) {
      totals.put(c, BigInteger.ZERO);
    }
    for (Contribution c : contributions) {
      if (!seen.add(c.participant())) {
        throw new IllegalArgumentException("participant " + c.participant() + " appears twice");
      }
      Map<Category, BigInteger> p = points(c);
      points.add(p);
      p.forEach((cat, v) -> totals.merge(cat, v, BigInteger::add));
    }
    BigInteger maxEach = pool.multiply(BigInteger.valueOf(rules.maxShareBps())).divide(BPS);
    List<Reward> rewards = new ArrayList<>();
    BigInteger paid = BigInteger.ZERO;
    for (int i = 0; i < contributions.size(); i++) {
      BigInteger raw = BigInteger.ZERO;
      for (Category c : Category.values()) {
        BigInteger total = totals.get(c);
        if (total.signum() > 0) {
          BigInteger catPool = pool.multiply(BigInteger.valueOf(rules.shareBps().get(c))).divide(BPS);
          raw = raw.add(catPool.multiply(points.get(i).get(c)).divide(total));
        }
      }
      BigInteger amount = raw.min(maxEach);
      paid = paid.add(amount);
      rewards.add(new Reward(contributions.get(i).participant(), points.get(i), amount, raw.compareTo(maxEach) > 0));
    }
    return new Result(rewards, pool.subtract(paid));
  }
}
