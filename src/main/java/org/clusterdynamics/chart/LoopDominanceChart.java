package org.clusterdynamics.chart;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.DefaultXYDataset;

/**
 * Relative loop scores over a run (Loops That Matter): one line per loop, +1 for a loop that
 * alone explains all the change and reinforces it, -1 for one that alone balances it.
 */
public final class LoopDominanceChart {
    /** More lines than this are unreadable; the weakest are left out and the subtitle says so. */
    public static final int MAX_LOOPS = 6;

    private LoopDominanceChart() {}

    /**
     * The chart of the strongest loops (by mean absolute relative score over the run).
     *
     * @param relative relative score per loop, keyed by the legend text ("R1: Population -> births")
     */
    public static Figure create(String title, double[] times, Map<String, double[]> relative, String timeUnits,
            ChartStyle style) {
        List<Map.Entry<String, double[]>> ranked = new ArrayList<>(relative.entrySet());
        ranked.sort(Comparator.comparingDouble((Map.Entry<String, double[]> e) -> -meanAbs(e.getValue())));
        int shown = Math.min(MAX_LOOPS, ranked.size());
        String timeLabel = timeUnits == null || timeUnits.isBlank() ? "Time" : "Time (" + timeUnits + ")";
        XYPlot plot = Charts.xyPlot(Charts.timeAxis(timeLabel, style),
                Charts.valueAxis("Relative loop score", style));
        DefaultXYDataset data = new DefaultXYDataset();
        XYLineAndShapeRenderer r = Charts.lines(style);
        int palette = style.palette().size();
        for (int i = 0; i < shown; i++) {
            Map.Entry<String, double[]> e = ranked.get(i);
            Charts.addSeries(data, shorten(e.getKey()), times, e.getValue());
            r.setSeriesPaint(i, style.colour(i));
            r.setSeriesStroke(i, Charts.stroke(style, i / palette));
        }
        plot.setDataset(data);
        plot.setRenderer(r);
        // symmetric about 0 so that reinforcing and balancing read alike; as tall as the strongest loop needs
        double top = 0;
        for (int i = 0; i < shown; i++) {
            for (double v : ranked.get(i).getValue()) {
                top = Double.isFinite(v) ? Math.max(top, Math.abs(v)) : top;
            }
        }
        double m = Math.min(1.05, Math.max(0.1, top * 1.1));
        plot.getRangeAxis().setRange(-m, m);
        JFreeChart chart = Charts.chart(title, plot, style, true);
        // subtitles first, so that they span the chart's width above the plot and its legend
        chart.addSubtitle(0, Charts.subtitle((ranked.size() > shown ? "The " + shown + " strongest of " + ranked.size()
                + " loops; " : "") + "+1 / -1: one reinforcing / balancing loop drives all change", style));
        return new Figure.Single(chart);
    }

    private static double meanAbs(double[] v) {
        double s = 0;
        for (double x : v) {
            s += Math.abs(x);
        }
        return v.length == 0 ? 0 : s / v.length;
    }

    /** Legend items short enough for two or three to a row under the plot. */
    private static String shorten(String label) {
        return label.length() <= 40 ? label : label.substring(0, 37) + "...";
    }
}
