package org.clusterdynamics.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultXYDataset;

/**
 * Data against a calibrated model: the data as dots, the fitted run as a line, one panel per
 * variable, and a dashed line at the holdout time when the fit stopped before the data's end.
 */
public final class FitChart {
    private FitChart() {}

    /** One observed variable and the fitted model's series of it. */
    public record Series(String name, double[] dataTimes, double[] data, double[] modelTimes, double[] model) {}

    /** @param until the holdout time, or NaN; @param timeUnits for the time axis label, may be null */
    public static Figure create(String title, List<Series> series, double until, String timeUnits, ChartStyle style) {
        if (series.isEmpty()) {
            throw new IllegalArgumentException("a fit chart needs at least one variable");
        }
        String timeLabel = timeUnits == null || timeUnits.isBlank() ? "Time" : "Time (" + timeUnits + ")";
        String t = title != null ? title : "Data and fitted model";
        if (series.size() == 1) {
            return new Figure.Single(panel(series.get(0), until, timeLabel, style, t + ": " + series.get(0).name(),
                    true));
        }
        List<JFreeChart> panels = new ArrayList<>();
        for (Series s : series) {
            panels.add(panel(s, until, null, style, s.name(), false));
        }
        return new Figure.Grid(t, panels, Math.min(2, panels.size()), timeLabel, true, style);
    }

    private static JFreeChart panel(Series s, double until, String timeLabel, ChartStyle style, String title,
                                    boolean legend) {
        XYPlot plot = Charts.xyPlot(Charts.timeAxis(timeLabel, style), Charts.valueAxis(s.name(), style));
        DefaultXYDataset d = new DefaultXYDataset();
        List<double[]> pts = new ArrayList<>();
        for (int i = 0; i < s.dataTimes().length; i++) {
            if (!Double.isNaN(s.data()[i])) {
                pts.add(new double[] {s.dataTimes()[i], s.data()[i]});
            }
        }
        double[][] dat = new double[2][pts.size()];
        for (int i = 0; i < pts.size(); i++) {
            dat[0][i] = pts.get(i)[0];
            dat[1][i] = pts.get(i)[1];
        }
        d.addSeries("data", dat);
        d.addSeries("fitted model", new double[][] {s.modelTimes(), s.model()});
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer();
        double size = style.lineWidth() * 3;
        r.setSeriesLinesVisible(0, false);
        r.setSeriesShapesVisible(0, true);
        r.setSeriesShape(0, new Ellipse2D.Double(-size / 2, -size / 2, size, size));
        r.setSeriesPaint(0, Color.DARK_GRAY);
        r.setSeriesLinesVisible(1, true);
        r.setSeriesShapesVisible(1, false);
        r.setSeriesPaint(1, style.colour(0));
        r.setSeriesStroke(1, Charts.stroke(style, 0));
        plot.setDataset(d);
        plot.setRenderer(r);
        if (!Double.isNaN(until)) {
            ValueMarker m = new ValueMarker(until, Color.GRAY, new BasicStroke(1f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER, 10f, new float[] {4f, 3f}, 0f));
            m.setLabel("holdout");
            m.setLabelFont(style.tickFont());
            m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            plot.addDomainMarker(m);
        }
        Charts.widenFlatRange(plot);
        return Charts.chart(title, plot, style, legend);
    }
}
