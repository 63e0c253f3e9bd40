package org.clusterdynamics.chart;

import java.awt.geom.Ellipse2D;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.DefaultXYDataset;

/** An outcome against a swept parameter: one line with a marker per run, one line per entry of the sweep. */
public final class SweepChart {
    private SweepChart() {}

    public static Figure create(Sweep s) {
        return create(s, null, ChartStyle.defaults());
    }

    /** @param title chart title, or null for "OUTCOME against PARAMETER" */
    public static Figure create(Sweep s, String title, ChartStyle style) {
        XYPlot plot = Charts.xyPlot(Charts.valueAxis(Charts.withUnits(s.parameter(), s.parameterUnits()), style),
                Charts.valueAxis(Charts.withUnits(s.outcome(), s.outcomeUnits()), style));
        // runs may come in any order; lines must join them by parameter value
        Integer[] order = new Integer[s.values().length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> s.values()[i]));
        double[] x = new double[order.length];
        for (int i = 0; i < order.length; i++) {
            x[i] = s.values()[order[i]];
        }
        DefaultXYDataset data = new DefaultXYDataset();
        XYLineAndShapeRenderer r = Charts.lines(style);
        r.setDefaultShapesVisible(true);
        double d = style.lineWidth() * 2.8;
        int k = 0;
        for (Map.Entry<String, double[]> e : s.outcomes().entrySet()) {
            double[] y = new double[order.length];
            for (int i = 0; i < order.length; i++) {
                y[i] = e.getValue()[order[i]];
            }
            Charts.addSeries(data, e.getKey(), x, y);
            r.setSeriesPaint(k, style.colour(k));
            r.setSeriesStroke(k, Charts.stroke(style, k / style.palette().size()));
            r.setSeriesShape(k, new Ellipse2D.Double(-d / 2, -d / 2, d, d));
            r.setSeriesShapesFilled(k, true);
            k++;
        }
        plot.setDataset(data);
        plot.setRenderer(r);
        Charts.widenFlatRange(plot);
        String t = title != null && !title.isBlank() ? title : s.outcome() + " against " + s.parameter();
        return new Figure.Single(Charts.chart(t, plot, style, s.outcomes().size() > 1));
    }
}
