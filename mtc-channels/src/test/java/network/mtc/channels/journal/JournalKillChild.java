package network.mtc.channels.journal;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;

/**
 * The process {@link JournalKillTest} kills: a node that updates three channels in a loop, forever.
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

  public static void main(String[] args) throws IOException, NoSuchAlgorithmException {
    Path path = Path.of(args[0]);
    long seed = Long.parseLong(args[1]);
    Random random = new Random(seed);
    FileOutputStream out = new FileOutputStream(FileDescriptor.out);
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    HexFormat hex = HexFormat.of();
    ChannelJournal.Options options = new ChannelJournal.Options(Durability.SYNC, 8, 4096);
    try (ChannelJournal j = ChannelJournal.open(path, options)) {
      out.write(("READY " + j.recovery().stop() + "\n").getBytes(StandardCharsets.US_ASCII));
      while (true) {
        int ch = random.nextInt(CHANNELS);
        byte[] id = channelId(ch);
        long nonce = j.latest(id).flatMap(ChannelRecord::stored).map(JournalRecord::nonce).orElse(0L) + 1;
        byte[] state = ("life " + seed + " channel " + ch + " nonce " + nonce + " salt " + random.nextLong())
            .getBytes(StandardCharsets.US_ASCII);
        byte[] hash = sha.digest(state);
        SignDecision d = j.reserveSignature(id, nonce, hash);
        if (!d.maySign()) {
          out.write(("REFUSED " + ch + " " + nonce + " " + d + "\n").getBytes(StandardCharsets.US_ASCII));
          nonce = j.latest(id).orElseThrow().reserved().nonce() + 1;
          state = ("life " + seed + " channel " + ch + " nonce " + nonce + " retry").getBytes(StandardCharsets.US_ASCII);
          hash = sha.digest(state);
          d = j.reserveSignature(id, nonce, hash);
          if (d != SignDecision.RESERVED) {
            throw new IllegalStateException("next nonce refused: " + d);
          }
        }
        String h = hex.formatHex(hash);
        out.write(("SIG " + ch + " " + nonce + " " + h + "\n").getBytes(StandardCharsets.US_ASCII));
        byte[] coSigned = new byte[state.length + 64];
        System.arraycopy(state, 0, coSigned, 0, state.length);
        j.storeState(id, nonce, hash, coSigned);
        out.write(("ACK " + ch + " " + nonce + " " + h + "\n").getBytes(StandardCharsets.US_ASCII));
      }
    }
  }
}
