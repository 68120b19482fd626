package network.mtc.channels.rewards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import network.mtc.wire.NodeAddress;
import org.junit.jupiter.api.Test;

class RewardCalculatorTest {
  /** Small numbers so that every example below can be checked by hand. */
  static RewardRules small(int holdBps, int nodeBps, int relayBps, int maxShareBps) {
    return new RewardRules(100,
        Map.of(Category.HOLDING, holdBps, Category.NODE_TIME, nodeBps, Category.RELAY, relayBps, Category.IOT,
            10_000 - holdBps - nodeBps - relayBps, Category.STORAGE, 0, Category.BANDWIDTH, 0),
        BigInteger.valueOf(1000), 100, 1000,
        Map.of(Category.RELAY, 10L, Category.IOT, 10L, Category.STORAGE, 10L, Category.BANDWIDTH, 10L),
        Map.of(Category.RELAY, 20L, Category.IOT, 20L, Category.STORAGE, 20L, Category.BANDWIDTH, 20L),
        maxShareBps);
  }

  static Contribution c(long addr, long tokenSeconds, long age, long node, long relayed) {
    return new Contribution(new NodeAddress(addr), BigInteger.valueOf(tokenSeconds), age, node, relayed, 0,
        BigInteger.ZERO, 0);
  }

  @Test
  void workedExampleHoldingAndNodeTime() {
    // A: average 50,000/100 = 500 tokens, age 50/100 -> bonus 500 per mille -> 500 x 1.5 = 750 points;
    //    node 100 s.  B: average 2,000 capped to 1,000, age 0 -> 1,000 points; node 50 s.
    // Pool 1,000: 500 for holding (total 1,750 points), 500 for node time (total 150 s).
    // A: floor(500 x 750 / 1750) = 214, floor(500 x 100 / 150) = 333 -> 547.
    // B: floor(500 x 1000 / 1750) = 285, floor(500 x 50 / 150) = 166 -> 451.  Left over: 2.
    RewardCalculator calc = new RewardCalculator(small(5000, 5000, 0, 10_000));
    RewardCalculator.Result r = calc.split(BigInteger.valueOf(1000),
        List.of(c(1, 50_000, 50, 100, 0), c(2, 200_000, 0, 50, 0)));
    assertEquals(BigInteger.valueOf(750), r.rewards().get(0).points().get(Category.HOLDING));
    assertEquals(BigInteger.valueOf(1000), r.rewards().get(1).points().get(Category.HOLDING));
    assertEquals(BigInteger.valueOf(547), r.rewards().get(0).amount());
    assertEquals(BigInteger.valueOf(451), r.rewards().get(1).amount());
    assertEquals(BigInteger.valueOf(2), r.undistributed());
  }

  @Test
  void relayCountsFullyToTheKneeHalfToTheCapThenNothing() {
    RewardCalculator calc = new RewardCalculator(small(0, 0, 10_000, 10_000));
    long[][] cases = {{0, 0}, {5, 5}, {10, 10}, {11, 10}, {12, 11}, {15, 12}, {20, 15}, {1_000_000, 15}};
    for (long[] k : cases) {
      assertEquals(BigInteger.valueOf(k[1]), calc.points(c(1, 0, 0, 0, k[0])).get(Category.RELAY), "x=" + k[0]);
    }
    // Pool 100 for relay: 5 and 15 relays -> 5 and 12 points -> floor(100x5/17) = 29, floor(100x12/17) = 70.
    RewardCalculator.Result r = calc.split(BigInteger.valueOf(100), List.of(c(1, 0, 0, 0, 5), c(2, 0, 0, 0, 15)));
    assertEquals(BigInteger.valueOf(29), r.rewards().get(0).amount());
    assertEquals(BigInteger.valueOf(70), r.rewards().get(1).amount());
    assertEquals(BigInteger.ONE, r.undistributed());
  }

  @Test
  void splittingAnIdentityBelowTheKneeGainsNothing() {
    RewardCalculator calc = new RewardCalculator(small(0, 0, 10_000, 10_000));
    BigInteger one = calc.points(c(1, 0, 0, 0, 10)).get(Category.RELAY);
    BigInteger two = calc.points(c(1, 0, 0, 0, 5)).get(Category.RELAY)
        .add(calc.points(c(2, 0, 0, 0, 5)).get(Category.RELAY));
    assertEquals(one, two);
  }

  @Test
  void theShareCapLeavesTheExcessUndistributed() {
    // One participant takes every category pool (500 + 500) but may receive 30% of 1,000.
    RewardCalculator calc = new RewardCalculator(small(5000, 5000, 0, 3000));
    RewardCalculator.Result r = calc.split(BigInteger.valueOf(1000), List.of(c(1, 100, 0, 10, 0)));
    assertEquals(BigInteger.valueOf(300), r.rewards().get(0).amount());
    assertTrue(r.rewards().get(0).capped());
    assertEquals(BigInteger.valueOf(700), r.undistributed());
  }

  @Test
  void emptyCategoriesAreCarriedOver() {
    RewardCalculator calc = new RewardCalculator(RewardRules.V1);
    RewardCalculator.Result r = calc.split(BigInteger.valueOf(1_000_000), List.of());
    assertEquals(BigInteger.valueOf(1_000_000), r.undistributed());
  }

  @Test
  void conservesThePoolAndIgnoresOrderWithEighteenDecimalAmounts() {
    Random random = new Random(10);
    RewardCalculator calc = new RewardCalculator(RewardRules.V1);
    BigInteger pool = new BigInteger("123456789012345678901234567");   // far beyond a long
    List<Contribution> all = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      all.add(new Contribution(new NodeAddress(i + 1), new BigInteger(90, random), random.nextInt(400 * 86_400),
          random.nextInt(800_000), random.nextInt(200_000), random.nextInt(60_000),
          new BigInteger(60, random), Math.abs(random.nextLong() >> 20)));
    }
    RewardCalculator.Result r = calc.split(pool, all);
    BigInteger sum = r.rewards().stream().map(RewardCalculator.Reward::amount).reduce(BigInteger.ZERO, BigInteger::add);
    assertEquals(pool, sum.add(r.undistributed()));
    assertTrue(r.undistributed().signum() >= 0);
    assertTrue(r.undistributed().compareTo(BigInteger.valueOf(6 * 200)) <= 0
        || r.rewards().stream().anyMatch(RewardCalculator.Reward::capped));
    List<Contribution> shuffled = new ArrayList<>(all);
    Collections.shuffle(shuffled, random);
    RewardCalculator.Result s = calc.split(pool, shuffled);
    for (RewardCalculator.Reward w : s.rewards()) {
      RewardCalculator.Reward same = r.rewards().get((int) w.participant().value() - 1);
      assertEquals(same.amount(), w.amount());
    }
  }

  @Test
  void rejectsBadInput() {
    RewardCalculator calc = new RewardCalculator(RewardRules.V1);
    assertThrows(IllegalArgumentException.class, () -> calc.split(BigInteger.ONE, List.of(c(1, 0, 0, 0, 0),
        c(1, 0, 0, 0, 0))));
    assertThrows(IllegalArgumentException.class, () -> calc.split(BigInteger.valueOf(-1), List.of()));
    assertThrows(IllegalArgumentException.class, () -> c(1, -1, 0, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> small(5000, 5001, 0, 100));
    assertFalse(calc.split(BigInteger.TEN, List.of(c(1, 0, 0, 0, 0))).rewards().get(0).capped());
  }
}
