package network.mtc.channels.journal;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The process {@link JournalKillTest} kills: a node that updates three channels in a loop, forever, one
 * thread per channel on one journal (so that their fdatasyncs are shared: group commit).
 *
 * <p>Per update it chooses the nonce a careless node would (the latest stored state + 1), builds a state
 * that differs in every life of the process, reserves it, and if the journal refuses (a reservation of
 * the previous life survived the kill) moves past the reserved nonce. It prints {@code SIG ch nonce hash}
 * once the reservation returned (the signature may leave now), stores the co-signed state, then prints
 * {@code ACK ch nonce hash} (the countersignature sent). Each line goes out in one write(2), so a line is
 * either whole or absent.
 */
public final class JournalKillChild {
  static final int CHANNELS = 3;

  private JournalKillChild() {}

  static byte[] channelId(int ch) {
    byte[] id = new byte[32];
    id[0] = (byte) (ch + 1);
    return id;
  }

  public static void main(String[] args) throws IOException, InterruptedException {
    Path path = Path.of(args[0]);
    long seed = Long.parseLong(args[1]);
    FileOutputStream out = new FileOutputStream(FileDescriptor.out);
    ChannelJournal.Options options = new ChannelJournal.Options(Durability.SYNC, 8, 4096);
    ChannelJournal j = ChannelJournal.open(path, options);
    out.write(("READY " + j.recovery().stop() + "\n").getBytes(StandardCharsets.US_ASCII));
    // One thread per channel, all on the one journal: their syncs are shared (group commit), and a line
    // is printed only after the call that made it durable returned.
    List<Thread> threads = new ArrayList<>();
    for (int ch = 0; ch < CHANNELS; ch++) {
      int c = ch;
      Thread t = new Thread(() -> update(j, c, seed, out), "channel-" + ch);
      t.setDaemon(true);
      t.start();
      threads.add(t);
    }
    for (Thread t : threads) {
      t.join();   // the parent kills the process; the threads never end on their own
    }
  }

  private static void update(ChannelJournal j, int ch, long seed, FileOutputStream out) {
    try {
      Random random = new Random(seed * 31 + ch);
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      HexFormat hex = HexFormat.of();
      byte[] id = channelId(ch);
      while (true) {
        long nonce = j.latest(id).flatMap(ChannelRecord::stored).map(JournalRecord::nonce).orElse(0L) + 1;
        byte[] state = ("life " + seed + " channel " + ch + " nonce " + nonce + " salt " + random.nextLong())
            .getBytes(StandardCharsets.US_ASCII);
        byte[] hash = sha.digest(state);
        SignDecision d = j.reserveSignature(id, nonce, hash);
        if (!d.maySign()) {
          print(out, "REFUSED " + ch + " " + nonce + " " + d);
          nonce = j.latest(id).orElseThrow().reserved().nonce() + 1;
          state = ("life " + seed + " channel " + ch + " nonce " + nonce + " retry")
              .getBytes(StandardCharsets.US_ASCII);
          hash = sha.digest(state);
          d = j.reserveSignature(id, nonce, hash);
          if (d != SignDecision.RESERVED) {
            throw new IllegalStateException("next nonce refused: " + d);
          }
        }
        String h = hex.formatHex(hash);
        print(out, "SIG " + ch + " " + nonce + " " + h);
        byte[] coSigned = new byte[state.length + 64];
        System.arraycopy(state, 0, coSigned, 0, state.length);
        j.storeState(id, nonce, hash, coSigned);
        print(out, "ACK " + ch + " " + nonce + " " + h);
      }
    } catch (IOException | NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One line in one write(2) (shorter than PIPE_BUF), so lines of different threads never interleave. */
  private static void print(FileOutputStream out, String line) throws IOException {
    out.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
  }
}
