package org.clusterdynamics.model;

import java.util.List;

/**
 * A flow (rate). A non-negative (uniflow) flow never runs backwards. A flow with {@code leak} is a
 * conveyor's leakage whose equation is the leak fraction (null for an ordinary flow).
 */
public record Flow(
        VarName name,
        Definition definition,
        boolean nonNegative,
        List<String> dimensions,
        String units,
        String documentation,
        int line,
        Leak leak) implements Variable {
    /** An ordinary flow (not a leakage). */
    public Flow(VarName name, Definition definition, boolean nonNegative, List<String> dimensions, String units,
            String documentation, int line) {
        this(name, definition, nonNegative, dimensions, units, documentation, line, null);
    }

    public Flow {
        dimensions = List.copyOf(dimensions);
        units = units == null ? "" : units;
        documentation = documentation == null ? "" : documentation;
    }
}
