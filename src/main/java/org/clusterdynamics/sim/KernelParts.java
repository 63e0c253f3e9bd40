package org.clusterdynamics.sim;

import java.util.ArrayList;
import java.util.List;
import org.clusterdynamics.compile.ArrayOps;
import org.clusterdynamics.compile.ComputedSubscript;
import org.clusterdynamics.compile.LExpr;

/**
 * The part classes of a generated kernel's source ({@link KernelSource}) and the helper methods
 * written into them: long sums and products, builtins evaluated through {@code Ops.math}, array
 * builtins and elements chosen during the run, each as the interpreter computes it.
 */
final class KernelParts {
    /** Stands for "private " in one-class code, nothing when parts are inner classes reaching each other's members. */
    static final String PRIVATE = "\u0002";
    static final char PART_MARK = '\u0001';

    /** Chunk and helper methods (with their scratch fields) by part, each part one class of its own. */
    private final List<StringBuilder> parts = new ArrayList<>(List.of(new StringBuilder()));
    private final int partChars;
    private int helperCount;

    KernelParts(int partChars) {
        this.partChars = partChars;
    }

    /**
     * The part to write the next method into (a new one once the current is full), and the prefix
     * that calls a member of it from anywhere in the kernel: a mark replaced once the number of parts is known.
     */
    int part() {
        if (parts.get(parts.size() - 1).length() >= partChars) {
            parts.add(new StringBuilder());
        }
        return parts.size() - 1;
    }

    static String in(int part) {
        return PART_MARK + Integer.toString(part) + PART_MARK;
    }

    /** The source written so far into part k. */
    StringBuilder get(int k) {
        return parts.get(k);
    }

    int size() {
        return parts.size();
    }

    /**
     * (((start op x0) op x1) ...) tail: the interpreter's left-to-right loop. Long folds (expanded
     * array reductions) accumulate in statements in helper methods of at most FOLD_TERMS terms,
     * each passing the running value on, so that no expression nests deeper than the compiler's stack.
     */
    String fold(String start, String op, String[] x, String tail) {
        if (x.length <= FOLD_TERMS) {
            StringBuilder s = new StringBuilder("((").append(start);
            for (String a : x) {
                s.append(' ').append(op).append(' ').append(a);
            }
            return s.append(")").append(tail).append(")").toString();
        }
        String acc = start;
        for (int from = 0; from < x.length; from += FOLD_TERMS) {
            int id = helperCount++;
            int part = part();
            StringBuilder helpers = parts.get(part);
            helpers.append("  " + PRIVATE + "double h").append(id).append("(double[] v, Frame f, double s) {\n");
            for (int i = from; i < Math.min(x.length, from + FOLD_TERMS); i++) {
                helpers.append("    s ").append(op).append("= ").append(x[i]).append(";\n");
            }
            helpers.append("    return s;\n  }\n");
            acc = in(part) + "h" + id + "(v, f, " + acc + ")";
        }
        return "(" + acc + tail + ")";
    }

    /** Terms of a sum or product written in one expression; longer ones go to helper methods. */
    static final int FOLD_TERMS = 32;

    /** Any other builtin: a helper method fills a scratch array and calls Ops.math, as the interpreter does. */
    String viaOps(LExpr.MathFn fn, String[] x) {
        int id = helperCount++;
        int part = part();
        StringBuilder helpers = parts.get(part);
        helpers.append("  " + PRIVATE + "final double[] s").append(id).append(" = new double[").append(x.length).append("];\n");
        helpers.append("  " + PRIVATE + "double h").append(id).append("(double[] v, Frame f) {\n")
                .append("    double[] s = s").append(id).append(";\n");
        for (int i = 0; i < x.length; i++) {
            helpers.append("    s[").append(i).append("] = ").append(x[i]).append(";\n");
        }
        helpers.append("    return Ops.math(LExpr.MathFn.").append(fn.name()).append(", s, f.time, f.dt);\n  }\n");
        return in(part) + "h" + id + "(v, f)";
    }

    /** An array builtin's helper: fills scratch inputs {@code in} and parameters {@code p} and calls ArrayOps. */
    String arrayHelper(LExpr.ArrayFn fn, String[] in, String[] p) {
        int id = helperCount++;
        int part = part();
        StringBuilder helpers = parts.get(part);
        helpers.append("  " + PRIVATE + "final double[] a").append(id).append(" = new double[").append(in.length).append("];\n")
                .append("  " + PRIVATE + "final double[] p").append(id).append(" = new double[").append(p.length).append("];\n")
                .append("  " + PRIVATE + "final double[] w").append(id).append(" = new double[")
                .append(ArrayOps.workSize(fn.kind(), in.length)).append("];\n");
        helpers.append("  " + PRIVATE + "double h").append(id).append("(double[] v, Frame f) {\n");
        for (int i = 0; i < in.length; i++) {
            helpers.append("    a").append(id).append("[").append(i).append("] = ").append(in[i]).append(";\n");
        }
        for (int i = 0; i < p.length; i++) {
            helpers.append("    p").append(id).append("[").append(i).append("] = ").append(p[i]).append(";\n");
        }
        helpers.append("    return ArrayOps.eval(LExpr.ArrayKind.").append(fn.kind().name()).append(", a").append(id)
                .append(", p").append(id).append(", ").append(fn.outputIndex()).append(", w").append(id).append(");\n  }\n");
        return in(part) + "h" + id + "(v, f)";
    }

    /** A computed element's helper: computes the indices {@code x} and calls ComputedSubscript. */
    String elementHelper(LExpr.ElementAt at, String[] x) {
        int id = helperCount++;
        int part = part();
        StringBuilder helpers = parts.get(part);
        helpers.append("  " + PRIVATE + "final double[] c").append(id).append(" = new double[").append(x.length).append("];\n")
                .append("  " + PRIVATE + "final int[] e").append(id).append(" = ").append(ints(at.elements())).append(";\n")
                .append("  " + PRIVATE + "final int[] z").append(id).append(" = ").append(ints(at.sizes())).append(";\n")
                .append("  " + PRIVATE + "final String[] n").append(id).append(" = {");
        String[] where = ComputedSubscript.where(at);
        for (int i = 0; i < where.length; i++) {
            helpers.append(i > 0 ? ", " : "").append(KernelSource.stringLiteral(where[i]));
        }
        helpers.append("};\n");
        helpers.append("  " + PRIVATE + "double h").append(id).append("(double[] v, Frame f) {\n");
        for (int i = 0; i < x.length; i++) {
            helpers.append("    c").append(id).append("[").append(i).append("] = ").append(x[i]).append(";\n");
        }
        helpers.append("    return v[e").append(id).append("[ComputedSubscript.flat(c").append(id).append(", z").append(id)
                .append(", n").append(id).append(", f.time)]];\n  }\n");
        return in(part) + "h" + id + "(v, f)";
    }

    private static String ints(List<Integer> xs) {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < xs.size(); i++) {
            b.append(i > 0 ? ", " : "").append(xs.get(i));
        }
        return b.append('}').toString();
    }
}
