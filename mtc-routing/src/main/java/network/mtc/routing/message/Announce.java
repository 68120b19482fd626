package network.mtc.routing.message;

import java.util.List;
import network.mtc.wire.Bytes;
import network.mtc.wire.Tlv;
import network.mtc.wire.TlvStream;

/**
 * The payload of an ANNOUNCE frame (type 3; spec/routing.md, "ANNOUNCE"): the node's public key, its
 * role flags, how long until its next announce, and its best neighbours with their link credits, from
 * which receivers learn keys, link quality and the two-hop neighbourhood.
 *
 * <pre>
 *  0      1       2               34         35        36            36+4k
 *  +------+-------+---------------+----------+---------+-------------+--------------------+
 *  | ver  | flags | public key 32 | interval | count k | k entries   | TLV stream         |
 *  +------+-------+---------------+----------+---------+-------------+--------------------+
 *  flags: 0x80 RELAY, 0x40 MARKED, 0x20 STATION, 0x10 SIGNS_ALL, 0x08 TRUNCATED, 0x07 reserved (0)
 *  entry: address prefix (3) | q: credit (bits 7-3, 0..24) | RELAY (bit 2) | MARKED (bit 1) | 0
 *  TLVs:  1 x25519_key (32 bytes), 3 uplinks (1 byte); other odd types kept, other even types rejected
 * </pre>
 *
 * <p>The compact constructor enforces every rule the decoder does (except the key and address checks,
 * which need the frame), so an {@code Announce} that exists encodes to bytes that decode back to it.
 *
 * @param flags role flags (low 3 bits zero)
 * @param publicKey the node's 32-byte Ed25519 key; the frame's source must be its address
 * @param intervalSeconds the longest time until the node's next announce, 1..255 seconds; receivers
 *     expire the node after three times this
 * @param neighbours at most {@value #MAX_ENTRIES} entries in strictly increasing prefix order
 * @param extensions the TLV stream, strictly increasing types
 * @since 0.1
 */
public record Announce(int flags, Bytes publicKey, int intervalSeconds, List<NeighbourEntry> neighbours,
    List<Tlv> extensions) {

  /** Payload format version. */
  public static final int VERSION = 1;
  /** Fixed part: version, flags, key, interval, count. */
  public static final int FIXED_LENGTH = 36;
  /** Bytes per neighbour entry. */
  public static final int ENTRY_LENGTH = 4;
  /** Most entries: a full announce frame stays near 250 bytes (20 header, 164 payload, 64 signature). */
  public static final int MAX_ENTRIES = 32;
  /** Largest credit (loss 10^-3). */
  public static final int MAX_CREDIT = 24;
  /** Reserved flag bits. */
  public static final int RESERVED_FLAGS = 0x07;
  /** Flag: RELAY role. */
  public static final int FLAG_RELAY = 0x80;
  /** Flag: MARKED role. */
  public static final int FLAG_MARKED = 0x40;
  /** Flag: mesh station. */
  public static final int FLAG_STATION = 0x20;
  /** Flag: signs every frame it originates. */
  public static final int FLAG_SIGNS_ALL = 0x10;
  /** Flag: more neighbours than listed. */
  public static final int FLAG_TRUNCATED = 0x08;
  /** TLV type of the node's static X25519 key (32 bytes). */
  public static final long TLV_X25519_KEY = 1;
  /** TLV type of the uplink bitmask (1 byte). */
  public static final long TLV_UPLINKS = 3;

  /** Validates the announce. */
  public Announce {
    if (flags < 0 || flags > 0xFF || (flags & RESERVED_FLAGS) != 0) {
      throw new IllegalArgumentException("flags must be a byte with bits 0-2 clear");
    }
    if (publicKey == null || publicKey.length() != 32) {
      throw new IllegalArgumentException("public key must be 32 bytes");
    }
    if (intervalSeconds < 1 || intervalSeconds > 255) {
      throw new IllegalArgumentException("interval must be 1..255 seconds");
    }
    neighbours = List.copyOf(neighbours);
    if (neighbours.size() > MAX_ENTRIES) {
      throw new IllegalArgumentException("at most " + MAX_ENTRIES + " neighbours");
    }
    for (int i = 1; i < neighbours.size(); i++) {
      if (neighbours.get(i).prefix() <= neighbours.get(i - 1).prefix()) {
        throw new IllegalArgumentException("neighbour prefixes must strictly increase");
      }
    }
    extensions = List.copyOf(extensions);
    TlvStream.checkOrder(extensions);
    for (Tlv t : extensions) {
      int need = t.type() == TLV_X25519_KEY ? 32 : t.type() == TLV_UPLINKS ? 1 : -1;
      if (need >= 0 && t.value().length() != need) {
        throw new IllegalArgumentException("TLV " + t.type() + " must have " + need + " bytes");
      }
      if (need < 0 && (t.type() & 1) == 0) {
        throw new IllegalArgumentException("unknown even TLV " + Long.toUnsignedString(t.type()));
      }
    }
  }

  /** The static X25519 key, or null if absent. */
  public Bytes x25519Key() {
    for (Tlv t : extensions) {
      if (t.type() == TLV_X25519_KEY) {
        return t.value();
      }
    }
    return null;
  }

  /** The uplink bitmask, or -1 if absent. */
  public int uplinks() {
    for (Tlv t : extensions) {
      if (t.type() == TLV_UPLINKS) {
        return t.value().byteAt(0) & 0xFF;
      }
    }
    return -1;
  }

  /** Encoded length ({@link AnnounceCodec#encodedLength}). */
  public int encodedLength() {
    return AnnounceCodec.encodedLength(this);
  }

  /** Encodes the payload ({@link AnnounceCodec#encode(Announce)}). */
  public byte[] encode() {
    return AnnounceCodec.encode(this);
  }
}
