package network.mtc.channels;

import network.mtc.wire.Bytes;
import network.mtc.wire.DecodeError;
import network.mtc.wire.MtcDecodeException;
import network.mtc.wire.Varint;

/**
 * The canonical encoding of a {@link BalanceProof} (spec/channels.md, "Balance proof"):
 *
 * <pre>
 *  +---------+-------------+------------+-------+--------+-----------+-----------+-------+-------+------------+-----------+
 *  | version | ledger_id   | channel_id | asset | nonce  | balance_a | balance_b | fee_a | fee_b | locks_root | prev_hash |
 *  | u8 = 1  | varint      | 32         | u8    | varint | u128 BE   | u128 BE   | u128  | u128  | 32         | 32        |
 *  +---------+-------------+------------+-------+--------+-----------+-----------+-------+-------+------------+-----------+
 * </pre>
 *
 * <p>There is exactly one encoding per proof: varints are minimal, amounts are fixed width, and the decoder
 * rejects trailing bytes. Every rejection is an {@link MtcDecodeException} naming the field and its offset.
 *
 * @since 0.1
 */
public final class BalanceProofCodec {
  /** The only version. */
  public static final int VERSION = 1;
  /** Fixed part: everything but the two varints. */
  private static final int FIXED = 1 + 32 + 1 + 4 * Amount.LENGTH + 32 + 32;
  /** Longest encoding: two 10-byte varints. Inputs longer than this are rejected before parsing. */
  public static final int MAX_LENGTH = FIXED + 2 * Varint.MAX_LENGTH;

  private BalanceProofCodec() {}

  /** The encoding of {@code p}. */
  public static byte[] encode(BalanceProof p) {
    byte[] out = new byte[FIXED + Varint.encodedLength(p.ledgerId()) + Varint.encodedLength(p.nonce())];
    int o = 0;
    out[o++] = VERSION;
    o = Varint.write(p.ledgerId(), out, o);
    o = p.channelId().copyTo(out, o);
    out[o++] = (byte) p.asset().code();
    o = Varint.write(p.nonce(), out, o);
    p.balanceA().writeTo(out, o);
    p.balanceB().writeTo(out, o + 16);
    p.feeA().writeTo(out, o + 32);
    p.feeB().writeTo(out, o + 48);
    o += 64;
    o = p.locksRoot().copyTo(out, o);
    p.prevHash().copyTo(out, o);
    return out;
  }

  /** Decodes a whole buffer. */
  public static BalanceProof decode(byte[] buf) {
    return decode(buf, 0, buf.length);
  }

  /**
   * Decodes {@code len} bytes at {@code off}, which must hold exactly one proof. Offsets in errors count
   * from {@code off}.
   *
   * @throws MtcDecodeException TOO_LONG, TRUNCATED, UNSUPPORTED_VERSION, NON_CANONICAL or OVERFLOW (varints),
   *     INVALID_VALUE (unknown asset, nonce above 2^63-1), TRAILING_BYTES
   */
  public static BalanceProof decode(byte[] buf, int off, int len) {
    if (len > MAX_LENGTH) {
      throw new MtcDecodeException(DecodeError.TOO_LONG, "balance_proof", MAX_LENGTH);
    }
    int end = off + len;
    int o = off;
    need(o, 1, end, off, "version");
    if ((buf[o] & 0xFF) != VERSION) {
      throw new MtcDecodeException(DecodeError.UNSUPPORTED_VERSION, "version", 0);
    }
    o++;
    long ledgerId = Varint.read(buf, o, end, off, "ledger_id");
    o += Varint.encodedLength(ledgerId);
    need(o, 32, end, off, "channel_id");
    Bytes channelId = Bytes.copyOf(buf, o, 32);
    o += 32;
    need(o, 1, end, off, "asset");
    Asset asset = Asset.fromCode(buf[o] & 0xFF);
    if (asset == null) {
      throw new MtcDecodeException(DecodeError.INVALID_VALUE, "asset", o - off, "unknown asset code");
    }
    o++;
    int nonceAt = o;
    long nonce = Varint.read(buf, o, end, off, "nonce");
    o += Varint.encodedLength(nonce);
    if (nonce < 0) {
      throw new MtcDecodeException(DecodeError.INVALID_VALUE, "nonce", nonceAt - off, "above 2^63-1");
    }
    String[] amountFields = {"balance_a", "balance_b", "fee_a", "fee_b"};
    Amount[] amounts = new Amount[4];
    for (int i = 0; i < 4; i++) {
      need(o, Amount.LENGTH, end, off, amountFields[i]);
      amounts[i] = Amount.readFrom(buf, o);
      o += Amount.LENGTH;
    }
    need(o, 32, end, off, "locks_root");
    Bytes root = Bytes.copyOf(buf, o, 32);
    o += 32;
    need(o, 32, end, off, "prev_hash");
    Bytes prev = Bytes.copyOf(buf, o, 32);
    o += 32;
    if (o != end) {
      throw new MtcDecodeException(DecodeError.TRAILING_BYTES, "balance_proof", o - off);
    }
    return new BalanceProof(ledgerId, channelId, asset, nonce, amounts[0], amounts[1], amounts[2], amounts[3],
        root, prev);
  }

  private static void need(int o, int n, int end, int base, String field) {
    if (end - o < n) {
      throw new MtcDecodeException(DecodeError.TRUNCATED, field, o - base);
    }
  }
}
