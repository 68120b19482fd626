package network.mtc.cli.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import network.mtc.vectors.json.JsonWriter;

/**
 * What the demo did: its steps (each with the events, radio transmissions and simulated time it took),
 * the final on-ledger balances per party and asset, and the checks of the story. Printed as text for a
 * person or as one JSON object ({@link #toJson()}); both come from the same data.
 */
public final class DemoReport {
  /** An event of a step; {@code atMillis} is simulated mesh time, or -1 for something done online. */
  record Event(long atMillis, String text) {}

  /** A check of the story and whether it held. */
  record Check(String name, boolean ok, String detail) {}

  /** One step of the story. */
  static final class Step {
    final int number;
    final String title;
    final List<Event> events = new ArrayList<>();
    long startMillis;
    long endMillis;
    long transmissions;

    Step(int number, String title) {
      this.number = number;
      this.title = title;
    }
  }

  final long seed;
  final List<Step> steps = new ArrayList<>();
  /** Party name to asset name to the decimal balance; insertion ordered. */
  final Map<String, Map<String, String>> balances = new LinkedHashMap<>();
  final List<Check> checks = new ArrayList<>();

  DemoReport(long seed) {
    this.seed = seed;
  }

  /** True if every check held and there was at least one. */
  public boolean ok() {
    return !checks.isEmpty() && checks.stream().allMatch(Check::ok);
  }

  /** The readable account. */
  public String toText() {
    StringBuilder sb = new StringBuilder();
    sb.append("MTC demo (seed ").append(seed).append("): offline payments in an underground car park\n");
    for (Step s : steps) {
      sb.append('\n').append("Step ").append(s.number).append(". ").append(s.title).append('\n');
      for (Event e : s.events) {
        sb.append(e.atMillis() < 0 ? "             " : String.format(Locale.ROOT, "  t=%8.3f s ", e.atMillis() / 1000.0))
            .append(e.text()).append('\n');
      }
      if (s.transmissions > 0 || s.endMillis > s.startMillis) {
        sb.append(String.format(Locale.ROOT, "  -> %d radio transmissions (data and control), %.3f s of mesh time%n",
            s.transmissions, (s.endMillis - s.startMillis) / 1000.0));
      }
    }
    sb.append("\nFinal balances on the ledger\n");
    for (var p : balances.entrySet()) {
      sb.append(String.format(Locale.ROOT, "  %-14s", p.getKey()));
      for (var a : p.getValue().entrySet()) {
        sb.append(String.format(Locale.ROOT, "  %18s %s", a.getValue(), a.getKey()));
      }
      sb.append('\n');
    }
    sb.append("\nChecks\n");
    for (Check c : checks) {
      sb.append("  ").append(c.ok() ? "ok   " : "FAIL ").append(c.name()).append(": ").append(c.detail())
          .append('\n');
    }
    sb.append(ok() ? "\nEvery check held.\n" : "\nSOME CHECKS FAILED.\n");
    return sb.toString();
  }

  /** The same as one JSON object: seed, steps, balances, checks, ok. */
  public String toJson() {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("seed", seed);
    List<Object> st = new ArrayList<>();
    for (Step s : steps) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("step", (long) s.number);
      m.put("title", s.title);
      m.put("startMillis", s.startMillis);
      m.put("endMillis", s.endMillis);
      m.put("transmissions", s.transmissions);
      List<Object> ev = new ArrayList<>();
      for (Event e : s.events) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("atMillis", e.atMillis() < 0 ? null : (Object) e.atMillis());
        x.put("text", e.text());
        ev.add(x);
      }
      m.put("events", ev);
      st.add(m);
    }
    root.put("steps", st);
    Map<String, Object> bal = new LinkedHashMap<>();
    balances.forEach((k, v) -> bal.put(k, new LinkedHashMap<String, Object>(v)));
    root.put("balances", bal);
    List<Object> ch = new ArrayList<>();
    for (Check c : checks) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", c.name());
      m.put("ok", c.ok());
      m.put("detail", c.detail());
      ch.add(m);
    }
    root.put("checks", ch);
    root.put("ok", ok());
    return JsonWriter.write(root);
  }
}
