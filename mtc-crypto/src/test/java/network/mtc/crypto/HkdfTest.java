package network.mtc.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class HkdfTest {
  static byte[] hex(String s) {
    return HexFormat.of().parseHex(s);
  }

  /** RFC 5869 appendix A.1, test case 1 (SHA-256). */
  @Test
  void rfc5869TestCase1() {
    byte[] ikm = hex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b");
    byte[] salt = hex("000102030405060708090a0b0c");
    byte[] info = hex("f0f1f2f3f4f5f6f7f8f9");
    byte[] prk = Hkdf.extract(salt, ikm);
    assertArrayEquals(hex("077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5"), prk);
    byte[] okm = hex("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865");
    assertArrayEquals(okm, Hkdf.expand(prk, info, 42));
    assertArrayEquals(okm, Hkdf.derive(salt, ikm, info, 42));
  }

  /** RFC 5869 appendix A.3, test case 3 (zero-length salt and info). */
  @Test
  void rfc5869TestCase3() {
    byte[] ikm = hex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b");
    byte[] prk = Hkdf.extract(new byte[0], ikm);
    assertArrayEquals(hex("19ef24a32c717b167f33a91d6f648bdf96596776afdb6377ac434c1c293ccb04"), prk);
    assertArrayEquals(hex("8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8"),
        Hkdf.derive(null, ikm, null, 42));
  }

  @Test
  void limits() {
    assertEquals(Hkdf.MAX_OUTPUT, Hkdf.expand(new byte[32], null, Hkdf.MAX_OUTPUT).length);
    assertEquals(0, Hkdf.expand(new byte[32], null, 0).length);
    assertThrows(IllegalArgumentException.class, () -> Hkdf.expand(new byte[32], null, Hkdf.MAX_OUTPUT + 1));
    assertThrows(IllegalArgumentException.class, () -> Hkdf.expand(new byte[31], null, 32));
  }
}
