package org.elastichash.benchmarks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Minimal hand-written SVG charts for the report: grouped bars, lines, and memory/speed scatter
 * panels with labelled points. Tick labels are thinned until they keep their distance, margins grow
 * to fit the widest tick label, and point labels are placed where they collide with no other label
 * or marker.
 */
final class Svg {

  static final String[] COLORS = {
    "#d62728", "#1f77b4", "#2ca02c", "#9467bd", "#ff7f0e", "#7f7f7f", "#8c564b", "#17becf",
    "#e377c2", "#bcbd22", "#393b79", "#637939", "#843c39", "#7b4173"
  };

  /** Colours of the frontier's roles: ours, our prototypes, peers. */
  static final String ELASTIC_COLOR = "#d62728";

  static final String VARIANT_COLOR = "#9467bd";
  static final String PEER_COLOR = "#1f77b4";

  private static final int FONT = 12;
  private static final int SMALL_FONT = 11;
  private static final int TOP = 40;
  private static final int BOTTOM = 50;
  private static final int LEGEND_WIDTH = 200;
  private static final int PLOT_HEIGHT = 290;
  private static final int Y_TICK_GAP = 24;

  private Svg() {}

  /** A named series of (x, y) points. */
  record Series(String name, double[] x, double[] y) {}

  /** How a scatter point is drawn. */
  enum Shape {
    CIRCLE,
    DIAMOND,
    SQUARE
  }

  /** A labelled point of a scatter panel; a hollow marker is drawn as an outline only. */
  record Marker(String label, double x, double y, Shape shape, String color, boolean hollow) {}

  /** One panel of a scatter chart: its points and the staircase drawn through {@code front}. */
  record Panel(String title, List<Marker> markers, List<double[]> front) {}

  /** A legend row: a marker or a dashed line, and its text. */
  record LegendEntry(String text, Shape shape, String color, boolean hollow, boolean line) {}

  /** An axis: maps values in [low, high] to pixels in [from, to], linearly or logarithmically. */
  static final class Axis {
    final double low;
    final double high;
    final boolean log;
    final double from;
    final double to;

    Axis(double low, double high, boolean log, double from, double to) {
      this.low = low;
      this.high = high;
      this.log = log;
      this.from = from;
      this.to = to;
    }

    double pixel(double value) {
      double t =
          log
              ? (Math.log10(value) - Math.log10(low)) / (Math.log10(high) - Math.log10(low))
              : (value - low) / (high - low);
      return from + (to - from) * t;
    }

    /**
     * Round tick values inside the axis, as many as fit with {@code minGap} pixels between
     * neighbours: 1-2-5 steps on a linear axis, mantissas 1, 2, 5 (or fewer, or more on a short
     * axis) per decade on a log axis.
     */
    List<Double> ticks(double minGap) {
      if (!log) {
        for (double step : niceSteps(high - low)) {
          if (Math.abs(pixel(low + step) - pixel(low)) >= minGap) {
            List<Double> ticks = new ArrayList<>();
            for (double v = Math.ceil(low / step - 1e-9) * step; v <= high + 1e-9; v += step) {
              ticks.add(Math.abs(v) < step * 1e-9 ? 0 : v);
            }
            return ticks;
          }
        }
        return List.of(low, high);
      }
      double[][] mantissaSets = {
        {1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 7, 8},
        {1, 1.5, 2, 3, 4, 5, 7},
        {1, 2, 3, 5},
        {1, 2, 5},
        {1}
      };
      for (double[] mantissas : mantissaSets) {
        List<Double> ticks = logTicks(mantissas, 1);
        if (ticks.size() >= 2 && spacedApart(ticks, minGap)) {
          return ticks;
        }
      }
      for (int everyDecades = 2; ; everyDecades++) {
        List<Double> ticks = logTicks(new double[] {1}, everyDecades);
        if (ticks.size() <= 2 || spacedApart(ticks, minGap)) {
          return ticks;
        }
      }
    }

