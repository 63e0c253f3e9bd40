package org.clusterdynamics.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.QuadCurve2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.clusterdynamics.model.view.View;
import org.clusterdynamics.model.view.ViewElement;
import org.clusterdynamics.model.view.ViewElement.Kind;
import org.clusterdynamics.structure.SectorLayout;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;

/**
 * Draws a stock-and-flow diagram (stocks as boxes, flows as pipes with valves, auxiliaries as
 * circles, aliases dashed, modules as rounded boxes, connectors as curved arrows) in the charts'
 * fonts and colours, fitted to the area it is given. In SVG each element is a group whose id says
 * what it is ({@code stock:Name}, {@code connector:From->To}), so that tools and tests can find it.
 */
public final class StockFlowDiagram {
    private static final Color INK = new Color(0x2B, 0x3A, 0x4A);
    private static final Color STOCK_FILL = new Color(0xE8, 0xF0, 0xF8);
    private static final Color CONNECTOR = new Color(0xC0, 0x39, 0x5A);
    private static final Color HIGHLIGHT = new Color(0xD5, 0x5E, 0x00);
    private static final double LABEL_SIZE = 9;

    private final View view;
    private final ChartStyle style;
    private final java.util.Set<String> highlighted;

    private StockFlowDiagram(View view, ChartStyle style, java.util.Set<String> highlighted) {
        this.view = view;
        this.style = style;
        this.highlighted = highlighted;
    }

    /** The diagram as a figure to export like any chart. */
    public static Figure figure(String title, View view, ChartStyle style) {
        return figure(title, view, style, java.util.Set.of());
    }

    /** The diagram with the named variables (canonical ids) and the connectors between them drawn in the highlight colour. */
    public static Figure figure(String title, View view, ChartStyle style, java.util.Set<String> highlighted) {
        StockFlowDiagram d = new StockFlowDiagram(view, style, highlighted);
        return new Figure.Drawing(title, d::draw);
    }

    /** Export options that give the diagram its own proportions, about 1.4 points per unit of the layout. */
    public static ExportOptions exportOptions(View view, int dpi) {
        Rectangle2D b = bounds(view);
        double scale = 1.4;
        double wIn = (b.getWidth() * scale + 40) / 72;
        double hIn = (b.getHeight() * scale + 40) / 72;
        // at most 60 inches and 20000 pixels on a side, the proportions kept; at least 3 by 2 inches
        double max = Math.min(60, 20000.0 / dpi);
        double shrink = Math.min(1, Math.min(max / wIn, max / hIn));
        return ExportOptions.inches(Math.max(3, wIn * shrink), Math.max(2, hIn * shrink), dpi);
    }

    /** The area the elements and their labels cover, in layout units. */
    static Rectangle2D bounds(View view) {
        Rectangle2D r = null;
        for (ViewElement e : view.elements()) {
            List<Rectangle2D> parts = new ArrayList<>();
            if (e.kind() == Kind.FLOW || e.kind() == Kind.CONNECTOR) {
                for (ViewElement.Point p : e.points()) {
                    parts.add(new Rectangle2D.Double(p.x() - 12, p.y() - 12, 24, 24));
                }
            }
            if (e.kind() == Kind.GROUP) {
                parts.add(new Rectangle2D.Double(e.x() - e.width() / 2, e.y() - e.height() / 2, e.width(), e.height()));
            } else if (e.kind() != Kind.CONNECTOR) {
                // room for the name under the element, about 5 units a character
                int longest = e.name() == null ? 0 : SectorLayout.wrap(e.name()).stream()
                        .mapToInt(String::length).max().orElse(0);
                double w = Math.max(Math.max(e.width(), 60), longest * 5.2 + 8);
                parts.add(new Rectangle2D.Double(e.x() - w / 2, e.y() - e.height() / 2, w, e.height() / 2 + 40));
            }
            for (Rectangle2D p : parts) {
                if (r == null) {
                    r = p;
                } else {
                    r.add(p);
                }
            }
        }
        return r == null ? new Rectangle2D.Double(0, 0, 100, 100) : r;
    }

