package network.mtc.routing.sync;

import java.util.ArrayList;
import java.util.List;
import network.mtc.wire.DecodeError;
import network.mtc.wire.MtcDecodeException;
import network.mtc.wire.Varint;
import network.mtc.wire.frame.Frame;

/**
 * Encoder and strict decoder of {@link SyncMessage}s (spec/routing-sync.md, section 4). The decoder
 * checks the rules in the order the spec lists them and reports the first one broken as an {@link
 * MtcDecodeException} naming the field and its offset in the payload. It allocates only the decoded value,
 * never more than the input can describe: every count is bounded before anything is read.
 *
 * <pre>
 *  ranges := varint r (1..1024) | r x (bound | mode | body)
 *  bound  := L (1: 0..16, or 255 = infinity) | L bytes: key prefix, zero-padded; never ends in 00
 *  mode   := 0 SKIP | 1 FINGERPRINT: sum (8, BE) | varint count | 2 IDLIST: varint m (0..128) | m keys
 * </pre>
 *
 * @since 0.1
 */
public final class SyncMessageCodec {
  /** Kind byte of {@link SyncMessage.Open}. */
  static final int KIND_OPEN = 1;
  /** Kind byte of {@link SyncMessage.Ranges}. */
  static final int KIND_RANGES = 2;
  /** Kind byte of {@link SyncMessage.Want}. */
  static final int KIND_WANT = 3;
  /** Kind byte of {@link SyncMessage.Done}. */
  static final int KIND_DONE = 4;
  /** The only version of OPEN. */
  public static final int VERSION = 1;
  /** Smallest branch factor: 1 would never split a range. */
  public static final int MIN_BRANCH = 2;
  /** Largest branch factor: 32 sub-ranges of about 30 bytes stay under the budget with room to spare. */
  public static final int MAX_BRANCH = 32;
  /**
   * Largest SYNC payload: a 4096-byte frame less the 23-byte unicast header, a sequence number of up to 5
   * bytes and a 64-byte signature. SYNC frames carry no extensions.
   */
  public static final int MAX_PAYLOAD = Frame.MAX_LENGTH - Frame.UNICAST_HEADER_LENGTH - 5
      - Frame.SIGNATURE_LENGTH;
  /**
   * Ranges per message. A finite range takes at least 3 bytes, so the payload budget alone allows about
   * 1,300; 1,024 (a 2-byte count) lets one reply split about 60 differing ranges 16 ways.
   */
  public static final int MAX_RANGES = 1024;
  /** Keys in one IDLIST: 8 times the IDLIST threshold, and 2 KiB, so a list always fits the budget. */
  public static final int MAX_IDLIST = 128;
  /** Keys in one WANT: as many as fit the payload budget after the 5-byte head and a 2-byte count. */
  public static final int MAX_WANT = (MAX_PAYLOAD - 7) / ItemKey.LENGTH;
  /** Bound prefix length that means infinity. */
  public static final int INFINITE_BOUND = 255;

  static final int HEAD = 5;
  static final int OPEN_HEAD = 15;

  private SyncMessageCodec() {}

  /** The encoded length of {@code m}. */
  public static int encodedLength(SyncMessage m) {
    return switch (m.kind()) {
      case OPEN -> OPEN_HEAD + rangesLength(((SyncMessage.Open) m).ranges());
      case RANGES -> HEAD + rangesLength(((SyncMessage.Ranges) m).ranges());
      case WANT -> HEAD + keysLength(((SyncMessage.Want) m).keys());
      case DONE -> HEAD;
    };
  }

  /** The encoded length of one range. */
  public static int rangeLength(SyncRange r) {
    int n = 1 + r.bound().prefixLength() % INFINITE_BOUND + 1;
    return n + switch (r.mode()) {
      case SKIP -> 0;
      case FINGERPRINT -> 8 + Varint.encodedLength(((SyncRange.Fingerprint) r).count());
      case IDLIST -> keysLength(((SyncRange.IdList) r).keys());
    };
  }

