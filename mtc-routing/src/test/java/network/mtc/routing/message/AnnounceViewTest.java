package network.mtc.routing.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import network.mtc.wire.Bytes;
import network.mtc.wire.DecodeError;
import network.mtc.wire.MtcDecodeException;
import network.mtc.wire.Tlv;
import org.junit.jupiter.api.Test;

/**
 * {@link AnnounceView} read in place against the {@link Announce} records it was encoded from, at an offset
 * inside a larger buffer, and one view reused across announces and failed checks.
 */
class AnnounceViewTest {
  private static final AnnounceCodec.KnownKeys TRUSTED = (src, buf, off) -> true;

  @Test
  void readsWhatWasEncoded() {
    SplittableRandom rnd = new SplittableRandom(7);
    AnnounceView v = new AnnounceView();
    for (int round = 0; round < 500; round++) {
      Announce a = random(rnd);
      int at = rnd.nextInt(5);
      byte[] buf = new byte[at + a.encodedLength() + 2];
      AnnounceCodec.encode(a, buf, at);
      v.reset(buf, at, a.encodedLength(), 42, TRUSTED);
      assertEquals(a.flags(), v.flags());
      assertEquals(a.intervalSeconds(), v.intervalSeconds());
      assertEquals(a.neighbours().size(), v.neighbourCount());
      assertEquals(a.publicKey(), Bytes.copyOf(buf, v.publicKeyOffset(), 32));
      for (int i = 0; i < v.neighbourCount(); i++) {
        NeighbourEntry e = a.neighbours().get(i);
        assertEquals(e.prefix(), v.prefix(i));
        assertEquals(e.credit(), v.credit(i));
        assertEquals(e.quality(), v.quality(i));
      }
      assertEquals(a, AnnounceCodec.decode(buf, at, a.encodedLength(), 42, TRUSTED));
      // A failed check leaves the view reusable for the next announce.
      buf[at + 35] = (byte) (Announce.MAX_ENTRIES + 1);
      MtcDecodeException e = assertThrows(MtcDecodeException.class,
          () -> v.reset(buf, at, a.encodedLength(), 42, TRUSTED));
      assertEquals(DecodeError.INVALID_VALUE, e.code());
      assertEquals(35, e.offset());
    }
  }

  private static Announce random(SplittableRandom rnd) {
    TreeSet<Integer> prefixes = new TreeSet<>();
    int n = rnd.nextInt(Announce.MAX_ENTRIES + 1);
    for (int i = 0; i < n; i++) {
      prefixes.add(rnd.nextInt(0x100_0000));
    }
    List<NeighbourEntry> entries = new ArrayList<>();
    for (int p : prefixes) {
      entries.add(new NeighbourEntry(p, rnd.nextInt(Announce.MAX_CREDIT + 1), rnd.nextBoolean(),
          rnd.nextBoolean()));
    }
    byte[] key = new byte[32];
    rnd.nextBytes(key);
    List<Tlv> tlvs = rnd.nextBoolean() ? List.of()
        : List.of(new Tlv(Announce.TLV_UPLINKS, Bytes.copyOf(new byte[] {(byte) rnd.nextInt(256)})));
    return new Announce(rnd.nextInt(32) << 3, Bytes.copyOf(key), 1 + rnd.nextInt(255), entries, tlvs);
  }
}
