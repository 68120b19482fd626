package network.mtc.routing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AirtimeMeterTest {
  @Test
  void levelsFollowTheMeasuredBusyFraction() {
    AirtimeMeter m = new AirtimeMeter();
    m.sent(0, 0);
    assertEquals(0, m.level(0));
    // 10 s of span (previous and current window): 3.5 s busy is 35%.
    m.received(1, 2_000_000, 1_000);
    m.sent(900_000, 2_000);
    assertEquals(0, m.level(4_999), "2.9 s over a span of 10 s");
    m.busy(600_000, 4_999);
    assertEquals(1, m.level(4_999));
    m.received(2, 3_000_000, 4_999);
    assertEquals(2, m.level(4_999), "6.5 s of 10 s");
    assertEquals(2, m.level(5_000), "the window rolled: the same 6.5 s are in the previous window");
    assertEquals(0, m.level(10_000), "two windows later everything has aged out");
  }

  @Test
  void aTransmitterHoldingMostOfTheAirtimeIsHogging() {
    AirtimeMeter m = new AirtimeMeter();
    for (int i = 0; i < 8; i++) {
      m.received(i, 100_000, 100);
    }
    assertFalse(m.hogging(3, 100), "eight equal neighbours: 12.5% each");
    m.received(3, 2_000_000, 200);
    assertTrue(m.hogging(3, 200), "neighbour 3 now holds 2.1 s of 2.8 s");
    assertFalse(m.hogging(4, 200));
    m.received(-1, 50_000_000, 300);
    assertTrue(m.hogging(-1, 300), "strangers are counted together");
    AirtimeMeter two = new AirtimeMeter();
    two.received(0, 10_000_000, 0);
    two.received(1, 1_000, 0);
    assertFalse(two.hogging(0, 0), "with two transmitters nobody is cut");
  }
}