    private void draw(Graphics2D g2, Rectangle2D area) {
        Rectangle2D b = bounds(view);
        double titleSpace = 0;
        AffineTransform saved = g2.getTransform();
        g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        double margin = 10;
        double scale = Math.min((area.getWidth() - 2 * margin) / b.getWidth(),
                (area.getHeight() - 2 * margin - titleSpace) / b.getHeight());
        g2.translate(area.getX() + margin + (area.getWidth() - 2 * margin - b.getWidth() * scale) / 2,
                area.getY() + margin + titleSpace);
        g2.scale(scale, scale);
        g2.translate(-b.getX(), -b.getY());
        for (ViewElement e : view.of(Kind.GROUP)) {
            frame(g2, e);
        }
        for (ViewElement e : view.of(Kind.CONNECTOR)) {
            connector(g2, e);
        }
        for (ViewElement e : view.of(Kind.FLOW)) {
            pipe(g2, e);
        }
        for (ViewElement e : view.elements()) {
            switch (e.kind()) {
                case STOCK -> element(g2, e, "stock", new Rectangle2D.Double(e.x() - e.width() / 2,
                        e.y() - e.height() / 2, e.width(), e.height()), STOCK_FILL, false);
                case AUX -> element(g2, e, "aux", circle(e), Color.WHITE, false);
                case ALIAS -> element(g2, e, "alias", circle(e), Color.WHITE, true);
                case MODULE -> element(g2, e, "module", new RoundRectangle2D.Double(e.x() - e.width() / 2,
                        e.y() - e.height() / 2, e.width(), e.height(), 12, 12), STOCK_FILL, false);
                case CLOUD -> element(g2, e, "cloud", new Ellipse2D.Double(e.x() - e.width() / 2,
                        e.y() - e.height() / 2, e.width(), e.height()), Color.WHITE, true);
                default -> {
                    // flows and connectors are drawn above
                }
            }
        }
        g2.setTransform(saved);
    }

    /** A sector's frame, its name at the top left. */
    private void frame(Graphics2D g2, ViewElement e) {
        begin(g2, "group:" + e.name());
        g2.setPaint(new Color(0xB0, 0xB8, 0xC4));
        g2.setStroke(new BasicStroke(1f));
        g2.draw(new Rectangle2D.Double(e.x() - e.width() / 2, e.y() - e.height() / 2, e.width(), e.height()));
        g2.setFont(new Font(style.fontFamily(), Font.BOLD, 1).deriveFont(14f));
        g2.setPaint(Charts.TEXT);
        g2.drawString(e.name() == null ? "" : e.name(), (float) (e.x() - e.width() / 2 + 8),
                (float) (e.y() - e.height() / 2 + 18));
        end(g2);
    }

    private static Shape circle(ViewElement e) {
        double r = Math.min(e.width(), e.height()) / 2;
        return new Ellipse2D.Double(e.x() - r, e.y() - r, 2 * r, 2 * r);
    }

    private Color ink(String name) {
        return name != null && highlighted.contains(org.clusterdynamics.model.VarName.canonical(name)) ? HIGHLIGHT : INK;
    }

