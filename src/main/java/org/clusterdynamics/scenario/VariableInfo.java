package org.clusterdynamics.scenario;

import java.util.List;

/**
 * What a script can learn about one model variable: its name, kind, units, documentation,
 * dimensions, equation and, for a constant, its value.
 *
 * @param kind one of stock, flow, aux, constant, lookup (an input read through a graphical function), table (a
 *     lookup called like a function) or module
 * @param equation the equation as written (a stock's initial value; a lookup's input), "" for tables and modules
 * @param value the value of a scalar constant, NaN otherwise
 * @param line line in the model file, 0 when unknown
 */
public record VariableInfo(String name, String kind, String units, String documentation, List<String> dimensions,
                           String equation, double value, int line, double[][] points) {

    public VariableInfo {
        dimensions = List.copyOf(dimensions);
    }

    /** A variable without a graphical function. */
    public VariableInfo(String name, String kind, String units, String documentation, List<String> dimensions,
                        String equation, double value, int line) {
        this(name, kind, units, documentation, dimensions, equation, value, line, null);
    }

    /** The points [[x, y], ...] of its graphical function, or null when it has none (or one per element). */
    @Override
    public double[][] points() {
        if (points == null) {
            return null;
        }
        double[][] out = new double[points.length][];
        for (int i = 0; i < points.length; i++) {
            out[i] = points[i].clone();
        }
        return out;
    }

    public boolean isConstant() {
        return kind.equals("constant");
    }
}
