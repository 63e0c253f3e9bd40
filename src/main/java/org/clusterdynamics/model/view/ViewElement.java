package org.clusterdynamics.model.view;

import java.util.List;

/**
 * One element of a diagram. Stocks, auxiliaries, modules, aliases, clouds and flow valves sit at
 * their centre (x, y) with a size; a flow also has the points of its pipe (from where it starts to
 * where it ends); a connector joins {@code from} to {@code to}, each a variable's name or
 * {@code #uid} of an alias, leaving {@code from} at {@code angle} degrees (counter-clockwise from
 * east; NaN for a straight line).
 *
 * @param name the variable as written (for an alias: the variable it stands for)
 */
public record ViewElement(Kind kind, String name, String uid, double x, double y, double width, double height,
        List<Point> points, String from, String to, double angle) {

    /** What an element draws; a GROUP is a sector's frame (XMILE {@code <group>} in a view) around its elements. */
    public enum Kind { STOCK, FLOW, AUX, MODULE, ALIAS, CLOUD, CONNECTOR, GROUP }

    /** A point of a flow's pipe. */
    public record Point(double x, double y) {}

    public ViewElement {
        points = points == null ? List.of() : List.copyOf(points);
    }

    /** A box, circle or valve at (x, y). */
    public static ViewElement node(Kind kind, String name, String uid, double x, double y, double width, double height) {
        return new ViewElement(kind, name, uid, x, y, width, height, List.of(), null, null, Double.NaN);
    }

    /** A flow whose valve sits at (x, y) on the pipe through the points. */
    public static ViewElement flow(String name, String uid, double x, double y, List<Point> points) {
        return new ViewElement(Kind.FLOW, name, uid, x, y, 18, 18, points, null, null, Double.NaN);
    }

    /** A connector from one element to another. */
    public static ViewElement connector(String uid, String from, String to, double angle) {
        return new ViewElement(Kind.CONNECTOR, null, uid, 0, 0, 0, 0, List.of(), from, to, angle);
    }

    /** Default sizes as Stella draws them. */
    public static double defaultWidth(Kind kind) {
        return switch (kind) {
            case STOCK -> 45;
            case MODULE -> 55;
            case CLOUD -> 25;
            default -> 18;
        };
    }

    public static double defaultHeight(Kind kind) {
        return switch (kind) {
            case STOCK -> 35;
            case MODULE -> 45;
            case CLOUD -> 18;
            default -> 18;
        };
    }
}
