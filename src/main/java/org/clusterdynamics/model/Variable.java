package org.clusterdynamics.model;

import java.util.List;

/** A model variable: a stock, a flow, an auxiliary or a module instance. */
public sealed interface Variable permits Stock, Flow, Aux, ModuleInstance {
    VarName name();

    /** Dimension names this variable is arrayed over, in order; empty for a scalar. */
    List<String> dimensions();

    /** Units as written ("" when none). */
    String units();

    String documentation();

    /** Line in the source file where the variable is defined (0 when unknown). */
    int line();

    /**
     * The definition a variable's value comes from: a stock's initial value, a flow's or an
     * auxiliary's equation; null for a module instance.
     */
    static Definition definitionOf(Variable v) {
        if (v instanceof Stock s) {
            return s.initial();
        } else if (v instanceof Flow f) {
            return f.definition();
        } else if (v instanceof Aux a) {
            return a.definition();
        }
        return null;
    }

    /** Optional Vensim-style range [min, max, step]; null when not given. */
    default double[] range() {
        return null;
    }
}
