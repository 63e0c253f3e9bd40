package org.clusterdynamics.chart;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Charts of a sensitivity analysis: a tornado (the output with each input at the low and the high end
 * of its range, the others at their base values, widest swing on top) and grouped bars of indices
 * per input (Sobol first-order and total, or Morris mu* and sigma).
 */
public final class SensitivityChart {
    private SensitivityChart() {}

    /** A tornado: bars from the base value to the value at each input's low and high end. */
    public static Figure tornado(String output, List<String> inputs, double base, double[] low, double[] high,
                                 ChartStyle style) {
        Integer[] order = new Integer[inputs.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -Math.abs(high[i] - low[i]))
                .thenComparing(i -> inputs.get(i)));
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        for (int i : order) {
            d.addValue(low[i] - base, "input at its low end", inputs.get(i));
            d.addValue(high[i] - base, "input at its high end", inputs.get(i));
        }
        BarRenderer r = renderer(style);
        r.setItemMargin(0.0);
        NumberAxis values = Charts.valueAxis("Change in " + output + " from " + Numbers.decimal("#,##0.####")
                .format(base), style);
        values.setAutoRangeIncludesZero(true);
        JFreeChart c = Charts.chart("Tornado: " + output, plot(d, values, r, style), style, true);
        c.addSubtitle(Charts.subtitle("One input at a time, the others at their base values", style));
        return new Figure.Single(c);
    }

    /** Grouped horizontal bars: one group per input, one bar per kind of index, inputs in the given order. */
    public static Figure indices(String title, List<String> inputs, List<String> kinds, double[][] values,
                                 String axisLabel, ChartStyle style) {
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        for (int i = 0; i < inputs.size(); i++) {
            for (int k = 0; k < kinds.size(); k++) {
                d.addValue(Double.isNaN(values[k][i]) ? 0 : values[k][i], kinds.get(k), inputs.get(i));
            }
        }
        BarRenderer r = renderer(style);
        r.setItemMargin(0.05);
        NumberAxis axis = Charts.valueAxis(axisLabel, style);
        axis.setAutoRangeIncludesZero(true);
        return new Figure.Single(Charts.chart(title, plot(d, axis, r, style), style, true));
    }

    private static BarRenderer renderer(ChartStyle style) {
        BarRenderer r = new BarRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setDrawBarOutline(false);
        r.setSeriesPaint(0, style.colour(0));
        r.setSeriesPaint(1, style.colour(1));
        r.setSeriesPaint(2, style.colour(2));
        return r;
    }

    private static CategoryPlot plot(DefaultCategoryDataset d, NumberAxis values, BarRenderer r, ChartStyle style) {
        CategoryAxis categories = new CategoryAxis(null);
        categories.setTickLabelFont(style.labelFont());
        categories.setTickLabelPaint(Charts.TEXT);
        categories.setMaximumCategoryLabelWidthRatio(0.35f);
        categories.setAxisLineVisible(false);
        categories.setTickMarksVisible(false);
        categories.setCategoryMargin(0.25);
        CategoryPlot plot = new CategoryPlot(d, categories, values, r);
        Charts.horizontalBars(plot);
        return plot;
    }
}
