package org.clusterdynamics.model;

import java.util.List;

/**
 * An auxiliary or constant. A standalone table (Vensim lookup, XMILE gf without equation) is an
 * Aux whose definition has a graphical function and no equation; it is called like a function.
 */
public record Aux(
        VarName name,
        Definition definition,
        List<String> dimensions,
        String units,
        String documentation,
        int line) implements Variable {
    public Aux {
        dimensions = List.copyOf(dimensions);
        units = units == null ? "" : units;
        documentation = documentation == null ? "" : documentation;
    }
}
