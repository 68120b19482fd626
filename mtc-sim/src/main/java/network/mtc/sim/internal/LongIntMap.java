package network.mtc.sim.internal;

/**
 * An open-addressing map from {@code long} to non-negative {@code int} that never boxes: the simulator
 * looks up (source address, message id) on every transmission. Lookups only; nothing iterates it, so no
 * order can leak into results.
 */
final class LongIntMap {
  private long[] keys;
  private int[] values;
  private boolean[] used;
  private int size;

  LongIntMap(int expected) {
    int c = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
    keys = new long[c];
    values = new int[c];
    used = new boolean[c];
  }

  void put(long key, int value) {
    if (2 * (size + 1) > keys.length) {
      grow();
    }
    int m = keys.length - 1;
    int i = mix(key) & m;
    while (used[i] && keys[i] != key) {
      i = (i + 1) & m;
    }
    if (!used[i]) {
      used[i] = true;
      keys[i] = key;
      size++;
    }
    values[i] = value;
  }

  int get(long key, int orElse) {
    int m = keys.length - 1;
    int i = mix(key) & m;
    while (used[i]) {
      if (keys[i] == key) {
        return values[i];
      }
      i = (i + 1) & m;
    }
    return orElse;
  }

  private void grow() {
    long[] k = keys;
    int[] v = values;
    boolean[] u = used;
    keys = new long[k.length * 2];
    values = new int[k.length * 2];
    used = new boolean[k.length * 2];
    size = 0;
    for (int i = 0; i < k.length; i++) {
      if (u[i]) {
        put(k[i], v[i]);
      }
    }
  }

  private static int mix(long key) {
    long z = key * 0x9E37_79B9_7F4A_7C15L;
    return (int) (z ^ (z >>> 32));
  }

  /**
   * The key of (source, message id): a bijective mix of the source with the id in the low bits. Distinct
   * pairs collide with probability 2^-32 per pair at worst, far below one in a run of 10^5 messages.
   */
  static long key(long source, int messageId) {
    return source * 0xBF58_476D_1CE4_E5B9L ^ (messageId & 0xFFFF_FFFFL);
  }
}
