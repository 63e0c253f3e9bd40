package org.clusterdynamics.model;

import java.util.List;

/**
 * A stock (level). XMILE names its inflows and outflows; Vensim writes INTEG(rate, initial), kept
 * as a net-rate definition. A non-negative stock is never drained below zero (XMILE). A stock with
 * {@code conveyor} options is a conveyor (null for an ordinary stock).
 */
public record Stock(
        VarName name,
        Definition initial,
        List<VarName> inflows,
        List<VarName> outflows,
        Definition netRate,
        boolean nonNegative,
        List<String> dimensions,
        String units,
        String documentation,
        int line,
        Conveyor conveyor) implements Variable {
    /** An ordinary stock (not a conveyor). */
    public Stock(VarName name, Definition initial, List<VarName> inflows, List<VarName> outflows, Definition netRate,
            boolean nonNegative, List<String> dimensions, String units, String documentation, int line) {
        this(name, initial, inflows, outflows, netRate, nonNegative, dimensions, units, documentation, line, null);
    }

    public Stock {
        inflows = List.copyOf(inflows);
        outflows = List.copyOf(outflows);
        dimensions = List.copyOf(dimensions);
        units = units == null ? "" : units;
        documentation = documentation == null ? "" : documentation;
    }
}
