import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Field;
import java.util.function.LongSupplier;
import network.mtc.bench.ChannelUpdateBench;
import network.mtc.channels.journal.Durability;
import network.mtc.crypto.PublicKey;
import network.mtc.crypto.SigningKey;

/**
 * A cross-check of the JMH figures that holds up on a shared machine: the calling thread's CPU time per
 * operation (time the thread spent descheduled while other jobs ran is not counted), the best of ROUNDS
 * rounds of 2,000 operations after two warm-up rounds. Not a benchmark of record (bench/README.md quotes
 * JMH first); run from the repository root after building the bench module:
 *
 * <pre>java -cp bench/target/benchmarks.jar bench/cpu/CpuTime.java [ROUNDS]</pre>
 *
 * Prints Ed25519 sign, verify with a plain key object, verify with a key prepared for many
 * verifications, and a complete channel update without sync (ChannelUpdateBench.update).
 */
public class CpuTime {
  private static final int OPS = 2_000;

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 12;
    byte[] seed = new byte[32];
    seed[0] = 7;
    byte[] msg = new byte[64];
    msg[3] = 9;
    SigningKey key = SigningKey.fromSeed(seed);
    PublicKey plain = key.publicKey();
    PublicKey many = plain.forManyVerifications();
    byte[] sig = key.sign(msg);
    ChannelUpdateBench update = new ChannelUpdateBench();
    Field durability = ChannelUpdateBench.class.getDeclaredField("durability");
    durability.setAccessible(true);
    durability.set(update, Durability.NO_SYNC);
    update.setup();
    try {
      report("Ed25519 sign", rounds, () -> key.sign(msg)[0]);
      report("Ed25519 verify, PublicKey", rounds, () -> plain.verify(msg, sig) ? 1 : 0);
      report("Ed25519 verify, forManyVerifications", rounds, () -> many.verify(msg, sig) ? 1 : 0);
      report("channel update, NO_SYNC", rounds, update::update);
    } finally {
      update.tearDown();
    }
  }

  private static void report(String name, int rounds, LongSupplier op) {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    double best = Double.MAX_VALUE;
    long sink = 0;
    for (int r = 0; r < rounds + 2; r++) {
      long t0 = mx.getCurrentThreadCpuTime();
      for (int i = 0; i < OPS; i++) {
        sink += op.getAsLong();
      }
      double us = (mx.getCurrentThreadCpuTime() - t0) / 1e3 / OPS;
      if (r >= 2) {
        best = Math.min(best, us);
      }
    }
    System.out.printf("%-40s %8.2f us CPU  = %,9.0f /s%s%n", name, best, 1e6 / best, sink == 42 ? " " : "");
  }
}
