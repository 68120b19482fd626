package network.mtc.channels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import network.mtc.wire.Bytes;
import network.mtc.wire.DecodeError;
import network.mtc.wire.MtcDecodeException;
import org.junit.jupiter.api.Test;

class BalanceProofCodecTest {
  static BalanceProof sample() {
    Fixture f = new Fixture(Asset.ETH, 1000, 500).funded();
    return f.pay(Party.A, 10).proof();
  }

  @Test
  void roundTripsAtAnOffsetAndHasTheDocumentedLength() {
    BalanceProof p = sample();
    byte[] enc = p.encode();
    assertEquals(1 + 1 + 32 + 1 + 1 + 64 + 64, enc.length);
    assertEquals(p, BalanceProofCodec.decode(enc));
    byte[] shifted = new byte[enc.length + 5];
    System.arraycopy(enc, 0, shifted, 3, enc.length);
    assertEquals(p, BalanceProofCodec.decode(shifted, 3, enc.length));
    assertArrayEquals(enc, BalanceProofCodec.decode(enc).encode());
  }

  @Test
  void encodesFieldsWhereTheSpecSays() {
    BalanceProof p = sample();
    byte[] enc = p.encode();
    assertEquals(1, enc[0]);
    assertEquals(7, enc[1]);
    assertEquals(p.channelId(), Bytes.copyOf(enc, 2, 32));
    assertEquals(Asset.ETH.code(), enc[34]);
    assertEquals(2, enc[35]); // A's first payment: nonce 2
    assertEquals(Amount.of(990), Amount.readFrom(enc, 36));
    assertEquals(Amount.of(510), Amount.readFrom(enc, 52));
    assertEquals(p.prevHash(), Bytes.copyOf(enc, enc.length - 32, 32));
  }

  private static void rejects(byte[] in, DecodeError code, String field, int offset) {
    MtcDecodeException e = assertThrows(MtcDecodeException.class, () -> BalanceProofCodec.decode(in));
    assertEquals(code, e.code(), e.getMessage());
    assertEquals(field, e.field());
    assertEquals(offset, e.offset());
  }

  @Test
  void rejectsEveryTruncationWithTheFieldItCutsInto() {
    byte[] enc = sample().encode();
    String[] fields = new String[enc.length];
    int[][] spans = {{0, 1}, {1, 2}, {2, 34}, {34, 35}, {35, 36}, {36, 52}, {52, 68}, {68, 84}, {84, 100},
        {100, 132}, {132, 164}};
    String[] names = {"version", "ledger_id", "channel_id", "asset", "nonce", "balance_a", "balance_b",
        "fee_a", "fee_b", "locks_root", "prev_hash"};
    for (int i = 0; i < spans.length; i++) {
      Arrays.fill(fields, spans[i][0], spans[i][1], names[i]);
    }
    for (int cut = 0; cut < enc.length; cut++) {
      int start = 0;
      for (int[] s : spans) {
        if (cut >= s[0] && cut < s[1]) {
          start = s[0];
        }
      }
      rejects(Arrays.copyOf(enc, cut), DecodeError.TRUNCATED, fields[cut], start);
    }
  }

  @Test
  void rejectsVersionAssetVarintsTrailingAndOversize() {
    byte[] enc = sample().encode();
    byte[] v = enc.clone();
    v[0] = 2;
    rejects(v, DecodeError.UNSUPPORTED_VERSION, "version", 0);
    byte[] a = enc.clone();
    a[34] = 0;
    rejects(a, DecodeError.INVALID_VALUE, "asset", 34);
    a[34] = 7;
    rejects(a, DecodeError.INVALID_VALUE, "asset", 34);
    byte[] nc = new byte[enc.length + 1];
    nc[0] = 1;
    nc[1] = (byte) 0x87;
    nc[2] = 0;
    System.arraycopy(enc, 2, nc, 3, enc.length - 2);
    rejects(nc, DecodeError.NON_CANONICAL, "ledger_id", 1);
    byte[] big = new byte[enc.length + 9];
    System.arraycopy(enc, 0, big, 0, 35);
    Arrays.fill(big, 35, 44, (byte) 0xFF);
    big[44] = 0x01;
    System.arraycopy(enc, 36, big, 45, enc.length - 36);
    rejects(big, DecodeError.INVALID_VALUE, "nonce", 35);
    rejects(Arrays.copyOf(enc, enc.length + 1), DecodeError.TRAILING_BYTES, "balance_proof", enc.length);
    rejects(new byte[BalanceProofCodec.MAX_LENGTH + 1], DecodeError.TOO_LONG, "balance_proof",
        BalanceProofCodec.MAX_LENGTH);
  }
}
