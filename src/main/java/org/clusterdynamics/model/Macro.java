package org.clusterdynamics.model;

import java.util.List;

/**
 * A Vensim macro (or XMILE macro): parameters, the output variable and the body's variables.
 * Each call site gets its own copy of the body, with stocks of its own.
 */
public record Macro(VarName name, List<String> parameters, List<String> extraOutputs, List<Variable> body, int line) {
    public Macro {
        parameters = List.copyOf(parameters);
        extraOutputs = extraOutputs == null ? List.of() : List.copyOf(extraOutputs);
        body = List.copyOf(body);
    }
}
