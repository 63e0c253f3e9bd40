package org.clusterdynamics.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemSource;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.VerticalAlignment;
import org.jfree.data.xy.DefaultXYDataset;

/** Shared look of every chart kind: fonts, axes, strokes, legends. */
final class Charts {
    private Charts() {}

    static {
        // JFreeChart draws rotated text (the value-axis label) as glyph outlines to dodge a JDK 1.3
        // bug; outlines are not text in SVG or PDF, so labels could not be searched or selected.
        // This library-wide switch always gets the same value, so setting it from anywhere is safe.
        TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    static final Color GRID = new Color(0xDDDDDD);
    static final Color TEXT = new Color(0x222222);

    /** Dash patterns (in line widths) that tell series apart when colours repeat or print grey. */
    private static final float[][] DASHES = {null, {4, 2.5f}, {1, 2}, {6, 2, 1, 2}};

    static JFreeChart chart(String title, Plot plot, ChartStyle style, boolean legend) {
        JFreeChart chart = new JFreeChart(label(title), style.titleFont(), plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setBorderVisible(false);
        // room on the right for the last time tick label, which overhangs the plot
        chart.setPadding(new RectangleInsets(6, 6, 6, style.fontSize() * 1.6));
        // no element ids or hints: they would make SVG output differ between runs
        chart.setElementHinting(false);
        chart.setID(null);
        chart.getRenderingHints().put(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        chart.getRenderingHints().put(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        TextTitle t = chart.getTitle();
        if (t != null) {
            t.setPaint(TEXT);
            t.setPadding(new RectangleInsets(0, 0, style.fontSize() * 0.6, 0));
        }
        if (legend) {
            LegendTitle l = legend(plot, style);
            chart.addLegend(l);
        }
        return chart;
    }

    /**
     * Gives a flat line (a constant) a readable value axis: JFreeChart would zoom into a range of
     * 1e-8 around it and print the same rounded tick ten times.
     */
    static void widenFlatRange(XYPlot plot) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int d = 0; d < plot.getDatasetCount(); d++) {
            if (plot.getDataset(d) == null) {
                continue;
            }
            org.jfree.data.Range r = org.jfree.data.general.DatasetUtils.findRangeBounds(plot.getDataset(d), true);
            if (r != null && !Double.isNaN(r.getLowerBound())) {
                lo = Math.min(lo, r.getLowerBound());
                hi = Math.max(hi, r.getUpperBound());
            }
        }
        if (lo > hi || hi - lo > 1e-9 * Math.max(1, Math.abs(hi))) {
            return;
        }
        double half = lo == 0 ? 1 : Math.abs(lo) * 0.1;
        plot.getRangeAxis().setRange(lo - half, hi + half);
    }

    /** A small grey line under the title. */
    static TextTitle subtitle(String text, ChartStyle style) {
        return new TextTitle(label(text), style.font(Font.PLAIN, style.fontSize() * 0.9f), Color.DARK_GRAY,
                RectangleEdge.TOP, HorizontalAlignment.CENTER, VerticalAlignment.TOP,
                new RectangleInsets(0, 0, style.fontSize() * 0.6, 0));
    }

    static LegendTitle legend(LegendItemSource source, ChartStyle style) {
        LegendTitle l = new LegendTitle(source);
        l.setItemFont(style.legendFont());
        l.setItemPaint(TEXT);
        l.setFrame(BlockBorder.NONE);
        l.setBackgroundPaint(Color.WHITE);
        l.setPosition(RectangleEdge.BOTTOM);
        l.setItemLabelPadding(new RectangleInsets(2, 4, 2, 12));
        l.setMargin(new RectangleInsets(style.fontSize() * 0.5, 0, 0, 0));
        return l;
    }

    static NumberAxis timeAxis(String label, ChartStyle style) {
        NumberAxis a = axis(label, style, false);
        a.setAutoRangeIncludesZero(false);
        a.setLowerMargin(0);
        a.setUpperMargin(0);
        return a;
    }

    static NumberAxis valueAxis(String label, ChartStyle style) {
        NumberAxis a = axis(label, style, true);
        a.setAutoRangeIncludesZero(false);
        a.setAutoRangeStickyZero(true);
        a.setLowerMargin(0.04);
        a.setUpperMargin(0.04);
        return a;
    }

    private static NumberAxis axis(String label, ChartStyle style, boolean grouping) {
        NumberAxis a = new NumberAxis(label == null || label.isEmpty() ? null : label(label));
        a.setStandardTickUnits(new TickUnits(grouping));
        a.setLabelFont(style.labelFont());
        a.setLabelPaint(TEXT);
        a.setTickLabelFont(style.tickFont());
        a.setTickLabelPaint(TEXT);
        a.setAxisLinePaint(Color.GRAY);
        a.setTickMarkPaint(Color.GRAY);
        return a;
    }

    static void style(ValueAxis a, ChartStyle style) {
        a.setLabelFont(style.labelFont());
        a.setTickLabelFont(style.tickFont());
    }

    /** The look of horizontal bar charts (tornado, indices, attribution): white, value grid only, a zero line. */
    static void horizontalBars(CategoryPlot plot) {
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinePaint(GRID);
        plot.setRangeGridlineStroke(new BasicStroke(0.5f));
        plot.setRangeZeroBaselineVisible(true);
        plot.setRangeZeroBaselinePaint(Color.DARK_GRAY);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
    }

    static XYPlot xyPlot(NumberAxis x, NumberAxis y) {
        XYPlot p = new XYPlot(null, x, y, null);
        p.setBackgroundPaint(Color.WHITE);
        p.setOutlineVisible(false);
        p.setDomainGridlinePaint(GRID);
        p.setRangeGridlinePaint(GRID);
        p.setDomainGridlineStroke(new BasicStroke(0.5f));
        p.setRangeGridlineStroke(new BasicStroke(0.5f));
        p.setAxisOffset(RectangleInsets.ZERO_INSETS);
        // first scenario (the reference) underneath, so the alternatives stay visible where lines coincide
        p.setSeriesRenderingOrder(org.jfree.chart.plot.SeriesRenderingOrder.FORWARD);
        return p;
    }

    static Stroke stroke(ChartStyle style, int dash) {
        float w = style.lineWidth();
        float[] pattern = DASHES[dash % DASHES.length];
        if (pattern == null) {
            return new BasicStroke(w, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
        }
        float[] scaled = new float[pattern.length];
        for (int i = 0; i < pattern.length; i++) {
            scaled[i] = pattern[i] * w * 1.5f;
        }
        return new BasicStroke(w, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, scaled, 0f);
    }

    /** A line renderer that draws each series as one path (one SVG element per series). */
    static XYLineAndShapeRenderer lines(ChartStyle style) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setDrawSeriesLineAsPath(true);
        r.setAutoPopulateSeriesPaint(false);
        r.setAutoPopulateSeriesStroke(false);
        r.setLegendLine(new Line2D.Double(-style.fontSize(), 0, style.fontSize(), 0));
        return r;
    }

    /**
     * Adds one series; x and y must be equally long. Infinite values become gaps like NaN: kept,
     * they would stretch the axis to infinity and flatten every line.
     */
    static void addSeries(DefaultXYDataset d, String key, double[] x, double[] y) {
        String shown = label(key);
        // names that differ only past the shortened part stay apart
        for (int n = 2; !shown.equals(key) && d.indexOf(shown) >= 0; n++) {
            shown = label(key) + " (" + n + ")";
        }
        d.addSeries(shown, new double[][] {x, hasInfinite(y) ? finite(y) : y});
    }

    /** Longest text drawn in a chart; JFreeChart's line breaking takes time quadratic in a text's length. */
    static final int MAX_LABEL = 160;

    /** The text as drawn: a name of thousands of characters is shortened in the middle. */
    static String label(String text) {
        return label(text, MAX_LABEL);
    }

    static String label(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int tail = max / 4;
        return text.substring(0, max - tail - 1) + "\u2026" + text.substring(text.length() - tail);
    }

    static boolean hasInfinite(double[] v) {
        for (double d : v) {
            if (Double.isInfinite(d)) {
                return true;
            }
        }
        return false;
    }

    private static double[] finite(double[] v) {
        double[] out = v.clone();
        for (int i = 0; i < out.length; i++) {
            if (Double.isInfinite(out[i])) {
                out[i] = Double.NaN;
            }
        }
        return out;
    }

    /** "Population (people)", or just the name when there are no units. */
    static String withUnits(String name, String units) {
        return units == null || units.isBlank() ? name : name + " (" + units + ")";
    }

    /** The units label, or the units the results record for the variable in any scenario. */
    static String unitsOf(List<ScenarioResults> runs, String variable, String override) {
        if (override != null) {
            return override;
        }
        for (ScenarioResults r : runs) {
            String u = r.results().units(variable);
            if (u != null && !u.isBlank()) {
                return u.strip();
            }
        }
        return "";
    }

    /** Distinct non-empty units of several variables joined for one axis label. */
    static String unitsLabel(List<ScenarioResults> runs, List<String> variables, String override) {
        if (override != null) {
            return override;
        }
        Set<String> us = new LinkedHashSet<>();
        for (String v : variables) {
            String u = unitsOf(runs, v, null);
            if (!u.isEmpty()) {
                us.add(u);
            }
        }
        return String.join("; ", us);
    }

    /**
     * Variables with an arrayed one ("Sales") replaced by its elements ("Sales[Daska]", ...) as the
     * first scenario saved them; names that are neither stay, to fail later with the known names.
     */
    static List<String> expandArrays(List<ScenarioResults> runs, List<String> variables) {
        List<String> out = new java.util.ArrayList<>();
        org.clusterdynamics.sim.Results first = runs.get(0).results();
        for (String v : variables) {
            if (first.has(v)) {
                out.add(v);
                continue;
            }
            String prefix = org.clusterdynamics.sim.Results.key(v) + "[";
            List<String> elements = new java.util.ArrayList<>();
            for (String n : first.names()) {
                if (org.clusterdynamics.sim.Results.key(n).startsWith(prefix)) {
                    elements.add(n);
                }
            }
            out.addAll(elements.isEmpty() ? List.of(v) : elements);
        }
        return out;
    }

    static void requireDistinctNames(List<ScenarioResults> runs) {
        if (runs == null || runs.isEmpty()) {
            throw new IllegalArgumentException("chart: no scenario results given; pass at least one");
        }
        Set<String> seen = new HashSet<>();
        for (ScenarioResults r : runs) {
            if (!seen.add(r.name())) {
                throw new IllegalArgumentException("chart: two scenarios are named '" + r.name()
                        + "'; give each scenario a distinct name");
            }
        }
    }

    static Font bold(ChartStyle style, float size) {
        return style.font(Font.BOLD, size);
    }
}
