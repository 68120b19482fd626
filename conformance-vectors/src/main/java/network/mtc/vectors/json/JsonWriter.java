package network.mtc.vectors.json;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Writes the values {@link Json} reads (maps, lists, strings, integers, booleans, null) as JSON, pretty
 * printed with two-space indentation and keys in map order, so generated files are stable and diffable.
 * Arrays of scalars stay on one line.
 */
public final class JsonWriter {
  private JsonWriter() {}

  /** Pretty-printed JSON ending without a newline. */
  public static String write(Object value) {
    StringBuilder sb = new StringBuilder();
    write(sb, value, 0, true);
    return sb.toString();
  }

  /** Compact JSON on one line. */
  public static String compact(Object value) {
    StringBuilder sb = new StringBuilder();
    write(sb, value, 0, false);
    return sb.toString();
  }

  private static void write(StringBuilder sb, Object v, int indent, boolean pretty) {
    if (v == null) {
      sb.append("null");
    } else if (v instanceof String str) {
      quote(sb, str);
    } else if (v instanceof Boolean || v instanceof Integer || v instanceof Long
        || v instanceof BigInteger) {
      sb.append(v);
    } else if (v instanceof Map<?, ?> m) {
      if (m.isEmpty()) {
        sb.append("{}");
        return;
      }
      sb.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        newline(sb, indent + 1, pretty);
        quote(sb, (String) e.getKey());
        sb.append(pretty ? ": " : ":");
        write(sb, e.getValue(), indent + 1, pretty);
      }
      newline(sb, indent, pretty);
      sb.append('}');
    } else if (v instanceof List<?> l) {
      boolean flat = l.stream().noneMatch(x -> x instanceof Map || x instanceof List);
      sb.append('[');
      for (int i = 0; i < l.size(); i++) {
        if (i > 0) {
          sb.append(flat && pretty ? ", " : ",");
        }
        if (!flat) {
          newline(sb, indent + 1, pretty);
        }
        write(sb, l.get(i), indent + 1, pretty);
      }
      if (!flat && !l.isEmpty()) {
        newline(sb, indent, pretty);
      }
      sb.append(']');
    } else {
      throw new IllegalArgumentException("not a JSON value: " + v.getClass());
    }
  }

  private static void newline(StringBuilder sb, int indent, boolean pretty) {
    if (pretty) {
      sb.append('\n');
      sb.append("  ".repeat(indent));
    }
  }

  private static void quote(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20 || c > 0x7E) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }
}
