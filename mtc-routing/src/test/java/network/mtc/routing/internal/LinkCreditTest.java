package network.mtc.routing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LinkCreditTest {
  @Test
  void creditIsEighthsOfADecadeOfLoss() {
    assertEquals(24, LinkCredit.ofLossPpm(0));
    assertEquals(24, LinkCredit.ofLossPpm(1_000));
    assertEquals(23, LinkCredit.ofLossPpm(1_001));
    assertEquals(16, LinkCredit.ofLossPpm(10_000));
    assertEquals(8, LinkCredit.ofLossPpm(100_000), "loss 0.1");
    assertEquals(7, LinkCredit.ofLossPpm(100_001));
    assertEquals(2, LinkCredit.ofLossPpm(500_000), "loss 0.5");
    assertEquals(0, LinkCredit.ofLossPpm(1_000_000));
  }

  @Test
  void thresholdsMatchTheFormula() {
    for (int c = 0; c <= 24; c++) {
      assertEquals(Math.round(1e6 * Math.pow(10, -c / 8.0)), LinkCredit.THRESHOLD_PPM[c], "c = " + c);
      assertEquals(c, LinkCredit.ofLossPpm(LinkCredit.THRESHOLD_PPM[c]));
    }
  }

  @Test
  void windowCountsMissedAnnounces() {
    assertEquals(24, LinkCredit.ofWindow(0b1, 1));
    assertEquals(24, LinkCredit.ofWindow(0xFFFF, 16));
    // 2 of 16 missed: 12.5% loss, credit floor(-8 log10 0.125) = 7
    assertEquals(7, LinkCredit.ofWindow(0xFFFF & ~0b1010, 16));
    // 1 of 2 missed
    assertEquals(2, LinkCredit.ofWindow(0b01, 2));
    // bits beyond the expected span do not count
    assertEquals(24, LinkCredit.ofWindow(0xFFFF, 3));
  }
}
