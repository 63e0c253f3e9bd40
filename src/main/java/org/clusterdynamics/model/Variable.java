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

    /** Optional Vensim-style range [min, max, step]; null when not given. */
    default double[] range() {
        return null;
    }
}
