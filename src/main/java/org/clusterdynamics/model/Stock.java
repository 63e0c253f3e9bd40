package org.clusterdynamics.model;

import java.util.List;

/**
 * A stock (level). XMILE names its inflows and outflows; Vensim writes INTEG(rate, initial), kept
 * as a net-rate definition. A non-negative stock is never drained below zero (XMILE).
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
        int line) implements Variable {
    public Stock {
        inflows = List.copyOf(inflows);
        outflows = List.copyOf(outflows);
        dimensions = List.copyOf(dimensions);
        units = units == null ? "" : units;
        documentation = documentation == null ? "" : documentation;
    }
}
