package org.clusterdynamics.sim;

import org.clusterdynamics.model.GraphicalFunction;

/**
 * Table reads for generated code over a table's raw arrays: the same numbers as
 * {@link GraphicalFunction#lookup(double, GraphicalFunction.Kind)}, without its dispatch, for tables that
 * {@link #fast(GraphicalFunction)} accepts. Each call site remembers in {@code hint[site]} the segment it
 * last read: inputs move little from one step to the next, so finding the segment is mostly one pair of
 * comparisons (the hint changes how fast the segment is found, never which one).
 */
public final class Lookups {
    private Lookups() {}

    /**
     * Whether the fast reads give the reference result for this table: at least two points and
     * finite x values in non-decreasing order, none of them -0.0, the first one not repeated (the
     * reference reads the first point's y at its x, where a hint could name a repeat of it).
     */
    public static boolean fast(GraphicalFunction g) {
        double[] xs = g.xs();
        if (xs.length < 2 || !(xs[0] < xs[1])) {
            return false;
        }
        for (int i = 0; i < xs.length; i++) {
            if (!Double.isFinite(xs[i]) || Double.doubleToRawLongBits(xs[i]) == Long.MIN_VALUE
                    || (i > 0 && !(xs[i - 1] <= xs[i]))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether 0.0 is an inner x value. The reference's binary search orders -0.0 before 0.0, so
     * there an input of -0.0 must take the reference path; elsewhere -0.0 and 0.0 read alike.
     */
    public static boolean innerZero(GraphicalFunction g) {
        double[] xs = g.xs();
        for (int i = 1; i < xs.length - 1; i++) {
            if (xs[i] == 0) {
                return true;
            }
        }
        return false;
    }

    /** Linear between points, clamped outside (for a table without an inner zero). */
    public static double continuous(double[] xs, double[] ys, int[] hint, int site, double x) {
        int lo = hint[site];
        // the segment of the last read: xs[lo] <= x < xs[lo + 1] makes lo the last point at or below x
        if (!(xs[lo] <= x && x < xs[lo + 1])) {
            if (x != x) {
                return Double.NaN;
            }
            if (x <= xs[0]) {
                return ys[0];
            }
            int last = xs.length - 1;
            if (x >= xs[last]) {
                return ys[last];
            }
            lo = search(xs, x);
            hint[site] = lo;
        }
        if (xs[lo] == x) {
            return ys[lo];
        }
        int hi = lo + 1;
        return ys[lo] + (ys[hi] - ys[lo]) / (xs[hi] - xs[lo]) * (x - xs[lo]);
    }

    /** {@link #continuous} for any fast table: -0.0 goes to the reference. */
    public static double continuousZ(double[] xs, double[] ys, GraphicalFunction g, int[] hint, int site, double x) {
        if (Double.doubleToRawLongBits(x) == Long.MIN_VALUE) {
            return g.lookup(x, GraphicalFunction.Kind.CONTINUOUS);
        }
        return continuous(xs, ys, hint, site, x);
    }

    /** A step function: each point's value holds until the next point. */
    public static double discrete(double[] xs, double[] ys, GraphicalFunction g, int[] hint, int site, double x) {
        if (Double.doubleToRawLongBits(x) == Long.MIN_VALUE) {
            return g.lookup(x, GraphicalFunction.Kind.DISCRETE);
        }
        int lo = hint[site];
        if (!(xs[lo] <= x && x < xs[lo + 1])) {
            if (x != x) {
                return Double.NaN;
            }
            if (x <= xs[0]) {
                return ys[0];
            }
            int last = xs.length - 1;
            if (x >= xs[last]) {
                return ys[last];
            }
            lo = search(xs, x);
            hint[site] = lo;
        }
        return ys[lo];
    }

    /** Linear between points, extended along the end segments outside. */
    public static double extrapolate(double[] xs, double[] ys, GraphicalFunction g, int[] hint, int site, double x) {
        if (Double.doubleToRawLongBits(x) == Long.MIN_VALUE) {
            return g.lookup(x, GraphicalFunction.Kind.EXTRAPOLATE);
        }
        int lo = hint[site];
        if (!(xs[lo] <= x && x < xs[lo + 1])) {
            if (x != x) {
                return Double.NaN;
            }
            if (x <= xs[0]) {
                if (x < xs[0]) {
                    return ys[0] + (ys[1] - ys[0]) / (xs[1] - xs[0]) * (x - xs[0]);
                }
                return ys[0];
            }
            int last = xs.length - 1;
            if (x >= xs[last]) {
                if (x > xs[last]) {
                    return ys[last] + (ys[last] - ys[last - 1]) / (xs[last] - xs[last - 1]) * (x - xs[last]);
                }
                return ys[last];
            }
            lo = search(xs, x);
            hint[site] = lo;
        }
        if (xs[lo] == x) {
            return ys[lo];
        }
        int hi = lo + 1;
        return ys[lo] + (ys[hi] - ys[lo]) / (xs[hi] - xs[lo]) * (x - xs[lo]);
    }

    /** The last index whose x is at most x, given xs[0] < x < xs[last]. */
    private static int search(double[] xs, double x) {
        int lo = 0;
        int hi = xs.length - 1;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (xs[mid] <= x) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
