package org.clusterdynamics.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.MinMaxCategoryRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Mechanism attribution as horizontal bars: the change in an outcome when each mechanism is
 * switched off, largest effect on top, increases and decreases in two colours, values at the bar ends.
 */
public final class AttributionChart {
    private AttributionChart() {}

    public static Figure create(Attribution a) {
        return create(a, null, ChartStyle.defaults());
    }

    /** @param title chart title, or null for "Change in OUTCOME when each mechanism is switched off" */
    public static Figure create(Attribution a, String title, ChartStyle style) {
        List<Map.Entry<String, Double>> bars = new ArrayList<>(a.changes().entrySet());
        // largest effect first, then by name so that ties do not depend on input order
        bars.sort(Comparator.<Map.Entry<String, Double>>comparingDouble(e -> -Math.abs(e.getValue()))
                .thenComparing(Map.Entry::getKey));
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Map.Entry<String, Double> e : bars) {
            data.addValue(e.getValue(), a.outcome(), e.getKey());
        }
        Color up = style.colour(0);
        Color down = style.colour(1);
        BarRenderer r = new BarRenderer() {
            private static final long serialVersionUID = 1L;

            @Override
            public Paint getItemPaint(int row, int column) {
                Number v = data.getValue(row, column);
                return v != null && v.doubleValue() < 0 ? down : up;
            }
        };
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setDrawBarOutline(false);
        r.setItemMargin(0);
        r.setMaximumBarWidth(0.15);
        r.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", Numbers.signedFormat()));
        r.setDefaultItemLabelsVisible(true);
        r.setDefaultItemLabelFont(style.tickFont());
        r.setDefaultItemLabelPaint(Charts.TEXT);
        r.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
        r.setDefaultNegativeItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE9, TextAnchor.CENTER_RIGHT));
        r.setItemLabelAnchorOffset(3);

        CategoryAxis categories = new CategoryAxis(null);
        categories.setTickLabelFont(style.labelFont());
        categories.setTickLabelPaint(Charts.TEXT);
        categories.setMaximumCategoryLabelWidthRatio(0.35f);
        categories.setMaximumCategoryLabelLines(3);
        categories.setAxisLineVisible(false);
        categories.setTickMarksVisible(false);
        categories.setCategoryMargin(0.25);

        String axisLabel = Charts.withUnits("Change in " + a.outcome(), a.units());
        NumberAxis values = Charts.valueAxis(axisLabel, style);
        values.setAutoRangeIncludesZero(true);
        // room for the value labels beyond the longest bars, only on the sides that have bars
        boolean anyUp = a.changes().values().stream().anyMatch(v -> v > 0);
        boolean anyDown = a.changes().values().stream().anyMatch(v -> v < 0);
        values.setLowerMargin(anyDown ? 0.25 : 0.05);
        values.setUpperMargin(anyUp ? 0.25 : 0.05);

        CategoryPlot plot = new CategoryPlot(data, categories, values, r);
        if (!a.bands().isEmpty()) {
            // whiskers from low to high over each bar (e.g. 5th to 95th percentile of a Monte Carlo)
            DefaultCategoryDataset whiskers = new DefaultCategoryDataset();
            for (Map.Entry<String, Double> e : bars) {
                double[] b = a.bands().getOrDefault(e.getKey(), new double[] {e.getValue(), e.getValue()});
                whiskers.addValue(b[0], "low", e.getKey());
                whiskers.addValue(b[1], "high", e.getKey());
            }
            MinMaxCategoryRenderer w = new MinMaxCategoryRenderer();
            w.setDrawLines(false);
            w.setGroupPaint(Charts.TEXT);
            w.setGroupStroke(new BasicStroke(1.2f));
            w.setObjectIcon(new javax.swing.ImageIcon(new java.awt.image.BufferedImage(1, 1,
                    java.awt.image.BufferedImage.TYPE_INT_ARGB)));
            w.setMaxIcon(new javax.swing.ImageIcon(new java.awt.image.BufferedImage(1, 1,
                    java.awt.image.BufferedImage.TYPE_INT_ARGB)));
            w.setMinIcon(new javax.swing.ImageIcon(new java.awt.image.BufferedImage(1, 1,
                    java.awt.image.BufferedImage.TYPE_INT_ARGB)));
            plot.setDataset(1, whiskers);
            plot.setRenderer(1, w);
            plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD);
            boolean bandDown = a.bands().values().stream().anyMatch(v -> v[0] < 0);
            boolean bandUp = a.bands().values().stream().anyMatch(v -> v[1] > 0);
            values.setLowerMargin(anyDown || bandDown ? 0.25 : 0.05);
            values.setUpperMargin(anyUp || bandUp ? 0.25 : 0.05);
        }
        Charts.horizontalBars(plot);
        plot.setRangeZeroBaselineStroke(new BasicStroke(1f));

        String t = title != null && !title.isBlank() ? title
                : "Change in " + a.outcome() + " when each mechanism is switched off";
        JFreeChart chart = Charts.chart(t, plot, style, false);
        // say what the sign means; "change" alone is read both ways
        chart.addSubtitle(Charts.subtitle(a.subtitle() != null ? a.subtitle()
                : "Value with the mechanism switched off minus the baseline value", style));
        return new Figure.Single(chart);
    }
}
