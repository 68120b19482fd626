package network.mtc.vectors;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import network.mtc.wire.DecodeError;
import network.mtc.wire.MtcDecodeException;

/** Helpers shared by the suites: building cases, reading their fields, comparing errors. */
final class Cases {
  static final HexFormat HEX = HexFormat.of();

  private Cases() {}

  /** A case skeleton: id, description, op, input. */
  static Map<String, Object> of(String id, String description, String op, Object input) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("id", id);
    c.put("description", description);
    c.put("op", op);
    c.put("input", input);
    return c;
  }

  /** A valid case with its expected output. */
  static Map<String, Object> ok(String id, String description, String op, Object input, Object output) {
    Map<String, Object> c = of(id, description, op, input);
    c.put("output", output);
    return c;
  }

  /** An invalid case with its expected error. */
  static Map<String, Object> err(String id, String description, String op, Object input, DecodeError code,
      long offset) {
    Map<String, Object> c = of(id, description, op, input);
    c.put("error", error(code, offset));
    return c;
  }

  static Map<String, Object> error(DecodeError code, long offset) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("code", code.name());
    e.put("offset", BigInteger.valueOf(offset));
    return e;
  }

  static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      Object v = kv[i + 1];
      if (v instanceof Integer || v instanceof Long) {
        v = BigInteger.valueOf(((Number) v).longValue());
      }
      m.put((String) kv[i], v);
    }
    return m;
  }

  static String hex(byte[] b) {
    return HEX.formatHex(b);
  }

  static byte[] unhex(Object s) {
    return HEX.parseHex((String) s);
  }

  static String str(Map<String, Object> c, String key) {
    Object v = c.get(key);
    if (!(v instanceof String s)) {
      throw new IllegalArgumentException("case field '" + key + "' must be a string");
    }
    return s;
  }

  static long num(Object v) {
    if (!(v instanceof BigInteger b)) {
      throw new IllegalArgumentException("expected an integer, got " + v);
    }
    return b.longValue();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> obj(Object v) {
    if (!(v instanceof Map)) {
      throw new IllegalArgumentException("expected an object, got " + v);
    }
    return (Map<String, Object>) v;
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object v) {
    if (!(v instanceof List)) {
      throw new IllegalArgumentException("expected an array, got " + v);
    }
    return (List<Object>) v;
  }

  static List<Object> listOf(Iterable<?> items) {
    List<Object> l = new ArrayList<>();
    items.forEach(l::add);
    return l;
  }

  /**
   * Runs {@code action} and compares with the case: an expected {@code output} must equal what it returns
   * (as compact JSON text), an expected {@code error} must match the thrown code and offset.
   */
  static String expect(Map<String, Object> c, Supplier<Object> action) {
    Object got;
    try {
      got = action.get();
    } catch (MtcDecodeException e) {
      if (!c.containsKey("error")) {
        return "rejected valid input: " + e.getMessage();
      }
      return sameError(obj(c.get("error")), e);
    }
    if (c.containsKey("error")) {
      return "accepted invalid input (expected " + obj(c.get("error")).get("code") + "), got "
          + network.mtc.vectors.json.JsonWriter.compact(got);
    }
    return same(c.get("output"), got);
  }

  static String same(Object expected, Object got) {
    String e = network.mtc.vectors.json.JsonWriter.compact(expected);
    String g = network.mtc.vectors.json.JsonWriter.compact(got);
    return e.equals(g) ? null : "expected " + e + ", got " + g;
  }

  static String sameError(Map<String, Object> expected, MtcDecodeException e) {
    String code = (String) expected.get("code");
    long offset = num(expected.get("offset"));
    if (!code.equals(e.code().name()) || offset != e.offset()) {
      return "expected " + code + " at " + offset + ", got " + e.code() + " at " + e.offset()
          + " (" + e.getMessage() + ")";
    }
    return null;
  }
}
