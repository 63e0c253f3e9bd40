package org.clusterdynamics.io.vensim;

import java.util.List;
import org.clusterdynamics.diag.Diagnostics;
import org.clusterdynamics.diag.Where;
import org.clusterdynamics.model.GraphicalFunction;

/** Reads the body of a Vensim lookup definition into a {@link GraphicalFunction}. */
final class LookupTables {
    private LookupTables() {}

    /**
     * Reads {@code [(xmin,ymin)-(xmax,ymax)], (x1,y1), ...}, the older form without the range, or the
     * flat {@code x1, x2, ..., y1, y2, ...} form; null (with a diagnostic) when it is malformed.
     */
    static GraphicalFunction parse(String body, String variable, String file, int line, Diagnostics diags) {
        String s = body.strip();
        if (s.startsWith("[")) {
            // the bracket holds the plot range (and reference lines), not table points
            int close = Text.closing(s, 0);
            if (close < 0) {
                return fail(variable, file, line, diags, "its range '[...]' has no closing ']'");
            }
            s = s.substring(close + 1).strip();
            if (s.startsWith(",")) {
                s = s.substring(1).strip();
            }
        }
        List<String> parts = Text.splitTopLevel(s, ",");
        if (s.isEmpty()) {
            return fail(variable, file, line, diags, "it has no points");
        }
        double[] xs;
        double[] ys;
        if (s.startsWith("(")) {
            xs = new double[parts.size()];
            ys = new double[parts.size()];
            for (int i = 0; i < parts.size(); i++) {
                String p = parts.get(i);
                if (!p.startsWith("(") || !p.endsWith(")")) {
                    return fail(variable, file, line, diags, "'" + p + "' is not a point '(x,y)'");
                }
                List<String> xy = Text.splitTopLevel(p.substring(1, p.length() - 1), ",");
                if (xy.size() != 2 || !Text.isNumber(xy.get(0)) || !Text.isNumber(xy.get(1))) {
                    return fail(variable, file, line, diags, "'" + p + "' is not a point of two numbers '(x,y)'");
                }
                xs[i] = Text.number(xy.get(0));
                ys[i] = Text.number(xy.get(1));
            }
        } else {
            if (parts.size() % 2 != 0) {
                return fail(variable, file, line, diags,
                        "a flat table lists all x values then all y values, so it needs an even count of numbers (got "
                                + parts.size() + ")");
            }
            int n = parts.size() / 2;
            xs = new double[n];
            ys = new double[n];
            for (int i = 0; i < parts.size(); i++) {
                if (!Text.isNumber(parts.get(i))) {
                    return fail(variable, file, line, diags, "'" + parts.get(i) + "' is not a number");
                }
                double v = Text.number(parts.get(i));
                if (i < n) {
                    xs[i] = v;
                } else {
                    ys[i - n] = v;
                }
            }
        }
        // Vensim reads a table whose points are out of order as if they were sorted by x
        Integer[] order = new Integer[xs.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        final double[] fx = xs;
        java.util.Arrays.sort(order, (a, b) -> Double.compare(fx[a], fx[b]));
        double[] sx = new double[xs.length];
        double[] sy = new double[xs.length];
        for (int i = 0; i < order.length; i++) {
            sx[i] = xs[order[i]];
            sy[i] = ys[order[i]];
        }
        xs = sx;
        ys = sy;
        return new GraphicalFunction(xs, ys, GraphicalFunction.Kind.CONTINUOUS);
    }

    private static GraphicalFunction fail(String variable, String file, int line, Diagnostics diags, String why) {
        diags.error("VENSIM_LOOKUP", Where.of(file, variable, line),
                "cannot read the lookup table of '" + variable + "': " + why
                        + "; write it as ([(xmin,ymin)-(xmax,ymax)],(x1,y1),(x2,y2),...)");
        return null;
    }
}
