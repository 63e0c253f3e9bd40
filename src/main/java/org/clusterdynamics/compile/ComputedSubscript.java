package org.clusterdynamics.compile;

import org.clusterdynamics.diag.Diagnostic;
import org.clusterdynamics.diag.ModelException;
import org.clusterdynamics.diag.Where;

/**
 * The run-time side of {@link LExpr.ElementAt}, shared by the interpreter and generated code so that
 * both choose the same element and stop with the same message.
 */
public final class ComputedSubscript {
    private ComputedSubscript() {}

    /**
     * The 0-based position named by a 1-based subscript computed during the run (rounded to the
     * nearest whole number, as a constant subscript is); an error outside 1..size.
     */
    static int position(double index, int size, int which, String[] where, double time) {
        long i = Math.round(index);
        if (Double.isNaN(index) || i < 1 || i > size) {
            throw outOfRange(index, size, which, where, time);
        }
        return (int) i - 1;
    }

    /**
     * The element's flat position among the candidates, from its computed indices in order;
     * {@code where} is the source file, the reading variable and the array as written.
     */
    public static int flat(double[] indices, int[] sizes, String[] where, double time) {
        int p = 0;
        for (int k = 0; k < indices.length; k++) {
            p = p * sizes[k] + position(indices[k], sizes[k], k, where, time);
        }
        return p;
    }

    /** What {@link #flat} needs to name the element in an error: source file, reader, array. */
    public static String[] where(LExpr.ElementAt at) {
        return new String[] {at.source(), at.reader(), at.array()};
    }

    private static ModelException outOfRange(double index, int size, int which, String[] where, double time) {
        String value = Double.isNaN(index) ? "NaN" : index == Math.rint(index) ? Long.toString((long) index)
                : Double.toString(index);
        return new ModelException(Diagnostic.error("E102", new Where(where[0], where[1], 0, time), "'"
                + where[1] + "' reads " + where[2] + ", whose computed subscript " + (which + 1) + " is " + value
                + ", outside 1.." + size
                + ": keep the index expression within the array's dimension (MIN/MAX or an IF can bound it)"));
    }
}
