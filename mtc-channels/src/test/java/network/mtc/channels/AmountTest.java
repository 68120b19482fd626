package network.mtc.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class AmountTest {
  @Test
  void parsesAndFormatsExactlyInEveryAssetsDecimals() {
    assertEquals(new BigInteger("1500000000000000000"), Amount.parse("1.5", Asset.ETH).units());
    assertEquals(new BigInteger("1"), Amount.parse("0.000000000000000001", Asset.ETH).units());
    assertEquals(BigInteger.valueOf(150_000_000L), Amount.parse("1.5", Asset.BTC).units());
    assertEquals(BigInteger.valueOf(12345), Amount.parse("1.2345", Asset.EOS).units());
    assertEquals("1.5", Amount.parse("1.5", Asset.ETH).format(Asset.ETH));
    assertEquals("7", Amount.parse("7.000", Asset.QTUM).format(Asset.QTUM));
    assertEquals("0.000000000000000001", Amount.of(1).format(Asset.AE));
    assertEquals("0", Amount.ZERO.format(Asset.MTC));
    assertEquals(18, Asset.MTC.decimals());
  }

  @Test
  void roundTripsTheWholeRangeAtTheEdges() {
    Amount max = new Amount(Amount.MAX);
    assertEquals(max, Amount.parse(max.format(Asset.ETH), Asset.ETH));
    byte[] buf = new byte[16];
    max.writeTo(buf, 0);
    assertEquals(max, Amount.readFrom(buf, 0));
    Amount.of(258).writeTo(buf, 0);
    assertEquals(1, buf[14]);
    assertEquals(2, buf[15]);
    assertEquals(0, buf[0]);
  }

  @Test
  void rejectsMalformedTooPreciseAndOutOfRange() {
    for (String bad : new String[] {"", ".5", "5.", "-1", "+1", "1e3", "1,5", "1.2.3", " 1"}) {
      assertThrows(IllegalArgumentException.class, () -> Amount.parse(bad, Asset.ETH), bad);
    }
    assertThrows(IllegalArgumentException.class, () -> Amount.parse("0.000000001", Asset.BTC));
    assertThrows(IllegalArgumentException.class,
        () -> Amount.parse(Amount.MAX.add(BigInteger.ONE).toString(), Asset.MTC).format(Asset.MTC));
    assertThrows(ArithmeticException.class, () -> Amount.of(1).minus(Amount.of(2)));
    assertThrows(ArithmeticException.class, () -> new Amount(Amount.MAX).plus(Amount.of(1)));
    assertThrows(ArithmeticException.class, () -> Amount.of(-1));
  }

  @Test
  void assetCodesAreStableAndUnique() {
    for (Asset x : Asset.values()) {
      assertEquals(x, Asset.fromCode(x.code()));
    }
    assertEquals(null, Asset.fromCode(0));
    assertEquals(false, Asset.MTC.paysGas());
    assertEquals(true, Asset.ETH.paysGas());
  }
}
