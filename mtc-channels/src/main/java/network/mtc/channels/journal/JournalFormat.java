package network.mtc.channels.journal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;
import network.mtc.wire.DecodeError;
import network.mtc.wire.MtcDecodeException;

/**
 * The journal's byte format and its recovery scan (spec/channels-durability.md, "Journal format").
 *
 * <pre>
 *   file    = header record*
 *   header  = "MTCJ" | version u8 (1) | 3 zero bytes                      8 bytes
 *   record  = length u32 | type u8 | payload | crc u32                      length = 1 + payload length
 *             crc = CRC-32C over length | type | payload (big-endian integers)
 *   type 1  SignatureReserved  channel_id[32] | nonce u64 | state_hash[32]
 *   type 2  StateStored        channel_id[32] | nonce u64 | state_hash[32] | co_signed_state[length - 73]
 *   type 3  ProposalReserved   channel_id[32] | nonce u64 | state_hash[32] | proposal[length - 73]
 * </pre>
 *
 * <p>Recovery reads records until the first one that is incomplete (a torn append) or does not check
 * (CRC, length, type or payload size): that record and everything after it is the tail to cut. A file whose
 * header is complete but wrong is not a torn journal but someone else's file: {@link #scan} rejects it.
 *
 * @since 0.1
 */
public final class JournalFormat {
  /** Header bytes at the start of every journal file. */
  public static final int HEADER_LENGTH = 8;
  /** Bytes a record adds to its payload: length, type, CRC. */
  public static final int RECORD_OVERHEAD = 4 + 1 + 4;
  /** Payload of a SignatureReserved record. */
  static final int RESERVED_PAYLOAD = 32 + 8 + 32;
  /** Largest value of a record's length field: type byte + StateStored payload with the largest state. */
  public static final int MAX_RECORD_LENGTH = 1 + RESERVED_PAYLOAD + JournalRecord.MAX_STATE_LENGTH;

  static final byte TYPE_RESERVED = 1;
  static final byte TYPE_STORED = 2;
  static final byte TYPE_PROPOSAL = 3;
  private static final byte[] HEADER = {'M', 'T', 'C', 'J', 1, 0, 0, 0};

  private JournalFormat() {}

  /** Why a scan stopped. */
  public enum Stop {
    /** The last record ends exactly at the end of the input. */
    CLEAN,
    /** The input ends inside the header or a record: an append that a crash interrupted. */
    TORN,
    /** A record is complete but does not check (CRC, length, type or payload): cut from here. */
    CORRUPT
  }

  /**
   * The result of a scan.
   *
   * @param records the records before the first bad one, in file order
   * @param validLength bytes of header and good records: the length to truncate the file to
   * @param stop why the scan stopped
   */
  public record Scan(List<JournalRecord> records, long validLength, Stop stop) {
    /** Copies the list. */
    public Scan {
      records = List.copyOf(records);
    }
  }

  /** The 8 header bytes. */
  public static byte[] header() {
    return HEADER.clone();
  }

  /** The encoded length of a record. */
  public static int encodedLength(JournalRecord r) {
    // Java 17 has no pattern switch; the interface is sealed to these three records.
    int tail = r instanceof JournalRecord.StateStored s ? s.coSignedState().length
        : r instanceof JournalRecord.ProposalReserved p ? p.proposal().length : 0;
    return RECORD_OVERHEAD + RESERVED_PAYLOAD + tail;
  }

  /** Encodes one record. */
  public static byte[] encode(JournalRecord r) {
    ByteBuffer b = ByteBuffer.allocate(encodedLength(r));
    encode(r, b);
    return b.array();
  }

  /** Writes one record at the buffer's position (which must have room for {@link #encodedLength}). */
  static void encode(JournalRecord r, ByteBuffer b) {
    int start = b.position();
    b.putInt(encodedLength(r) - RECORD_OVERHEAD + 1);
    if (r instanceof JournalRecord.StateStored s) {
      b.put(TYPE_STORED).put(s.channelId()).putLong(s.nonce()).put(s.stateHash()).put(s.coSignedState());
    } else if (r instanceof JournalRecord.ProposalReserved p) {
      b.put(TYPE_PROPOSAL).put(p.channelId()).putLong(p.nonce()).put(p.stateHash()).put(p.proposal());
    } else {
      JournalRecord.SignatureReserved s = (JournalRecord.SignatureReserved) r;
      b.put(TYPE_RESERVED).put(s.channelId()).putLong(s.nonce()).put(s.stateHash());
    }
    CRC32C crc = new CRC32C();
    crc.update(b.array(), b.arrayOffset() + start, b.position() - start);
    b.putInt((int) crc.getValue());
  }