  private static int keysLength(List<ItemKey> keys) {
    return Varint.encodedLength(keys.size()) + ItemKey.LENGTH * keys.size();
  }

  private static int rangesLength(List<SyncRange> ranges) {
    int n = Varint.encodedLength(ranges.size());
    for (SyncRange r : ranges) {
      n += rangeLength(r);
    }
    return n;
  }

  /** Encodes {@code m} into a new array. */
  public static byte[] encode(SyncMessage m) {
    byte[] out = new byte[encodedLength(m)];
    encode(m, out, 0);
    return out;
  }

  /**
   * Writes {@code m} at {@code off}.
   *
   * @return the offset past the message
   * @throws IllegalArgumentException if the message exceeds {@link #MAX_PAYLOAD}
   */
  public static int encode(SyncMessage m, byte[] dst, int off) {
    int len = encodedLength(m);
    if (len > MAX_PAYLOAD) {
      throw new IllegalArgumentException("SYNC message of " + len + " bytes exceeds " + MAX_PAYLOAD);
    }
    dst[off] = (byte) m.kind().code();
    ItemKey.writeInt(m.session(), dst, off + 1);
    int p = off + HEAD;
    switch (m.kind()) {
      case OPEN -> {
        SyncMessage.Open o = (SyncMessage.Open) m;
        dst[p++] = VERSION;
        ItemKey.writeLong(o.salt(), dst, p);
        p += 8;
        dst[p++] = (byte) o.branch();
        p = writeRanges(o.ranges(), dst, p);
      }
      case RANGES -> p = writeRanges(((SyncMessage.Ranges) m).ranges(), dst, p);
      case WANT -> p = writeKeys(((SyncMessage.Want) m).keys(), dst, p);
      case DONE -> { }
    }
    return p;
  }

  private static int writeRanges(List<SyncRange> ranges, byte[] dst, int p) {
    p = Varint.write(ranges.size(), dst, p);
    byte[] key = new byte[ItemKey.LENGTH];
    for (SyncRange r : ranges) {
      int l = r.bound().prefixLength();
      dst[p++] = (byte) l;
      if (l != INFINITE_BOUND) {
        r.bound().key().writeTo(key, 0);
        System.arraycopy(key, 0, dst, p, l);
        p += l;
      }
      dst[p++] = (byte) r.mode().code();
      switch (r.mode()) {
        case SKIP -> { }
        case FINGERPRINT -> {
          SyncRange.Fingerprint f = (SyncRange.Fingerprint) r;
          ItemKey.writeLong(f.sum(), dst, p);
          p = Varint.write(f.count(), dst, p + 8);
        }
        case IDLIST -> p = writeKeys(((SyncRange.IdList) r).keys(), dst, p);
      }
    }
    return p;
  }

  private static int writeKeys(List<ItemKey> keys, byte[] dst, int p) {
    p = Varint.write(keys.size(), dst, p);
    for (ItemKey k : keys) {
      p = k.writeTo(dst, p);
    }
    return p;
  }

  /** Decodes a whole SYNC payload. */
  public static SyncMessage decode(byte[] buf) {
    return decode(buf, 0, buf.length);
  }

