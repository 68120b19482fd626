package network.mtc.vectors.json;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict, small JSON (RFC 8259) reader for vector files and command-line arguments. Objects become
 * {@code LinkedHashMap<String, Object>} (key order kept, duplicate keys rejected), arrays {@code List<Object>},
 * strings {@code String}, integers {@code BigInteger}, other numbers {@code Double}, and {@code true},
 * {@code false}, {@code null} their Java counterparts. Nesting is limited to {@value #MAX_DEPTH} levels so
 * hostile input cannot exhaust the stack.
 */
public final class Json {
  /** Deepest nesting accepted. */
  public static final int MAX_DEPTH = 64;

  private final String s;
  private int p;

  private Json(String s) {
    this.s = s;
  }

  /**
   * Parses one JSON value filling the whole text.
   *
   * @throws JsonException naming the character offset of the problem
   */
  public static Object parse(String text) {
    Json j = new Json(text);
    j.ws();
    Object v = j.value(0);
    j.ws();
    if (j.p != text.length()) {
      throw j.error("trailing characters");
    }
    return v;
  }

  private Object value(int depth) {
    if (depth > MAX_DEPTH) {
      throw error("nested deeper than " + MAX_DEPTH);
    }
    if (p >= s.length()) {
      throw error("unexpected end");
    }
    char c = s.charAt(p);
    switch (c) {
      case '{':
        return object(depth);
      case '[':
        return array(depth);
      case '"':
        return string();
      case 't':
        return literal("true", Boolean.TRUE);
      case 'f':
        return literal("false", Boolean.FALSE);
      case 'n':
        return literal("null", null);
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          return number();
        }
        throw error("unexpected character '" + c + "'");
    }
  }

  private Map<String, Object> object(int depth) {
    Map<String, Object> m = new LinkedHashMap<>();
    p++;
    ws();
    if (peek() == '}') {
      p++;
      return m;
    }
    while (true) {
      ws();
      if (peek() != '"') {
        throw error("expected a key");
      }
      int keyAt = p;
      String k = string();
      ws();
      expect(':');
      ws();
      Object v = value(depth + 1);
      if (m.containsKey(k)) {
        p = keyAt;
        throw error("duplicate key \"" + k + "\"");
      }
      m.put(k, v);
      ws();
      char c = next();
      if (c == '}') {
        return m;
      }
      if (c != ',') {
        p--;
        throw error("expected ',' or '}'");
      }
    }
  }

  private List<Object> array(int depth) {
    List<Object> a = new ArrayList<>();
    p++;
    ws();
    if (peek() == ']') {
      p++;
      return a;
    }
    while (true) {
      ws();
      a.add(value(depth + 1));
      ws();
      char c = next();
      if (c == ']') {
        return a;
      }
      if (c != ',') {
        p--;
        throw error("expected ',' or ']'");
      }
    }
  }

  private String string() {
    p++;
    StringBuilder sb = new StringBuilder();
    while (true) {
      if (p >= s.length()) {
        throw error("unterminated string");
      }
      char c = s.charAt(p++);
      if (c == '"') {
        return sb.toString();
      }
      if (c < 0x20) {
        p--;
        throw error("control character in string");
      }
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      char e = next();
      switch (e) {
        case '"', '\\', '/' -> sb.append(e);
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        case 't' -> sb.append('\t');
        case 'u' -> {
          if (p + 4 > s.length()) {
            throw error("short \\u escape");
          }
          int v = 0;
          for (int i = 0; i < 4; i++) {
            int d = Character.digit(s.charAt(p + i), 16);
            if (d < 0) {
              throw error("bad \\u escape");
            }
            v = v * 16 + d;
          }
          p += 4;
          sb.append((char) v);
        }
        default -> {
          p--;
          throw error("bad escape");
        }
      }
    }
  }

  private Object number() {
    int start = p;
    if (peek() == '-') {
      p++;
    }
    if (peek() == '0') {
      p++;
    } else if (peek() >= '1' && peek() <= '9') {
      while (peek() >= '0' && peek() <= '9') {
        p++;
      }
    } else {
      throw error("bad number");
    }
    boolean integer = true;
    if (peek() == '.') {
      integer = false;
      p++;
      if (!(peek() >= '0' && peek() <= '9')) {
        throw error("bad fraction");
      }
      while (peek() >= '0' && peek() <= '9') {
        p++;
      }
    }
    if (peek() == 'e' || peek() == 'E') {
      integer = false;
      p++;
      if (peek() == '+' || peek() == '-') {
        p++;
      }
      if (!(peek() >= '0' && peek() <= '9')) {
        throw error("bad exponent");
      }
      while (peek() >= '0' && peek() <= '9') {
        p++;
      }
    }
    String t = s.substring(start, p);
    if (integer) {
      if (t.length() > 400) {
        throw error("integer too long");
      }
      return new BigInteger(t);
    }
    return Double.valueOf(t);
  }

  private Object literal(String word, Object v) {
    if (!s.startsWith(word, p)) {
      throw error("unexpected literal");
    }
    p += word.length();
    return v;
  }

  private void ws() {
    while (p < s.length()) {
      char c = s.charAt(p);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      p++;
    }
  }

  private char peek() {
    return p < s.length() ? s.charAt(p) : '\0';
  }

  private char next() {
    if (p >= s.length()) {
      throw error("unexpected end");
    }
    return s.charAt(p++);
  }

  private void expect(char c) {
    if (next() != c) {
      p--;
      throw error("expected '" + c + "'");
    }
  }

  private JsonException error(String what) {
    return new JsonException(what, p);
  }
}
