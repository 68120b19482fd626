package network.mtc.sim;

import java.util.List;
import java.util.Locale;

/**
 * Renders a {@link SimResult} as one self-contained HTML page: inline SVG drawn here, no script, no
 * external file, so it opens anywhere and can be attached to an issue. Plots: delivery and transmissions
 * against hop distance, coverage over time (mean and 1st percentile over messages), the topology with the
 * first message's transmitters highlighted (a sample of 5,000 nodes on bigger graphs), and the parameters.
 *
 * @since 0.1
 */
public final class HtmlReport {
  /** Most nodes drawn in the topology plot; bigger graphs are sampled evenly by index. */
  static final int MAX_DRAWN_NODES = 5000;
  /** Links are drawn only up to this many nodes (beyond, they are a grey blur). */
  static final int MAX_NODES_WITH_LINKS = 2000;
  private static final int W = 640;
  private static final int H = 320;
  private static final int PAD = 50;

  private HtmlReport() {}

  /** The page. */
  public static String render(SimResult r) {
    SimConfig c = r.config();
    StringBuilder b = new StringBuilder(1 << 16);
    b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>mtc sim: ")
        .append(SimResult.strategyName(c)).append(", ").append(r.nodes()).append(" nodes</title>\n<style>")
        .append("body{font:14px sans-serif;margin:2em;max-width:1000px}table{border-collapse:collapse}")
        .append("td,th{border:1px solid #ccc;padding:2px 8px;text-align:right}th{text-align:left}")
        .append("svg{border:1px solid #ddd;margin:8px 0}text{font:11px sans-serif}</style></head><body>\n");
    b.append("<h1>mtc sim: strategy ").append(SimResult.strategyName(c)).append("</h1>\n");
    b.append("<p>").append(r.nodes()).append(" nodes in a ").append(fmt(r.topology().side())).append(" m square, range ")
        .append(fmt(r.topology().range())).append(" m, mean degree ").append(fmt(r.meanDegree())).append(", loss ")
        .append(fmt(c.loss())).append(", seed ").append(c.seed()).append(", ").append(r.messagesOriginated())
        .append(" messages.</p>\n<table>\n");
    row(b, "delivery ratio ((message, node) pairs)", fmt(r.deliveryRatio()));
    row(b, "DATA transmissions per message", fmt(r.transmissionsPerMessage()));
    row(b, "ratio to naive flooding (n per message)", fmt(r.ratioToFlood()));
    row(b, "greedy CDS bound / ratio to it", r.cdsBound() + " / " + fmt(r.ratioToCds()));
    row(b, "control transmissions (announces, ...)", Long.toString(r.controlTransmissions()));
    row(b, "latency p50 / p99 / max, ms", fmt(r.latencyP50Ms()) + " / " + fmt(r.latencyP99Ms()) + " / "
        + fmt(r.latencyMaxMs()));
    row(b, "collisions (corrupted receptions)", Long.toString(r.collisions()));
    row(b, "events / events per second", r.events() + " / " + Math.round(r.eventsPerSecond()));
    row(b, "trace hash", String.format("%016x", r.traceHash()));
    b.append("</table>\n");

    List<SimResult.HopBin> hops = r.hops();
    int hn = hops.size();
    double[] hx = new double[hn];
    double[] delivery = new double[hn];
    double[] tx = new double[hn];
    double[] nodesAt = new double[hn];
    int k = Math.max(1, r.messagesOriginated());
    for (int i = 0; i < hn; i++) {
      SimResult.HopBin bin = hops.get(i);
      hx[i] = bin.hop();
      delivery[i] = bin.pairs() == 0 ? Double.NaN : bin.deliveryRatio();
      tx[i] = (double) bin.transmissions() / k;
      nodesAt[i] = i == 0 ? 1 : (double) bin.pairs() / k;
    }
    b.append("<h2>Delivery against hop distance from the source</h2>\n");
    chart(b, hx, "hops", 0, 1, new double[][] {delivery}, new String[] {"delivery ratio"});
    b.append("<h2>Transmissions against hop distance</h2>\n<p>Per message: DATA transmissions by nodes at each ")
        .append("distance, and the nodes at that distance (what naive flooding would send).</p>\n");
    chart(b, hx, "hops", 0, max(nodesAt, tx), new double[][] {tx, nodesAt},
        new String[] {"transmissions per message", "nodes at that distance"});
    double[] mean = r.coverageMean();
    double[] tx2 = new double[mean.length];
    for (int i = 0; i < mean.length; i++) {
      tx2[i] = (i + 1) * r.coverageBinMs();
    }
    b.append("<h2>Coverage over time</h2>\n<p>Fraction of the other nodes that delivered a message within t of ")
        .append("its origination: mean and 1st percentile over messages.</p>\n");
    chart(b, tx2, "ms after origination", 0, 1, new double[][] {mean, r.coverageP1()},
        new String[] {"mean", "1st percentile"});
    b.append("<h2>Topology</h2>\n<p>Red: nodes that transmitted the first message.")
        .append(r.nodes() > MAX_DRAWN_NODES ? " A sample of " + MAX_DRAWN_NODES + " nodes." : "")
        .append("</p>\n");
    topology(b, r.topology(), r.firstTransmitters());
    b.append("<h2>Parameters (JSON)</h2>\n<pre style=\"white-space:pre-wrap\">")
        .append(r.toJson().replace("&", "&amp;").replace("<", "&lt;")).append("</pre>\n</body></html>\n");
    return b.toString();
  }