  /**
   * Decodes the SYNC payload {@code buf[off, off+len)}; error offsets count from {@code off}.
   *
   * @throws MtcDecodeException for the first rule of spec/routing-sync.md 4.3 the input breaks
   */
  public static SyncMessage decode(byte[] buf, int off, int len) {
    Reader r = new Reader(buf, off, len);
    if (len > MAX_PAYLOAD) {
      throw new MtcDecodeException(DecodeError.TOO_LONG, "sync", MAX_PAYLOAD);
    }
    int kind = r.u8("sync.kind");
    if (kind < KIND_OPEN || kind > KIND_DONE) {
      throw new MtcDecodeException(DecodeError.INVALID_VALUE, "sync.kind", 0, "kind " + kind);
    }
    r.need(4, "sync.session");
    int session = ItemKey.readInt(buf, off + 1);
    r.pos += 4;
    SyncMessage m = switch (kind) {
      case KIND_OPEN -> {
        int version = r.u8("sync.open.version");
        if (version != VERSION) {
          throw new MtcDecodeException(DecodeError.UNSUPPORTED_VERSION, "sync.open.version", 5,
              "version " + version);
        }
        r.need(8, "sync.open.salt");
        long salt = ItemKey.readLong(buf, off + r.pos);
        r.pos += 8;
        int branch = r.u8("sync.open.branch");
        if (branch < MIN_BRANCH || branch > MAX_BRANCH) {
          throw new MtcDecodeException(DecodeError.INVALID_VALUE, "sync.open.branch", 14,
              "branch " + branch);
        }
        yield new SyncMessage.Open(session, salt, branch, readRanges(r));
      }
      case KIND_RANGES -> new SyncMessage.Ranges(session, readRanges(r));
      case KIND_WANT -> new SyncMessage.Want(session, readWant(r));
      default -> new SyncMessage.Done(session);
    };
    if (r.pos != len) {
      throw new MtcDecodeException(DecodeError.TRAILING_BYTES, "sync", r.pos);
    }
    return m;
  }

  private static List<ItemKey> readWant(Reader r) {
    int at = r.pos;
    long n = r.varint("sync.want.count");
    if (n < 1 || n > MAX_WANT) {
      throw new MtcDecodeException(DecodeError.INVALID_VALUE, "sync.want.count", at, "count " + n);
    }
    List<ItemKey> keys = new ArrayList<>((int) n);
    ItemKey prev = null;
    for (int i = 0; i < n; i++) {
      int kat = r.pos;
      ItemKey k = r.key("sync.want.key");
      if (prev != null && prev.compareTo(k) >= 0) {
        throw new MtcDecodeException(DecodeError.NON_CANONICAL, "sync.want.key", kat, "not increasing");
      }
      keys.add(k);
      prev = k;
    }
    return keys;
  }

  private static List<SyncRange> readRanges(Reader r) {
    int at = r.pos;
    long count = r.varint("sync.ranges.count");
    if (count < 1 || count > MAX_RANGES) {
      throw new MtcDecodeException(DecodeError.INVALID_VALUE, "sync.ranges.count", at, "count " + count);
    }
    List<SyncRange> out = new ArrayList<>((int) count);
    ItemKey lower = ItemKey.ZERO;
    for (int i = 0; i < count; i++) {
      int bat = r.pos;
      SyncBound bound = readBound(r);
      if (bound.isInfinite() ? i != count - 1 : bound.key().compareTo(lower) <= 0) {
        throw new MtcDecodeException(DecodeError.NON_CANONICAL, "sync.range.bound", bat,
            bound.isInfinite() ? "infinity before the last range" : "bound not above the previous one");
      }
      if (!bound.isInfinite() && i == count - 1) {
        throw new MtcDecodeException(DecodeError.NON_CANONICAL, "sync.range.bound", bat,
            "the last bound must be infinity");
      }
      int mat = r.pos;
      int mode = r.u8("sync.range.mode");
      switch (mode) {
        case 0 -> out.add(new SyncRange.Skip(bound));
        case 1 -> {
          int sat = r.pos;
          r.need(8, "sync.range.sum");
          long sum = ItemKey.readLong(r.buf, r.off + r.pos);
          r.pos += 8;
          long n = r.varint("sync.range.count");
          if (n == 0 && sum != 0) {
            throw new MtcDecodeException(DecodeError.INVALID_VALUE, "sync.range.sum", sat,
                "an empty range has sum 0");
          }
          out.add(new SyncRange.Fingerprint(bound, sum, n));
        }
        case 2 -> {
          int cat = r.pos;
          long m = r.varint("sync.range.idlist.count");
          if (m < 0 || m > MAX_IDLIST) {
            throw new MtcDecodeException(DecodeError.INVALID_VALUE, "sync.range.idlist.count", cat,
                "count " + m);
          }
          List<ItemKey> keys = new ArrayList<>((int) m);
          ItemKey prev = null;
          for (int j = 0; j < m; j++) {
            int kat = r.pos;
            ItemKey k = r.key("sync.range.idlist.key");
            boolean inRange = k.compareTo(lower) >= 0 && bound.above(k);
            if (!inRange || prev != null && prev.compareTo(k) >= 0) {
              throw new MtcDecodeException(DecodeError.NON_CANONICAL, "sync.range.idlist.key", kat,
                  inRange ? "not increasing" : "outside its range");
            }
            keys.add(k);
            prev = k;
          }
          out.add(new SyncRange.IdList(bound, keys));
        }
        default -> throw new MtcDecodeException(DecodeError.INVALID_VALUE, "sync.range.mode", mat,
            "mode " + mode);
      }
      if (!bound.isInfinite()) {
        lower = bound.key();
      }
    }
    return out;
  }

