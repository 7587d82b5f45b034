package org.elastichash.benchmarks;

import java.util.List;
import java.util.Locale;

/** Minimal hand-written SVG charts for the report: grouped bars and log-scale lines. */
final class Svg {

  private static final String[] COLORS = {
    "#d62728", "#1f77b4", "#2ca02c", "#9467bd", "#ff7f0e", "#7f7f7f", "#8c564b", "#17becf"
  };
  private static final int WIDTH = 760;
  private static final int HEIGHT = 380;
  private static final int LEFT = 70;
  private static final int RIGHT = 190;
  private static final int TOP = 40;
  private static final int BOTTOM = 50;

  private Svg() {}

  /** A named series of (x, y) points. */
  record Series(String name, double[] x, double[] y) {}

  private static String header(String title) {
    return String.format(
        Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\""
            + " font-size=\"12\">%n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n"
            + "<text x=\"%d\" y=\"22\" font-size=\"15\" font-weight=\"bold\">%s</text>%n",
        WIDTH,
        HEIGHT,
        LEFT,
        escape(title));
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static void legend(StringBuilder svg, List<String> names) {
    for (int i = 0; i < names.size(); i++) {
      int y = TOP + 10 + 18 * i;
      svg.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                  + "<text x=\"%d\" y=\"%d\">%s</text>%n",
              WIDTH - RIGHT + 15,
              y - 10,
              COLORS[i % COLORS.length],
              WIDTH - RIGHT + 32,
              y,
              escape(names.get(i))));
    }
  }

  /**
   * Grouped bars: one group per category, one bar per series, on a log y axis (ratios between
   * libraries read as distances).
   */
  static String bars(
      String title,
      String yLabel,
      List<String> categories,
      List<String> series,
      double[][] values) {
    StringBuilder svg = new StringBuilder(header(title));
    double max = 0;
    double min = Double.MAX_VALUE;
    for (double[] row : values) {
      for (double v : row) {
        if (v > 0) {
          max = Math.max(max, v);
          min = Math.min(min, v);
        }
      }
    }
    double logMin = Math.floor(Math.log10(min));
    double logMax = Math.ceil(Math.log10(max));
    if (logMax == logMin) {
      logMax++;
    }
    int plotWidth = WIDTH - LEFT - RIGHT;
    int plotHeight = HEIGHT - TOP - BOTTOM;
    axisLogY(svg, logMin, logMax, yLabel);
    double groupWidth = (double) plotWidth / categories.size();
    double barWidth = groupWidth * 0.8 / series.size();
    for (int c = 0; c < categories.size(); c++) {
      double x0 = LEFT + c * groupWidth + groupWidth * 0.1;
      for (int s = 0; s < series.size(); s++) {
        double v = values[c][s];
        if (v <= 0) {
          continue;
        }
        double y = TOP + plotHeight * (1 - (Math.log10(v) - logMin) / (logMax - logMin));
        svg.append(
            String.format(
                Locale.ROOT,
                "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>%n",
                x0 + s * barWidth,
                y,
                barWidth * 0.9,
                TOP + plotHeight - y,
                COLORS[s % COLORS.length]));
      }
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
              LEFT + (c + 0.5) * groupWidth,
              HEIGHT - BOTTOM + 18,
              escape(categories.get(c))));
    }
    legend(svg, series);
    return svg.append("</svg>\n").toString();
  }

  /** Lines on a log-scale x axis; the y axis is log scale when {@code logY}. */
  static String lines(
      String title, String xLabel, String yLabel, List<Series> series, boolean logY) {
    StringBuilder svg = new StringBuilder(header(title));
    double xMin = Double.MAX_VALUE;
    double xMax = 0;
    double yMin = Double.MAX_VALUE;
    double yMax = 0;
    for (Series s : series) {
      for (int i = 0; i < s.x().length; i++) {
        xMin = Math.min(xMin, s.x()[i]);
        xMax = Math.max(xMax, s.x()[i]);
        yMin = Math.min(yMin, s.y()[i]);
        yMax = Math.max(yMax, s.y()[i]);
      }
    }
    double lxMin = Math.log10(xMin);
    double lxMax = Math.log10(xMax);
    double yLow = logY ? Math.floor(Math.log10(yMin)) : 0;
    double yHigh = logY ? Math.ceil(Math.log10(yMax)) : yMax * 1.1;
    if (yHigh <= yLow) {
      yHigh = yLow + 1;
    }
    int plotWidth = WIDTH - LEFT - RIGHT;
    int plotHeight = HEIGHT - TOP - BOTTOM;
    if (logY) {
      axisLogY(svg, yLow, yHigh, yLabel);
    } else {
      axisLinearY(svg, yHigh, yLabel);
    }
    for (int d = (int) Math.floor(lxMin); d <= Math.ceil(lxMax); d++) {
      if (d < lxMin - 1e-9 || d > lxMax + 1e-9) {
        continue;
      }
      double x = LEFT + plotWidth * (d - lxMin) / Math.max(1e-9, lxMax - lxMin);
      svg.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>"
                  + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">1e%d</text>%n",
              x,
              TOP,
              x,
              TOP + plotHeight,
              x,
              HEIGHT - BOTTOM + 18,
              d));
    }
    svg.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
            LEFT + plotWidth / 2,
            HEIGHT - 10,
            escape(xLabel)));
    for (int k = 0; k < series.size(); k++) {
      Series s = series.get(k);
      StringBuilder points = new StringBuilder();
      for (int i = 0; i < s.x().length; i++) {
        double x =
            LEFT + plotWidth * (Math.log10(s.x()[i]) - lxMin) / Math.max(1e-9, lxMax - lxMin);
        double yValue = logY ? Math.log10(s.y()[i]) : s.y()[i];
        double y = TOP + plotHeight * (1 - (yValue - yLow) / (yHigh - yLow));
        points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
      }
      svg.append(
          String.format(
              "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>%n",
              COLORS[k % COLORS.length], points.toString().trim()));
    }
    legend(svg, series.stream().map(Series::name).toList());
    return svg.append("</svg>\n").toString();
  }

  private static void axisLogY(StringBuilder svg, double low, double high, String label) {
    int plotHeight = HEIGHT - TOP - BOTTOM;
    for (int d = (int) low; d <= high; d++) {
      for (int m : new int[] {1, 2, 5}) {
        double v = Math.log10(m) + d;
        if (v > high + 1e-9) {
          continue;
        }
        gridLine(svg, TOP + plotHeight * (1 - (v - low) / (high - low)), m * Math.pow(10, d));
      }
    }
    yLabel(svg, label);
  }

  private static void axisLinearY(StringBuilder svg, double high, String label) {
    int plotHeight = HEIGHT - TOP - BOTTOM;
    for (int i = 0; i <= 5; i++) {
      double v = high * i / 5;
      gridLine(svg, TOP + plotHeight * (1 - (double) i / 5), v);
    }
    yLabel(svg, label);
  }

  /** A horizontal grid line at {@code y} labelled with the axis value {@code value}. */
  private static void gridLine(StringBuilder svg, double y, double value) {
    svg.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
            LEFT,
            y,
            WIDTH - RIGHT,
            y,
            LEFT - 6,
            y + 4,
            format(value)));
  }

  private static void yLabel(StringBuilder svg, String label) {
    svg.append(
        String.format(
            Locale.ROOT,
            "<text transform=\"translate(16,%d) rotate(-90)\" text-anchor=\"middle\">%s</text>%n",
            TOP + (HEIGHT - TOP - BOTTOM) / 2,
            escape(label)));
  }

  private static String format(double v) {
    if (v >= 1000) {
      return String.format(Locale.ROOT, "%.0f", v);
    }
    return v == Math.rint(v)
        ? String.format(Locale.ROOT, "%.0f", v)
        : String.format(Locale.ROOT, "%.1f", v);
  }
}