    private List<Double> logTicks(double[] mantissas, int everyDecades) {
      List<Double> ticks = new ArrayList<>();
      for (int d = (int) Math.floor(Math.log10(low)); d <= Math.ceil(Math.log10(high)); d++) {
        if (Math.floorMod(d, everyDecades) != 0) {
          continue;
        }
        for (double m : mantissas) {
          double v = m * Math.pow(10, d);
          if (v >= low * (1 - 1e-9) && v <= high * (1 + 1e-9)) {
            ticks.add(v);
          }
        }
      }
      return ticks;
    }

    private boolean spacedApart(List<Double> ticks, double minGap) {
      for (int i = 1; i < ticks.size(); i++) {
        if (Math.abs(pixel(ticks.get(i)) - pixel(ticks.get(i - 1))) < minGap) {
          return false;
        }
      }
      return true;
    }

    private static List<Double> niceSteps(double range) {
      List<Double> steps = new ArrayList<>();
      double base = Math.pow(10, Math.floor(Math.log10(range)) - 3);
      for (int k = 0; k < 8; k++) {
        for (double m : new double[] {1, 2, 5}) {
          steps.add(m * base * Math.pow(10, k));
        }
      }
      return steps;
    }
  }

  /** Width of {@code text} in pixels at {@code fontSize}, a little generous for sans-serif. */
  static double textWidth(String text, int fontSize) {
    return text.length() * fontSize * 0.62;
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static String open(int width, int height, String title) {
    return String.format(
        Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
            + " font-family=\"sans-serif\" font-size=\"%d\">%n"
            + "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n"
            + "<text x=\"10\" y=\"22\" font-size=\"15\" font-weight=\"bold\">%s</text>%n",
        width,
        height,
        FONT,
        escape(title));
  }

  /** Tick label text: k and M for large round values. */
  static String format(double v) {
    if (v >= 1e6 && v % 1e5 == 0) {
      return trim(v / 1e6) + "M";
    }
    if (v >= 1e4 && v % 100 == 0) {
      return trim(v / 1e3) + "k";
    }
    if (v >= 100 || v == Math.rint(v)) {
      return String.format(Locale.ROOT, "%.0f", v);
    }
    return trim(v);
  }

  private static String trim(double v) {
    String s = String.format(Locale.ROOT, "%.2f", v);
    return s.replaceAll("0+$", "").replaceAll("\\.$", "");
  }

  /** Pixels the y tick labels of {@code axis} need left of the plot, plus room for its title. */
  private static int leftMargin(Axis axis) {
    double widest = 0;
    for (double v : axis.ticks(Y_TICK_GAP)) {
      widest = Math.max(widest, textWidth(format(v), FONT));
    }
    return (int) Math.ceil(widest) + 36;
  }

  /** Horizontal grid lines and tick labels of a y axis, and its title rotated on the left. */
  private static void yAxis(StringBuilder svg, Axis axis, int left, int right, String title) {
    for (double v : axis.ticks(Y_TICK_GAP)) {
      double y = axis.pixel(v);
      svg.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                  + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
              left,
              y,
              right,
              y,
              left - 6,
              y + 4,
              format(v)));
    }
    svg.append(
        String.format(
            Locale.ROOT,
            "<text transform=\"translate(16,%.1f) rotate(-90)\" text-anchor=\"middle\">%s</text>%n",
            (axis.from + axis.to) / 2,
            escape(title)));
  }

  /** Vertical grid lines and tick labels of an x axis, labels kept apart, and its title. */
  private static void xAxis(StringBuilder svg, Axis axis, double top, double bottom, String title) {
    double widest = 0;
    for (double v : axis.ticks(1)) {
      widest = Math.max(widest, textWidth(format(v), FONT));
    }
    for (double v : axis.ticks(widest + 10)) {
      double x = axis.pixel(v);
      svg.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                  + "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>%n",
              x,
              top,
              x,
              bottom,
              x,
              bottom + 17,
              format(v)));
    }
    svg.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>%n",
            (axis.from + axis.to) / 2,
            bottom + 36,
            escape(title)));
  }

  private static void legend(StringBuilder svg, int x, int y, List<LegendEntry> entries) {
    for (int i = 0; i < entries.size(); i++) {
      LegendEntry e = entries.get(i);
      int rowY = y + 18 * i;
      if (e.line()) {
        svg.append(
            String.format(
                Locale.ROOT,
                "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\""
                    + " stroke-dasharray=\"%s\"/>%n",
                x,
                rowY - 4,
                x + 14,
                rowY - 4,
                e.color(),
                e.shape() == null ? "5,3" : "none"));
      } else if (e.shape() == null) {
        svg.append(
            String.format(
                Locale.ROOT,
                "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>%n",
                x,
                rowY - 10,
                e.color()));
      } else {
        marker(svg, e.shape(), x + 6, rowY - 4, e.color(), e.hollow());
      }
      svg.append(
          String.format(
              Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n", x + 20, rowY, escape(e.text())));
    }
  }

  private static List<LegendEntry> colorLegend(List<String> names) {
    List<LegendEntry> entries = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      entries.add(new LegendEntry(names.get(i), null, COLORS[i % COLORS.length], false, false));
    }
    return entries;
  }

  /**
   * Grouped bars on a log y axis (ratios between libraries read as distances): one group per
   * category, one bar per series. A category label may hold a line break ({@code \n}); the chart
   * widens so that every label fits under its group.
   */
  static String bars(
      String title,
      String yLabel,
      List<String> categories,
      List<String> series,
      double[][] values) {
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
    double low = Math.pow(10, Math.floor(Math.log10(min)));
    double high = Math.pow(10, Math.ceil(Math.log10(max)));
    if (high <= low) {
      high = low * 10;
    }
    Axis probe = new Axis(low, high, true, TOP + PLOT_HEIGHT, TOP);
    int left = leftMargin(probe);
    double widestLabel = 0;
    for (String c : categories) {
      for (String line : c.split("\n")) {
        widestLabel = Math.max(widestLabel, textWidth(line, FONT));
      }
    }
    double groupWidth = Math.max(widestLabel + 12, series.size() * 8 + 12);
    int plotWidth = (int) Math.max(480, Math.ceil(groupWidth * categories.size()));
    groupWidth = (double) plotWidth / categories.size();
    int legendHeight = 18 * series.size() + 20;
    int height = Math.max(TOP + PLOT_HEIGHT + BOTTOM + 10, TOP + legendHeight);
    int width = left + plotWidth + LEGEND_WIDTH;
    StringBuilder svg = new StringBuilder(open(width, height, title));
    Axis y = new Axis(low, high, true, TOP + PLOT_HEIGHT, TOP);
    yAxis(svg, y, left, left + plotWidth, yLabel);
    double barWidth = groupWidth * 0.8 / series.size();
    for (int c = 0; c < categories.size(); c++) {
      double x0 = left + c * groupWidth + groupWidth * 0.1;
      for (int s = 0; s < series.size(); s++) {
        double v = values[c][s];
        if (v <= 0) {
          continue;
        }
        double top = y.pixel(v);
        svg.append(
            String.format(
                Locale.ROOT,
                "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>%n",
                x0 + s * barWidth,
                top,
                barWidth * 0.9,
                TOP + PLOT_HEIGHT - top,
                COLORS[s % COLORS.length]));
      }
      String[] lines = categories.get(c).split("\n");
      for (int l = 0; l < lines.length; l++) {
        svg.append(
            String.format(
                Locale.ROOT,
                "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                left + (c + 0.5) * groupWidth,
                TOP + PLOT_HEIGHT + 17 + 15 * l,
                escape(lines[l])));
      }
    }
    legend(svg, left + plotWidth + 15, TOP + 10, colorLegend(series));
    return svg.append("</svg>\n").toString();
  }

  /** Lines on a log-scale x axis; the y axis is log scale when {@code logY}, else from 0. */
  static String lines(
      String title, String xLabel, String yLabel, List<Series> series, boolean logY) {
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
    double low = logY ? Math.pow(10, Math.floor(Math.log10(yMin))) : 0;
    double high = logY ? Math.pow(10, Math.ceil(Math.log10(yMax))) : yMax * 1.1;
    if (high <= low) {
      high = logY ? low * 10 : low + 1;
    }
    Axis y = new Axis(low, high, logY, TOP + PLOT_HEIGHT, TOP);
    int left = leftMargin(y);
    int plotWidth = 500;
    int legendHeight = 18 * series.size() + 20;
    int height = Math.max(TOP + PLOT_HEIGHT + BOTTOM + 10, TOP + legendHeight);
    StringBuilder svg = new StringBuilder(open(left + plotWidth + LEGEND_WIDTH, height, title));
    yAxis(svg, y, left, left + plotWidth, yLabel);
    Axis x = new Axis(xMin, xMax, true, left, left + plotWidth);
    xAxis(svg, x, TOP, TOP + PLOT_HEIGHT, xLabel);
    for (int k = 0; k < series.size(); k++) {
      Series s = series.get(k);
      StringBuilder points = new StringBuilder();
      for (int i = 0; i < s.x().length; i++) {
        points.append(
            String.format(Locale.ROOT, "%.1f,%.1f ", x.pixel(s.x()[i]), y.pixel(s.y()[i])));
      }
      svg.append(
          String.format(
              Locale.ROOT,
              "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s points=\"%s\"/>%n",
              COLORS[k % COLORS.length],
              k >= COLORS.length ? " stroke-dasharray=\"6,3\"" : "",
              points.toString().trim()));
    }
    legend(
        svg,
        left + plotWidth + 15,
        TOP + 10,
        colorLegend(series.stream().map(Series::name).toList()));
    return svg.append("</svg>\n").toString();
  }

  private static void marker(
      StringBuilder svg, Shape shape, double x, double y, String color, boolean hollow) {
    String paint =
        hollow
            ? String.format("fill=\"white\" stroke=\"%s\" stroke-width=\"1.5\"", color)
            : String.format("fill=\"%s\" stroke=\"white\" stroke-width=\"0.5\"", color);
    switch (shape) {
      case CIRCLE ->
          svg.append(
              String.format(
                  Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"5\" %s/>%n", x, y, paint));
      case SQUARE ->
          svg.append(
              String.format(
                  Locale.ROOT,
                  "<rect x=\"%.1f\" y=\"%.1f\" width=\"9\" height=\"9\" %s/>%n",
                  x - 4.5,
                  y - 4.5,
                  paint));
      case DIAMOND ->
          svg.append(
              String.format(
                  Locale.ROOT,
                  "<polygon points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f %.1f,%.1f\" %s/>%n",
                  x,
                  y - 6,
                  x + 6,
                  y,
                  x,
                  y + 6,
                  x - 6,
                  y,
                  paint));
    }
  }

  /** An axis-aligned rectangle, for collision tests of labels and markers. */
  record Box(double x0, double y0, double x1, double y1) {
    boolean overlaps(Box o) {
      return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1;
    }

    double distance(double x, double y) {
      return Math.hypot(
          Math.max(0, Math.max(x0 - x, x - x1)), Math.max(0, Math.max(y0 - y, y - y1)));
    }

    boolean inside(Box o) {
      return x0 >= o.x0 && x1 <= o.x1 && y0 >= o.y0 && y1 <= o.y1;
    }
  }

  /**
   * Memory/speed scatter panels stacked vertically, sharing one linear x axis; each panel's y axis
   * is logarithmic when its values span more than a factor of three. Every point is labelled, at
   * the first place around it (nearest first) where the label overlaps no other label or marker; a
   * label set apart from its point gets a leader line.
   */
  static String frontier(
      String title, String xLabel, String yLabel, List<Panel> panels, List<LegendEntry> legend) {
    double xMin = Double.MAX_VALUE;
    double xMax = 0;
    for (Panel p : panels) {
      for (Marker m : p.markers()) {
        xMin = Math.min(xMin, m.x());
        xMax = Math.max(xMax, m.x());
      }
    }
    double xPad = Math.max(0.5, (xMax - xMin) * 0.12);
    double xLow = Math.max(0, xMin - xPad);
    double xHigh = xMax + xPad;
    List<Axis> yAxes = new ArrayList<>();
    int left = 0;
    for (Panel p : panels) {
      double yMin = p.markers().stream().mapToDouble(Marker::y).min().orElse(1);
      double yMax = p.markers().stream().mapToDouble(Marker::y).max().orElse(10);
      boolean log = yMax / yMin > 3;
      Axis axis =
          log
              ? new Axis(yMin / 1.25, yMax * 1.25, true, PLOT_HEIGHT, 0)
              : new Axis(
                  Math.max(0, yMin - (yMax - yMin) * 0.15 - yMax * 0.02),
                  yMax + (yMax - yMin) * 0.15 + yMax * 0.02,
                  false,
                  PLOT_HEIGHT,
                  0);
      yAxes.add(axis);
      left = Math.max(left, leftMargin(axis));
    }
    int plotWidth = 560;
    int panelHeight = 30 + PLOT_HEIGHT + BOTTOM;
    int legendHeight = 18 * legend.size() + 20;
    int height = Math.max(TOP + panelHeight * panels.size(), TOP + legendHeight) + 10;
    StringBuilder svg =
        new StringBuilder(open(left + plotWidth + LEGEND_WIDTH + 20, height, title));
    Axis x = new Axis(xLow, xHigh, false, left, left + plotWidth);
    for (int p = 0; p < panels.size(); p++) {
      Panel panel = panels.get(p);
      int top = TOP + 25 + panelHeight * p;
      Axis base = yAxes.get(p);
      Axis y = new Axis(base.low, base.high, base.log, top + PLOT_HEIGHT, top);
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%d\" font-weight=\"bold\">%s</text>%n",
              left,
              top - 8,
              escape(panel.title())));
      yAxis(svg, y, left, left + plotWidth, yLabel + (y.log ? " (log)" : ""));
      xAxis(svg, x, top, top + PLOT_HEIGHT, xLabel);
      svg.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#999\"/>%n",
              left,
              top,
              plotWidth,
              PLOT_HEIGHT));
      Box plot = new Box(left, top, left + plotWidth, top + PLOT_HEIGHT);
      List<Box> lines = staircase(svg, panel.front(), x, y, plot);
      scatter(svg, panel.markers(), x, y, plot, lines);
    }
    legend(svg, left + plotWidth + 20, TOP + 35, legend);
    return svg.append("</svg>\n").toString();
  }

  /**
   * The boundary of the region {@code front} dominates: from the top of the plot down to the first
   * point, then right and down from point to point, then right to the edge. Returns the boxes of
   * its segments, for labels to keep clear of.
   */
  private static List<Box> staircase(
      StringBuilder svg, List<double[]> front, Axis x, Axis y, Box plot) {
    List<Box> segments = new ArrayList<>();
    if (front.isEmpty()) {
      return segments;
    }
    List<double[]> sorted = new ArrayList<>(front);
    sorted.sort(Comparator.comparingDouble(p -> p[0]));
    StringBuilder points = new StringBuilder();
    double px = x.pixel(sorted.get(0)[0]);
    double py = plot.y0();
    points.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py));
    for (int i = 0; i < sorted.size(); i++) {
      double nextY = y.pixel(sorted.get(i)[1]);
      segments.add(new Box(px - 1, Math.min(py, nextY), px + 1, Math.max(py, nextY)));
      py = nextY;
      points.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py));
      double nextX = i + 1 < sorted.size() ? x.pixel(sorted.get(i + 1)[0]) : plot.x1();
      segments.add(new Box(px, py - 1, nextX, py + 1));
      px = nextX;
      points.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py));
    }
    svg.append(
        String.format(
            Locale.ROOT,
            "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\" stroke-dasharray=\"5,3\""
                + " points=\"%s\"/>%n",
            ELASTIC_COLOR,
            points.toString().trim()));
    return segments;
  }

  private static void scatter(
      StringBuilder svg, List<Marker> markers, Axis x, Axis y, Box plot, List<Box> lines) {
    List<Box> taken = new ArrayList<>();
    double[][] at = new double[markers.size()][];
    for (int i = 0; i < markers.size(); i++) {
      Marker m = markers.get(i);
      at[i] = new double[] {x.pixel(m.x()), y.pixel(m.y())};
      taken.add(new Box(at[i][0] - 6, at[i][1] - 6, at[i][0] + 6, at[i][1] + 6));
    }
    for (int i = 0; i < markers.size(); i++) {
      Marker m = markers.get(i);
      marker(svg, m.shape(), at[i][0], at[i][1], m.color(), m.hollow());
    }
    // Crowded points first: they have the fewest free places.
    Integer[] order = new Integer[markers.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, Comparator.comparingInt(i -> -neighbours(at, i, 60)));
    for (int i : order) {
      Marker m = markers.get(i);
      double w = textWidth(m.label(), SMALL_FONT);
      double h = SMALL_FONT + 2;
      Box placed = null;
      double[] anchor = null;
      // Pass 0 keeps clear of markers, labels and the front line and stays nearest its own
      // marker; pass 1 drops the nearest rule, pass 2 may cross the front line.
      search:
      for (int pass = 0; pass < 3; pass++) {
        for (double d : new double[] {8, 16, 26, 38, 52, 68, 86, 110, 140}) {
          for (double[] dir : DIRECTIONS) {
            double cx = at[i][0] + dir[0] * d;
            double cy = at[i][1] + dir[1] * d;
            // The label box touches (cx, cy) on the side facing the point.
            double x0 = dir[0] > 0 ? cx : dir[0] < 0 ? cx - w : cx - w / 2;
            double y0 = dir[1] > 0 ? cy : dir[1] < 0 ? cy - h : cy - h / 2;
            Box box = new Box(x0, y0, x0 + w, y0 + h);
            if (!box.inside(plot)
                || taken.stream().anyMatch(box::overlaps)
                || (pass < 2 && lines.stream().anyMatch(box::overlaps))
                || (pass < 1 && closerToAnother(box, at, i))) {
              continue;
            }
            placed = box;
            anchor = new double[] {cx, cy, d};
            break search;
          }
        }
      }
      if (placed == null) {
        // Nowhere free: right of the point, overlapping (never seen with a dozen points).
        placed = new Box(at[i][0] + 8, at[i][1] - h / 2, at[i][0] + 8 + w, at[i][1] + h / 2);
        anchor = new double[] {at[i][0] + 8, at[i][1], 8};
      }
      taken.add(placed);
      if (anchor[2] >= 16) {
        svg.append(
            String.format(
                Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#aaa\"/>%n",
                at[i][0],
                at[i][1],
                anchor[0],
                anchor[1]));
      }
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" fill=\"%s\">%s</text>%n",
              placed.x0(),
              placed.y1() - 3,
              SMALL_FONT,
              m.hollow() ? "#777" : "#222",
              escape(m.label())));
    }
  }

  /** Right, left, then the diagonals, then above and below: unit steps in pixel space. */
  private static final double[][] DIRECTIONS = {
    {1, 0}, {-1, 0}, {0.71, -0.71}, {0.71, 0.71}, {-0.71, -0.71}, {-0.71, 0.71}, {0, -1}, {0, 1}
  };

  /** Whether a label box at {@code box} would sit nearer another marker than its own, point i. */
  private static boolean closerToAnother(Box box, double[][] at, int i) {
    double own = box.distance(at[i][0], at[i][1]);
    for (int k = 0; k < at.length; k++) {
      if (k != i && box.distance(at[k][0], at[k][1]) < own + 2) {
        return true;
      }
    }
    return false;
  }

  private static int neighbours(double[][] at, int i, double radius) {
    int n = 0;
    for (double[] p : at) {
      if (Math.hypot(p[0] - at[i][0], p[1] - at[i][1]) < radius) {
        n++;
      }
    }
    return n;
  }
}
