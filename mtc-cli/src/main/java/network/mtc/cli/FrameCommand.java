package network.mtc.cli;

import java.io.PrintStream;
import java.util.HexFormat;
import java.util.Map;
import network.mtc.vectors.FrameJson;
import network.mtc.vectors.json.Json;
import network.mtc.vectors.json.JsonException;
import network.mtc.vectors.json.JsonWriter;
import network.mtc.wire.frame.Frame;
import network.mtc.wire.frame.FrameDecoder;

/** {@code mtc frame decode HEX} and {@code mtc frame encode JSON}. */
final class FrameCommand {
  private FrameCommand() {}

  static void run(Args a, PrintStream out) {
    String sub = a.next("frame subcommand (decode or encode)");
    String arg = a.next(sub.equals("encode") ? "JSON" : "HEX");
    a.end();
    switch (sub) {
      case "decode" -> {
        Frame f = FrameDecoder.decode(Args.hex(arg, "HEX"));
        out.println(JsonWriter.write(FrameJson.toJson(f)));
      }
      case "encode" -> {
        Object doc;
        try {
          doc = Json.parse(arg);
        } catch (JsonException e) {
          throw new UsageException("JSON: " + e.getMessage());
        }
        if (!(doc instanceof Map<?, ?>)) {
          throw new UsageException("JSON: a frame is an object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) doc;
        Frame f;
        try {
          f = FrameJson.fromJson(m);
        } catch (IllegalArgumentException e) {
          throw new Rejected("frame: " + e.getMessage());
        }
        out.println(HexFormat.of().formatHex(f.encode()));
      }
      default -> throw new UsageException("unknown frame subcommand '" + sub + "'");
    }
  }
}
