package network.mtc.routing.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import network.mtc.routing.BroadcastStrategy;
import network.mtc.routing.DropReason;
import network.mtc.routing.MeshConfig;
import network.mtc.routing.runtime.RandomSource;
import org.junit.jupiter.api.Test;

class CounterPolicyTest {
  private static final class Ctx implements RelayContext {
    final RandomSource random = new RandomSource(9);

    @Override
    public long self() {
      return 1;
    }

    @Override
    public long nowMillis() {
      return 0;
    }

    @Override
    public RandomSource random() {
      return random;
    }

    @Override
    public MeshConfig config() {
      return MeshConfig.defaults();
    }

    @Override
    public NeighbourView neighbours() {
      return null;
    }

    @Override
    public long airtimeMicros(int frameBytes) {
      return 8L * frameBytes;
    }
  }

  private static Reception rx(int hop) {
    return new Reception() {
      public long source() { return 7; }
      public int messageId() { return 1; }
      public int type() { return 1; }
      public boolean unicast() { return false; }
      public long destination() { return 0; }
      public int hopLimit() { return hop; }
      public boolean originated() { return false; }
      public int linkIndex() { return 0; }
      public long peer() { return 3; }
      public boolean linkUnicast() { return false; }
      public int rssiDbm() { return Integer.MIN_VALUE; }
      public int snrQuarterDb() { return Integer.MIN_VALUE; }
      public int transmitterSlot() { return -1; }
      public int frameLength() { return 40; }
    };
  }

  @SuppressWarnings("unchecked")
  private static RelayPolicy<Object> policy(BroadcastStrategy s) {
    return (RelayPolicy<Object>) RelayPolicies.of(s).create(new Ctx());
  }

  @Test
  void counterCancelsAtTheThirdCopyAndOtherwiseRelaysOnceDecremented() {
    RelayPolicy<Object> p = policy(BroadcastStrategy.COUNTER);
    Object s = p.newState();
    RelayDecision d = p.onFirstCopy(s, rx(5));
    assertTrue(d instanceof RelayDecision.Schedule sch && sch.delayMillis() <= 100, d.toString());
    assertSame(RelayDecision.KEEP, p.onDuplicate(s, rx(5)));
    assertEquals(RelayDecision.cancel(DropReason.SUPPRESSED), p.onDuplicate(s, rx(5)));

    Object t = p.newState();
    p.onFirstCopy(t, rx(5));
    p.onDuplicate(t, rx(5));
    assertEquals(new RelayDecision.Transmit(4, -1), p.onTimer(t, 0));
    assertSame(RelayDecision.DONE, p.onTimer(t, 1));
    assertEquals(RelayDecision.drop(DropReason.HOP_LIMIT), p.onFirstCopy(p.newState(), rx(0)));
  }

  @Test
  void delaysAreUniformOverZeroToOneHundredMilliseconds() {
    RelayPolicy<Object> p = policy(BroadcastStrategy.COUNTER);
    long sum = 0;
    long max = 0;
    for (int i = 0; i < 10_000; i++) {
      long d = ((RelayDecision.Schedule) p.onFirstCopy(p.newState(), rx(5))).delayMillis();
      sum += d;
      max = Math.max(max, d);
    }
    assertEquals(100, max);
    assertEquals(50.0, sum / 10_000.0, 1.5);
  }

  @Test
  void floodKeepsTheHopLimitAndManagedDecrements() {
    RelayPolicy<Object> f = policy(BroadcastStrategy.FLOOD);
    Object s = f.newState();
    f.onFirstCopy(s, rx(0));
    assertEquals(new RelayDecision.Transmit(0, -1), f.onTimer(s, 0), "flood relays even at hop 0");
    RelayPolicy<Object> m = policy(BroadcastStrategy.MANAGED);
    Object t = m.newState();
    m.onFirstCopy(t, rx(3));
    assertEquals(new RelayDecision.Transmit(2, -1), m.onTimer(t, 0));
  }
}
