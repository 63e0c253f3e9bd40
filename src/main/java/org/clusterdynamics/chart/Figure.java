package org.clusterdynamics.chart;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisSpace;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.block.RectangleConstraint;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.Size2D;
import org.jfree.data.Range;

/** A finished chart (or grid of charts) that can be drawn into any area, and so exported to any format. */
public sealed interface Figure permits Figure.Single, Figure.Grid, Figure.Drawing {

    /** The title shown on the figure (used as a caption in reports). */
    String title();

    /** A caption for reports: the title, or what the figure shows when it has none. */
    String caption();

    /** Draws the figure into the area, in points. */
    void draw(Graphics2D g2, Rectangle2D area);

    /** A picture drawn directly (a stock-and-flow diagram) that fits itself to the area it is given. */
    record Drawing(String title, java.util.function.BiConsumer<Graphics2D, Rectangle2D> painter) implements Figure {
        @Override
        public String caption() {
            return title;
        }

        @Override
        public void draw(Graphics2D g2, Rectangle2D area) {
            painter.accept(g2, area);
        }
    }

    /** One JFreeChart; callers may adjust it before exporting. */
    record Single(JFreeChart chart) implements Figure {
        @Override
        public String title() {
            return chart.getTitle() == null ? "" : chart.getTitle().getText();
        }

        @Override
        public String caption() {
            return title();
        }

        @Override
        public void draw(Graphics2D g2, Rectangle2D area) {
            chart.draw(g2, area);
        }
    }

    /**
     * Small multiples: panels laid out row by row under one title, with one legend taken from
     * the first panel (every panel must use the same series in the same colours).
     */
    record Grid(String title, List<JFreeChart> panels, int columns, String timeLabel, boolean legend,
                ChartStyle style) implements Figure {

        public Grid {
            if (panels == null || panels.isEmpty()) {
                throw new IllegalArgumentException("small multiples: no panel to draw");
            }
            if (columns < 1) {
                throw new IllegalArgumentException("small multiples: columns must be at least 1, not " + columns);
            }
            panels = List.copyOf(panels);
            title = title == null ? "" : title;
            timeLabel = timeLabel == null ? "" : timeLabel;
        }

        @Override
        public String caption() {
            if (!title.isEmpty()) {
                return title;
            }
            List<String> names = new java.util.ArrayList<>();
            for (JFreeChart p : panels) {
                names.add(p.getTitle() == null ? "" : p.getTitle().getText());
            }
            return String.join(", ", names);
        }

        public int rows() {
            return (panels.size() + columns - 1) / columns;
        }

        /** At most the area's width less padding, any height up to the area's (TextTitle supports only ranges). */
        private static RectangleConstraint fits(Rectangle2D area, double pad) {
            return new RectangleConstraint(new Range(0, area.getWidth() - 2 * pad), new Range(0, area.getHeight()));
        }

        /** Gives every panel the widest panel's value-axis space, so that the time axes line up. */
        private void alignValueAxes(Graphics2D g2, Rectangle2D cell) {
            double left = 0;
            for (JFreeChart p : panels) {
                if (p.getPlot() instanceof XYPlot xy) {
                    xy.setFixedRangeAxisSpace(null);
                    AxisSpace s = xy.getRangeAxis().reserveSpace(g2, xy, cell, RectangleEdge.LEFT, new AxisSpace());
                    left = Math.max(left, s.getLeft());
                }
            }
            for (JFreeChart p : panels) {
                if (p.getPlot() instanceof XYPlot xy) {
                    AxisSpace fixed = new AxisSpace();
                    fixed.setLeft(left);
                    xy.setFixedRangeAxisSpace(fixed);
                }
            }
        }

        @Override
        public void draw(Graphics2D g2, Rectangle2D area) {
            double pad = style.fontSize() * 0.5;
            double top = area.getY() + pad;
            double bottom = area.getMaxY() - pad;
            if (!title.isEmpty()) {
                TextTitle t = new TextTitle(Charts.label(title), style.titleFont());
                t.setPaint(Charts.TEXT);
                Size2D s = t.arrange(g2, fits(area, pad));
                t.draw(g2, new Rectangle2D.Double(area.getX() + pad, top, area.getWidth() - 2 * pad, s.height));
                top += s.height + pad;
            }
            if (legend) {
                LegendTitle l = Charts.legend(panels.get(0).getPlot(), style);
                l.setPosition(RectangleEdge.BOTTOM);
                Size2D s = l.arrange(g2, fits(area, pad));
                double x = area.getCenterX() - s.width / 2;
                l.draw(g2, new Rectangle2D.Double(x, bottom - s.height, s.width, s.height));
                bottom -= s.height + pad;
            }
            if (!timeLabel.isEmpty()) {
                // one shared time label instead of one per panel keeps the panels the same height
                TextTitle t = new TextTitle(Charts.label(timeLabel), style.labelFont());
                t.setPaint(Charts.TEXT);
                Size2D s = t.arrange(g2, fits(area, pad));
                t.draw(g2, new Rectangle2D.Double(area.getX() + pad, bottom - s.height, area.getWidth() - 2 * pad, s.height));
                bottom -= s.height + pad * 0.5;
            }
            int rows = rows();
            double w = area.getWidth() / columns;
            double h = (bottom - top) / rows;
            alignValueAxes(g2, new Rectangle2D.Double(0, 0, w, h));
            for (int i = 0; i < panels.size(); i++) {
                int r = i / columns;
                int c = i % columns;
                JFreeChart p = panels.get(i);
                p.setPadding(new RectangleInsets(2, 2, 2, style.fontSize() * 1.5));
                p.draw(g2, new Rectangle2D.Double(area.getX() + c * w, top + r * h, w, h));
            }
        }
    }
}
