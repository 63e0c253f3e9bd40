package org.clusterdynamics.model;

import java.util.Arrays;

/**
 * A table function (XMILE graphical function, Vensim lookup): points and how to read between and
 * beyond them.
 */
public record GraphicalFunction(double[] xs, double[] ys, Kind kind) {

    /** How values between and outside the points are read. */
    public enum Kind {
        /** linear between points, clamped to the end values outside. */
        CONTINUOUS,
        /** linear between points, extended along the end segments outside. */
        EXTRAPOLATE,
        /** step function: each point's value holds until the next point. */
        DISCRETE
    }

    public GraphicalFunction {
        if (xs.length != ys.length || xs.length == 0) {
            throw new IllegalArgumentException(
                    "a graphical function needs as many x as y values and at least one point (got "
                            + xs.length + " x and " + ys.length + " y)");
        }
        xs = xs.clone();
        ys = ys.clone();
    }

    /** Evenly spaced x values from xmin to xmax, one per y value. */
    public static GraphicalFunction evenlySpaced(double xmin, double xmax, double[] ys, Kind kind) {
        double[] xs = new double[ys.length];
        for (int i = 0; i < ys.length; i++) {
            xs[i] = ys.length == 1 ? xmin : xmin + (xmax - xmin) * i / (ys.length - 1);
        }
        return new GraphicalFunction(xs, ys, kind);
    }

    public double lookup(double x) {
        return lookup(x, kind);
    }

    /** Reads the table at x with the given kind (Vensim's LOOKUP EXTRAPOLATE reads any table so). */
    public double lookup(double x, Kind how) {
        int n = xs.length;
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        if (n == 1) {
            return ys[0];
        }
        if (x <= xs[0]) {
            if (how == Kind.EXTRAPOLATE && x < xs[0]) {
                return ys[0] + slope(0, 1) * (x - xs[0]);
            }
            return ys[0];
        }
        if (x >= xs[n - 1]) {
            if (how == Kind.EXTRAPOLATE && x > xs[n - 1]) {
                return ys[n - 1] + slope(n - 2, n - 1) * (x - xs[n - 1]);
            }
            return ys[n - 1];
        }
        int i = Arrays.binarySearch(xs, x);
        if (i >= 0) {
            // exact hit; with repeated x take the last point (a vertical segment jumps at x)
            while (i + 1 < n && xs[i + 1] == x) {
                i++;
            }
            return ys[i];
        }
        int hi = -i - 1;
        int lo = hi - 1;
        if (how == Kind.DISCRETE) {
            return ys[lo];
        }
        return ys[lo] + slope(lo, hi) * (x - xs[lo]);
    }

    /**
     * The slope of a segment. Interpolation is y0 + slope * (x - x0), as Vensim and SDEverywhere
     * compute it: the slope does not depend on x, so compiled code can hold it as a constant and
     * keep the division off the path from x to y.
     */
    private double slope(int i, int j) {
        return (ys[j] - ys[i]) / (xs[j] - xs[i]);
    }

    /** Vensim LOOKUP FORWARD: the y of the first point at or after x. */
    public double lookupForward(double x) {
        for (int i = 0; i < xs.length; i++) {
            if (xs[i] >= x) {
                return ys[i];
            }
        }
        return ys[ys.length - 1];
    }

    /** Vensim LOOKUP BACKWARD: the y of the last point at or before x. */
    public double lookupBackward(double x) {
        for (int i = xs.length - 1; i >= 0; i--) {
            if (xs[i] <= x) {
                return ys[i];
            }
        }
        return ys[0];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GraphicalFunction g
                && Arrays.equals(xs, g.xs) && Arrays.equals(ys, g.ys) && kind == g.kind;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(xs) + Arrays.hashCode(ys) + kind.hashCode();
    }

    @Override
    public String toString() {
        return "GraphicalFunction" + Arrays.toString(xs) + "->" + Arrays.toString(ys) + " " + kind;
    }
}