  private static SyncBound readBound(Reader r) {
    int at = r.pos;
    int l = r.u8("sync.range.bound");
    if (l == INFINITE_BOUND) {
      return SyncBound.INFINITY;
    }
    if (l > ItemKey.LENGTH) {
      throw new MtcDecodeException(DecodeError.INVALID_VALUE, "sync.range.bound", at, "length " + l);
    }
    r.need(l, "sync.range.bound.prefix");
    byte[] k = new byte[ItemKey.LENGTH];
    System.arraycopy(r.buf, r.off + r.pos, k, 0, l);
    r.pos += l;
    if (l > 0 && k[l - 1] == 0) {
      throw new MtcDecodeException(DecodeError.NON_CANONICAL, "sync.range.bound.prefix", r.pos - 1,
          "prefix ends in 00");
    }
    return SyncBound.of(ItemKey.read(k, 0));
  }

  /**
   * Checks a list of ranges as the decoder does: 1..64 ranges, strictly increasing bounds ending with
   * infinity, IDLIST keys inside their range. Returns an immutable copy.
   */
  static List<SyncRange> checkRanges(List<SyncRange> ranges) {
    List<SyncRange> copy = List.copyOf(ranges);
    if (copy.isEmpty() || copy.size() > MAX_RANGES) {
      throw new IllegalArgumentException("1.." + MAX_RANGES + " ranges, got " + copy.size());
    }
    ItemKey lower = ItemKey.ZERO;
    for (int i = 0; i < copy.size(); i++) {
      SyncBound b = copy.get(i).bound();
      boolean last = i == copy.size() - 1;
      if (b.isInfinite() != last || !b.isInfinite() && b.key().compareTo(lower) <= 0) {
        throw new IllegalArgumentException("bounds must increase strictly and end with infinity");
      }
      if (copy.get(i) instanceof SyncRange.IdList l) {
        for (ItemKey k : l.keys()) {
          if (k.compareTo(lower) < 0 || !b.above(k)) {
            throw new IllegalArgumentException("IDLIST key " + k + " outside its range");
          }
        }
      } else if (copy.get(i) instanceof SyncRange.Fingerprint f && f.count() == 0 && f.sum() != 0) {
        throw new IllegalArgumentException("an empty range has sum 0");
      }
      if (!last) {
        lower = b.key();
      }
    }
    return copy;
  }

  /** A cursor over the payload; offsets are relative to the payload's first byte. */
  private static final class Reader {
    final byte[] buf;
    final int off;
    final int len;
    int pos;

    Reader(byte[] buf, int off, int len) {
      this.buf = buf;
      this.off = off;
      this.len = len;
    }

    void need(int n, String field) {
      if (len - pos < n) {
        throw new MtcDecodeException(DecodeError.TRUNCATED, field, pos);
      }
    }

    int u8(String field) {
      need(1, field);
      return buf[off + pos++] & 0xFF;
    }

    long varint(String field) {
      long v = Varint.read(buf, off + pos, off + len, off, field);
      pos += Varint.encodedLength(v);
      return v;
    }

    ItemKey key(String field) {
      need(ItemKey.LENGTH, field);
      ItemKey k = ItemKey.read(buf, off + pos);
      pos += ItemKey.LENGTH;
      return k;
    }
  }
}
