package network.mtc.vectors.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
  @Test
  void parsesAndWritesBack() {
    String text = "{\"a\":[1,-2,\"x\\n\\u0041\"],\"b\":{\"c\":true,\"d\":null},\"e\":18446744073709551615}";
    Object v = Json.parse(text);
    Map<?, ?> m = (Map<?, ?>) v;
    assertEquals(List.of(BigInteger.ONE, BigInteger.valueOf(-2), "x\nA"), m.get("a"));
    assertEquals(new BigInteger("18446744073709551615"), m.get("e"));
    assertEquals(v, Json.parse(JsonWriter.write(v)));
    assertEquals(v, Json.parse(JsonWriter.compact(v)));
  }

  @Test
  void rejectsMalformedInputWithOffsets() {
    assertEquals(4, assertThrows(JsonException.class, () -> Json.parse("[1,2")).offset());
    assertThrows(JsonException.class, () -> Json.parse("{\"a\":1,\"a\":2}"));
    assertThrows(JsonException.class, () -> Json.parse("01"));
    assertThrows(JsonException.class, () -> Json.parse("[1] x"));
    assertThrows(JsonException.class, () -> Json.parse("\"\u0001\""));
    assertThrows(JsonException.class, () -> Json.parse("[".repeat(100) + "]".repeat(100)));
  }
}