    private void element(Graphics2D g2, ViewElement e, String kind, Shape shape, Color fill, boolean dashed) {
        begin(g2, kind + ":" + e.name());
        g2.setPaint(fill);
        g2.fill(shape);
        g2.setPaint(ink(e.name()));
        g2.setStroke(dashed ? new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {3f, 2f}, 0f) : new BasicStroke(highlighted.isEmpty() || !ink(e.name()).equals(HIGHLIGHT)
                ? 1.2f : 2.2f));
        g2.draw(shape);
        if (e.kind() != Kind.CLOUD) {
            label(g2, e, e.y() + shape.getBounds2D().getHeight() / 2 + 2, dashed);
        }
        end(g2);
    }

    private void pipe(Graphics2D g2, ViewElement f) {
        begin(g2, "flow:" + f.name());
        List<ViewElement.Point> pts = f.points();
        Color c = ink(f.name());
        if (pts.size() >= 2) {
            Path2D path = new Path2D.Double();
            path.moveTo(pts.get(0).x(), pts.get(0).y());
            for (int i = 1; i < pts.size(); i++) {
                path.lineTo(pts.get(i).x(), pts.get(i).y());
            }
            g2.setPaint(c);
            g2.setStroke(new BasicStroke(5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
            g2.draw(path);
            g2.setPaint(Color.WHITE);
            g2.setStroke(new BasicStroke(2.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
            g2.draw(path);
            ViewElement.Point a = pts.get(pts.size() - 2);
            ViewElement.Point b = pts.get(pts.size() - 1);
            g2.setPaint(c);
            g2.fill(arrowHead(new Point2D.Double(a.x(), a.y()), new Point2D.Double(b.x(), b.y()), 9, 6));
            cloudIfLoose(g2, pts.get(0), null);
            cloudIfLoose(g2, b, a);
        }
        Ellipse2D valve = new Ellipse2D.Double(f.x() - 6, f.y() - 6, 12, 12);
        g2.setPaint(Color.WHITE);
        g2.fill(valve);
        g2.setPaint(c);
        g2.setStroke(new BasicStroke(1.2f));
        g2.draw(valve);
        g2.draw(new java.awt.geom.Line2D.Double(f.x(), f.y() - 6, f.x(), f.y() - 10));
        label(g2, f, f.y() + 8, false);
        end(g2);
    }

    /** A flow that starts or ends outside any stock comes from (or goes to) a cloud. */
    private void cloudIfLoose(Graphics2D g2, ViewElement.Point p, ViewElement.Point before) {
        for (ViewElement s : view.of(Kind.STOCK)) {
            if (Math.abs(p.x() - s.x()) <= s.width() / 2 + 3 && Math.abs(p.y() - s.y()) <= s.height() / 2 + 3) {
                return;
            }
        }
        if (before != null) {
            // the pipe's end: the cloud just beyond its arrowhead
            double d = Math.max(1e-9, Math.hypot(p.x() - before.x(), p.y() - before.y()));
            p = new ViewElement.Point(p.x() + (p.x() - before.x()) / d * 9, p.y() + (p.y() - before.y()) / d * 7);
        }
        g2.setPaint(Color.WHITE);
        Ellipse2D cloud = new Ellipse2D.Double(p.x() - 9, p.y() - 6, 18, 12);
        g2.fill(cloud);
        g2.setPaint(INK);
        g2.setStroke(new BasicStroke(0.8f));
        g2.draw(cloud);
    }

    private void connector(Graphics2D g2, ViewElement c) {
        ViewElement from = resolve(c.from());
        ViewElement to = resolve(c.to());
        if (from == null || to == null || from == to) {
            return;
        }
        if (!c.points().isEmpty()) {
            routed(g2, c, from, to);
            return;
        }
        Point2D target = new Point2D.Double(to.x(), to.y());
        double dirAngle = Double.isNaN(c.angle())
                ? Math.atan2(-(to.y() - from.y()), to.x() - from.x()) : Math.toRadians(c.angle());
        Point2D start = boundary(from, dirAngle);
        double d = start.distance(target);
        Point2D control = new Point2D.Double(start.getX() + Math.cos(dirAngle) * d / 2,
                start.getY() - Math.sin(dirAngle) * d / 2);
        double endAngle = Math.atan2(-(control.getY() - to.y()), control.getX() - to.x());
        Point2D end = boundary(to, endAngle);
        boolean hot = highlighted.contains(org.clusterdynamics.model.VarName.canonical(from.name() == null ? ""
                : from.name())) && highlighted.contains(org.clusterdynamics.model.VarName.canonical(to.name() == null
                ? "" : to.name()));
        begin(g2, "connector:" + c.from() + "->" + c.to());
        g2.setPaint(hot ? HIGHLIGHT : CONNECTOR);
        g2.setStroke(new BasicStroke(hot ? 2f : 0.9f));
        g2.draw(new QuadCurve2D.Double(start.getX(), start.getY(), control.getX(), control.getY(), end.getX(),
                end.getY()));
        g2.fill(arrowHead(control, end, 7, 4.5));
        if (c.name() != null) {
            // a causal-loop diagram's link polarity, beside the arrowhead
            QuadCurve2D curve = new QuadCurve2D.Double(start.getX(), start.getY(), control.getX(), control.getY(),
                    end.getX(), end.getY());
            double t = 0.8;
            double x = (1 - t) * (1 - t) * start.getX() + 2 * (1 - t) * t * control.getX() + t * t * end.getX();
            double y = (1 - t) * (1 - t) * start.getY() + 2 * (1 - t) * t * control.getY() + t * t * end.getY();
            g2.setFont(new Font(style.fontFamily(), Font.BOLD, 1).deriveFont(11f));
            g2.drawString(c.name(), (float) (x + 4), (float) (y - 4));
            curve.getBounds2D();
        }
        end(g2);
    }

    /** A connector along a route of bend points (automatic layout). */
    private void routed(Graphics2D g2, ViewElement c, ViewElement from, ViewElement to) {
        List<ViewElement.Point> pts = c.points();
        ViewElement.Point first = pts.get(0);
        ViewElement.Point last = pts.get(pts.size() - 1);
        Point2D start = boundary(from, Math.atan2(-(first.y() - from.y()), first.x() - from.x()));
        Point2D end = boundary(to, Math.atan2(-(last.y() - to.y()), last.x() - to.x()));
        Path2D path = new Path2D.Double();
        path.moveTo(start.getX(), start.getY());
        for (ViewElement.Point p : pts) {
            path.lineTo(p.x(), p.y());
        }
        path.lineTo(end.getX(), end.getY());
        begin(g2, "connector:" + c.from() + "->" + c.to());
        g2.setPaint(CONNECTOR);
        g2.setStroke(new BasicStroke(0.9f));
        g2.draw(path);
        g2.fill(arrowHead(new Point2D.Double(last.x(), last.y()), end, 7, 4.5));
        end(g2);
    }

    private ViewElement resolve(String ref) {
        if (ref == null) {
            return null;
        }
        return ref.startsWith("#") ? view.byUid(ref.substring(1)) : view.find(ref);
    }

    /** Where a ray from the element's centre at this angle (radians, counter-clockwise from east) leaves it. */
    private static Point2D boundary(ViewElement e, double angle) {
        double dx = Math.cos(angle);
        double dy = -Math.sin(angle);
        if (e.kind() == Kind.AUX || e.kind() == Kind.ALIAS || e.kind() == Kind.FLOW) {
            double r = e.kind() == Kind.FLOW ? 6 : Math.min(e.width(), e.height()) / 2;
            return new Point2D.Double(e.x() + dx * r, e.y() + dy * r);
        }
        double hw = e.width() / 2;
        double hh = e.height() / 2;
        double t = Math.min(dx == 0 ? Double.MAX_VALUE : hw / Math.abs(dx), dy == 0 ? Double.MAX_VALUE
                : hh / Math.abs(dy));
        return new Point2D.Double(e.x() + dx * t, e.y() + dy * t);
    }

    private static Shape arrowHead(Point2D from, Point2D tip, double length, double halfWidth) {
        double a = Math.atan2(tip.getY() - from.getY(), tip.getX() - from.getX());
        Path2D p = new Path2D.Double();
        p.moveTo(tip.getX(), tip.getY());
        p.lineTo(tip.getX() - length * Math.cos(a) + halfWidth * Math.sin(a),
                tip.getY() - length * Math.sin(a) - halfWidth * Math.cos(a));
        p.lineTo(tip.getX() - length * Math.cos(a) - halfWidth * Math.sin(a),
                tip.getY() - length * Math.sin(a) + halfWidth * Math.cos(a));
        p.closePath();
        return p;
    }

    /** The name under an element, wrapped to short lines; underscores read as spaces, as Stella shows them. */
    private void label(Graphics2D g2, ViewElement e, double top, boolean italic) {
        if (e.name() == null) {
            return;
        }
        Font font = new Font(style.fontFamily(), italic ? Font.ITALIC : Font.PLAIN, 1).deriveFont((float) LABEL_SIZE);
        g2.setFont(font);
        g2.setPaint(Charts.TEXT);
        FontMetrics fm = g2.getFontMetrics();
        double y = top + fm.getAscent();
        for (String line : SectorLayout.wrap(e.name())) {
            g2.drawString(line, (float) (e.x() - fm.stringWidth(line) / 2.0), (float) y);
            y += fm.getHeight();
        }
    }

    private static void begin(Graphics2D g2, String id) {
        if (g2 instanceof SVGGraphics2D) {
            g2.setRenderingHint(SVGHints.KEY_BEGIN_GROUP, id);
        }
    }

    private static void end(Graphics2D g2) {
        if (g2 instanceof SVGGraphics2D) {
            g2.setRenderingHint(SVGHints.KEY_END_GROUP, "true");
        }
    }
}
