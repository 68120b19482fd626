package network.mtc.routing.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import network.mtc.crypto.PublicKey;
import network.mtc.crypto.SigningKey;
import org.junit.jupiter.api.Test;

/** The primitive LRU cache against an access-ordered {@link LinkedHashMap} (the reference model). */
class KeyCacheTest {
  private static final byte[][] KEYS = new byte[6][];

  static {
    for (int i = 0; i < KEYS.length; i++) {
      byte[] seed = new byte[32];
      seed[0] = (byte) i;
      KEYS[i] = SigningKey.fromSeed(seed).publicKey().toBytes();
    }
  }

  @Test
  void evictsAndReordersLikeAnAccessOrderedLinkedHashMap() {
    for (int capacity : new int[] {1, 2, 5, 16, 17, 37}) {
      for (long seed = 1; seed <= 5; seed++) {
        run(capacity, seed);
      }
    }
  }

  private static void run(int capacity, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed * 31 + capacity);
    LinkedHashMap<Long, byte[]> model = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Long, byte[]> eldest) {
        return size() > capacity;
      }
    };
    KeyCache cache = new KeyCache(capacity);
    int addresses = capacity * 3 + 2;
    for (int step = 0; step < 3000; step++) {
      // Addresses collide in the low bits, so probe runs and backward shifts are exercised.
      long address = (long) rnd.nextInt(addresses) << 20;
      byte[] key = KEYS[rnd.nextInt(KEYS.length)];
      switch (rnd.nextInt(3)) {
        case 0 -> {
          byte[] m = model.get(address);
          assertEquals(m != null && Arrays.equals(m, key), cache.isKnown(address, key, 0));
        }
        case 1 -> {
          byte[] m = model.get(address);
          if (m == null || !Arrays.equals(m, key)) {
            model.put(address, key.clone());
          }
          cache.put(address, key);
        }
        default -> {
          byte[] m = model.get(address);
          PublicKey pk = cache.get(address);
          if (m == null) {
            assertNull(pk);
          } else {
            assertArrayEquals(m, pk.toBytes());
          }
        }
      }
      assertEquals(model.size(), cache.size());
    }
    // Same contents at the end (a wrong eviction order shows up earlier as a mismatched lookup).
    for (long i = 0; i < addresses; i++) {
      byte[] m = model.get(i << 20);
      PublicKey pk = cache.get(i << 20);
      assertEquals(m == null, pk == null);
    }
  }

  @Test
  void preparesOnceAndForgetsThePreparedKeyWhenTheKeyChanges() {
    KeyCache c = new KeyCache(4);
    c.put(7, KEYS[1]);
    PublicKey a = c.get(7);
    assertSame(a, c.get(7));
    c.put(7, KEYS[1]);
    assertSame(a, c.get(7));
    c.put(7, KEYS[2]);
    assertNotSame(a, c.get(7));
    assertArrayEquals(KEYS[2], c.get(7).toBytes());
    assertThrows(IllegalArgumentException.class, () -> new KeyCache(0));
  }
}