  private static void row(StringBuilder b, String k, String v) {
    b.append("<tr><th>").append(k).append("</th><td>").append(v).append("</td></tr>\n");
  }

  private static double max(double[]... vs) {
    double m = 0;
    for (double[] v : vs) {
      for (double x : v) {
        if (!Double.isNaN(x)) {
          m = Math.max(m, x);
        }
      }
    }
    return m == 0 ? 1 : m * 1.05;
  }

  private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c"};

  /** A line chart with axes, ticks and a legend. */
  private static void chart(StringBuilder b, double[] xs, String xLabel, double yMin, double yMax, double[][] series,
      String[] names) {
    double xMin = xs.length == 0 ? 0 : xs[0];
    double xMax = xs.length == 0 ? 1 : Math.max(xs[xs.length - 1], xMin + 1);
    b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(W).append("\" height=\"").append(H)
        .append("\">\n");
    int x0 = PAD;
    int y0 = H - PAD;
    int x1 = W - 20;
    int y1 = 36;
    b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#000\"/>", x0, y0, x1, y0));
    b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#000\"/>\n", x0, y0, x0, y1));
    for (int t = 0; t <= 4; t++) {
      double yv = yMin + (yMax - yMin) * t / 4;
      double py = y0 - (y0 - y1) * t / 4.0;
      double xv = xMin + (xMax - xMin) * t / 4;
      double px = x0 + (x1 - x0) * t / 4.0;
      b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>", x0 - 4, py + 4, fmt(yv)));
      b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/>", x0 + 1, py, x1, py));
      b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n", px, y0 + 15, fmt(xv)));
    }
    b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>\n", (x0 + x1) / 2, H - 12, xLabel));
    for (int s = 0; s < series.length; s++) {
      StringBuilder path = new StringBuilder();
      double[] ys = series[s];
      boolean pen = false;
      for (int i = 0; i < xs.length; i++) {
        if (Double.isNaN(ys[i])) {
          pen = false;
          continue;
        }
        double px = x0 + (x1 - x0) * (xs[i] - xMin) / (xMax - xMin);
        double py = y0 - (y0 - y1) * (ys[i] - yMin) / (yMax - yMin);
        path.append(pen ? " L" : " M").append(String.format(Locale.ROOT, "%.1f %.1f", px, py));
        pen = true;
      }
      String col = COLOURS[s % COLOURS.length];
      b.append("<path fill=\"none\" stroke-width=\"2\" stroke=\"").append(col).append("\" d=\"").append(path)
          .append("\"/>\n");
      b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"4\" fill=\"%s\"/>"
          + "<text x=\"%d\" y=\"%d\">%s</text>\n", x0 + 220 * s, 10, col, x0 + 16 + 220 * s, 15, names[s]));
    }
    b.append("</svg>\n");
  }

  private static void topology(StringBuilder b, Topology t, boolean[] transmitters) {
    int size = 600;
    double scale = size / t.side();
    int n = t.size();
    int step = Math.max(1, (n + MAX_DRAWN_NODES - 1) / MAX_DRAWN_NODES);
    b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(size).append("\" height=\"").append(size)
        .append("\">\n");
    if (n <= MAX_NODES_WITH_LINKS) {
      b.append("<path stroke=\"#ccc\" stroke-width=\"0.5\" d=\"");
      for (int i = 0; i < n; i++) {
        for (int k = 0; k < t.degree(i); k++) {
          int j = t.neighbour(i, k);
          if (j > i) {
            b.append(String.format(Locale.ROOT, "M%.1f %.1fL%.1f %.1f", t.x(i) * scale, t.y(i) * scale,
                t.x(j) * scale, t.y(j) * scale));
          }
        }
      }
      b.append("\"/>\n");
    }
    double rad = n <= MAX_NODES_WITH_LINKS ? 2.5 : 1.5;
    for (int i = 0; i < n; i += step) {
      boolean hot = transmitters != null && transmitters[i];
      b.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\"/>", t.x(i) * scale,
          t.y(i) * scale, hot ? rad * 1.4 : rad, hot ? "#d62728" : "#1f77b4"));
      if ((i / step) % 8 == 7) {
        b.append('\n');
      }
    }
    b.append("</svg>\n");
  }

  private static String fmt(double v) {
    return SimResult.num(Math.abs(v) >= 100 ? Math.round(v * 10) / 10.0 : Math.round(v * 1000) / 1000.0);
  }
}
