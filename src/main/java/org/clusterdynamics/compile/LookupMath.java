package org.clusterdynamics.compile;

import org.clusterdynamics.expr.ExprParser;

/**
 * Vensim's area, slope and inverse of a lookup, as its reference defines them, on the table's points
 * read with linear interpolation. The x values are either given ({@code xs}) or evenly spaced from
 * {@code x0} by {@code step} (VECTOR LOOKUP's vector), so that no array is made per call.
 * <ul>
 * <li>LOOKUP AREA (https://vensim.com/documentation/fn_lookup_area.html): the area under the lookup,
 * which holds its end values outside its points (or, for VECTOR LOOKUP's mode 7, extrapolates them);
 * {@link #area} gives it from the first point, negative to its left.</li>
 * <li>LOOKUP SLOPE (https://vensim.com/documentation/fn_lookup_slope.html): the slope of the segment;
 * at a point the mean of the slopes before and after it, :NA: where two points share that x; outside
 * the points 0 (m = 0), the closest segment's slope (m = 1) or :NA: (m = -1). At the first or last point
 * the slope "before" or "after" is the outside one of that rule.</li>
 * <li>LOOKUP INVERT (https://vensim.com/documentation/fn_lookup_invert.html): the smallest x where the
 * lookup gives y; :NA: where y is outside the lookup's y values (or, with extrapolation, the end
 * segments' lines are followed).</li>
 * </ul>
 */
public final class LookupMath {
    /** Vensim's :NA:, as its reference says these functions return. */
    public static final double NA = ExprParser.VENSIM_NA;

    private LookupMath() {
    }

    private static double x(double[] xs, double x0, double step, int i) {
        return xs != null ? xs[i] : x0 + i * step;
    }

    /** The area under the lookup from its first point to x (negative to its left). */
    public static double area(double[] xs, double[] ys, double x0, double step, double x, boolean extrapolate) {
        int n = ys.length;
        double first = x(xs, x0, step, 0);
        if (n == 1) {
            return ys[0] * (x - first);
        }
        if (x <= first) {
            double s = extrapolate ? segmentSlope(xs, ys, x0, step, 0) : 0;
            double d = x - first;
            return ys[0] * d + s * d * d / 2;
        }
        double acc = 0;
        for (int i = 0; i < n - 1; i++) {
            double a = x(xs, x0, step, i);
            double b = x(xs, x0, step, i + 1);
            if (x <= b) {
                double yx = b == a ? ys[i] : ys[i] + (ys[i + 1] - ys[i]) * (x - a) / (b - a);
                return acc + (ys[i] + yx) / 2 * (x - a);
            }
            acc += (ys[i] + ys[i + 1]) / 2 * (b - a);
        }
        double last = x(xs, x0, step, n - 1);
        double s = extrapolate ? segmentSlope(xs, ys, x0, step, n - 2) : 0;
        double d = x - last;
        return acc + ys[n - 1] * d + s * d * d / 2;
    }

    /** The slope at x; {@code outside} is Vensim's m: 0, 1 or -1. */
    public static double slope(double[] xs, double[] ys, double x0, double step, double x, int outside) {
        int n = ys.length;
        if (n == 1 || Double.isNaN(x)) {
            return n == 1 ? 0 : Double.NaN;
        }
        double first = x(xs, x0, step, 0);
        double last = x(xs, x0, step, n - 1);
        if (x < first) {
            return outsideSlope(xs, ys, x0, step, 0, outside);
        }
        if (x > last) {
            return outsideSlope(xs, ys, x0, step, n - 2, outside);
        }
        for (int i = 0; i < n; i++) {
            double xi = x(xs, x0, step, i);
            if (x == xi) {
                if (i + 1 < n && x(xs, x0, step, i + 1) == xi || i > 0 && x(xs, x0, step, i - 1) == xi) {
                    return NA; // two points at this x: a jump, no slope
                }
                double before = i > 0 ? segmentSlope(xs, ys, x0, step, i - 1) : outsideSlope(xs, ys, x0, step, 0, outside);
                double after = i < n - 1 ? segmentSlope(xs, ys, x0, step, i)
                        : outsideSlope(xs, ys, x0, step, n - 2, outside);
                return before == NA || after == NA ? NA : (before + after) / 2;
            }
            if (x < xi) {
                return segmentSlope(xs, ys, x0, step, i - 1);
            }
        }
        return NA;
    }

    /** The smallest x where the lookup gives y. */
    public static double invert(double[] xs, double[] ys, double x0, double step, double y, boolean extrapolate) {
        int n = ys.length;
        if (Double.isNaN(y)) {
            return Double.NaN;
        }
        if (extrapolate && n > 1) {
            // the line to the left of the first point, followed backwards
            double s = segmentSlope(xs, ys, x0, step, 0);
            if (s != 0 && (y - ys[0]) / s < 0) {
                return x(xs, x0, step, 0) + (y - ys[0]) / s;
            }
        }
        for (int i = 0; i < n; i++) {
            if (ys[i] == y) {
                return x(xs, x0, step, i);
            }
            if (i + 1 < n && (ys[i] - y) * (ys[i + 1] - y) < 0) {
                double a = x(xs, x0, step, i);
                double b = x(xs, x0, step, i + 1);
                return a + (b - a) * (y - ys[i]) / (ys[i + 1] - ys[i]);
            }
        }
        if (extrapolate && n > 1) {
            double s = segmentSlope(xs, ys, x0, step, n - 2);
            if (s != 0 && (y - ys[n - 1]) / s > 0) {
                return x(xs, x0, step, n - 1) + (y - ys[n - 1]) / s;
            }
        }
        return NA;
    }

    private static double segmentSlope(double[] xs, double[] ys, double x0, double step, int i) {
        double a = x(xs, x0, step, i);
        double b = x(xs, x0, step, i + 1);
        return b == a ? NA : (ys[i + 1] - ys[i]) / (b - a);
    }

    private static double outsideSlope(double[] xs, double[] ys, double x0, double step, int closest, int outside) {
        if (outside == 0) {
            return 0;
        }
        return outside == 1 ? segmentSlope(xs, ys, x0, step, closest) : NA;
    }
}
