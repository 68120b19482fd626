package network.mtc.wire.serial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import network.mtc.wire.MtcDecodeException;
import org.junit.jupiter.api.Test;

class SerialFramingTest {
  private static byte[] random(SplittableRandom rnd, int n, boolean zeros) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) (zeros && rnd.nextInt(8) == 0 ? 0 : rnd.nextInt(256));
    }
    return b;
  }

  @Test
  void crc32cCheckValue() {
    byte[] s = "123456789".getBytes(StandardCharsets.US_ASCII);
    assertEquals(0xE3069283, SerialFraming.crc32c(s, 0, s.length));
  }

  @Test
  void cobsRoundTripsAndNeverEmitsZero() {
    SplittableRandom rnd = new SplittableRandom(30);
    for (int i = 0; i < 20_000; i++) {
      byte[] b = random(rnd, rnd.nextInt(1200), rnd.nextBoolean());
      byte[] enc = new byte[Cobs.maxEncodedLength(b.length)];
      int n = Cobs.encode(b, 0, b.length, enc, 0);
      for (int k = 0; k < n; k++) {
        assertTrue(enc[k] != 0);
      }
      byte[] dec = new byte[n];
      int m = Cobs.decode(enc, 0, n, dec, 0);
      assertArrayEquals(b, java.util.Arrays.copyOf(dec, m));
      // in place
      int m2 = Cobs.decode(enc, 0, n, enc, 0);
      assertArrayEquals(b, java.util.Arrays.copyOf(enc, m2));
    }
  }

  @Test
  void acceptedCobsIsCanonical() {
    SplittableRandom rnd = new SplittableRandom(31);
    for (int i = 0; i < 100_000; i++) {
      byte[] e = random(rnd, 1 + rnd.nextInt(20), false);
      for (int k = 0; k < e.length; k++) {
        if (rnd.nextInt(3) == 0) {
          e[k] = (byte) (1 + rnd.nextInt(4));
        }
      }
      byte[] dec = new byte[e.length];
      int m;
      try {
        m = Cobs.decode(e, 0, e.length, dec, 0);
      } catch (MtcDecodeException rejected) {
        continue;
      }
      byte[] again = new byte[Cobs.maxEncodedLength(m)];
      int n = Cobs.encode(dec, 0, m, again, 0);
      assertArrayEquals(e, java.util.Arrays.copyOf(again, n));
    }
  }

  @Test
  void streamResynchronisesAfterGarbageAndCorruption() {
    SplittableRandom rnd = new SplittableRandom(32);
    for (int round = 0; round < 200; round++) {
      ByteArrayOutputStream stream = new ByteArrayOutputStream();
      List<byte[]> expected = new ArrayList<>();
      int corrupted = 0;
      for (int i = 0; i < 30; i++) {
        byte[] p = random(rnd, 1 + rnd.nextInt(300), true);
        byte[] framed = SerialFraming.encode(p);
        switch (rnd.nextInt(6)) {
          case 0 -> {
            framed[rnd.nextInt(framed.length - 1)] ^= (byte) (1 + rnd.nextInt(255));
            corrupted++;
            stream.writeBytes(framed);
            if (framed[framed.length - 1] != 0) {
              stream.write(0);
            }
          }
          case 1 -> {
            stream.writeBytes(random(rnd, rnd.nextInt(50), true));
            stream.write(0);
            stream.writeBytes(framed);
            expected.add(p);
          }
          default -> {
            stream.writeBytes(framed);
            expected.add(p);
          }
        }
      }
      byte[] s = stream.toByteArray();
      List<byte[]> got = new ArrayList<>();
      SerialFrameDecoder d = new SerialFrameDecoder((buf, off, len) ->
          got.add(java.util.Arrays.copyOfRange(buf, off, off + len)));
      int p = 0;
      while (p < s.length) {
        int n = Math.min(s.length - p, 1 + rnd.nextInt(64));
        d.feed(s, p, n);
        p += n;
      }
      // Every intact frame arrives; a corruption can only drop frames, never invent one that passes CRC
      // except with probability 2^-32.
      int matched = 0;
      for (byte[] e : expected) {
        for (byte[] g : got) {
          if (java.util.Arrays.equals(e, g)) {
            matched++;
            break;
          }
        }
      }
      assertEquals(expected.size(), matched);
      assertTrue(got.size() <= expected.size() + corrupted);
      assertTrue(corrupted == 0 || d.dropped() > 0);
    }
  }
}
