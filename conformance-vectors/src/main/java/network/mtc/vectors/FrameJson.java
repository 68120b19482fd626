package network.mtc.vectors;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import network.mtc.wire.Bytes;
import network.mtc.wire.NodeAddress;
import network.mtc.wire.Tlv;
import network.mtc.wire.frame.Frame;

/**
 * The JSON form of a frame used by the vectors and by {@code mtc frame decode|encode}:
 *
 * <pre>{@code
 * {"version": 1, "type": 1, "hop_limit": 7, "message_id": 305419896,
 *  "source": "0102030405060708", "destination": "...", "sequence": 5,
 *  "extensions": [{"type": 1, "value": "07"}], "payload": "68656c6c6f", "signature": "..."}
 * }</pre>
 *
 * <p>{@code destination}, {@code sequence} and {@code signature} are omitted when absent; {@code
 * extensions} is always present. Addresses and byte strings are lower-case hex.
 */
public final class FrameJson {
  private static final Set<String> KEYS = Set.of("version", "type", "hop_limit", "message_id", "source",
      "destination", "sequence", "extensions", "payload", "signature");

  private FrameJson() {}

  /** The JSON object of {@code f}. */
  public static Map<String, Object> toJson(Frame f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("version", BigInteger.valueOf(Frame.VERSION));
    m.put("type", BigInteger.valueOf(f.type()));
    m.put("hop_limit", BigInteger.valueOf(f.hopLimit()));
    m.put("message_id", BigInteger.valueOf(Integer.toUnsignedLong(f.messageId())));
    m.put("source", f.source().hex());
    if (f.isUnicast()) {
      m.put("destination", f.destination().hex());
    }
    if (f.sequence().isPresent()) {
      m.put("sequence", BigInteger.valueOf(f.sequence().getAsLong()));
    }
    List<Object> ext = new ArrayList<>();
    for (Tlv t : f.extensions()) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("type", new BigInteger(Long.toUnsignedString(t.type())));
      e.put("value", t.value().hex());
      ext.add(e);
    }
    m.put("extensions", ext);
    m.put("payload", f.payload().hex());
    if (f.isSigned()) {
      m.put("signature", f.signature().hex());
    }
    return m;
  }

  /**
   * Builds a frame from its JSON object.
   *
   * @throws IllegalArgumentException naming the field that is missing, unknown or invalid
   */
  public static Frame fromJson(Map<String, Object> m) {
    for (String k : m.keySet()) {
      if (!KEYS.contains(k)) {
        throw new IllegalArgumentException("unknown field \"" + k + "\"");
      }
    }
    long version = integer(m, "version", 1, 3);
    if (version != Frame.VERSION) {
      throw new IllegalArgumentException("version: only 1 is defined");
    }
    int type = (int) integer(m, "type", 1, 63);
    int hop = (int) integer(m, "hop_limit", 0, Frame.MAX_HOP_LIMIT);
    int id = (int) integer(m, "message_id", 0, 0xFFFF_FFFFL);
    NodeAddress src = address(m, "source");
    NodeAddress dst = m.containsKey("destination") ? address(m, "destination") : null;
    OptionalLong seq = m.containsKey("sequence")
        ? OptionalLong.of(integer(m, "sequence", 0, Frame.MAX_SEQUENCE)) : OptionalLong.empty();
    List<Tlv> ext = new ArrayList<>();
    Object e = m.getOrDefault("extensions", List.of());
    if (!(e instanceof List<?> list)) {
      throw new IllegalArgumentException("extensions: must be an array");
    }
    for (Object o : list) {
      if (!(o instanceof Map<?, ?> rec)) {
        throw new IllegalArgumentException("extensions: items must be objects");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> r = (Map<String, Object>) rec;
      Object t = r.get("type");
      if (!(t instanceof BigInteger bt) || bt.signum() < 0 || bt.bitLength() > 64) {
        throw new IllegalArgumentException("extensions.type: must be an unsigned 64-bit integer");
      }
      ext.add(new Tlv(bt.longValue(), bytes(r, "value")));
    }
    Bytes payload = bytes(m, "payload");
    Bytes sig = m.containsKey("signature") ? bytes(m, "signature") : null;
    return new Frame(type, hop, id, src, dst, seq, ext, payload, sig);
  }

  private static long integer(Map<String, Object> m, String key, long min, long max) {
    Object v = m.get(key);
    if (!(v instanceof BigInteger b)) {
      throw new IllegalArgumentException(key + ": required integer");
    }
    if (b.compareTo(BigInteger.valueOf(min)) < 0 || b.compareTo(BigInteger.valueOf(max)) > 0) {
      throw new IllegalArgumentException(key + ": must be " + min + ".." + max);
    }
    return b.longValue();
  }

  private static NodeAddress address(Map<String, Object> m, String key) {
    Object v = m.get(key);
    if (!(v instanceof String s) || !s.matches("[0-9a-fA-F]{16}")) {
      throw new IllegalArgumentException(key + ": must be 16 hex digits");
    }
    long value = Long.parseUnsignedLong(s, 16);
    if (value == 0) {
      throw new IllegalArgumentException(key + ": the zero address is reserved");
    }
    return new NodeAddress(value);
  }

  private static Bytes bytes(Map<String, Object> m, String key) {
    Object v = m.get(key);
    if (!(v instanceof String s) || s.length() % 2 != 0 || !s.matches("[0-9a-fA-F]*")) {
      throw new IllegalArgumentException(key + ": must be an even number of hex digits");
    }
    return Bytes.fromHex(s);
  }
}
