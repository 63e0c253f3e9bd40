package org.clusterdynamics.scenario;

import java.util.List;

/**
 * What a script can learn about one model variable: its name, kind, units, documentation,
 * dimensions, equation and, for a constant, its value.
 *
 * @param kind one of stock, flow, aux, constant, table (a lookup called like a function) or module
 * @param equation the equation as written (a stock's initial value), "" for tables and modules
 * @param value the value of a scalar constant, NaN otherwise
 * @param line line in the model file, 0 when unknown
 */
public record VariableInfo(String name, String kind, String units, String documentation, List<String> dimensions,
                           String equation, double value, int line) {

    public VariableInfo {
        dimensions = List.copyOf(dimensions);
    }

    public boolean isConstant() {
        return kind.equals("constant");
    }
}
