package org.clusterdynamics.sim;

import static org.clusterdynamics.sim.KernelSource.literal;

import org.clusterdynamics.model.GraphicalFunction;

/**
 * Java source of a method that reads a small table by a tree of comparisons with the x values
 * written as constants, and interpolates with constant slopes: the reference's arithmetic
 * ({@code GraphicalFunction.lookup}) with nothing loaded from arrays.
 */
final class LookupTreeSource {
    private LookupTreeSource() {
    }

    /** Writes method {@code name(double x)} reading table {@code g} (field {@code g<id>}) as {@code how}. */
    static void write(StringBuilder b, String modifiers, String name, int id, GraphicalFunction g,
            GraphicalFunction.Kind how) {
        double[] xs = g.xs();
        double[] ys = g.ys();
        int last = xs.length - 1;
        b.append("  " + modifiers + "double ").append(name).append("(double x) {\n");
        if (Lookups.innerZero(g)) {
            // the reference orders -0.0 before an inner 0.0; comparisons do not
            b.append("    if (Double.doubleToRawLongBits(x) == Long.MIN_VALUE) return g").append(id)
                    .append(".lookup(x, GraphicalFunction.Kind.").append(how.name()).append(");\n");
        }
        String xl = literal(xs[last]);
        String upper = literal(ys[last]);
        String x0 = literal(xs[0]);
        String lower = literal(ys[0]);
        if (how == GraphicalFunction.Kind.EXTRAPOLATE) {
            upper = "(x > " + xl + " ? " + upper + " + " + literal(slope(xs, ys, last - 1, last)) + " * (x - " + xl + ") : "
                    + upper + ")";
            lower = "(x < " + x0 + " ? " + lower + " + " + literal(slope(xs, ys, 0, 1)) + " * (x - " + x0 + ") : "
                    + lower + ")";
        }
        // NaN fails both comparisons: the reference returns NaN for it
        b.append("    if (!(x < ").append(xl).append(")) return x >= ").append(xl).append(" ? ").append(upper)
                .append(" : Double.NaN;\n");
        b.append("    if (!(x > ").append(x0).append(")) return ").append(lower).append(";\n");
        tree(b, xs, ys, how, 0, last, "    ");
        b.append("  }\n");
    }

    /** A segment's slope, computed exactly as GraphicalFunction computes it. */
    private static double slope(double[] xs, double[] ys, int i, int j) {
        return (ys[j] - ys[i]) / (xs[j] - xs[i]);
    }

    /** Code for xs[lo] <= x < xs[hi]: the reference's binary search, unrolled. */
    private static void tree(StringBuilder b, double[] xs, double[] ys, GraphicalFunction.Kind how, int lo, int hi,
            String indent) {
        if (hi - lo == 1) {
            if (how == GraphicalFunction.Kind.DISCRETE) {
                b.append(indent).append("return ").append(literal(ys[lo])).append(";\n");
                return;
            }
            double slope = slope(xs, ys, lo, hi);
            // at x == xs[lo] interpolation adds (+-)0.0 to ys[lo], which is ys[lo] unless that is -0.0
            // or the slope is not finite: only then does the exact hit need its own test
            if (lo > 0 && (!Double.isFinite(slope) || Double.doubleToRawLongBits(ys[lo]) == Long.MIN_VALUE)) {
                b.append(indent).append("if (x == ").append(literal(xs[lo])).append(") return ")
                        .append(literal(ys[lo])).append(";\n");
            }
            b.append(indent).append("return ").append(literal(ys[lo])).append(" + ").append(literal(slope))
                    .append(" * (x - ").append(literal(xs[lo])).append(");\n");
            return;
        }
        int mid = (lo + hi) >>> 1;
        b.append(indent).append("if (x < ").append(literal(xs[mid])).append(") {\n");
        tree(b, xs, ys, how, lo, mid, indent + "  ");
        b.append(indent).append("}\n");
        tree(b, xs, ys, how, mid, hi, indent);
    }

}
