package org.clusterdynamics.model;

import java.util.List;

/** A flow (rate). A non-negative (uniflow) flow never runs backwards. */
public record Flow(
        VarName name,
        Definition definition,
        boolean nonNegative,
        List<String> dimensions,
        String units,
        String documentation,
        int line) implements Variable {
    public Flow {
        dimensions = List.copyOf(dimensions);
        units = units == null ? "" : units;
        documentation = documentation == null ? "" : documentation;
    }
}
