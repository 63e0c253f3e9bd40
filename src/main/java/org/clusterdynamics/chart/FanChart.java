package org.clusterdynamics.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.DefaultXYDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Monte Carlo fan chart: nested percentile bands (outermost palest) around the median line.
 * Percentiles pair from the outside in (5 with 95, 25 with 75); 50 is the median.
 */
public final class FanChart {
    private FanChart() {}

    public static Figure create(PercentileSeries p, String units, String timeUnits) {
        return create(p, null, units, timeUnits, ChartStyle.defaults());
    }

    /**
     * @param title chart title, or null for "NAME: Monte Carlo percentiles"
     * @param units units of the variable, or null/"" when unknown
     * @param timeUnits the model's time units, or null
     */
    public static Figure create(PercentileSeries p, String title, String units, String timeUnits, ChartStyle style) {
        List<Double> ps = new ArrayList<>(p.byPercentile().keySet());
        boolean hasMedian = ps.remove(50.0);
        if (ps.size() % 2 != 0) {
            throw new IllegalArgumentException("fan chart: percentiles " + percentList(p)
                    + " of '" + p.name() + "' do not pair around the median; give pairs such as 5 and 95");
        }
        ChartSpec spec = new ChartSpec(title, List.of(p.name()), units, timeUnits);
        XYPlot plot = Charts.xyPlot(Charts.timeAxis(spec.timeAxisLabel(), style),
                Charts.valueAxis(Charts.withUnits(p.name(), units), style));
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
        Color hue = style.colour(0);
        List<LegendItem> bandItems = new ArrayList<>();

        int bands = ps.size() / 2;
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        DeviationRenderer bandRenderer = new DeviationRenderer(false, false);
        bandRenderer.setAlpha(1f); // opaque tints print and convert reliably, unlike transparency
        for (int b = 0; b < bands; b++) {
            double lo = ps.get(b);
            double hi = ps.get(ps.size() - 1 - b);
            double[] low = p.byPercentile().get(lo);
            double[] high = p.byPercentile().get(hi);
            String label = ordinal(lo) + " to " + ordinal(hi) + " percentile";
            YIntervalSeries s = new YIntervalSeries(label, false, true);
            for (int i = 0; i < p.times().length; i++) {
                s.add(p.times()[i], (low[i] + high[i]) / 2, low[i], high[i]);
            }
            data.addSeries(s);
            // outer bands paler: 80% white for the outermost, down to 45% for the innermost
            double white = bands == 1 ? 0.6 : 0.8 - 0.35 * b / (bands - 1);
            Color tint = mix(hue, Color.WHITE, white);
            bandRenderer.setSeriesFillPaint(b, tint);
            bandRenderer.setSeriesPaint(b, tint);
            bandItems.add(new LegendItem(label, null, null, null, new Rectangle2D.Double(-6, -4, 12, 8), tint));
        }
        bandRenderer.setUseFillPaint(true);
        plot.setDataset(0, data);
        plot.setRenderer(0, bandRenderer);

        LegendItemCollection legend = new LegendItemCollection();
        if (hasMedian) {
            DefaultXYDataset median = new DefaultXYDataset();
            Charts.addSeries(median, "Median", p.times(), p.byPercentile().get(50.0));
            XYLineAndShapeRenderer r = Charts.lines(style);
            BasicStroke stroke = new BasicStroke(style.lineWidth() * 1.3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
            r.setSeriesPaint(0, hue);
            r.setSeriesStroke(0, stroke);
            plot.setDataset(1, median);
            plot.setRenderer(1, r);
            legend.add(new LegendItem("Median", null, null, null,
                    new Line2D.Double(-style.fontSize(), 0, style.fontSize(), 0), stroke, hue));
        }
        // innermost band next to the median, as the reader's eye moves outwards
        for (int i = bandItems.size() - 1; i >= 0; i--) {
            legend.add(bandItems.get(i));
        }
        plot.setFixedLegendItems(legend);
        Charts.widenFlatRange(plot);
        String t = spec.title() != null ? spec.title() : p.name() + ": Monte Carlo percentiles";
        return new Figure.Single(Charts.chart(t, plot, style, true));
    }

    /** "5th", "2.5th", "1st", "22nd": percentiles as a reader says them. */
    static String ordinal(double p) {
        if (p != Math.rint(p)) {
            return Numbers.format(p) + "th";
        }
        long n = (long) p;
        String suffix = (n % 100 >= 11 && n % 100 <= 13) ? "th"
                : switch ((int) (n % 10)) {
                    case 1 -> "st";
                    case 2 -> "nd";
                    case 3 -> "rd";
                    default -> "th";
                };
        return n + suffix;
    }

    private static String percentList(PercentileSeries p) {
        List<String> s = new ArrayList<>();
        p.byPercentile().keySet().forEach(k -> s.add(Numbers.format(k)));
        return String.join(", ", s);
    }

    static Color mix(Color c, Color with, double fraction) {
        double f = 1 - fraction;
        return new Color(
                (int) Math.round(c.getRed() * f + with.getRed() * fraction),
                (int) Math.round(c.getGreen() * f + with.getGreen() * fraction),
                (int) Math.round(c.getBlue() * f + with.getBlue() * fraction));
    }
}