  /**
   * Scans a journal image. Never throws for a torn or corrupt record: it stops there.
   *
   * @throws MtcDecodeException if the 8 header bytes are present and are not a version-1 journal header
   *     ({@code UNSUPPORTED_VERSION} for another version byte, {@code INVALID_VALUE} otherwise)
   */
  public static Scan scan(byte[] data, int length) {
    if (length < 0 || length > data.length) {
      throw new IllegalArgumentException("length out of range");
    }
    List<JournalRecord> records = new ArrayList<>();
    if (length < HEADER_LENGTH) {
      // A crash while creating the file: only a prefix of the header is acceptable.
      boolean prefix = Arrays.equals(data, 0, length, HEADER, 0, length);
      if (!prefix) {
        throw new MtcDecodeException(DecodeError.INVALID_VALUE, "header", 0, "not an MTC journal");
      }
      return new Scan(records, 0, length == 0 ? Stop.CLEAN : Stop.TORN);
    }
    checkHeader(data);
    ByteBuffer b = ByteBuffer.wrap(data, 0, length);
    int pos = HEADER_LENGTH;
    CRC32C crc = new CRC32C();
    while (pos < length) {
      if (length - pos < 4) {
        return new Scan(records, pos, Stop.TORN);
      }
      int len = b.getInt(pos);
      if (len < 1 + RESERVED_PAYLOAD || len > MAX_RECORD_LENGTH) {
        return new Scan(records, pos, Stop.CORRUPT);
      }
      if (length - pos - 4 < len + 4) {
        return new Scan(records, pos, Stop.TORN);
      }
      crc.reset();
      crc.update(data, pos, 4 + len);
      if ((int) crc.getValue() != b.getInt(pos + 4 + len)) {
        return new Scan(records, pos, Stop.CORRUPT);
      }
      JournalRecord r = decodeBody(data, pos + 4, len);
      if (r == null) {
        return new Scan(records, pos, Stop.CORRUPT);
      }
      records.add(r);
      pos += 4 + len + 4;
    }
    return new Scan(records, pos, Stop.CLEAN);
  }

  private static void checkHeader(byte[] data) {
    if (!Arrays.equals(data, 0, 4, HEADER, 0, 4)) {
      throw new MtcDecodeException(DecodeError.INVALID_VALUE, "magic", 0, "not an MTC journal");
    }
    if (data[4] != HEADER[4]) {
      throw new MtcDecodeException(DecodeError.UNSUPPORTED_VERSION, "version", 4);
    }
    if (data[5] != 0 || data[6] != 0 || data[7] != 0) {
      throw new MtcDecodeException(DecodeError.RESERVED, "reserved", 5);
    }
  }

  /** The record in {@code data[off, off + len)} (type and payload), or null if it does not fit its type. */
  private static JournalRecord decodeBody(byte[] data, int off, int len) {
    byte type = data[off];
    byte[] channelId = Arrays.copyOfRange(data, off + 1, off + 33);
    long nonce = ByteBuffer.wrap(data, off + 33, 8).getLong();
    byte[] hash = Arrays.copyOfRange(data, off + 41, off + 73);
    return switch (type) {
      case TYPE_RESERVED -> len == 1 + RESERVED_PAYLOAD
          ? new JournalRecord.SignatureReserved(channelId, nonce, hash) : null;
      case TYPE_STORED -> new JournalRecord.StateStored(channelId, nonce, hash,
          Arrays.copyOfRange(data, off + 73, off + len));
      case TYPE_PROPOSAL -> new JournalRecord.ProposalReserved(channelId, nonce, hash,
          Arrays.copyOfRange(data, off + 73, off + len));
      default -> null;
    };
  }
}
